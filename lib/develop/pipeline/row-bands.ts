/** Rows [start, end) of an image. */
export type RowRange = readonly [number, number];

/**
 * Hands out the next band of rows to process each time it is called, null once none are left.
 * Threads that share one counter behind it (an Atomics.add over shared memory) balance a render
 * between them: a thread on a slower core simply claims fewer bands.
 */
export type RowBands = () => RowRange | null;

/** Which rows a render writes: all of them, one stripe, or the bands a {@link RowBands} hands out. */
export type RowSelection = RowRange | RowBands;

/** `rows` as a band source that checks every band against the image's height. */
export function rowBands(rows: RowSelection | undefined, height: number): RowBands {
  if (typeof rows === "function")
    return () => {
      const band = rows();
      return band && checkRows(band, height);
    };
  let given = false;
  const only = checkRows(rows ?? [0, height], height);
  return () => (given ? null : ((given = true), only));
}

function checkRows([a, b]: RowRange, height: number): RowRange {
  if (!(Number.isInteger(a) && Number.isInteger(b) && a >= 0 && a <= b && b <= height))
    throw new RangeError(`rows must satisfy 0 ≤ start ≤ end ≤ ${height}, got [${a}, ${b}]`);
  return [a, b];
}
