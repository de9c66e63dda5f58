// One way for services to report an expected failure: a reason (an i18n key) and, for forms,
// the fields it concerns. Routes turn a failure into a 400 with what the user typed echoed back.

export type FieldErrors = Record<string, string>;

export type Failure<E extends object = object> = { ok: false; reason: string; fieldErrors: FieldErrors } & E;
export type Result<T extends object = object, E extends object = object> = ({ ok: true } & T) | Failure<E>;

export function fail(reason: string, fieldErrors: FieldErrors = {}): Failure {
  return { ok: false, reason, fieldErrors };
}

/** A failure on one field, whose message is also the reason. */
export function fieldFailure(field: string, message: string): Failure {
  return { ok: false, reason: message, fieldErrors: { [field]: message } };
}
