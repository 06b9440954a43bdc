import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } from "next/constants";
import { securityHeaders } from "./lib/http/security-headers";
import { buildDevelopPreviewAssets, HASHED_ASSET_SOURCE, watchDevelopPreviewAssets } from "./scripts/build/develop-preview-assets";

const nextConfig: NextConfig = {
  // sharp is a native module; bullmq/ioredis/postgres are server-only deps.
  serverExternalPackages: ["sharp", "bullmq", "ioredis", "postgres", "busboy"],
  poweredByHeader: false,
  // Uploads go through route handlers that stream the multipart body to disk
  // (lib/http/receive-multipart.ts); the page proxy does not match /api/, so its
  // body cap (proxyClientMaxBodySize) never applies to them.
  experimental: { serverActions: { bodySizeLimit: "2mb" } },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders({ dev: process.env.NODE_ENV !== "production" }) }];
  },
};

/**
 * Building or serving for development: the Develop page's preview worker and boot script go to
 * public/_develop first, and the page learns their URLs (hashed in production, so they are cached
 * for good).
 */
export default async function config(phase: string): Promise<NextConfig> {
  const dev = phase === PHASE_DEVELOPMENT_SERVER;
  if (phase !== PHASE_PRODUCTION_BUILD && !dev) return nextConfig;
  const { workerUrl, bootUrl } = dev ? await watchDevelopPreviewAssets() : await buildDevelopPreviewAssets();
  return {
    ...nextConfig,
    env: { DEVELOP_PREVIEW_WORKER_URL: workerUrl, DEVELOP_PREVIEW_BOOT_URL: bootUrl },
    async headers() {
      const immutable = { source: HASHED_ASSET_SOURCE, headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }] };
      return [...(await nextConfig.headers!()), immutable];
    },
  };
}
