import { z } from "zod";
import { intent, type Intents } from "~/utils/intents.server";
import { fail, fieldsFailure } from "~/utils/result";
import { parseForm } from "~/utils/forms";
import { optionalLine, requiredText } from "~/utils/form-fields";
import { removeApplicationFile, saveApplication, startApplication, withdrawApplication } from "./application.server";
import { uploadApplicationFile } from "./files.server";
import { ApplicationSchema } from "./schemas";
import { answersFrom, callQuestions } from "./questions.server";

// An applicant's own application (decision 0024): saved as a draft, submitted, withdrawn, its
// files attached and removed. The route finds only the person's own application. A file is read
// to disk by the route before the form is known.

export interface ApplicationPage {
  userId: string;
  app: { id: string; callId: string };
  /** the file sent with the form, if any */
  file: Parameters<typeof uploadApplicationFile>[2] | null;
}

/** The application's fields and the call's own questions, every refusal at once. */
async function save(p: ApplicationPage, form: FormData, submit: boolean) {
  const parsed = parseForm(ApplicationSchema, form);
  const { answers, fieldErrors: answerErrors } = answersFrom(form, await callQuestions(p.app.callId));
  if (!parsed.ok || Object.keys(answerErrors).length > 0) {
    const fieldErrors = { ...(parsed.ok ? {} : parsed.fieldErrors), ...answerErrors };
    return fieldsFailure(fieldErrors);
  }
  return saveApplication(p.userId, p.app.id, parsed.data, submit, new Date(), answers);
}

const none = z.object({});

export const APPLICATION_INTENTS: Intents<ApplicationPage> = {
  save: intent({ schema: none, form: () => "application", run: (_v, p: ApplicationPage, form) => save(p, form, false), done: () => ({ message: "call.draftSaved" }) }),
  submit: intent({ schema: none, form: () => "application", run: (_v, p: ApplicationPage, form) => save(p, form, true), done: () => ({ message: "call.submitted" }) }),
  withdraw: intent({ schema: none, run: (_v, p: ApplicationPage) => withdrawApplication(p.userId, p.app.id), done: () => ({ message: "call.withdrawn" }) }),
  // a file for the application, or for one of the call's questions
  upload: intent({
    schema: z.object({ questionId: optionalLine(64) }),
    run: (v, p: ApplicationPage) => (p.file ? uploadApplicationFile(p.userId, p.app.id, p.file, v.questionId || null) : fail("call.error.noFile")),
    done: () => ({ message: "call.fileAdded" }),
  }),
  removeFile: intent({
    schema: z.object({ fileId: requiredText(64) }),
    run: (v, p: ApplicationPage) => removeApplicationFile(p.userId, p.app.id, v.fileId),
    done: () => ({ message: "call.fileRemoved" }),
  }),
};

/** A call's public page: someone signed in starts an application on one of its tracks (the draft's page follows). */
export interface CallPage {
  userId: string;
  callId: string;
}

export const CALL_PAGE_INTENTS: Intents<CallPage> = {
  save: intent({
    schema: z.object({ trackId: z.string().trim().max(64, "validation.invalid").optional().default("") }),
    // a refusal names the application already there (its government, person and state)
    run: (v, p: CallPage) => startApplication(p.userId, p.callId, v.trackId, null),
    done: (r) => ({ to: `/applications/${r.id}` }),
  }),
};
