import type { Rating } from "@/lib/preference";

/** Bradley–Terry scores as dots with their 95% intervals on one shared axis (plain SVG, no chart library). */
export function RatingChart({ ratings, label }: { ratings: Rating[]; label: string }) {
  if (ratings.length === 0) return null;
  const lo = Math.min(...ratings.map((r) => r.lo)) - 0.2;
  const hi = Math.max(...ratings.map((r) => r.hi)) + 0.2;
  const x = (v: number) => ((v - lo) / (hi - lo || 1)) * 100;
  const rowH = 22;
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 100 ${ratings.length * rowH}`}
      preserveAspectRatio="none"
      className="h-auto w-full"
      style={{ height: ratings.length * rowH }}
    >
      <line x1={x(0)} x2={x(0)} y1={0} y2={ratings.length * rowH} stroke="currentColor" strokeOpacity={0.2} strokeWidth={0.3} />
      {ratings.map((r, i) => (
        <g key={r.player}>
          <line
            x1={x(r.lo)}
            x2={x(r.hi)}
            y1={i * rowH + rowH / 2}
            y2={i * rowH + rowH / 2}
            stroke="currentColor"
            strokeWidth={1.5}
            vectorEffect="non-scaling-stroke"
          />
          <circle cx={x(r.score)} cy={i * rowH + rowH / 2} r={1.2} fill="currentColor" />
        </g>
      ))}
    </svg>
  );
}
