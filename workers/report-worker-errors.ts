import type { EventEmitter } from "node:events";

/**
 * Logs a worker's errors without flooding the log while Redis is away: BullMQ emits `error` on every
 * reconnect attempt (~4 a second per queue), so a run of the same message is logged once, then once
 * a minute with how many came since, and the connection's next `ready` logs the recovery with the
 * count. A different message is logged at once.
 */
export function reportWorkerErrors(
  worker: Pick<EventEmitter, "on">,
  connection: Pick<EventEmitter, "on">,
  name: string,
  { log = (line: string) => console.error(line), now = () => Date.now(), everyMs = 60_000 } = {},
) {
  let last: { message: string; loggedAt: number; since: number; startedAt: number } | null = null;
  worker.on("error", (err: Error) => {
    const t = now();
    if (last && last.message === err.message) {
      last.since++;
      if (t - last.loggedAt < everyMs) return;
      log(`[worker:${name}] ${err.message} (${last.since} times in the last ${Math.round((t - last.loggedAt) / 1000)} s)`);
      last = { ...last, loggedAt: t, since: 0 };
      return;
    }
    log(`[worker:${name}] ${err.message}`);
    last = { message: err.message, loggedAt: t, since: 0, startedAt: last?.startedAt ?? t };
  });
  connection.on("ready", () => {
    if (!last) return;
    log(`[worker:${name}] connected again after ${Math.round((now() - last.startedAt) / 1000)} s of errors`);
    last = null;
  });
}
