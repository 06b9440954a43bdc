// Public API of the develop-parameter schema: Lightroom `crs` names, ranges, defaults, aliases,
// local corrections, normalisation and canonical form. Sources are listed in README.md.
export { PARAM_SPECS, PARAM_KEYS, HSL_BANDS, isParamKey } from "./specs";
export type { ParamKey, HslBand } from "./specs";
export type {
  ParamSpec,
  NumberSpec,
  BooleanSpec,
  EnumSpec,
  CurveSpec,
  ParamGroup,
  CurvePoint,
  ToneCurve,
  ParamIssue,
  ParamIssueCode,
} from "./types";
export type { DevelopParams, ResolvedDevelopParams, ParamValue } from "./develop-params";
export * from "./corrections";
export * from "./correction-schemas";
export { lookupParamKey, resolveParamKey, shortNameFor } from "./aliases";
export type { AliasKind, ParamKeyMatch } from "./aliases";
export { normalizeParams, normalizeValue } from "./normalize-params";
export type { NormalizedParams } from "./normalize-params";
export { normalizeCorrections } from "./normalize-corrections";
export { normalizePointColors, pointColorsToXmpLists, isPointColorActive, MAX_POINT_COLORS } from "./point-colors";
export type { PointColor } from "./point-colors";
export {
  canonicalParams,
  withDefaults,
  isIdentity,
  pruneDefaults,
  orderCorrections,
  isDefaultValue,
  isIdentityCurve,
  correctionHasEffect,
} from "./canonical";
export { coerceNumber, coerceBoolean, roundTo } from "./coerce-value";
export { coerceCurve } from "./coerce-curve";
export { isMetadataKey, isUnsupportedSettingKey } from "./metadata-keys";
export { isErrorIssue } from "./issue-severity";
export { mulberry32, randomParams } from "./random-params";
export type { RandomParamsOptions } from "./random-params";
export { atStrength } from "./at-strength";
