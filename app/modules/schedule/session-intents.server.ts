import { intent, orNotFound, type Intents } from "~/utils/intents.server";
import type { SessionUser } from "~/utils/session.server";
import { canSeeAcademy } from "~/modules/academy/scope.server";
import { SessionSchema } from "./schemas";
import { createSession, updateSession } from "./session.server";

// A workshop session's form (decision 0024), new or edited: the schedule's rules answer a refusal
// with the clashes found (`issues`) and, for warnings only, ask to acknowledge them. The routes let
// in only those who manage the academy.

export interface SessionPage {
  user: Pick<SessionUser, "id" | "permissions" | "enrollments">;
  academyId: string;
  /** the session edited, with its number; none on the page that adds one */
  session: { id: string; sequence: number } | null;
}

const viewer = (p: SessionPage) => ({ canSee: (id: string) => canSeeAcademy(p.user, id) });

export const NEW_SESSION_INTENTS: Intents<SessionPage> = {
  save: intent({
    schema: SessionSchema,
    run: async (v, p: SessionPage) => {
      const created = await createSession(p.user.id, p.academyId, v, viewer(p));
      return created.ok ? { ok: true as const, academyId: p.academyId } : created;
    },
    done: (r) => ({ message: "session.created", to: `/academies/${r.academyId}` }),
  }),
};

export const EDIT_SESSION_INTENTS: Intents<SessionPage & { session: { id: string; sequence: number } }> = {
  save: intent({
    schema: SessionSchema,
    run: async (v, p: SessionPage & { session: { id: string; sequence: number } }) => {
      const saved = orNotFound(await updateSession(p.user.id, p.academyId, p.session.id, v, viewer(p)));
      return saved.ok ? { ok: true as const, academyId: p.academyId, n: p.session.sequence } : saved;
    },
    done: (r) => ({ message: "session.saved", params: { n: r.n }, to: `/academies/${r.academyId}` }),
  }),
};
