import { z } from "zod";
import { intent, type Intents } from "~/utils/intents.server";
import { requiredText } from "~/utils/form-fields";
import type { SessionUser } from "~/utils/session.server";
import { addAction, addFollowUp, closeConsultation, recordAdvice, removeAction, requestConsultation, scheduleConsultation, setActionStatus, type ConsultationView } from "./consultation.server";
import { ActionSchema, ActionStatusSchema, CloseSchema, FollowUpSchema, RecordSchema, RequestSchema, ScheduleSchema } from "./schemas";

// One consultation's page, declared (decision 0024). Who may do what is the module's
// (getConsultation(...).can and .roles); each change checks the consultation's state again.

export interface ConsultationPage {
  user: SessionUser;
  c: ConsultationView;
}

export const CONSULTATION_INTENTS: Intents<ConsultationPage> = {
  // the programme's coordinator sets (or moves) the meeting; a refusal carries the clashes found
  schedule: intent({
    may: (p: ConsultationPage) => p.c.roles.coordinator,
    refusal: "form.notAllowed",
    schema: ScheduleSchema,
    run: (v, p: ConsultationPage) => scheduleConsultation(p.user.id, p.c.id, v),
    done: () => ({ message: "consultation.scheduled" }),
  }),
  // declined or cancelled by the coordinator, withdrawn by the requester (the change decides which)
  close: intent({ schema: CloseSchema, run: (v, p: ConsultationPage) => closeConsultation(p.user, p.c.id, v.reason), done: () => ({ message: "consultation.closed" }) }),
  withdraw: intent({ schema: CloseSchema, run: (v, p: ConsultationPage) => closeConsultation(p.user, p.c.id, v.reason), done: () => ({ message: "consultation.withdrawn" }) }),
  record: intent({ schema: RecordSchema, run: (v, p: ConsultationPage) => recordAdvice(p.user, p.c.id, v), done: () => ({ message: "consultation.recorded" }) }),
  addAction: intent({ schema: ActionSchema, run: (v, p: ConsultationPage) => addAction(p.user, p.c.id, v), done: () => ({ message: "consultation.actionAdded" }) }),
  removeAction: intent({
    schema: z.object({ actionId: requiredText(64) }),
    run: (v, p: ConsultationPage) => removeAction(p.user, p.c.id, v.actionId),
    done: () => ({ message: "consultation.actionRemoved" }),
  }),
  actionStatus: intent({
    schema: ActionStatusSchema,
    run: (v, p: ConsultationPage) => setActionStatus(p.user, p.c.id, v.actionId, v.status),
    done: () => ({ message: "consultation.actionUpdated" }),
  }),
  followUp: intent({ schema: FollowUpSchema, run: (v, p: ConsultationPage) => addFollowUp(p.user, p.c.id, v.note), done: () => ({ message: "consultation.followUpAdded" }) }),
};

/** Asking for a consultation: anyone signed in, for a government they belong to (the change checks). */
export const REQUEST_INTENTS: Intents<{ user: SessionUser }> = {
  save: intent({
    schema: RequestSchema,
    run: (v, p: { user: SessionUser }) => requestConsultation(p.user, v),
    done: (r) => ({ message: "consultation.requested", to: `/consultations/${r.id}` }),
  }),
};
