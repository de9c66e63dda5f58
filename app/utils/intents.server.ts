import type { z } from "zod";
import { echoForm, parseForm } from "./forms";
import type { FieldErrors, Result } from "./result";
import { data } from "@remix-run/node";
import { redirectWithFlash } from "./flash.server";

// One way to write a page's action (issue 26, decision 0024). A page with several forms declares
// its intents once, each with the schema of its form, the ability it needs and the change it
// makes; `runIntent` reads the `intent` field, checks the ability before anything else, parses the
// form with the schema and runs the change, and every refusal has one shape:
// `{ ok: false, reason, fieldErrors, values, forbidden }` (values: what was typed, to put back).
// The intent matrix test enumerates the declarations, so every declared intent is tried as every
// role.

/** What a page says after a change: a flash message on the next page, and where on the page to land. */
export interface Done {
  /** an i18n key */
  message: string;
  params?: Record<string, string | number>;
  /** after the page's address: an anchor ("#prelearning") */
  at?: string;
}

export interface IntentSpec<C, S extends z.ZodType = z.ZodType, R extends Result = Result> {
  /** The form's schema, shared with the browser. */
  schema: S;
  /** Who may use the intent (a rule of the domain module, not a copy of it); checked before the form is read. */
  may?: (context: C) => boolean;
  /** The reason given when `may` refuses (an i18n key). */
  refusal?: string;
  run: (input: z.output<S>, context: C, form: FormData) => Promise<R> | R;
  /** The message after success (pages that reload; a live board answers without one). */
  done?: (result: Extract<R, { ok: true }>, input: z.output<S>) => Done;
}

/** Declares one intent (keeps the schema's type for `run`'s input). */
export function intent<C, S extends z.ZodType, R extends Result = Result>(spec: IntentSpec<C, S, R>): IntentSpec<C, S, R> {
  return spec;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry keeps its own schema type through intent()
export type Intents<C> = Readonly<Record<string, IntentSpec<C, any, any>>>;

export interface IntentRefusal {
  ok: false;
  reason: string;
  fieldErrors: FieldErrors;
  values: Record<string, string>;
  /** The ability was missing (answer 403), not the input (400): `may` refused, or the change answered with the intent's refusal. */
  forbidden: boolean;
}

export type IntentOutcome = (Result & { ok: true; done?: Done }) | IntentRefusal;

/** The intents a page declares, by name (the matrix test and the route scan read these). */
export function intentNames<C>(intents: Intents<C>): string[] {
  return Object.keys(intents);
}

export async function runIntent<C>(intents: Intents<C>, context: C, form: FormData): Promise<IntentOutcome> {
  const name = String(form.get("intent") ?? "");
  const spec = Object.hasOwn(intents, name) ? intents[name] : undefined;
  if (!spec) {
    // someone who may use none of the page's forms is refused as such; anyone else sent a form the page does not have
    const mayAny = Object.values(intents).some((s) => !s.may || s.may(context));
    return { ok: false, reason: mayAny ? "form.unknownIntent" : "form.notAllowed", fieldErrors: {}, values: echoForm(form), forbidden: !mayAny };
  }
  if (spec.may && !spec.may(context)) {
    return { ok: false, reason: spec.refusal ?? "form.notAllowed", fieldErrors: {}, values: echoForm(form), forbidden: true };
  }
  const parsed = parseForm(spec.schema, form);
  if (!parsed.ok) {
    return { ok: false, reason: Object.values(parsed.fieldErrors)[0] ?? "validation.invalid", fieldErrors: parsed.fieldErrors, values: parsed.values, forbidden: false };
  }
  const result = await spec.run(parsed.data, context, form);
  if (result.ok) return spec.done ? { ...result, done: spec.done(result, parsed.data) } : result;
  // a change that finds the ability missing on its own (e.g. someone else's card) answers with the same refusal
  return { ok: false, reason: result.reason, fieldErrors: result.fieldErrors, values: echoForm(form), forbidden: result.reason === (spec.refusal ?? "form.notAllowed") };
}

/**
 * The page's answer to an intent: a refusal as `{ ok, reason, fieldErrors, values }` (403 when the
 * ability was missing, 400 otherwise), success as the declared flash message on the page itself.
 */
export async function answerIntent(outcome: IntentOutcome, page: string) {
  if (!outcome.ok) {
    return data({ ok: false as const, reason: outcome.reason, fieldErrors: outcome.fieldErrors, values: outcome.values }, { status: outcome.forbidden ? 403 : 400 });
  }
  if (outcome.done) return redirectWithFlash(page + (outcome.done.at ?? ""), { message: outcome.done.message, params: outcome.done.params });
  return data({ ok: true as const, reason: null, fieldErrors: {}, values: {} });
}
