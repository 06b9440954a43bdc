// The develop worker's photo downloads (the worker fetches its own sources: on the page's main
// thread, a download's completion waits behind the scripts and hydration that fill the page's
// first second).
/** The photo's variants the server stores: `thumbnail` and `preview` lossy (quick, drafts only), `preview-png` lossless. */
export const sourceUrl = (sha: string, variant: "thumbnail" | "preview" | "preview-png") => `/api/v1/images/${sha}/${variant}`;

/** Longest one attempt at loading a photo may take, body included, before it is abandoned and tried again. */
const LOAD_ATTEMPT_MS = 20_000;

/**
 * The bytes behind `url`, with a few retries on network errors (the request or the body), on an
 * attempt that stalls past {@link LOAD_ATTEMPT_MS}, and on 5xx / 429 answers (a busy server, a
 * restart), so a passing hiccup does not leave the page without its photo; stops once `wanted`
 * turns false.
 */
export async function loadBlob(url: string, wanted: () => boolean, attempts = 4): Promise<Blob> {
  for (let attempt = 1; ; attempt++) {
    let failure: Error;
    let retry = true;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(LOAD_ATTEMPT_MS) });
      if (res.ok) return await res.blob();
      failure = new Error(`the server answered ${res.status}`);
      retry = res.status >= 500 || res.status === 429;
    } catch (e) {
      failure = e as Error;
    }
    if (!retry || attempt >= attempts || !wanted()) throw failure;
    await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
  }
}
