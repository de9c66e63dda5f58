import type { z } from "zod";
import { echoForm, echoLists, parseForm } from "./forms";
import { fail, fieldsFailure, type Failure, type Refusal, type Result } from "./result";
import { data, redirect } from "@remix-run/node";
import { redirectWithFlash } from "./flash.server";

// One way to write a page's action (issue 26, decision 0024). A page with several forms declares
// its intents once, each with the schema of its form, the ability it needs and the change it
// makes; `runIntent` reads the `intent` field, checks the ability before anything else, parses the
// form with the schema and runs the change, and every refusal has one shape:
// `{ ok: false, reason, fieldErrors, values, lists, form }` with its status (values: what was typed,
// to put back; form: which form of the page it concerns; plus any detail the change gave).
// The intent matrix test enumerates the declarations, so every declared intent is tried as every
// role.

/** What a page says after a change: a flash message on the next page, and where on the page to land. */
export interface Done {
  /** an i18n key; without one the answer only moves on (to a notification's page, say) */
  message?: string;
  /** a message that reports something not done (a reminder already sent today) */
  tone?: "warning";
  params?: Record<string, string | number>;
  /** after the page's address: an anchor ("#prelearning") */
  at?: string;
  /** another page to land on instead (e.g. "decide and open the next") */
  to?: string;
  /** headers the answer carries, each on its own (a new session's cookies) */
  headers?: [string, string][];
}

/** The reason a change gives when what the form names is not there (or not the person's to see): answered 404. */
export const NOT_FOUND = "form.notFound";

export interface IntentSpec<C, S extends z.ZodType = z.ZodType, R extends Result = Result> {
  /** The form's schema, shared with the browser. */
  schema: S;
  /** Who may use the intent (a rule of the domain module, not a copy of it); checked before the form is read. */
  may?: (context: C) => boolean;
  /** The reason given when `may` refuses (an i18n key). */
  refusal?: string;
  run: (input: z.output<S>, context: C, form: FormData) => Promise<R> | R;
  /** Which form of the page a refusal belongs to (shown beside it); the intent's name unless said. A failure may name its own (`{ form }`). */
  form?: (form: FormData) => string;
  /** The message after success (pages that reload; a live board answers without one). */
  done?: (result: Extract<R, { ok: true }>, input: z.output<S>) => Done;
}

/** Declares one intent (keeps the schema's type for `run`'s input). */
export function intent<C, S extends z.ZodType, R extends Result = Result>(spec: IntentSpec<C, S, R>): IntentSpec<C, S, R> {
  return spec;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry keeps its own schema type through intent()
export type Intents<C> = Readonly<Record<string, IntentSpec<C, any, any>>>;

export type RefusalStatus = 400 | 403 | 404 | 429;

export interface IntentRefusal extends Refusal {
  /** 403: the ability was missing (`may` refused, or the change answered with the intent's refusal); 404: what the form names is not there; 429: too many tries (the change says so); 400: the input. */
  status: RefusalStatus;
}

export type IntentOutcome = (Result & { ok: true; done?: Done }) | IntentRefusal;

/** The intents a page declares, by name (the matrix test and the route scan read these). */
export function intentNames<C>(intents: Intents<C>): string[] {
  return Object.keys(intents);
}

/** A change that went through. */
export const OK = { ok: true } as const;

/** "Not there": what the form names does not exist or is not the person's (answered 404), with a reason to show. */
export function notFound(reason: string = NOT_FOUND): Failure<{ missing: true }> {
  return { ...fail(reason), missing: true };
}

/** A change's answer, or "not there" when it found nothing to change. */
export function orNotFound<R extends Result>(result: R | null | undefined | false, reason?: string): R | Failure {
  return result ? result : notFound(reason);
}

/** The intent of a page's one form that names none (an edit page's "save"). */
export const DEFAULT_INTENT = "save";

export async function runIntent<C>(intents: Intents<C>, context: C, form: FormData): Promise<IntentOutcome> {
  const name = String(form.get("intent") ?? "") || DEFAULT_INTENT;
  const spec = Object.hasOwn(intents, name) ? intents[name] : undefined;
  // every refusal puts back what was typed and names its form
  const refused = (status: RefusalStatus, failure: Failure, formName: string, values = echoForm(form)): IntentRefusal => ({ ...failure, values, lists: echoLists(form), form: formName, status });
  if (!spec) {
    // someone who may use none of the page's forms is refused as such; anyone else sent a form the page does not have
    const mayAny = Object.values(intents).some((s) => !s.may || s.may(context));
    return refused(mayAny ? 400 : 403, fail(mayAny ? "form.unknownIntent" : "form.notAllowed"), name);
  }
  const formName = spec.form ? spec.form(form) : name;
  if (spec.may && !spec.may(context)) return refused(403, fail(spec.refusal ?? "form.notAllowed"), formName);
  const parsed = parseForm(spec.schema, form);
  if (!parsed.ok) return refused(400, fieldsFailure(parsed.fieldErrors), formName, parsed.values);
  const result = await spec.run(parsed.data, context, form);
  if (result.ok) return spec.done ? { ...result, done: spec.done(result, parsed.data) } : result;
  // a change that finds the ability missing on its own (e.g. someone else's card) answers with the same refusal;
  // what else the change said about its refusal (a schedule's clashes) travels with it, the protocol's fields last
  const { form: own, missing, status: said, ...failure } = result as typeof result & { form?: unknown; missing?: unknown; status?: unknown };
  const status = failure.reason === (spec.refusal ?? "form.notAllowed") ? 403 : missing === true || failure.reason === NOT_FOUND ? 404 : said === 429 ? 429 : 400;
  return refused(status, failure, typeof own === "string" ? own : formName);
}

/** A refusal answered outside `runIntent` (an upload read as a stream), in the same shape. */
export function refuse<E extends object>(refusal: Omit<IntentRefusal, "ok" | "status" | "values" | "lists"> & { values?: Record<string, string>; status?: RefusalStatus } & E) {
  const { status = 400, values = {}, ...rest } = refusal;
  return data({ ...rest, ok: false as const, values, lists: {} }, { status });
}

/**
 * The page's answer to an intent: a refusal as `{ ok, reason, fieldErrors, values, form }` (its
 * status), success as the declared flash message on the page itself (or the page `to` names);
 * a change declared without a message (a fetcher's) answers with what it returned.
 */
export async function answerIntent(outcome: IntentOutcome, page: string, init: { headers?: HeadersInit } = {}) {
  if (!outcome.ok) {
    const { status, ...refusal } = outcome;
    return data(refusal, { status, headers: init.headers });
  }
  const done = outcome.done;
  if (done) {
    const to = done.to ?? page + (done.at ?? "");
    const headers = new Headers(init.headers);
    for (const [name, value] of done.headers ?? []) headers.append(name, value);
    if (!done.message) return redirect(to, { headers });
    return redirectWithFlash(to, { message: done.message, params: done.params, tone: done.tone }, { headers });
  }
  return data({ ...outcome, reason: null, fieldErrors: {}, values: {}, lists: {}, form: "" }, { headers: init.headers });
}
