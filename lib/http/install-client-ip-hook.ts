import http from "node:http";
import { CLIENT_IP_HEADER, clientIp, trustedProxyHops } from "./client-ip";

let installed = false;

/**
 * Route handlers cannot see the socket, and Next keeps a client-sent
 * X-Forwarded-For as is, so rate limits keyed on it can be bypassed by
 * sending a new value each time. This hook stamps every incoming request
 * with the caller's address (see clientIp) before Next reads it, replacing
 * whatever the client sent in that header. Installed once from
 * instrumentation.ts; patches the prototype so servers created earlier are
 * covered too.
 */
export function installClientIpHook() {
  if (installed) return;
  installed = true;
  const hops = trustedProxyHops();
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function patchedEmit(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[CLIENT_IP_HEADER] = clientIp({
        socketAddress: req.socket?.remoteAddress,
        forwardedFor: req.headers["x-forwarded-for"],
        hops,
      });
      // Without a trusted proxy, forwarded headers are the client's own words: drop them.
      if (hops === 0) delete req.headers["x-forwarded-for"];
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}
