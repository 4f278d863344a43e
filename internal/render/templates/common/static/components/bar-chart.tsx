import type { Point } from "@/lib/stats";

interface BarChartProps {
  title: string;
  points: readonly Point[];
  format: (value: number) => string;
}

/**
 * A horizontal bar chart: labels and values are text at the page's size on
 * every screen, bars are SVG, and a table gives screen readers the numbers.
 */
export function BarChart({ title, points, format }: BarChartProps) {
  if (points.length === 0) {
    return <p className="text-sm text-muted">No data yet.</p>;
  }
  const max = Math.max(...points.map((p) => p.value), 1);
  return (
    <figure data-chart="bar">
      <div aria-hidden="true" className="space-y-2">
        {points.map((p) => {
          const width = Math.max((p.value / max) * 100, p.value > 0 ? 1 : 0);
          return (
            <div key={p.label} className="grid grid-cols-[minmax(0,7rem)_1fr] items-center gap-3 text-sm sm:grid-cols-[minmax(0,10rem)_1fr]">
              <span className="truncate text-muted" title={p.label}>
                {p.label}
              </span>
              <span className="flex min-w-0 items-center gap-2">
                <svg viewBox="0 0 100 10" preserveAspectRatio="none" className="h-4 min-w-0 flex-1" focusable="false">
                  <rect width={width} height="10" rx="2" className="fill-primary" />
                </svg>
                <span className="whitespace-nowrap font-semibold text-foreground">{format(p.value)}</span>
              </span>
            </div>
          );
        })}
      </div>
      <table className="sr-only">
        <caption>{title}</caption>
        <tbody>
          {points.map((p) => (
            <tr key={p.label}>
              <th scope="row">{p.label}</th>
              <td>{format(p.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
