import type { RoundView } from "@/lib/rounds";

const SETS = [
  { set: "perturbed", label: "Perturbed pairs", color: "#2563eb" },
  { set: "policy", label: "Policy-generated pairs", color: "#d97706" },
  { set: "gold", label: "Human gold pairs", color: "#059669" },
] as const;

const W = 720;
const H = 300;
const PAD = { l: 44, r: 44, t: 16, b: 36 };

/**
 * The paper's Figure 5, live: per round, the policy's benchmark score as a bar
 * (right axis, 0–10) and the reward model's accuracy on each pair set as a
 * point with its 95% bootstrap interval (left axis, 0–100%); the dashed line is
 * the random baseline, hollow diamonds the "bigger change wins" baseline.
 */
export function AccuracyChart({ rounds }: { rounds: RoundView[] }) {
  const shown = rounds.filter((r) => r.accuracy.length > 0 || r.policyScore);
  if (shown.length === 0)
    return (
      <p className="text-sm text-zinc-500">No finished round yet: accuracy appears here once a round has labelled its held-out pairs.</p>
    );
  const iw = W - PAD.l - PAD.r;
  const ih = H - PAD.t - PAD.b;
  const slot = iw / shown.length;
  const y = (v: number) => PAD.t + ih * (1 - v);
  return (
    <figure>
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-label="Reward-model accuracy and policy score per round">
        {[0, 0.25, 0.5, 0.75, 1].map((v) => (
          <g key={v}>
            <line
              x1={PAD.l}
              x2={W - PAD.r}
              y1={y(v)}
              y2={y(v)}
              stroke="currentColor"
              strokeOpacity={v === 0.5 ? 0.5 : 0.12}
              strokeDasharray={v === 0.5 ? "4 4" : undefined}
            />
            <text x={PAD.l - 6} y={y(v) + 4} fontSize="11" textAnchor="end" fill="currentColor" opacity={0.7}>{`${v * 100}%`}</text>
            <text x={W - PAD.r + 6} y={y(v) + 4} fontSize="11" fill="currentColor" opacity={0.7}>
              {v * 10}
            </text>
          </g>
        ))}
        {shown.map((r, i) => {
          const x0 = PAD.l + i * slot;
          const cx = x0 + slot / 2;
          const score = r.policyScore?.mean;
          return (
            <g key={r.id} data-round={r.number}>
              {score !== undefined && (
                <rect
                  x={cx - slot * 0.3}
                  y={y(score / 10)}
                  width={slot * 0.6}
                  height={ih - (y(score / 10) - PAD.t)}
                  fill="#a1a1aa"
                  fillOpacity={0.35}
                >
                  <title>{`Round ${r.number} policy score ${score.toFixed(2)} (95% ${r.policyScore!.lo?.toFixed(2)}–${r.policyScore!.hi?.toFixed(2)})`}</title>
                </rect>
              )}
              {SETS.map((s, k) => {
                const a = r.accuracy.find((x) => x.set === s.set);
                if (!a) return null;
                const px = cx + (k - 1) * Math.min(22, slot / 5);
                return (
                  <g key={s.set}>
                    <line x1={px} x2={px} y1={y(a.lo)} y2={y(a.hi)} stroke={s.color} strokeWidth={2} />
                    <circle cx={px} cy={y(a.accuracy)} r={4.5} fill={s.color}>
                      <title>{`Round ${r.number} ${s.label}: ${(a.accuracy * 100).toFixed(1)}% (95% ${(a.lo * 100).toFixed(1)}–${(a.hi * 100).toFixed(1)}%, n=${a.n})`}</title>
                    </circle>
                    <path d={`M${px} ${y(a.biggerChangeBaseline) - 4}l4 4l-4 4l-4 -4z`} fill="none" stroke={s.color} />
                  </g>
                );
              })}
              <text x={cx} y={H - PAD.b + 16} fontSize="12" textAnchor="middle" fill="currentColor">{`Round ${r.number}`}</text>
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
        {SETS.map((s) => (
          <span key={s.set} className="flex items-center gap-1">
            <span className="inline-block h-2.5 w-2.5 rounded-full" style={{ background: s.color }} /> {s.label} (95% CI)
          </span>
        ))}
        <span>◇ bigger change wins</span>
        <span>– – random (50%)</span>
        <span className="flex items-center gap-1">
          <span className="inline-block h-2.5 w-3 bg-zinc-400/40" /> policy score (0–10, right axis)
        </span>
      </figcaption>
    </figure>
  );
}
