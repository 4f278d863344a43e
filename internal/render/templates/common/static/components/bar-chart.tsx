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
  const row = 30;
  const height = points.length * row;
  // Label column, bar area and room for the value after the longest bar.
  const labelWidth = 150;
  const barArea = 220;
  return (
    <figure>
      <svg role="img" aria-label={title} viewBox={`0 0 480 ${height}`} className="h-auto w-full max-w-lg">
        {points.map((p, i) => {
          const width = Math.max((p.value / max) * barArea, p.value > 0 ? 2 : 0);
          return (
            <g key={p.label} transform={`translate(0 ${i * row})`}>
              <text x="0" y="19" fontSize="12" className="fill-muted">
                {p.label.length > 20 ? `${p.label.slice(0, 19)}…` : p.label}
              </text>
              <rect x={labelWidth} y="6" width={width} height="18" rx="4" className="fill-primary" />
              <text x={labelWidth + width + 8} y="19" fontSize="12" fontWeight="600" className="fill-foreground">
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
