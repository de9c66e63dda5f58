// Shared by the audit page (browser) and the log module (server).

/** What the audit log can be filtered by: the first part of an event's action. */
export const AUDIT_SUBJECTS = ["academy", "session", "stage", "team", "roster", "invitation", "material", "region", "calendar", "enrollment", "attendance", "retro", "outcome", "certificate", "call", "application", "api_token", "case"] as const;

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}
