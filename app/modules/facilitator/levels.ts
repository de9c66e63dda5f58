import { z } from "zod";

// Growing local facilitators (地域ファシリテーターの育成): a person in training in an academy moves
// observer → co-facilitator → lead; in each session someone leads, co-facilitates or observes.
// Shared by server and browser. See docs/decisions/0014-consultations-and-local-facilitators.md.

export const TRAINING_LEVELS = ["observer", "co_facilitator", "lead"] as const;
export type TrainingLevel = (typeof TRAINING_LEVELS)[number];

export const SESSION_ROLES = ["lead", "co_facilitator", "observer"] as const;
export type SessionRole = (typeof SESSION_ROLES)[number];

/** The part someone takes when added to a session: as far as their training has come. */
export function defaultSessionRole(level: string | null | undefined): SessionRole {
  return level === "observer" ? "observer" : level === "co_facilitator" ? "co_facilitator" : "lead";
}

export const TrainingLevelSchema = z.object({
  enrollmentId: z.string().trim().min(1, "validation.invalid").max(40, "validation.invalid"),
  trainingLevel: z.union([z.literal(""), z.enum(TRAINING_LEVELS)], { error: "facilitator.validation.level" }),
});

export const PoolFilterSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  prefecture: z.string().regex(/^\d{2}$/).optional().catch(undefined),
  level: z.enum([...TRAINING_LEVELS, "trained", "untrained"]).optional().catch(undefined),
  minLed: z.coerce.number().int().min(0).max(1000).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type PoolFilter = z.output<typeof PoolFilterSchema>;
