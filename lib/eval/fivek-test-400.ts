import { mulberry32 } from "@/lib/develop/params";

/**
 * Our frozen MIT-Adobe FiveK test list. RetouchIQ's 400-image subset is not
 * published, so we define one: 400 of the standard 500 test images
 * a4501–a5000 (the 4500/500 split by file order), drawn with a seeded
 * Fisher–Yates shuffle (mulberry32, seed 2602) and sorted. The list is a
 * function of the seed alone; the unit test pins its hash so it never drifts.
 */
export function fivekTest400(): string[] {
  const ids = Array.from({ length: 500 }, (_, i) => `a${4501 + i}`);
  const rand = mulberry32(2602);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [ids[i], ids[j]] = [ids[j], ids[i]];
  }
  return ids.slice(0, 400).sort();
}
