/** Cache-Control of bytes that never change behind their URL (content-addressed, or keyed by everything that made them), for the signed-in user only. */
export const PRIVATE_IMMUTABLE = "private, max-age=31536000, immutable";
