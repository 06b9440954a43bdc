import { createHash } from "node:crypto";
import { canonicalParams, type DevelopParams } from "@/lib/develop";

const sha = (text: string) => createHash("sha256").update(text).digest("hex");

/** sha256 of the canonical params: equal for edits that are equal by definition. */
export const paramsHashOf = (params: DevelopParams): string => sha(canonicalParams(params));

/** The dedup key of a trajectory: the same before image with the same edit is one trajectory. */
export const contentKeyOf = (sourceSha: string, params: DevelopParams): string => sha(`${sourceSha}|${canonicalParams(params)}`);
