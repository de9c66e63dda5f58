// One way for services to report an expected failure: a reason (an i18n key) and, for forms,
// the fields it concerns. Routes turn a failure into a 400 with what the user typed echoed back.

export type FieldErrors = Record<string, string>;

export type Failure<E extends object = object> = { ok: false; reason: string; fieldErrors: FieldErrors } & E;
export type Result<T extends object = object, E extends object = object> = ({ ok: true } & T) | Failure<E>;

export function fail(reason: string, fieldErrors: FieldErrors = {}): Failure {
  return { ok: false, reason, fieldErrors };
}

/** A form refused field by field: the first field's message is the reason. */
export function fieldsFailure(fieldErrors: FieldErrors): Failure {
  return fail(Object.values(fieldErrors)[0] ?? "validation.invalid", fieldErrors);
}

/** A failure on one field, whose message is also the reason. */
export function fieldFailure(field: string, message: string): Failure {
  return { ok: false, reason: message, fieldErrors: { [field]: message } };
}

/** A refused form as the page receives it (decision 0024): why, per field, what was typed, and which form of the page. */
export interface Refusal {
  ok: false;
  /** an i18n key */
  reason: string;
  fieldErrors: FieldErrors;
  /** what was typed, to put back (one value per field; never passwords) */
  values: Record<string, string>;
  /** every value of each field, for groups of boxes */
  lists: Record<string, string[]>;
  /** which form of the page it concerns (the intent's name unless its declaration says) */
  form: string;
}

/** What a refusal says above its form: the reason, unless it is already said beside a field. */
export function formMessage(refusal: Pick<Refusal, "reason" | "fieldErrors"> | null | undefined): string | null {
  if (!refusal?.reason) return null;
  return Object.values(refusal.fieldErrors).includes(refusal.reason) ? null : refusal.reason;
}
