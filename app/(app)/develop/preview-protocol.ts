import type { DevelopParams } from "@/lib/develop/params";

/** Pixel size of a photo's stored preview (the frames' full size). */
export type PreviewSize = { width: number; height: number };

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

/** One drawn preview frame (performance.now once it and the viewer's copies are drawn, in the animation frame that shows them); read by bench:preview. */
export type PreviewFrame = {
  t: number;
  id: number;
  draft: boolean;
  checksum: number;
  renderedWidth: number;
  renderMs: number;
  drawMs: number;
};

/** Messages from the develop page to its Web Worker. */
export type ToWorker =
  /**
   * A photo (its sha256) to download: the lossless preview every full render starts from (the
   * pixels the server renders) and a lossy one that only feeds drafts until the lossless one
   * arrives: the thumbnail where the preview's `size` is known (drawn scaled up to it), else the
   * lossy preview. `generation` increases with each photo; older ones are dropped.
   */
  | { type: "photo"; generation: number; image: string; size?: PreviewSize }
  | { type: "render"; id: number; params: DevelopParams; mode: RenderMode }
  /** A canvas over the viewer, handed over before the page hydrates: the worker draws its first frame there, if none is out yet (preview-early-draw.ts). */
  | { type: "early-canvas"; canvas: OffscreenCanvas };

/** `drawnEarly`: the worker drew this frame on the early canvas too. */
type FrameCommon = { id: number; ms: number; checksum: number; notRendered: { key: string; reason: string }[]; drawnEarly?: boolean };

/** Messages from the worker: frames (newest request at the time of rendering) and errors. */
export type FromWorker =
  /** A full-size frame: a bitmap of the exact bytes, drawn unscaled. */
  | (FrameCommon & { type: "frame"; draft: false; width: number; height: number; bitmap: ImageBitmap })
  /** A draft: a reduced-size bitmap, drawn scaled up onto the `width`×`height` preview canvas. */
  | (FrameCommon & { type: "frame"; draft: true; width: number; height: number; bitmap: ImageBitmap })
  /** A render failed; or (`source`: the photo of `generation`) the lossless photo could not be loaded or decoded, so no full render will come until another photo. */
  | { type: "error"; id: number; message: string; source?: { generation: number } }
  /** The frame drawn on the early canvas is on screen: `at` (ms since the epoch), the worker's next animation frame after drawing it. */
  | { type: "early-shown"; at: number; id: number; draft: boolean; checksum: number; renderedWidth: number; ms: number }
  /** When the worker reached each step of its first photo (ms since the epoch), once its first full frame is out: bench:preview's timeline. */
  | { type: "marks"; marks: Record<string, number> };
