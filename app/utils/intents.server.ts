import type { z } from "zod";
import { echoForm, parseForm } from "./forms";
import type { FieldErrors, Result } from "./result";

// One way to write a page's action (issue 26, decision 0024). A page with several forms declares
// its intents once, each with the schema of its form, the ability it needs and the change it
// makes; `runIntent` reads the `intent` field, checks the ability before anything else, parses the
// form with the schema and runs the change, and every refusal has one shape:
// `{ ok: false, reason, fieldErrors, values, forbidden }` (values: what was typed, to put back).
// The intent matrix test enumerates the declarations, so every declared intent is tried as every
// role.

export interface IntentSpec<C, S extends z.ZodType = z.ZodType> {
  /** The form's schema, shared with the browser. */
  schema: S;
  /** Who may use the intent (a rule of the domain module, not a copy of it); checked before the form is read. */
  may?: (context: C) => boolean;
  /** The reason given when `may` refuses (an i18n key). */
  refusal?: string;
  run: (input: z.output<S>, context: C, form: FormData) => Promise<Result> | Result;
}

/** Declares one intent (keeps the schema's type for `run`'s input). */
export function intent<C, S extends z.ZodType>(spec: IntentSpec<C, S>): IntentSpec<C, S> {
  return spec;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry keeps its own schema type through intent()
export type Intents<C> = Readonly<Record<string, IntentSpec<C, any>>>;

export interface IntentRefusal {
  ok: false;
  reason: string;
  fieldErrors: FieldErrors;
  values: Record<string, string>;
  /** The ability was missing (answer 403), not the input (400): `may` refused, or the change answered with the intent's refusal. */
  forbidden: boolean;
}

export type IntentOutcome = (Result & { ok: true }) | IntentRefusal;

/** The intents a page declares, by name (the matrix test and the route scan read these). */
export function intentNames<C>(intents: Intents<C>): string[] {
  return Object.keys(intents);
}

export async function runIntent<C>(intents: Intents<C>, context: C, form: FormData): Promise<IntentOutcome> {
  const name = String(form.get("intent") ?? "");
  const spec = Object.hasOwn(intents, name) ? intents[name] : undefined;
  if (!spec) return { ok: false, reason: "form.unknownIntent", fieldErrors: {}, values: echoForm(form), forbidden: false };
  if (spec.may && !spec.may(context)) {
    return { ok: false, reason: spec.refusal ?? "form.notAllowed", fieldErrors: {}, values: echoForm(form), forbidden: true };
  }
  const parsed = parseForm(spec.schema, form);
  if (!parsed.ok) {
    return { ok: false, reason: Object.values(parsed.fieldErrors)[0] ?? "validation.invalid", fieldErrors: parsed.fieldErrors, values: parsed.values, forbidden: false };
  }
  const result = await spec.run(parsed.data, context, form);
  if (result.ok) return result;
  // a change that finds the ability missing on its own (e.g. someone else's card) answers with the same refusal
  return { ok: false, reason: result.reason, fieldErrors: result.fieldErrors, values: echoForm(form), forbidden: result.reason === (spec.refusal ?? "form.notAllowed") };
}
