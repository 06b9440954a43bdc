import "server-only";

/**
 * LPIPS needs network weights that cannot be downloaded here, so it is
 * computed by an external scorer when `LPIPS_ENDPOINT` is set (e.g. a small
 * service wrapping `lpips.LPIPS(net="alex")`), and shown as absent otherwise.
 * Contract: `POST {endpoint}` with JSON `{"reference": <base64>, "output": <base64>}`
 * (encoded images), answering `{"lpips": <number>}`.
 */
export const lpipsEndpoint = (): string | null => process.env.LPIPS_ENDPOINT?.trim() || null;

/** LPIPS of `output` against `reference`, or null when no scorer is configured. Throws when the scorer fails. */
export async function scoreLpips({
  endpoint,
  reference,
  output,
}: {
  endpoint: string | null;
  reference: Uint8Array;
  output: Uint8Array;
}): Promise<number | null> {
  if (!endpoint) return null;
  const res = await fetch(endpoint, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ reference: Buffer.from(reference).toString("base64"), output: Buffer.from(output).toString("base64") }),
    signal: AbortSignal.timeout(60_000),
  });
  if (!res.ok) throw new Error(`LPIPS scorer answered ${res.status}`);
  const body = (await res.json()) as { lpips?: unknown };
  if (typeof body.lpips !== "number" || !Number.isFinite(body.lpips)) throw new Error("LPIPS scorer answered without a number");
  return body.lpips;
}
