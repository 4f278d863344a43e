/** Pure calculations behind summaries, dashboards and charts. */

export type Aggregate = "sum" | "avg" | "count" | "min" | "max";

export interface Point {
  label: string;
  value: number;
}

const finite = (values: readonly (number | null)[]): number[] =>
  values.filter((v): v is number => v !== null && Number.isFinite(v));

/** Applies an aggregate to values; null when there is nothing to average, minimise or maximise. */
export function aggregate(values: readonly (number | null)[], op: Aggregate): number | null {
  const nums = finite(values);
  switch (op) {
    case "count":
      return values.length;
    case "sum":
      return round(nums.reduce((a, b) => a + b, 0));
    case "avg":
      return nums.length === 0 ? null : round(nums.reduce((a, b) => a + b, 0) / nums.length);
    case "min":
      return nums.length === 0 ? null : Math.min(...nums);
    case "max":
      return nums.length === 0 ? null : Math.max(...nums);
  }
}

/** Groups items and aggregates a value per group, largest first (or by label when byLabel). */
export function groupBy<T>(
  items: readonly T[],
  group: (item: T) => string,
  value: (item: T) => number | null,
  op: Aggregate,
  byLabel = false,
): Point[] {
  const groups = new Map<string, (number | null)[]>();
  for (const item of items) {
    const key = group(item) || "—";
    const list = groups.get(key) ?? [];
    list.push(value(item));
    groups.set(key, list);
  }
  const points = [...groups].map(([label, values]) => ({ label, value: aggregate(values, op) ?? 0 }));
  return points.sort((a, b) => (byLabel ? a.label.localeCompare(b.label) : b.value - a.value || a.label.localeCompare(b.label)));
}

/** The Monday of the week of a YYYY-MM-DD date, as YYYY-MM-DD ("" for no date). */
export function weekOf(date: string): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(t)) return "";
  const d = new Date(t);
  const offset = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - offset);
  return d.toISOString().slice(0, 10);
}

/** The month of a YYYY-MM-DD date, as YYYY-MM. */
export function monthOf(date: string): string {
  return /^\d{4}-\d{2}/.test(date) ? date.slice(0, 7) : "";
}

/** Consecutive days up to today (or yesterday, when today is not done yet) found in dates. */
export function currentStreak(dates: readonly string[], today: string): number {
  const done = new Set(dates);
  const day = new Date(`${today}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return 0;
  if (!done.has(today)) day.setUTCDate(day.getUTCDate() - 1);
  let streak = 0;
  while (done.has(day.toISOString().slice(0, 10))) {
    streak++;
    day.setUTCDate(day.getUTCDate() - 1);
  }
  return streak;
}

/** How many of dates fall in the week (Monday to Sunday) of today. */
export function thisWeek(dates: readonly string[], today: string): number {
  const week = weekOf(today);
  return dates.filter((d) => weekOf(d) === week).length;
}

/** part of whole as a whole percentage (0 when whole is 0). */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
