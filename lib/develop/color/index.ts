export { srgbToLinear, linearToSrgb, SRGB_DECODE_LUT, SRGB_ENCODE_LUT, ENCODE_LUT_SIZE, encodeLinearToByte } from "./srgb";
export { LUMA_R, LUMA_G, LUMA_B, luma } from "./luma";
export { hueOf, hueToRgb } from "./hsv";
