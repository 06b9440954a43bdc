import { z } from "zod";

/** Text with limits that Postgres and headers can take: no NUL bytes, at most `max` characters. */
export const plainText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !s.includes("\0"), "may not contain NUL bytes");

const yearOf = (iso: string) => Number(/^(-?\d+)-/.exec(iso)?.[1] ?? Number.NaN);

/** An ISO-8601 date-time with an offset, in years 1–9999 (Postgres has no year 0). */
export const isoDateTime = () =>
  z.iso.datetime({ offset: true }).refine((s) => {
    const year = yearOf(s);
    return year >= 1 && year <= 9999 && !Number.isNaN(Date.parse(s));
  }, "a date between years 1 and 9999");

/** Postgres `timestamptz::text` as stored in cursors: `2026-01-02 03:04:05.123456+00`. */
export const isPgTimestamp = (s: string) =>
  /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/.test(s) &&
  yearOf(s) >= 1 &&
  !Number.isNaN(Date.parse(s.replace(" ", "T").replace(/([+-]\d{2})$/, "$1:00")));
