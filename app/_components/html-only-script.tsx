"use client";
import { useSyncExternalStore } from "react";

const never = () => () => {};

/**
 * An inline script that runs where the browser parses it in the server's HTML, and nowhere else:
 * hydration keeps the server's element (which has run), and a client-side render creates none (a
 * script React creates never runs, and React warns about it).
 */
export function HtmlOnlyScript({ code }: { code: string }) {
  const fromServer = useSyncExternalStore(
    never,
    () => false,
    () => true,
  );
  return fromServer ? <script dangerouslySetInnerHTML={{ __html: code }} /> : null;
}
