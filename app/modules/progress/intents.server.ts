import { z } from "zod";
import { intent, orNotFound, type Intents } from "~/utils/intents.server";
import { requiredText } from "~/utils/form-fields";
import type { SessionUser } from "~/utils/session.server";
import { queueScope } from "~/modules/deliverable/review.server";
import { remindOverdueTeam } from "./remind.server";

// The progress board (decision 0024): those who review or run a team's academy remind an overdue
// team. A reminder that is not sent (nothing overdue, already reminded today) is said as a
// warning on the board, which stays as it was filtered.

export interface ProgressPage {
  user: Pick<SessionUser, "id" | "permissions" | "enrollments">;
}

export const PROGRESS_INTENTS: Intents<ProgressPage> = {
  remind: intent({
    may: (p: ProgressPage) => queueScope(p.user) !== null,
    refusal: "form.notAllowed",
    schema: z.object({ teamId: requiredText(64) }),
    run: async (v, p: ProgressPage) => {
      const result = orNotFound(await remindOverdueTeam(p.user, v.teamId));
      if (result.ok) return { ok: true as const, sent: { team: result.team, count: result.members }, notSent: null };
      if ("missing" in result) return result;
      return { ok: true as const, sent: null, notSent: result.reason };
    },
    done: (r) => (r.sent ? { message: "progress.remind.sent", params: r.sent } : { message: r.notSent ?? "progress.remind.notOverdue", tone: "warning" }),
  }),
};
