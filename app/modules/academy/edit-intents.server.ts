import { intent, orNotFound, type Intents } from "~/utils/intents.server";
import type { AppLocale } from "~/utils/dates";
import { sendInvitation } from "~/modules/account/invitation.server";
import { AcademyCreateSchema, AcademyUpdateSchema, StaffInviteSchema } from "./schemas";
import type { SessionUser } from "~/utils/session.server";
import { canSeeAcademy } from "./scope.server";
import { addStaffByEmail, createAcademy, updateAcademy } from "./academy.server";

// An academy's edit page (decision 0024): its details and staff saved (removing staff who took
// part asks to be confirmed: the refusal names them), or a member of staff added by mail address
// and invited. The route lets in only those who manage the academy.

export interface AcademyEditPage {
  actorId: string;
  academyId: string;
  locale: AppLocale;
}

export const ACADEMY_EDIT_INTENTS: Intents<AcademyEditPage> = {
  save: intent({
    schema: AcademyUpdateSchema,
    run: async (v, p: AcademyEditPage) => orNotFound(await updateAcademy(p.actorId, p.academyId, v)),
    done: (r) => ({ message: "academy.saved", to: `/academies/${r.id}` }),
  }),
  addStaff: intent({
    schema: StaffInviteSchema,
    run: async (v, p: AcademyEditPage) => {
      const added = await addStaffByEmail(p.actorId, p.academyId, v);
      if (!added.ok) return added;
      const sent = await sendInvitation({ userId: added.userId, invitedById: p.actorId, academyId: p.academyId, fallbackLocale: p.locale });
      return { ok: true as const, sent };
    },
    done: (r, v) => ({ message: r.sent === "invited" ? "academy.staffInvited" : "academy.staffNotified", params: { name: v.displayName } }),
  }),
};

/** A new academy with its four sessions (those who create academies); a refusal carries the schedule's clashes. */
export const NEW_ACADEMY_INTENTS: Intents<{ user: Pick<SessionUser, "id" | "permissions" | "enrollments"> }> = {
  save: intent({
    schema: AcademyCreateSchema,
    run: (v, p: { user: Pick<SessionUser, "id" | "permissions" | "enrollments"> }) => createAcademy(p.user.id, v, { canSee: (id) => canSeeAcademy(p.user, id) }),
    done: (r) => ({ message: "academy.created", to: `/academies/${r.id}` }),
  }),
};
