/** Panel a parameter belongs to; used for grouping in UIs and for plain-English diffs. */
export type ParamGroup =
  | "whiteBalance"
  | "tone"
  | "presence"
  | "color"
  | "parametricCurve"
  | "pointCurve"
  | "hsl"
  | "colorGrading"
  | "blackWhite"
  | "vignette"
  | "grain"
  | "detail"
  | "calibration";

/** A control point of a point curve: `[input, output]`, both on 0–255. */
export type CurvePoint = [x: number, y: number];

/** A point curve: control points sorted by input, at least two. */
export type ToneCurve = CurvePoint[];

type SpecBase = {
  group: ParamGroup;
  description: string;
  /**
   * Whether the develop pipeline is expected to render this key. A non-default value of a key with
   * `rendered: false` is kept (it round-trips through XMP) but reported as `not_rendered`.
   */
  rendered: boolean;
  /** Set when the range or default comes from no public export (see DEVELOP-PARAMS.md). */
  unverified?: boolean;
};

/** A numeric slider. */
export type NumberSpec = SpecBase & {
  kind: "number";
  min: number;
  max: number;
  default: number;
  /** Digits after the point kept in canonical form and written to XMP. */
  decimals: number;
  /** Write a `+` before positive values (Lightroom does so for signed sliders and SharpenRadius). */
  signed: boolean;
};

/** A `True`/`False` switch. */
export type BooleanSpec = SpecBase & { kind: "boolean"; default: boolean };

/** A string from a known list; `open` lists accept other strings too (e.g. localised names). */
export type EnumSpec = SpecBase & { kind: "enum"; values: readonly string[]; default: string; open: boolean };

/** A point curve on 0–255. */
export type CurveSpec = SpecBase & { kind: "curve"; default: ToneCurve };

/** One row of the parameter table. */
export type ParamSpec = NumberSpec | BooleanSpec | EnumSpec | CurveSpec;

/** Why a value was changed, dropped or flagged while normalising user data. */
export type ParamIssueCode = "unknown_key" | "out_of_range" | "wrong_type" | "not_rendered" | "malformed" | "converted";

/** One problem found in user-supplied parameters; never thrown, always returned. */
export type ParamIssue = {
  /** The key as the user wrote it (or a path such as `MaskGroupBasedCorrections[0].LocalExposure2012`). */
  key: string;
  code: ParamIssueCode;
  message: string;
  value?: unknown;
  clampedTo?: unknown;
};
