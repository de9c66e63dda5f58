import { z } from "zod";
import { intent, notFound, type Intents } from "~/utils/intents.server";
import { type Result, fieldsFailure } from "~/utils/result";
import { formValues } from "~/utils/forms";
import { requiredText } from "~/utils/form-fields";
import { fromTokyoInputs, type AppLocale } from "~/utils/dates";
import type { AcademyContext } from "~/modules/academy/context.server";
import { takesForm } from "~/modules/stage/stages";
import type { TeamRef } from "./path.server";
import { saveWork, submit, type StageRef } from "./deliverable.server";
import { stagePage } from "./stage-page.server";
import { confirmScan, removeFile } from "./files.server";
import { grantExtension, nextWaiting, revokeExtension, review } from "./review.server";
import { ConfirmSchema, ExtensionSchema, ReviewSchema, SubmitSchema, scoresFrom } from "./schemas";
import { parseWork, workFromFields } from "./work";

// A team's stage page, declared (decision 0024): the team's members write, hand in and look after
// their files; reviewers decide; those who review or run the teams extend a due date. Each intent:
// who may, the form's schema, the change and the message after it. Uploads are read as a stream
// before any form exists, so the route answers them itself in the same shape (`refuse`).

export interface StagePageContext {
  context: AcademyContext;
  team: TeamRef;
  stage: StageRef;
  locale: AppLocale;
}

const member = { may: (p: StagePageContext) => p.team.isMember, refusal: "form.notAllowed" } as const;
const extender = { may: (p: StagePageContext) => p.context.can.review || p.context.can.manageTeams, refusal: "form.notAllowed" } as const;

/** The work form's fields depend on the stage: parsed by the stage's own schema inside the change. */
const WorkFields = z.object({});
const FileIdSchema = z.object({ fileId: requiredText(64) });

/** Saves the work on the screen; a refusal belongs to the work form wherever it was pressed. */
async function saveScreen(p: StagePageContext, form: FormData): Promise<Result<object, { form?: string }>> {
  const parsed = parseWork(p.stage.key, workFromFields(p.stage.key, formValues(form)));
  if (!parsed.ok) return { ...fieldsFailure(parsed.fieldErrors), form: "work" };
  const saved = await saveWork(p.context.user.id, p.team, p.stage, parsed.work);
  return saved.ok ? saved : { ...saved, form: "work" };
}

const REVIEWED = { accept: "review.flash.accepted", request_revision: "review.flash.revisionRequested", comment: "review.flash.commented" } as const;

async function decide(p: StagePageContext, v: z.output<typeof ReviewSchema>, decision: keyof typeof REVIEWED, form: FormData) {
  const result = await review(p.context, p.team, p.stage, { decision, body: v.body, versionNumber: v.versionNumber, scores: scoresFrom(formValues(form)), locale: p.locale });
  if (!result.ok) return result;
  // "save and open the next": the next submission waiting, read again now (another reviewer may have taken it)
  const next = decision !== "comment" && form.get("openNext") === "1" ? await nextWaiting(p.context.user, null) : null;
  return { ok: true as const, decision, next: next?.url ?? null };
}

export const STAGE_INTENTS: Intents<StagePageContext> = {
  saveWork: intent({ ...member, schema: WorkFields, form: () => "work", run: (_v, p: StagePageContext, form) => saveScreen(p, form), done: () => ({ message: "deliverable.flash.saved" }) }),
  // the draft saving itself while a member types (work-form.tsx): a fetcher, no message
  autosave: intent({
    ...member,
    schema: WorkFields,
    run: async (_v, p: StagePageContext, form) => {
      const saved = await saveScreen(p, form);
      return saved.ok ? { ok: true as const, savedAt: new Date().toISOString() } : { ...saved, form: "autosave" };
    },
  }),
  submit: intent({
    ...member,
    schema: SubmitSchema,
    run: async (v, p: StagePageContext, form) => {
      // handing in what is on the screen: the work typed since the last save is saved first (one step)
      if (form.get("withWork") === "1" && takesForm(p.stage.deliverable)) {
        const saved = await saveScreen(p, form);
        if (!saved.ok) return saved;
      }
      const page = await stagePage(p.context, p.team, p.stage, new Date());
      return submit(p.context.user.id, p.team, p.stage, { note: v.note, deadline: page.deadline, locale: p.locale });
    },
    done: (r) => ({ message: r.late ? "deliverable.flash.submittedLate" : "deliverable.flash.submitted", params: { version: String(r.number) } }),
  }),
  confirmFile: intent({
    ...member,
    schema: ConfirmSchema,
    form: (form) => `confirm-${String(form.get("fileId") ?? "")}`,
    run: async (v, p: StagePageContext) => (await confirmScan(p.context.user.id, p.team, p.stage, v.fileId, v.reason)) ?? notFound(),
    done: () => ({ message: "privacy.flash.confirmed" }),
  }),
  removeFile: intent({
    ...member,
    schema: FileIdSchema,
    form: () => "files",
    run: async (v, p: StagePageContext) => (await removeFile(p.context.user.id, p.team, p.stage, v.fileId)) ?? notFound(),
    done: (r) => ({ message: "deliverable.flash.fileRemoved", params: { name: r.fileName } }),
  }),
  // a reviewer's decision (the review form can also only comment)
  review: intent({
    may: (p: StagePageContext) => p.context.can.review,
    refusal: "form.notAllowed",
    schema: ReviewSchema,
    run: (v, p: StagePageContext, form) => decide(p, v, v.decision, form),
    done: (r) => ({ message: REVIEWED[r.decision], to: r.next ?? undefined }),
  }),
  // a comment in the thread: the team and its reviewers (the change checks who may write there)
  comment: intent({
    schema: ReviewSchema,
    form: () => "review",
    run: (v, p: StagePageContext, form) => decide(p, v, "comment", form),
    done: () => ({ message: REVIEWED.comment }),
  }),
  extend: intent({
    ...extender,
    schema: ExtensionSchema,
    run: async (v, p: StagePageContext) => {
      await grantExtension(p.context.user.id, p.team, p.stage, fromTokyoInputs(v.dueDate, "23:59"), v.reason);
      return { ok: true as const };
    },
    done: (_r, v) => ({ message: "extension.flash.granted", params: { date: v.dueDate } }),
  }),
  revokeExtension: intent({
    ...extender,
    schema: z.object({}),
    form: () => "extend",
    run: async (_v, p: StagePageContext) => {
      await revokeExtension(p.context.user.id, p.team, p.stage);
      return { ok: true as const };
    },
    done: () => ({ message: "extension.flash.revoked" }),
  }),
};
