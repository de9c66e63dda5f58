import { z } from "zod";
import { intent, OK, type Intents } from "~/utils/intents.server";
import type { AcademyContext } from "~/modules/academy/context.server";
import { optionalLine } from "~/utils/form-fields";
import { ATTENDANCE_STATUSES, RuleSchema } from "./rules";
import { markAttendance, markRestPresent, setCompletionRule } from "./attendance.server";

// Taking attendance in the room (decision 0024): one tap per person (a fetcher: the list reloads,
// no message), or everyone not yet marked present at once. The route lets in those who run the
// academy's sessions; the change refuses a session that has not begun.

export interface AttendancePage {
  actorId: string;
  academyId: string;
  sessionId: string;
}

export const MarkSchema = z.object({
  enrollmentId: z.string().trim().min(1, "validation.invalid").max(40, "validation.invalid"),
  status: z.enum(ATTENDANCE_STATUSES, { error: "attendance.error.status" }),
  note: optionalLine(200).optional(),
});

export const ATTENDANCE_INTENTS: Intents<AttendancePage> = {
  // a refusal belongs to that person's row
  mark: intent({
    schema: MarkSchema,
    form: (form) => `person-${String(form.get("enrollmentId") ?? "").slice(0, 40)}`,
    run: (v, p: AttendancePage) => markAttendance(p.actorId, p.academyId, p.sessionId, { enrollmentId: v.enrollmentId, status: v.status, note: v.note }),
  }),
  restPresent: intent({ schema: z.object({}), run: (_v, p: AttendancePage) => markRestPresent(p.actorId, p.academyId, p.sessionId), done: () => ({}) }),
};


export interface CompletionPage {
  context: AcademyContext;
}

// The completion page: those who manage the academy set the rule; its other readers only look.
export const COMPLETION_INTENTS: Intents<CompletionPage> = {
  save: intent({
    may: (p: CompletionPage) => p.context.can.manageAcademy,
    refusal: "form.notAllowed",
    schema: RuleSchema,
    run: async (v, p: CompletionPage) => (await setCompletionRule(p.context.user.id, p.context.academy.id, v), OK),
    done: () => ({ message: "completion.ruleSaved" }),
  }),
};
