/** Why an image could not be read. */
export type ImageErrorCode = "EMPTY" | "NOT_AN_IMAGE" | "CORRUPT" | "TOO_LARGE" | "UNSUPPORTED";

/**
 * An input image that cannot be used, with a message fit to show the person
 * who uploaded it ("File is empty", "Image is 30000×30000 = 900 MP, above the
 * 100 MP limit", …). Transports map every code to a validation error (HTTP 422
 * or 413 for `TOO_LARGE`); none of them is retryable.
 */
export class ImageError extends Error {
  readonly code: ImageErrorCode;

  constructor({ code, message, cause }: { code: ImageErrorCode; message: string; cause?: unknown }) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = "ImageError";
    this.code = code;
  }
}

/** Whether `error` is an {@link ImageError} (optionally with a given code). */
export function isImageError(error: unknown, code?: ImageErrorCode): error is ImageError {
  return error instanceof ImageError && (code === undefined || error.code === code);
}
