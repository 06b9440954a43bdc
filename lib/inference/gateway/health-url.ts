import { endpointBase } from "../endpoint-base";

/** `http://host:8000/v1` → `http://host:8000/health` (vLLM and SGLang serve /health at the root). */
export function healthUrls(endpoint: string): string[] {
  const base = endpointBase(endpoint);
  const root = base.replace(/\/v1$/, "");
  return [`${root}/health`, `${base}/models`];
}

/** Whether the server answers: /health 200, or (servers without it) /v1/models 200. */
export async function probeHealth(
  endpoint: string,
  { timeoutMs = 2_000, apiKey }: { timeoutMs?: number; apiKey?: string } = {},
): Promise<boolean> {
  for (const url of healthUrls(endpoint)) {
    try {
      const res = await fetch(url, {
        signal: AbortSignal.timeout(timeoutMs),
        headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
      });
      await res.body?.cancel();
      if (res.ok) return true;
      if (res.status !== 404) return false;
    } catch {
      return false;
    }
  }
  return false;
}
