"use client";
// The page's side of the preview boot (preview-boot.ts): when this module loads it takes the worker
// the boot script in <head> started, or boots one itself when it runs first (a client-side
// navigation), so the worker starts before the page renders; the preview hook takes it.
import { boot, startWorker, type Boot, type BootedWorker, type BootSlot } from "./preview-boot";

/** What the boot script started, or a boot of this module's own (and the script then does nothing). */
function claimBoot(): Boot | null {
  const w = window as BootSlot;
  if (!w.__developBoot) {
    w.__developBoot = { booted: null };
    return boot();
  }
  const { booted } = w.__developBoot;
  w.__developBoot.booted = null;
  return booted;
}

let booted: Boot | null = typeof window === "undefined" ? null : claimBoot();

/** The booted worker for the first preview that mounts; later ones (the page opened again) start their own. */
export function takeWorker(): BootedWorker {
  const taken = booted ?? startWorker();
  booted = null;
  taken.settle(); // the canvas is rendered by now: the seed is on it, or there is none
  taken.taken = true;
  return taken;
}
