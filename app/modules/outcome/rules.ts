import { z } from "zod";
import { optionalText, optionalWebUrl } from "~/utils/form-fields";

// Outcome follow-up: what became of each team's proposal 3, 6 and 12 months after the academy.

export const OUTCOME_MONTHS = [3, 6, 12] as const;
export const OUTCOME_STATUSES = ["adopted_policy", "budgeted", "launched_service", "in_progress", "not_adopted"] as const;
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];
/** The states in which a proposal counts as adopted (the KPI "proposals adopted"). */
export const ADOPTED_STATUSES: readonly OutcomeStatus[] = ["adopted_policy", "budgeted", "launched_service"];

export const OutcomeSchema = z.object({
  teamId: z.string().trim().min(1, "validation.invalid").max(40, "validation.invalid"),
  monthsAfter: z.enum(["3", "6", "12"], { error: "validation.invalid" }).transform(Number),
  status: z.enum(OUTCOME_STATUSES, { error: "outcome.error.status" }),
  note: optionalText(2000),
  url: optionalWebUrl,
});
export type OutcomeInput = z.output<typeof OutcomeSchema>;

/** When a follow-up is due: that many months after the academy's last session (Tokyo calendar months). */
export function followUpDue(academyEnd: Date, months: number): Date {
  const d = new Date(academyEnd.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}
