import { z } from "zod";
import { intent, notFound, orNotFound, type Intents } from "~/utils/intents.server";
import { requiredText } from "~/utils/form-fields";
import { fail, type FieldErrors } from "~/utils/result";
import type { AppLocale } from "~/utils/dates";
import { revokeInvitations, sendInvitation } from "~/modules/account/invitation.server";
import { MemberSchema, TeamSchema } from "./schemas";
import { addMember, createTeam, removeMember, teamMemberUserId, updateTeam } from "./team.server";

// A team's page as those who manage the academy's teams see it (decision 0024): the team saved,
// a member added (and invited), removed, invited again or their invitation withdrawn. The route
// lets in only those who manage teams.

export interface TeamPage {
  actorId: string;
  academyId: string;
  team: { id: string; members: { user: { id: string; displayName: string } }[] };
  locale: AppLocale;
}

const UserIdSchema = z.object({ userId: requiredText(64) });
const nameOf = (p: TeamPage, userId: string) => p.team.members.find((m) => m.user.id === userId)?.user.displayName ?? "";

export const TEAM_INTENTS: Intents<TeamPage> = {
  saveTeam: intent({ schema: TeamSchema, run: async (v, p: TeamPage) => orNotFound(await updateTeam(p.actorId, p.academyId, p.team.id, v)), done: () => ({ message: "team.saved" }) }),
  addMember: intent({
    schema: MemberSchema,
    run: async (v, p: TeamPage) => {
      const added = await addMember(p.actorId, p.academyId, p.team.id, v);
      if (!added.ok) return fail(added.reason, added.fieldErrors as FieldErrors);
      // someone new, or new to the academy, is invited; someone already here is told
      const sent = added.needsInvitation || added.newlyEnrolled ? await sendInvitation({ userId: added.userId, invitedById: p.actorId, academyId: p.academyId, fallbackLocale: p.locale }) : null;
      return { ok: true as const, sent };
    },
    done: (r, v) => ({ message: r.sent === "invited" ? "team.memberAddedInvited" : r.sent === "notified" ? "team.memberAddedNotified" : "team.memberAdded", params: { name: v.displayName } }),
  }),
  removeMember: intent({
    schema: z.object({ memberId: requiredText(64) }),
    run: async (v, p: TeamPage) => {
      const removed = await removeMember(p.actorId, p.academyId, p.team.id, v.memberId);
      return orNotFound(removed && { ok: true as const, name: removed.name });
    },
    done: (r) => ({ message: "team.memberRemoved", params: { name: r.name } }),
  }),
  invite: intent({
    schema: UserIdSchema,
    run: async (v, p: TeamPage) => {
      if (!(await teamMemberUserId(p.team.id, v.userId))) return notFound();
      const sent = await sendInvitation({ userId: v.userId, invitedById: p.actorId, academyId: p.academyId, fallbackLocale: p.locale });
      return { ok: true as const, sent, name: nameOf(p, v.userId) };
    },
    done: (r) => ({ message: r.sent === "invited" ? "invitation.sentTo" : "invitation.noticeSentTo", params: { name: r.name } }),
  }),
  revoke: intent({
    schema: UserIdSchema,
    run: async (v, p: TeamPage) => {
      if (!(await teamMemberUserId(p.team.id, v.userId))) return notFound();
      await revokeInvitations(p.actorId, v.userId);
      return { ok: true as const, name: nameOf(p, v.userId) };
    },
    done: (r) => ({ message: "invitation.revokedFor", params: { name: r.name } }),
  }),
};

/** A new team of the academy (those who manage teams); its page follows. The team form names its intent (it is the team page's form too). */
export const NEW_TEAM_INTENTS: Intents<{ actorId: string; academyId: string }> = {
  saveTeam: intent({
    schema: TeamSchema,
    run: async (v, p: { actorId: string; academyId: string }) => {
      const created = await createTeam(p.actorId, p.academyId, v);
      return created.ok ? { ok: true as const, to: `/academies/${p.academyId}/teams/${created.id}` } : created;
    },
    done: (r) => ({ message: "team.created", to: r.to }),
  }),
};
