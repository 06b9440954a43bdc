import type { ReactNode } from "react";
import { cn } from "./cn";

const TONES = {
  neutral: "bg-zinc-200 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200",
  good: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900 dark:text-emerald-200",
  warn: "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
  bad: "bg-red-100 text-red-800 dark:bg-red-900 dark:text-red-100",
} as const;

export function Badge({ tone = "neutral", children }: { tone?: keyof typeof TONES; children: ReactNode }) {
  return <span className={cn("inline-block rounded px-1.5 py-0.5 text-xs font-medium", TONES[tone])}>{children}</span>;
}
