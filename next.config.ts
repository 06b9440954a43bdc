import type { NextConfig } from "next";
import { securityHeaders } from "./lib/http/security-headers";

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

export default nextConfig;
