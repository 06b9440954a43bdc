"use client";
import { useState } from "react";

/**
 * Before/after wipe: the after image is clipped to the slider position.
 * The slider is a native range input, so it is keyboard operable (arrows,
 * Page Up/Down, Home/End) and announced by screen readers.
 */
export function WipeSlider({ before, after }: { before: string; after: string | null }) {
  const [pos, setPos] = useState(50);
  if (!after) {
    // eslint-disable-next-line @next/next/no-img-element -- authenticated API image
    return <img src={before} alt="Before" className="max-h-[520px] rounded" />;
  }
  return (
    <div className="space-y-2">
      <div className="relative inline-block max-w-full select-none overflow-hidden rounded" data-testid="wipe">
        {/* eslint-disable-next-line @next/next/no-img-element -- authenticated API image */}
        <img src={before} alt="Before" className="block max-h-[520px]" />
        {/* eslint-disable-next-line @next/next/no-img-element -- authenticated API image */}
        <img src={after} alt="After" className="absolute inset-0 block h-full w-full" style={{ clipPath: `inset(0 0 0 ${pos}%)` }} />
        <div className="pointer-events-none absolute inset-y-0 w-0.5 bg-white shadow" style={{ left: `${pos}%` }} />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <span>Before</span>
        <input type="range" min={0} max={100} value={pos} onChange={(e) => setPos(Number(e.target.value))} aria-label="Wipe between before and after" className="w-64" />
        <span>After</span>
      </label>
    </div>
  );
}
