/** Field checks shared by every form; each returns a message or undefined when the value is fine. */

export function required(value: string, label: string): string | undefined {
  return value.trim() === "" ? `${label} is required.` : undefined;
}

export function maxLength(value: string, label: string, max: number): string | undefined {
  return value.length > max ? `${label} must be at most ${max} characters.` : undefined;
}

export function numberIn(value: string, label: string, min?: number, max?: number, whole = false): string | undefined {
  if (value.trim() === "") return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) return `${label} must be a number.`;
  if (whole && !Number.isInteger(n)) return `${label} must be a whole number.`;
  if (min !== undefined && n < min) return `${label} must be at least ${min}.`;
  if (max !== undefined && n > max) return `${label} must be at most ${max}.`;
  return undefined;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function email(value: string, label: string): string | undefined {
  if (value.trim() === "") return undefined;
  return EMAIL.test(value.trim()) ? undefined : `${label} must be a valid email address, like name@example.com.`;
}

export function url(value: string, label: string): string | undefined {
  if (value.trim() === "") return undefined;
  try {
    const parsed = new URL(value.trim());
    return parsed.protocol === "http:" || parsed.protocol === "https:"
      ? undefined
      : `${label} must start with http:// or https://.`;
  } catch {
    return `${label} must be a full web address, like https://example.com.`;
  }
}

/** A web address, or a path on this site such as /images/cover.jpg. */
export function imageUrl(value: string, label: string): string | undefined {
  return value.trim().startsWith("/") && !value.trim().startsWith("//") ? undefined : url(value, label);
}

const PHONE = /^\+?[0-9 ()./-]{6,20}$/;

export function phone(value: string, label: string): string | undefined {
  if (value.trim() === "") return undefined;
  return PHONE.test(value.trim()) ? undefined : `${label} must be a phone number, like +1 555 123 4567.`;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function date(value: string, label: string): string | undefined {
  if (value === "") return undefined;
  return DATE.test(value) && !Number.isNaN(Date.parse(value)) ? undefined : `${label} must be a valid date.`;
}

const TIME = /^\d{2}:\d{2}(:\d{2})?$/;

export function time(value: string, label: string): string | undefined {
  if (value === "") return undefined;
  return TIME.test(value) ? undefined : `${label} must be a valid time.`;
}

/** Splits "a, b ,c" into ["a", "b", "c"]. */
export function splitList(value: string): string[] {
  return value
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

/** The first of several checks that fails. */
export function first(...messages: (string | undefined)[]): string | undefined {
  return messages.find((message) => message !== undefined);
}
