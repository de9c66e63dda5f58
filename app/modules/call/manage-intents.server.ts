import { z } from "zod";
import { intent, notFound, OK, type Intents } from "~/utils/intents.server";
import { fail } from "~/utils/result";
import { requiredText } from "~/utils/form-fields";
import * as calls from "./call.server";
import { uploadCallDocument } from "./files.server";
import { CallSchema, CriterionSchema, TrackSchema } from "./schemas";
import { serverT } from "~/utils/i18n.server";
import { fromTokyoInputs, type AppLocale } from "~/utils/dates";
import { QuestionSchema } from "./questions";
import { addQuestion, removeQuestion } from "./questions.server";

// A call's settings (decision 0024): details and deadline, tracks and places, selection criteria,
// questions, reviewers, documents, publication. The route lets in only those who manage calls.
// A document comes as a file, read to disk by the route before the form is known.

export interface CallSettingsPage {
  actorId: string;
  callId: string;
  /** the file sent with the form, if any */
  file: Parameters<typeof uploadCallDocument>[2] | null;
}

const none = z.object({});
const Id = z.object({ id: requiredText(64) });
const saved = () => ({ message: "call.saved" });

export const CALL_SETTINGS_INTENTS: Intents<CallSettingsPage> = {
  // a refused save carries the deadline warnings to confirm
  update: intent({ schema: CallSchema, run: (v, p: CallSettingsPage) => calls.updateCall(p.actorId, p.callId, v), done: saved }),
  publish: intent({ schema: none, run: async (_v, p: CallSettingsPage) => (await calls.setPublished(p.actorId, p.callId, "call", true), OK), done: () => ({ message: "call.published" }) }),
  unpublish: intent({ schema: none, run: async (_v, p: CallSettingsPage) => (await calls.setPublished(p.actorId, p.callId, "call", false), OK), done: () => ({ message: "call.unpublished" }) }),
  addTrack: intent({ schema: TrackSchema, run: async (v, p: CallSettingsPage) => (await calls.addTrack(p.actorId, p.callId, v), OK), done: saved }),
  // each track's own form
  updateTrack: intent({
    schema: TrackSchema.extend(Id.shape),
    form: (form) => `track:${String(form.get("id") ?? "").slice(0, 64)}`,
    run: async (v, p: CallSettingsPage) => {
      const r = await calls.updateTrack(p.actorId, p.callId, v.id, v);
      return r.ok ? r : notFound(r.reason);
    },
    done: saved,
  }),
  removeTrack: intent({ schema: Id, run: (v, p: CallSettingsPage) => calls.removeTrack(p.actorId, p.callId, v.id), done: saved }),
  addCriterion: intent({ schema: CriterionSchema, run: async (v, p: CallSettingsPage) => (await calls.addCriterion(p.actorId, p.callId, v), OK), done: saved }),
  removeCriterion: intent({ schema: Id, run: (v, p: CallSettingsPage) => calls.removeCriterion(p.actorId, p.callId, v.id), done: saved }),
  addQuestion: intent({ schema: QuestionSchema, run: (v, p: CallSettingsPage) => addQuestion(p.actorId, p.callId, v), done: () => ({ message: "call.question.added" }) }),
  removeQuestion: intent({ schema: Id, run: (v, p: CallSettingsPage) => removeQuestion(p.actorId, p.callId, v.id), done: () => ({ message: "call.question.removed" }) }),
  // a reviewer is someone with an account, named by mail address (the change says when there is none)
  addReviewer: intent({
    schema: z.object({ reviewerEmail: z.string().trim().max(254, "validation.tooLong") }),
    run: (v, p: CallSettingsPage) => calls.addReviewer(p.actorId, p.callId, v.reviewerEmail),
    done: () => ({ message: "call.reviewerAdded" }),
  }),
  removeReviewer: intent({ schema: Id, run: async (v, p: CallSettingsPage) => (await calls.removeReviewer(p.actorId, p.callId, v.id), OK), done: saved }),
  upload: intent({
    schema: none,
    form: () => "document",
    run: (_v, p: CallSettingsPage) => (p.file ? uploadCallDocument(p.actorId, p.callId, p.file) : fail("call.error.noFile")),
    done: () => ({ message: "call.documentAdded" }),
  }),
  removeDocument: intent({ schema: Id, run: async (v, p: CallSettingsPage) => (await calls.removeDocument(p.actorId, p.callId, v.id), OK), done: saved }),
};

/** A new call (those who manage calls): a deadline that warns is asked about first; the call's settings follow. */
export const NEW_CALL_INTENTS: Intents<{ actorId: string; locale: AppLocale }> = {
  save: intent({
    schema: CallSchema,
    run: async (v, p: { actorId: string; locale: AppLocale }) => {
      const warnings = await calls.deadlineWarnings(fromTokyoInputs(v.deadlineDate, v.deadlineTime), null);
      if (warnings.length > 0 && v.acknowledgeWarnings !== "yes") return { ...fail("call.checkWarnings"), warnings };
      const t = serverT(p.locale);
      return { ok: true as const, id: await calls.createCall(p.actorId, v, (key) => t(key)) };
    },
    done: (r) => ({ to: `/manage/calls/${r.id}` }),
  }),
};
