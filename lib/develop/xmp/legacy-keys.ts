import { coerceNumber } from "../params";
import type { ParamIssue } from "../params";

// Process versions: "5.0" PV2003, "5.7" PV2010, "6.7" PV2012, "10.0"/"11.0"/"15.4" later ones that
// keep the PV2012 key names. Before 6.7 the basic sliders had other names and meanings; those are
// converted here with documented approximations (Adobe's own conversion is not public).
const PV2012 = 6.7;

type Conversion = { to: string; convert: (v: number) => number; why: string };

/** PV2003/PV2010 sliders → PV2012 keys. */
const PV2010: Record<string, Conversion> = {
  Exposure: { to: "Exposure2012", convert: (v) => v, why: "same EV scale" },
  // PV2010 Contrast defaulted to +25; neutral maps to 0.
  Contrast: { to: "Contrast2012", convert: (v) => v - 25, why: "PV2010 default +25 maps to 0" },
  Clarity: { to: "Clarity2012", convert: (v) => v, why: "same scale" },
  // Recovery only pulls highlights down; Fill Light only lifts shadows.
  HighlightRecovery: { to: "Highlights2012", convert: (v) => -v, why: "Recovery pulls highlights down" },
  FillLight: { to: "Shadows2012", convert: (v) => v, why: "Fill Light lifts shadows" },
  // PV2010 "Shadows" is the Blacks slider (0–100, default 5; more = deeper blacks).
  Shadows: { to: "Blacks2012", convert: (v) => -(v - 5), why: "PV2010 Shadows is the blacks slider, default 5" },
};

/** Un-suffixed names that carry over unchanged (curves are real curves in every version). */
const RENAMED: Record<string, string> = {
  ToneCurve: "ToneCurvePV2012",
  ToneCurveRed: "ToneCurvePV2012Red",
  ToneCurveGreen: "ToneCurvePV2012Green",
  ToneCurveBlue: "ToneCurvePV2012Blue",
  ToneCurveName: "ToneCurveName2012",
};

/** The numeric process version, or undefined when absent or unreadable. */
export function processVersionNumber(value: unknown): number | undefined {
  return coerceNumber(typeof value === "string" ? value.trim().split(/\s+/)[0] : value);
}

/**
 * Resolves old un-suffixed keys in an XMP record. PV2012+ files keep stale PV2010 values beside
 * the 2012 ones: those are dropped, and used only as a fallback when the 2012 key is missing.
 * Pre-2012 files (ProcessVersion < 6.7) are converted with the PV2010 meanings.
 */
export function resolveLegacyKeys(
  record: Record<string, unknown>,
  processVersion: number | undefined,
): { record: Record<string, unknown>; issues: ParamIssue[] } {
  const issues: ParamIssue[] = [];
  const out = { ...record };
  const old = processVersion !== undefined && processVersion < PV2012;
  for (const [name, to] of Object.entries(RENAMED)) {
    if (!(name in out)) continue;
    if (!(to in out)) out[to] = out[name];
    delete out[name];
  }
  for (const [name, c] of Object.entries(PV2010)) {
    if (!(name in out)) continue;
    const raw = out[name];
    delete out[name];
    if (c.to in out) continue;
    if (!old) {
      // No or new process version: an un-suffixed key is most likely a sloppy spelling of the 2012 one.
      if (name === "Exposure" || name === "Contrast" || name === "Clarity" || name === "Shadows") out[`${name}2012`] = raw;
      continue;
    }
    const n = coerceNumber(raw);
    if (n === undefined) {
      issues.push({ key: name, code: "wrong_type", message: `${name} must be a number, got ${JSON.stringify(raw)}`, value: raw });
      continue;
    }
    out[c.to] = c.convert(n);
  }
  if (old && "Brightness" in out && coerceNumber(out.Brightness) !== 50) {
    issues.push({
      key: "Brightness",
      code: "not_rendered",
      message: "PV2010 Brightness has no PV2012 equivalent; ignored",
      value: out.Brightness,
    });
  }
  delete out.Brightness;
  return { record: out, issues };
}
