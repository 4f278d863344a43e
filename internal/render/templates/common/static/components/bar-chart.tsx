import type { Point } from "@/lib/stats";

interface BarChartProps {
  title: string;
  points: readonly Point[];
  format: (value: number) => string;
}

/** A horizontal bar chart in plain SVG, with the numbers in a table for screen readers. */
export function BarChart({ title, points, format }: BarChartProps) {
  if (points.length === 0) {
    return <p className="text-sm text-muted">No data yet.</p>;
  }
  const max = Math.max(...points.map((p) => p.value), 1);
  const row = 32;
  const height = points.length * row;
  return (
    <figure>
      <svg role="img" aria-label={title} viewBox={`0 0 400 ${height}`} className="h-auto w-full max-w-xl">
        {points.map((p, i) => {
          const width = Math.max((p.value / max) * 250, p.value > 0 ? 2 : 0);
          return (
            <g key={p.label} transform={`translate(0 ${i * row})`}>
              <text x="0" y="20" className="fill-muted text-[12px]">
                {p.label.length > 18 ? `${p.label.slice(0, 17)}…` : p.label}
              </text>
              <rect x="120" y="6" width={width} height="20" rx="4" className="fill-primary" />
              <text x={126 + width} y="20" className="fill-foreground text-[12px] font-medium">
                {format(p.value)}
              </text>
            </g>
          );
        })}
      </svg>
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
