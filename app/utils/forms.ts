import type { z } from "zod";

// One schema per form, used by react-hook-form in the browser and by the action on the
// server. Messages are i18n keys; components translate them.

import type { FieldErrors } from "./result";
export type { FieldErrors };

export type ParseResult<T> =
  | { ok: true; data: T }
  | { ok: false; fieldErrors: FieldErrors; values: Record<string, string> };

const SECRET_FIELDS = /password/i;

/** FormData to a plain object of strings; files become undefined so a string schema rejects them. */
export function formValues(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key);
    const strings = all.map((v) => (typeof v === "string" ? v : undefined));
    out[key] = strings.length > 1 ? strings : strings[0];
  }
  return out;
}

/** What to echo back into the form after a failed submission (never passwords). */
export function echoValues(raw: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === "string" && !SECRET_FIELDS.test(key)) out[key] = value.slice(0, 2000);
  }
  return out;
}

export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): ParseResult<z.output<S>> {
  const raw = formValues(formData);
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "form";
    fieldErrors[key] ??= issue.message;
  }
  return { ok: false, fieldErrors, values: echoValues(raw) };
}

/** What the user typed, to put back into the form after a rejection by the domain module. */
export function echoForm(formData: FormData): Record<string, string> {
  return echoValues(formValues(formData));
}

/** The fields sent more than once or as a group (ticked boxes), every value, to put back (never passwords). */
export function echoLists(formData: FormData): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const key of new Set(formData.keys())) {
    if (SECRET_FIELDS.test(key) || key === "intent") continue;
    out[key] = formData.getAll(key).filter((v): v is string => typeof v === "string").slice(0, 500).map((v) => v.slice(0, 200));
  }
  return out;
}
