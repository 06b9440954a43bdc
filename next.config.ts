import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // sharp is a native module; bullmq/ioredis/postgres are server-only deps.
  serverExternalPackages: ["sharp", "bullmq", "ioredis", "postgres"],
  poweredByHeader: false,
  // Uploads go through route handlers that read the multipart body themselves.
  experimental: { serverActions: { bodySizeLimit: "2mb" } },
};

export default nextConfig;
