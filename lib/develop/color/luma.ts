// Rec. 709 / sRGB luminance weights. Used on linear values they give relative luminance Y; used on
// encoded values they give luma, which the display-domain colour stages use as "lightness".

/** Red weight of Rec. 709 luminance. */
export const LUMA_R = 0.2126;
/** Green weight of Rec. 709 luminance. */
export const LUMA_G = 0.7152;
/** Blue weight of Rec. 709 luminance. */
export const LUMA_B = 0.0722;

/** Weighted sum `0.2126 r + 0.7152 g + 0.0722 b`. */
export function luma(r: number, g: number, b: number): number {
  return LUMA_R * r + LUMA_G * g + LUMA_B * b;
}
