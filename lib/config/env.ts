/**
 * Environment configuration in one place, with the defaults the README's
 * env table documents. Read lazily so tests can set variables first.
 */
export const databaseUrl = () => process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/retouchiq";
export const redisUrl = () => process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
/** Prefix for BullMQ keys, so the demo, e2e runs and tests can share one Redis. */
export const queuePrefix = () => process.env.QUEUE_PREFIX ?? "riq";
export const storageDir = () => process.env.STORAGE_DIR ?? "./data/blobs";
export const appUrl = () => process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
export const workerHealthPort = () => Number(process.env.WORKER_HEALTH_PORT ?? 3101);
/** Secret for session signing; the demo script generates one into .env.local. */
export const authSecret = () =>
  process.env.BETTER_AUTH_SECRET ?? (process.env.NODE_ENV === "production" ? undefined : "dev-only-secret-change-me-0123456789");
