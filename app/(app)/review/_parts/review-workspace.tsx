"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { ImageViewer } from "@/app/_components/image-viewer";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import {
  ApiError,
  leaseAction,
  nextReviewItem,
  reviewItemQuery,
  submitDecision,
  undoDecision,
  type Conflict,
  type ReviewItem,
} from "@/app/_queries/review";
import { DecisionForm } from "./decision-form";
import { EditTable } from "@/app/_components/edit-table";
import { clearDraft, formProblem, initialForm, loadDraft, REASONS, saveDraft, toSubmitBody, type ItemForm } from "./form-state";
import { ConflictBanner } from "./conflict-banner";
import { ItemHeader } from "./item-header";
import { ShortcutsOverlay } from "./shortcuts";

const UNDO_MS = 8_000;

type Nav = { ids: string[]; pos: number; prefetched: string | null };
const NO_NAV: Nav = { ids: [], pos: 0, prefetched: null };
const RENEW_MS = 60_000;

/** The form showing a decision already made (previous items are read-only). */
const decidedForm = (item: ReviewItem): ItemForm => ({
  variants: item.variants.map((v) => {
    const d = item.myDecision?.decisions.find((x) => x.instructionId === v.id);
    return {
      instructionId: v.id,
      verdict: d?.decision === "reject" ? "reject" : "accept",
      text: d?.text ?? v.text,
      reason: d?.reason ?? "",
      comment: d?.comment ?? "",
    };
  }),
  reasoning: item.reasoning,
  editBad: item.myDecision?.editBad ?? false,
});

const isTextTarget = (t: EventTarget | null) =>
  t instanceof HTMLTextAreaElement ||
  (t instanceof HTMLInputElement && !["radio", "checkbox", "range", "button"].includes(t.type)) ||
  t instanceof HTMLSelectElement;

/**
 * The annotator's review loop: lease an item, decide each variant, submit
 * (Enter), undo for a few seconds, next/previous — all from the keyboard.
 * Drafts live in localStorage as you type; the next item is leased and its
 * images loaded while this one is open; the lease is renewed every minute.
 */
export function ReviewWorkspace({ userId, canOpenCorpus }: { userId: string; canOpenCorpus: boolean }) {
  const qc = useQueryClient();
  // Navigation: items seen in this session, the one on screen, and the leased next one. Kept in a
  // ref as well, so async callbacks (a prefetch landing mid-submit) never act on a stale copy.
  const [nav, setNav] = useState<Nav>(NO_NAV);
  const navRef = useRef<Nav>(NO_NAV);
  const updateNav = useCallback((change: (n: Nav) => Nav) => {
    navRef.current = change(navRef.current);
    setNav(navRef.current);
  }, []);
  const { ids, pos, prefetched } = nav;
  // Items given back with Skip: not handed to this page again in this session.
  const skipped = useRef<string[]>([]);
  const excludeList = () => [...navRef.current.ids, ...skipped.current].slice(-50);
  const [empty, setEmpty] = useState(false);
  const [form, setForm] = useState<ItemForm | null>(null);
  const [formFor, setFormFor] = useState<string | null>(null);
  const [focused, setFocused] = useState(0);
  const [conflicts, setConflicts] = useState<Conflict[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [lastSubmit, setLastSubmit] = useState<{ id: string; submissionId: string; form: ItemForm } | null>(null);
  const [help, setHelp] = useState(false);
  const busy = useRef(false);
  const rootRef = useRef<HTMLDivElement>(null);

  const currentId = ids[pos] ?? null;
  const { data: item, error: loadError } = useQuery({ ...reviewItemQuery(currentId ?? "none"), enabled: Boolean(currentId) });
  const decided = Boolean(item?.myDecision);

  const remember = useCallback(
    (next: ReviewItem) => {
      qc.setQueryData(reviewItemQuery(next.trajectoryId).queryKey, next);
      for (const src of [next.images.before, next.images.after]) if (src) new Image().src = src;
    },
    [qc],
  );

  // The first item.
  useEffect(() => {
    let live = true;
    nextReviewItem([])
      .then(({ item: first }) => {
        if (!live) return;
        if (!first) return setEmpty(true);
        remember(first);
        updateNav(() => ({ ids: [first.trajectoryId], pos: 0, prefetched: null }));
      })
      .catch((e: Error) => setError(e.message));
    return () => {
      live = false;
    };
  }, [remember, updateNav]);

  // The form for the item on screen: its draft, else its decision, else fresh.
  if (item && formFor !== item.trajectoryId) {
    setFormFor(item.trajectoryId);
    setForm(item.myDecision ? decidedForm(item) : (loadDraft(userId, item) ?? initialForm(item)));
    setFocused(0);
    setConflicts(null);
  }

  const changeForm = (f: ItemForm) => {
    setForm(f);
    if (item && !decided) saveDraft(userId, item, f);
  };

  // Prefetch: lease and load the next item while this one is open.
  useEffect(() => {
    if (!item || decided || prefetched || pos !== ids.length - 1) return;
    let live = true;
    nextReviewItem(excludeList())
      .then(({ item: next }) => {
        if (live && next && !navRef.current.ids.includes(next.trajectoryId)) {
          remember(next);
          updateNav((n) => ({ ...n, prefetched: next.trajectoryId }));
        }
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [item, decided, prefetched, pos, ids, remember, updateNav]);

  // Keep the lease while the page is open.
  useEffect(() => {
    if (!currentId || decided) return;
    const id = setInterval(() => {
      leaseAction(currentId, "renew").catch((e: Error) => setNotice(e.message));
    }, RENEW_MS);
    return () => clearInterval(id);
  }, [currentId, decided]);

  // The undo offer lasts a few seconds.
  useEffect(() => {
    if (!lastSubmit) return;
    const id = setTimeout(() => setLastSubmit(null), UNDO_MS);
    return () => clearTimeout(id);
  }, [lastSubmit]);

  const goNext = useCallback(async () => {
    setNotice(null);
    setError(null);
    const n = navRef.current;
    if (n.pos < n.ids.length - 1) return updateNav((x) => ({ ...x, pos: x.pos + 1 }));
    const push = (id: string) =>
      updateNav((x) => (x.ids.includes(id) ? { ...x, prefetched: null } : { ids: [...x.ids, id], pos: x.ids.length, prefetched: null }));
    if (n.prefetched && !n.ids.includes(n.prefetched)) return push(n.prefetched);
    const { item: next } = await nextReviewItem(excludeList());
    if (!next || navRef.current.ids.includes(next.trajectoryId)) return setNotice("Nothing more to review for you right now.");
    remember(next);
    push(next.trajectoryId);
  }, [remember, updateNav]);

  const goPrevious = () => {
    if (pos > 0) updateNav((x) => ({ ...x, pos: x.pos - 1 }));
  };

  const submit = useCallback(async () => {
    if (!item || !form || decided || busy.current) return;
    const problem = formProblem(item, form);
    if (problem) return setError(problem);
    busy.current = true;
    const submissionId = crypto.randomUUID();
    try {
      await submitDecision(item.trajectoryId, toSubmitBody(item, form, submissionId));
      clearDraft(userId, item);
      setLastSubmit({ id: item.trajectoryId, submissionId, form });
      await qc.invalidateQueries({ queryKey: reviewItemQuery(item.trajectoryId).queryKey });
      setFormFor(null);
      await goNext();
    } catch (e) {
      if (e instanceof ApiError && e.code === "CONFLICT" && e.details?.conflicts) setConflicts(e.details.conflicts);
      else setError((e as Error).message);
    } finally {
      busy.current = false;
    }
  }, [item, form, decided, userId, qc, goNext]);

  const undo = useCallback(async () => {
    if (!lastSubmit) return setNotice("Nothing to undo.");
    try {
      await undoDecision(lastSubmit.id, lastSubmit.submissionId);
      const fresh = await qc.fetchQuery({ ...reviewItemQuery(lastSubmit.id), staleTime: 0 });
      saveDraft(userId, fresh, lastSubmit.form);
      setFormFor(null);
      updateNav((x) => ({ ...x, pos: Math.max(0, x.ids.indexOf(lastSubmit.id)) }));
      setLastSubmit(null);
      setNotice("Undone: the item is yours again, with your answers.");
    } catch (e) {
      setError((e as Error).message);
    }
  }, [lastSubmit, qc, userId, updateNav]);

  const skip = useCallback(async () => {
    if (!currentId || decided || !item) return goNext();
    await leaseAction(currentId, "release").catch(() => {});
    clearDraft(userId, item);
    skipped.current.push(currentId);
    // The skipped item leaves the history; the prefetched one (if any) takes its place.
    updateNav((x) => {
      const ids = x.ids.filter((id) => id !== currentId);
      const next = x.prefetched && !ids.includes(x.prefetched) ? [...ids, x.prefetched] : ids;
      return { ids: next, pos: Math.min(x.pos, Math.max(0, next.length - 1)), prefetched: null };
    });
    if (!navRef.current.ids.length) {
      const { item: next } = await nextReviewItem(excludeList());
      if (!next) return setEmpty(true);
      remember(next);
      updateNav(() => ({ ids: [next.trajectoryId], pos: 0, prefetched: null }));
    }
  }, [currentId, decided, goNext, userId, item, updateNav, remember]);

  const reloadItem = async () => {
    if (!item) return;
    await qc.fetchQuery({ ...reviewItemQuery(item.trajectoryId), staleTime: 0 });
    setConflicts(null);
    setFormFor(null);
  };

  // Keyboard: every action has a key (see the ? overlay).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // The overlay's own state lags its native <dialog> by a render (Esc closes the dialog at once,
      // React learns of it on the close event), so a quick Esc → Enter reads the DOM, not `help`.
      if (e.defaultPrevented || !form || !item || document.querySelector("dialog[open]")) return;
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        return void submit();
      }
      if (isTextTarget(e.target)) {
        if (e.key === "Escape") (e.target as HTMLElement).blur();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const setVariant = (patch: Partial<ItemForm["variants"][number]>) =>
        changeForm({ ...form, variants: form.variants.map((v, j) => (j === focused ? { ...v, ...patch } : v)) });
      const focusIn = <E extends HTMLElement = HTMLElement>(selector: string): E | null => {
        const el = rootRef.current?.querySelector<E>(selector) ?? null;
        el?.focus();
        return el;
      };
      const variantName = item.variants[focused]?.variant;
      const keys: Record<string, () => void> = {
        "?": () => setHelp(true),
        j: () => setFocused((f) => Math.min(form.variants.length - 1, f + 1)),
        ArrowDown: () => setFocused((f) => Math.min(form.variants.length - 1, f + 1)),
        k: () => setFocused((f) => Math.max(0, f - 1)),
        ArrowUp: () => setFocused((f) => Math.max(0, f - 1)),
        a: () => !decided && setVariant({ verdict: "accept" }),
        A: () => !decided && changeForm({ ...form, variants: form.variants.map((v) => ({ ...v, verdict: "accept" })) }),
        e: () => {
          if (decided) return;
          // Commit the verdict now (a rejected variant's text is disabled), then focus within this
          // keydown, so a key pressed right after E already lands in the text.
          flushSync(() => setVariant({ verdict: "accept" }));
          const text = focusIn<HTMLTextAreaElement>(`[data-testid="text-${variantName}"]`);
          text?.setSelectionRange(text.value.length, text.value.length); // the caret after the words, ready to add to them
        },
        r: () => !decided && setVariant({ verdict: "reject" }),
        g: () => focusIn('[data-testid="reasoning"]'),
        b: () => !decided && changeForm({ ...form, editBad: !form.editBad }),
        Enter: () => void submit(),
        u: () => void undo(),
        n: () => void goNext(),
        p: goPrevious,
        s: () => void skip(),
        v: () => focusIn('[data-testid="image-viewer"] [tabindex="0"]'),
      };
      const reason = REASONS.find((r) => r.key === e.key);
      if (reason && form.variants[focused]?.verdict === "reject" && !decided) {
        e.preventDefault();
        flushSync(() => setVariant({ reason: reason.value }));
        if (reason.value === "other") focusIn(`[aria-label="What is wrong with the ${variantName} instruction"]`);
        return;
      }
      if (e.key === "Enter" && (e.target instanceof HTMLButtonElement || e.target instanceof HTMLAnchorElement)) return;
      const action = keys[e.key];
      if (!action) return;
      e.preventDefault();
      action();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  if (empty && ids.length === 0) {
    return (
      <Card data-testid="review-empty">
        <p>
          Nothing left to review for you. New items arrive as the annotation pipeline finishes; items you have decided never come back to
          you.
        </p>
      </Card>
    );
  }
  if (loadError) return <Card role="alert">{(loadError as Error).message}</Card>;
  if (!item || !form) return <Card aria-busy="true">Loading the next item…</Card>;

  const undoOpen = Boolean(lastSubmit);
  return (
    <div
      ref={rootRef}
      tabIndex={-1}
      className="space-y-3 outline-none"
      data-testid="review-item"
      data-trajectory={item.trajectoryId}
      data-decided={decided}
    >
      <ItemHeader
        item={item}
        position={pos + 1}
        decided={decided}
        canOpenCorpus={canOpenCorpus}
        onPrevious={goPrevious}
        onSkip={() => void skip()}
        onNext={() => void goNext()}
        onHelp={() => setHelp(true)}
      />
      {conflicts && <ConflictBanner conflicts={conflicts} onReload={() => void reloadItem()} />}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      {notice && (
        <p role="status" className="text-sm text-zinc-600">
          {notice}
        </p>
      )}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0 space-y-3">
          <ImageViewer
            key={item.trajectoryId}
            panes={[
              { src: item.images.before, label: "Before" },
              ...(item.images.after ? [{ src: item.images.after, label: item.images.afterLabel }] : []),
            ]}
            height={420}
          />
          <div className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
            <EditTable description={item.description} changes={item.changes} />
          </div>
        </div>
        <div className="min-w-0 space-y-3">
          <DecisionForm item={item} form={form} onChange={changeForm} focused={focused} onFocus={setFocused} readOnly={decided} />
          {!decided && (
            <Button onClick={() => void submit()} data-testid="submit">
              Submit (Enter)
            </Button>
          )}
        </div>
      </div>
      {undoOpen && (
        <div
          role="status"
          className="fixed bottom-4 left-1/2 z-40 flex -translate-x-1/2 items-center gap-3 rounded-md bg-zinc-800 px-4 py-2 text-sm text-white shadow-lg"
        >
          Submitted.
          <button type="button" className="underline" onClick={() => void undo()}>
            Undo (U)
          </button>
        </div>
      )}
      <ShortcutsOverlay
        open={help}
        onClose={() => {
          setHelp(false);
          // The browser hands focus back to whatever had it before (a toolbar button, say), where
          // Enter would press that button; the workspace takes it so Enter submits as the overlay says.
          rootRef.current?.focus();
        }}
      />
    </div>
  );
}
