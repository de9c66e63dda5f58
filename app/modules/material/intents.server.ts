import { z } from "zod";
import { intent, notFound, type Intents } from "~/utils/intents.server";
import { fail, type Result } from "~/utils/result";
import { fromTokyoInputs } from "~/utils/dates";
import type { AppLocale } from "~/utils/dates";
import type { AcademyContext } from "~/modules/academy/context.server";
import { attachCurriculum, attachedMaterial, detachMaterial, findVisibleMaterial, recordAccess, releaseStageNow, setRelease, type ReleaseInput } from "./release.server";
import { sendPreLearningReminders, setCompletion } from "./prelearning.server";
import { ReleaseSchema } from "./schemas";

// The academy's materials page, declared (decision 0024): participants tick their pre-learning;
// those who release materials attach, release and remind. Each intent: who may, the form's schema,
// the change and the message after it.

export interface MaterialsPage {
  context: AcademyContext;
  /** the language of the reminder mail's sender's page */
  locale: AppLocale;
}

const id = z.string({ error: "validation.invalid" }).trim().min(1, "validation.invalid").max(64, "validation.invalid");
const MaterialIdSchema = z.object({ materialId: id });
const StageIdSchema = z.object({ stageId: id });
const NothingSchema = z.object({});



function releaseInput(v: z.output<typeof ReleaseSchema>): ReleaseInput {
  const stageId = v.stageId || null;
  if (v.mode === "fixed") return { materialId: v.materialId, stageId, mode: "fixed", releaseAt: fromTokyoInputs(v.date.trim(), v.time.trim()) };
  const offsetDays = v.offsetAbs !== undefined ? (v.offsetDir === "after" ? v.offsetAbs : -v.offsetAbs) : (v.offsetDays ?? -7);
  return { materialId: v.materialId, stageId, mode: "relative", offsetDays };
}

const releaser = { may: (p: MaterialsPage) => p.context.can.releaseMaterials, refusal: "form.notAllowed" } as const;
/** Ticking pre-learning: the participant's own record (the service checks the enrollment and the release again). */
const learner = { may: (p: MaterialsPage) => p.context.can.workInTeam, refusal: "form.notAllowed" } as const;

async function completion(p: MaterialsPage, materialId: string, done: boolean): Promise<Result> {
  // a material that is not released pre-learning of this academy is not there to tick
  if (!(await setCompletion(p.context.user.id, p.context.academy.id, materialId, done))) return fail("material.validation.missing");
  return { ok: true };
}

export const MATERIALS_INTENTS: Intents<MaterialsPage> = {
  complete: intent({ ...learner, schema: MaterialIdSchema, run: (v, p: MaterialsPage) => completion(p, v.materialId, true), done: () => ({ message: "material.markedDone", at: "#prelearning" }) }),
  uncomplete: intent({ ...learner, schema: MaterialIdSchema, run: (v, p: MaterialsPage) => completion(p, v.materialId, false), done: () => ({ message: "material.unmarkedDone", at: "#prelearning" }) }),
  attachCurriculum: intent({
    ...releaser,
    schema: NothingSchema,
    run: async (_v, p: MaterialsPage) => ({ ok: true as const, count: await attachCurriculum(p.context.user.id, p.context.academy.id) }),
    done: (r) => ({ message: "material.attached", params: { count: r.count } }),
  }),
  remind: intent({
    ...releaser,
    schema: NothingSchema,
    run: async (_v, p: MaterialsPage) => ({ ok: true as const, count: await sendPreLearningReminders(p.context.user.id, p.context.academy.id, p.locale) }),
    done: (r) => ({ message: "material.reminded", params: { count: r.count } }),
  }),
  detach: intent({
    ...releaser,
    schema: MaterialIdSchema,
    run: async (v, p: MaterialsPage): Promise<Result> => {
      if (!(await detachMaterial(p.context.user.id, p.context.academy.id, v.materialId))) return fail("material.validation.missing");
      return { ok: true };
    },
    done: () => ({ message: "material.detached" }),
  }),
  releaseNow: intent({
    ...releaser,
    schema: MaterialIdSchema,
    // one material open from now on, whatever its schedule was
    run: async (v, p: MaterialsPage) => {
      const item = await attachedMaterial(p.context.academy.id, v.materialId);
      if (!item) return fail("material.validation.missing");
      return setRelease(p.context.user.id, p.context.academy.id, { materialId: v.materialId, stageId: item.stageId, mode: "fixed", releaseAt: new Date() });
    },
    done: () => ({ message: "material.releasedNow" }),
  }),
  releaseStage: intent({
    ...releaser,
    schema: StageIdSchema,
    run: (v, p: MaterialsPage) => releaseStageNow(p.context.user.id, p.context.academy.id, v.stageId),
    done: (r, v) => ({ message: "material.stageReleased", params: { count: r.count }, at: `#stage-${v.stageId}` }),
  }),
  release: intent({
    ...releaser,
    schema: ReleaseSchema,
    run: (v, p: MaterialsPage) => setRelease(p.context.user.id, p.context.academy.id, releaseInput(v)),
    done: () => ({ message: "material.releaseSaved" }),
  }),
};

/** A material read on its page: the reading is recorded (a fetcher, no message); only a page of text is read here. */
export interface MaterialViewPage {
  context: AcademyContext;
  materialId: string;
}

export const MATERIAL_VIEW_INTENTS: Intents<MaterialViewPage> = {
  viewed: intent({
    schema: z.object({ versionId: z.string().trim().max(64, "validation.invalid").optional().default("") }),
    run: async (v, p: MaterialViewPage) => {
      const found = await findVisibleMaterial(p.context, p.materialId, v.versionId || null);
      if (!found) return notFound();
      if (found.material.kind !== "markdown") return fail("material.validation.notText");
      await recordAccess(p.context.user.id, p.context.academy.id, found.version.id, "view");
      return { ok: true as const };
    },
  }),
};
