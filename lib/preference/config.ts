/** A weak candidate closer than this (in visible steps) to the strong edit is not a real alternative. */
export const MIN_VISIBLE_DISTANCE = 0.5;
/** Perturbations at least this far from the strong edit have a known answer: gold pairs. */
export const GOLD_MIN_DISTANCE = 3;

/** Share of human queue items that are gold pairs (`COMPARE_GOLD_RATE`, default 0.1). */
export const goldRate = () => clamp01(Number(process.env.COMPARE_GOLD_RATE ?? 0.1));
/** Human labels wanted per pair (`COMPARE_OVERLAP`, default 3). */
export const compareOverlap = () => Math.max(1, Math.floor(Number(process.env.COMPARE_OVERLAP ?? 3)));

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0.1);
