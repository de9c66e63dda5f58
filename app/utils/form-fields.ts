import { z } from "zod";
import { isCleanLine, isCleanText } from "./text-safety";

// Field schemas shared by many forms (browser and server). Messages are i18n keys.

/** One line (names, titles): control characters and bidirectional overrides are refused. */
export const requiredText = (max: number) =>
  z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(max, "validation.tooLong").refine(isCleanLine, "validation.controlChars");

/** An optional one-line value (a subtitle, a venue name). */
export const optionalLine = (max: number) =>
  z.string({ error: "validation.invalid" }).trim().max(max, "validation.tooLong").refine(isCleanLine, "validation.controlChars").optional().default("");

/** Free text (notes, descriptions): line breaks allowed, other control characters refused. */
export const optionalText = (max: number) =>
  z.string({ error: "validation.invalid" }).trim().max(max, "validation.tooLong").refine(isCleanText, "validation.controlChars").optional().default("");

/** yyyy-mm-dd that exists on the calendar (no 2026-02-30). */
export const dateField = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.date")
  .refine((v) => {
    const [y, m, d] = v.split("-").map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return y >= 2000 && y <= 2100 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, "validation.date");

export const optionalDateField = z.union([z.literal(""), dateField]).optional().default("");

/** hh:mm from 00:00 to 23:59; 24:00 and later are rejected. */
export const timeField = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "validation.time");

/** Ids from a group of checkboxes: absent, one value, or several (react-hook-form gives false for none). */
export const idList = z
  .union([z.string(), z.array(z.string()), z.literal(false)])
  .optional()
  .transform((v) => (v === undefined || v === false ? [] : Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.string().max(40, "validation.invalid")).max(200, "validation.tooMany"));

export const fiscalYearField = z.coerce
  .number({ error: "validation.fiscalYear" })
  .int("validation.fiscalYear")
  .min(2000, "validation.fiscalYear")
  .max(2100, "validation.fiscalYear");

/** Split "282014, 282103 131016" into codes; validation of each happens in the module. */
export const codeList = z
  .union([z.string(), z.array(z.string()), z.literal(false)])
  .optional()
  .transform((v) =>
    (Array.isArray(v) ? v.join(",") : v || "")
      .split(/[\s,、，]+/)
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().max(20, "validation.invalid")).max(200, "validation.tooMany"));

/**
 * An http(s) address as the URL parser reads it, host lower-cased ("https://Zoom.us/j/1" →
 * "https://zoom.us/j/1"), or null. Parsed, never pattern-matched; shared by browser and server.
 */
export function normaliseWebUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || !url.hostname.includes(".") || url.username || url.password) return null;
  return url.href;
}

/** An optional web address (an online meeting, a published proposal), stored normalised. */
export const optionalWebUrl = z
  .string()
  .trim()
  .max(500, "validation.tooLong")
  .optional()
  .default("")
  .refine((v) => v === "" || normaliseWebUrl(v) !== null, "validation.url")
  .transform((v) => (v === "" ? "" : normaliseWebUrl(v)!));
