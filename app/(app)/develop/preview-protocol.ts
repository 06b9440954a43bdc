import type { DevelopParams } from "@/lib/develop/params";

/**
 * How a render request should be served:
 * - `interactive` (a slider is dragged or stepped with the keyboard): a reduced-size draft now,
 *   the full preview once input has been idle for {@link FULL_AFTER_IDLE_MS};
 * - `settled` (opening, release, before/after, reset): a draft if the params are new, then the
 *   full preview at once.
 */
export type RenderMode = "interactive" | "settled";

/** Input pause after which an interactive request gets its full-size render. */
export const FULL_AFTER_IDLE_MS = 120;

/** Messages from the develop page to its Web Worker. */
export type ToWorker =
  /**
   * A photo, encoded: `exact` is the lossless preview every full render starts from (the pixels the
   * server renders); `approx` (the lossy preview, quicker to fetch) may only feed drafts until the
   * exact one arrives. `generation` increases with each photo; older sources are dropped.
   */
  | { type: "source"; kind: "exact" | "approx"; generation: number; blob: Blob }
  | { type: "render"; id: number; params: DevelopParams; mode: RenderMode };

type FrameCommon = { id: number; ms: number; checksum: number; notRendered: { key: string; reason: string }[] };

/** Messages from the worker: frames (newest request at the time of rendering) and errors. */
export type FromWorker =
  /** A full-size frame: a bitmap of the exact bytes, drawn unscaled. */
  | (FrameCommon & { type: "frame"; draft: false; width: number; height: number; bitmap: ImageBitmap })
  /** A draft: a reduced-size bitmap, drawn scaled up onto the `width`×`height` preview canvas. */
  | (FrameCommon & { type: "frame"; draft: true; width: number; height: number; bitmap: ImageBitmap })
  /** `source`: the lossless photo could not be decoded, so no full render will come until another photo. */
  | { type: "error"; id: number; message: string; source?: boolean };
