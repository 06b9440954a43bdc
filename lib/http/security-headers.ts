/**
 * Headers on every response (next.config.ts). The CSP allows inline scripts
 * and styles because Next's App Router inlines its bootstrap data; everything
 * is same-origin, the app never embeds in frames nor is embedded, and
 * `blob:` covers object-URL previews and the develop Web Worker.
 * `'wasm-unsafe-eval'` lets that worker compile the develop engine's embedded
 * WebAssembly kernel (lib/develop/pipeline/cube-kernel.ts); it allows no JS eval.
 * Without it the engine falls back to its JS loops (same bytes, ~1.5× slower).
 */
export function securityHeaders({ dev }: { dev: boolean }): { key: string; value: string }[] {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return [
    { key: "Content-Security-Policy", value: csp },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ];
}
