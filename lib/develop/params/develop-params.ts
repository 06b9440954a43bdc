import type { Correction } from "./corrections";
import type { PointColor } from "./point-colors";
import type { ParamKey, PARAM_SPECS } from "./specs";
import type { BooleanSpec, CurveSpec, EnumSpec, NumberSpec, ToneCurve } from "./types";

/** The value type a spec describes. */
export type ValueOfSpec<S> = S extends NumberSpec
  ? number
  : S extends BooleanSpec
    ? boolean
    : S extends EnumSpec
      ? string
      : S extends CurveSpec
        ? ToneCurve
        : never;

/** The value type of one canonical key. */
export type ParamValue<K extends ParamKey> = ValueOfSpec<(typeof PARAM_SPECS)[K]>;

/**
 * Canonical develop parameters: Lightroom `crs` names, values in Lightroom's units and ranges.
 * Partial — a missing key means the default from `PARAM_SPECS`.
 */
export type DevelopParams = { [K in ParamKey]?: ParamValue<K> } & {
  /** Local corrections (masks plus local sliders), Lightroom 11+ structure. */
  MaskGroupBasedCorrections?: Correction[];
  /** Point Color swatches (Lightroom 11+), only those that change something; see point-colors.ts. */
  PointColors?: PointColor[];
};

/** Every key of a fully resolved `DevelopParams` present (see `withDefaults`). */
export type ResolvedDevelopParams = { [K in ParamKey]: ParamValue<K> } & { MaskGroupBasedCorrections: Correction[] };
