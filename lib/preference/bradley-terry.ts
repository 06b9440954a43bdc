import { mulberry32 as seededRandom } from "@/lib/develop/params";

/** One comparison: `winner` beat `loser`, or they tied (each gets half a win). */
export type Comparison = { a: string; b: string; outcome: "a" | "b" | "tie" };

export type Rating = { player: string; score: number; lo: number; hi: number; games: number };

/**
 * Bradley–Terry strengths by Hunter's (2004) MM algorithm on a win matrix
 * (ties count half a win to each side). Scores are log-strengths centred to
 * mean 0. A small prior (one tie against a virtual average player) keeps a
 * player who won or lost everything finite.
 */
function fit(players: string[], comps: readonly Comparison[]): number[] {
  const idx = new Map(players.map((p, i) => [p, i]));
  const k = players.length;
  const wins = new Array<number>(k).fill(0.5); // prior: half a win…
  const games = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const c of comps) {
    const i = idx.get(c.a)!;
    const j = idx.get(c.b)!;
    wins[i] += c.outcome === "a" ? 1 : c.outcome === "tie" ? 0.5 : 0;
    wins[j] += c.outcome === "b" ? 1 : c.outcome === "tie" ? 0.5 : 0;
    games[i][j]++;
    games[j][i]++;
  }
  let p = new Array<number>(k).fill(1);
  for (let iter = 0; iter < 500; iter++) {
    const next = p.map((pi, i) => {
      let denom = 1 / (pi + 1); // …of one game against a strength-1 player
      for (let j = 0; j < k; j++) if (games[i][j]) denom += games[i][j] / (pi + p[j]);
      return wins[i] / denom;
    });
    const g = Math.exp(next.reduce((s, x) => s + Math.log(x), 0) / k);
    const normed = next.map((x) => x / g);
    const delta = Math.max(...normed.map((x, i) => Math.abs(Math.log(x) - Math.log(p[i]))));
    p = normed;
    if (delta < 1e-9) break;
  }
  return p.map(Math.log);
}

/**
 * Bradley–Terry ratings with percentile bootstrap intervals (comparisons
 * resampled with replacement, `seed` fixed so the table is reproducible).
 */
export function bradleyTerry(
  comps: readonly Comparison[],
  { bootstrap = 200, level = 0.95, seed = 1 }: { bootstrap?: number; level?: number; seed?: number } = {},
): Rating[] {
  const players = [...new Set(comps.flatMap((c) => [c.a, c.b]))].sort();
  if (players.length === 0) return [];
  const point = fit(players, comps);
  const rand = seededRandom(seed);
  const samples: number[][] = players.map(() => []);
  for (let b = 0; b < bootstrap; b++) {
    const resample = Array.from({ length: comps.length }, () => comps[Math.floor(rand() * comps.length)]);
    fit(players, resample).forEach((s, i) => samples[i].push(s));
  }
  const q = (xs: number[], f: number) => {
    const s = [...xs].sort((x, y) => x - y);
    return s[Math.min(s.length - 1, Math.max(0, Math.floor(f * (s.length - 1) + 0.5)))];
  };
  const games = new Map<string, number>();
  for (const c of comps) for (const p of [c.a, c.b]) games.set(p, (games.get(p) ?? 0) + 1);
  return players
    .map((player, i) => ({
      player,
      score: point[i],
      lo: bootstrap ? q(samples[i], (1 - level) / 2) : point[i],
      hi: bootstrap ? q(samples[i], 1 - (1 - level) / 2) : point[i],
      games: games.get(player) ?? 0,
    }))
    .sort((x, y) => y.score - x.score);
}
