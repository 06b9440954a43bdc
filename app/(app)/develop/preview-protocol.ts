import type { DevelopParams } from "@/lib/develop/params";

/** Messages between the develop page and its Web Worker. */
export type ToWorker =
  | { type: "source"; width: number; height: number; data: Uint8ClampedArray }
  /** `draft`: render the half-size source (a slider is being dragged); the full size follows on release. */
  | { type: "render"; id: number; params: DevelopParams; draft?: boolean };

export type FromWorker =
  | { type: "rendered"; id: number; width: number; height: number; data: Uint8ClampedArray; ms: number; notRendered: { key: string; reason: string }[]; draft: boolean }
  | { type: "error"; id: number; message: string };
