"use client";
import { useEffect, useState } from "react";
import { NARROW_SCREEN_QUERY } from "./narrow-screen";


/** Whether the window is phone-narrow (NARROW_SCREEN_QUERY); false on the server. */
export function useNarrowScreen(): boolean {
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const query = window.matchMedia(NARROW_SCREEN_QUERY);
    const update = () => setNarrow(query.matches);
    update();
    query.addEventListener("change", update);
    return () => query.removeEventListener("change", update);
  }, []);
  return narrow;
}
