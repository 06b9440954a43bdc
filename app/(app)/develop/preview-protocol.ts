import type { DevelopParams } from "@/lib/develop/params";

/** Messages between the develop page and its Web Worker. */
export type ToWorker =
  | { type: "source"; width: number; height: number; data: Uint8ClampedArray }
  | { type: "render"; id: number; params: DevelopParams };

export type FromWorker =
  | { type: "rendered"; id: number; width: number; height: number; data: Uint8ClampedArray; ms: number; notRendered: { key: string; reason: string }[] }
  | { type: "error"; id: number; message: string };
