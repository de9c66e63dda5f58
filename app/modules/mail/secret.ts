/** Stands for a secret (a one-time sign-in link) in the stored copy of a mail; the outbox page shows an explanation in its place. */
export const SECRET_MARK = "[[secret-link]]";
