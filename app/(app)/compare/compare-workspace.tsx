"use client";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { ImageViewer, type ImageViewerMode } from "@/app/_components/image-viewer";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import type { DevelopParams } from "@/lib/develop/params";
import type { BlindPair, Reveal } from "@/lib/preference";
import { fixStartAction, nextPairAction, renewPairLeaseAction, saveFixAction, submitLabelAction } from "./actions";
import { FixPanel } from "./fix-panel";
import { KeyboardHelp } from "./keyboard-help";

const METRICS = [
  ["follows-instruction", "Follows the instruction"],
  ["exposure-tone", "Exposure / tone"],
  ["color", "Colour"],
  ["natural-look", "Natural look"],
  ["artifacts", "Artifacts"],
] as const;
const STRENGTHS = [null, "slightly", "clearly"] as const;
const MODES: ImageViewerMode[] = ["side", "wipe", "flicker"];
const RENEW_MS = 60_000;

type Choice = "a" | "b" | "tie" | "both_bad";

/** The blind compare workspace: instruction, source + A + B, vote, reveal, next. */
export function CompareWorkspace({ isResearcher, initial }: { isResearcher: boolean; initial: BlindPair | null }) {
  const [pair, setPair] = useState<BlindPair | null>(initial);
  const [reveal, setReveal] = useState<Reveal | null>(null);
  const [strength, setStrength] = useState<(typeof STRENGTHS)[number]>(null);
  const [metrics, setMetrics] = useState<string[]>([]);
  const [mode, setMode] = useState(0);
  const [help, setHelp] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [fix, setFix] = useState<{ candidateId: string; sourceSha: string; params: DevelopParams } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const shownAt = useRef(0);

  const load = useCallback(async (exclude: string[] = []) => {
    setBusy(true);
    const r = await nextPairAction({ exclude });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setReveal(null);
    setStrength(null);
    setMetrics([]);
    setFix(null);
    setSaved(null);
    setPair(r.data);
    shownAt.current = performance.now();
  }, []);

  useEffect(() => {
    shownAt.current = performance.now();
  }, []);

  // Keep the lease while the pair is on screen.
  useEffect(() => {
    if (!pair?.expiresAt || reveal) return;
    const id = setInterval(() => void renewPairLeaseAction({ pairId: pair.pairId }), RENEW_MS);
    return () => clearInterval(id);
  }, [pair, reveal]);

  const vote = useCallback(
    async (choice: Choice) => {
      if (!pair || reveal || busy) return;
      setBusy(true);
      const r = await submitLabelAction({
        pairId: pair.pairId,
        choice,
        strength,
        metrics,
        durationMs: Math.round(performance.now() - shownAt.current),
      });
      setBusy(false);
      if (!r.ok) return setError(r.error.message);
      setReveal(r.data);
    },
    [pair, reveal, busy, strength, metrics],
  );

  const openFix = useCallback(async () => {
    if (!reveal?.betterCandidateId) return;
    const r = await fixStartAction({ candidateId: reveal.betterCandidateId });
    if (!r.ok) return setError(r.error.message);
    setFix(r.data);
  }, [reveal]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || fix) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT")) return;
      const k = e.key.toLowerCase();
      const act: Record<string, () => void> = {
        "?": () => setHelp((h) => !h),
        a: () => void vote("a"),
        b: () => void vote("b"),
        t: () => void vote("tie"),
        x: () => void vote("both_bad"),
        s: () => setStrength((s) => STRENGTHS[(STRENGTHS.indexOf(s) + 1) % STRENGTHS.length]),
        v: () => setMode((m) => (m + 1) % MODES.length),
        n: () => reveal && void load(),
        enter: () => reveal && void load(),
        f: () => reveal && void openFix(),
      };
      const digit = Number(e.key);
      if (digit >= 1 && digit <= METRICS.length && !reveal) {
        const m = METRICS[digit - 1][0];
        setMetrics((ms) => (ms.includes(m) ? ms.filter((x) => x !== m) : [...ms, m]));
        e.preventDefault();
        return;
      }
      const f = act[k];
      if (!f) return;
      e.preventDefault();
      f();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [vote, reveal, load, openFix, fix]);

  if (pair === null)
    return (
      <Card data-testid="compare-empty">
        <p className="text-sm">No pairs are waiting for you. {error}</p>
        {isResearcher && (
          <p className="mt-2 text-sm">
            <Link className="underline" href="/compare/researcher">
              Generate pairs and see agreement
            </Link>
          </p>
        )}
      </Card>
    );

  const panes = [
    { src: `/api/v1/pairs/${pair.pairId}/a`, label: "A" },
    { src: `/api/v1/pairs/${pair.pairId}/b`, label: "B" },
    { src: `/api/v1/images/${pair.sourceSha}/preview`, label: "Source (before)" },
  ];
  return (
    <div className="space-y-3" data-testid="compare-workspace" data-pair-id={pair.pairId}>
      <Card>
        <div className="flex flex-wrap items-start justify-between gap-2">
          <p className="min-w-0 break-words text-lg" data-testid="compare-instruction">
            {pair.instruction}
          </p>
          <div className="flex items-center gap-2 text-xs text-zinc-500">
            <span>#{pair.position}</span>
            <Button variant="ghost" onClick={() => setHelp(true)} aria-label="Keyboard shortcuts">
              ?
            </Button>
            {isResearcher && (
              <Link className="underline" href="/compare/researcher">
                Researcher view
              </Link>
            )}
          </div>
        </div>
      </Card>
      <ImageViewer key={`${pair.pairId}-${mode}`} panes={panes} mode={MODES[mode]} height={420} />
      {error && (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      )}
      {!reveal ? (
        <Card className="space-y-3">
          <div className="flex flex-wrap gap-2">
            <Button data-testid="vote-a" disabled={busy} onClick={() => void vote("a")}>
              A better <kbd className="opacity-60">A</kbd>
            </Button>
            <Button data-testid="vote-b" disabled={busy} onClick={() => void vote("b")}>
              B better <kbd className="opacity-60">B</kbd>
            </Button>
            <Button variant="secondary" disabled={busy} onClick={() => void vote("tie")}>
              Tie <kbd className="opacity-60">T</kbd>
            </Button>
            <Button variant="secondary" disabled={busy} onClick={() => void vote("both_bad")}>
              Both bad <kbd className="opacity-60">X</kbd>
            </Button>
            <Button
              variant="ghost"
              data-testid="strength"
              onClick={() => setStrength((s) => STRENGTHS[(STRENGTHS.indexOf(s) + 1) % STRENGTHS.length])}
            >
              Strength: {strength ?? "—"} <kbd className="opacity-60">S</kbd>
            </Button>
          </div>
          <fieldset className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <legend className="sr-only">Reasons (optional)</legend>
            {METRICS.map(([m, label], i) => (
              <label key={m} className="flex items-center gap-1">
                <input
                  type="checkbox"
                  checked={metrics.includes(m)}
                  onChange={() => setMetrics((ms) => (ms.includes(m) ? ms.filter((x) => x !== m) : [...ms, m]))}
                />
                {label} <kbd className="text-xs opacity-60">{i + 1}</kbd>
              </label>
            ))}
          </fieldset>
        </Card>
      ) : (
        <Card className="space-y-2" data-testid="compare-reveal">
          <p className="text-sm">
            You chose{" "}
            <strong>
              {reveal.choice === "strong"
                ? "the user's edit"
                : reveal.choice === "weak"
                  ? "the weaker edit"
                  : reveal.choice.replace("_", " ")}
            </strong>
            . The user&apos;s edit was <strong>{reveal.strongSide.toUpperCase()}</strong>; the other was{" "}
            {reveal.weak.origin === "policy"
              ? `a policy sample (${reveal.weak.modelName}, round ${reveal.round})`
              : reveal.weak.origin === "human_fix"
                ? "a person's fix"
                : `a perturbation (${reveal.weak.strategy})`}
            . {reveal.gold && <Badge tone={reveal.correct ? "good" : "bad"}>{reveal.correct ? "gold: correct" : "gold: missed"}</Badge>}
            {reveal.duplicate && <Badge tone="warn">already labelled</Badge>}
          </p>
          {saved && (
            <p className="text-sm text-emerald-700" data-testid="fix-saved">
              Fix saved as a new candidate and pair ({saved.slice(0, 8)}).
            </p>
          )}
          <div className="flex flex-wrap gap-2">
            <Button data-testid="next" onClick={() => void load()}>
              Next <kbd className="opacity-60">N</kbd>
            </Button>
            {reveal.betterCandidateId && !fix && (
              <Button variant="secondary" data-testid="fix-it" onClick={() => void openFix()}>
                Fix it <kbd className="opacity-60">F</kbd>
              </Button>
            )}
            {reveal.betterCandidateId && (
              <Link
                href={`/develop?candidate=${reveal.betterCandidateId}`}
                className="self-center text-sm underline"
                data-testid="open-candidate-in-develop"
              >
                Open in Develop
              </Link>
            )}
          </div>
          {fix && (
            <FixPanel
              sourceSha={fix.sourceSha}
              initial={fix.params}
              onCancel={() => setFix(null)}
              onSave={async (params) => {
                const r = await saveFixAction({ candidateId: fix.candidateId, params });
                if (!r.ok) return r.error.message;
                setFix(null);
                setSaved(r.data.pairId);
                return null;
              }}
            />
          )}
        </Card>
      )}
      <KeyboardHelp open={help} onClose={() => setHelp(false)} />
    </div>
  );
}
