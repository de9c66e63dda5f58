import { z } from "zod";
import { intent, orNotFound, OK, type Intents } from "~/utils/intents.server";
import { fail, fieldsFailure } from "~/utils/result";
import { requiredText } from "~/utils/form-fields";
import { LinkSchema, MaterialMetaSchema } from "./schemas";
import { parseForm } from "~/utils/forms";
import { acceptFile, createUploadedMaterial, setVersionRetired, updateMeta } from "./upload.server";

// A catalogue material's page (decision 0024): its description saved (uploaded materials only;
// the repository's come from materials/), a version withdrawn or brought back. A new version is
// a file read as a stream, answered by the route in the same shape. The route lets in only those
// who manage the catalogue.

export interface CataloguePage {
  actorId: string;
  material: { id: string; origin: string };
}

const version = (retired: boolean) => async (v: { versionId: string }, p: CataloguePage) => orNotFound((await setVersionRetired(p.actorId, p.material.id, v.versionId, retired)) && OK);
const VersionId = z.object({ versionId: requiredText(64) });

export const CATALOGUE_INTENTS: Intents<CataloguePage> = {
  save: intent({
    schema: MaterialMetaSchema,
    form: () => "meta",
    run: async (v, p: CataloguePage) => {
      if (p.material.origin !== "upload") return fail("material.validation.repositoryMeta");
      await updateMeta(p.actorId, p.material.id, v);
      return OK;
    },
    done: () => ({ message: "material.saved" }),
  }),
  retire: intent({ schema: VersionId, run: version(true), done: () => ({ message: "material.versionRetired" }) }),
  restore: intent({ schema: VersionId, run: version(false), done: () => ({ message: "material.versionRestored" }) }),
};

/** A new catalogue material: a link, or a file (read to disk by the route before the form is known). */
export interface NewMaterialPage {
  actorId: string;
  file: Parameters<typeof acceptFile>[0] | null;
}

export const NEW_MATERIAL_INTENTS: Intents<NewMaterialPage> = {
  // the form's kind decides its schema: a link needs its address, a file the file itself
  save: intent({
    schema: z.object({ kind: z.enum(["file", "link"], { error: "validation.invalid" }).optional().default("file") }),
    run: async (v, p: NewMaterialPage, form) => {
      if (v.kind === "link") {
        const link = parseForm(LinkSchema, form);
        if (!link.ok) return fieldsFailure(link.fieldErrors);
        const { url, ...meta } = link.data;
        return { ok: true as const, id: await createUploadedMaterial(p.actorId, meta, { kind: "link", url }) };
      }
      const parsed = parseForm(MaterialMetaSchema, form);
      if (!parsed.ok) return fieldsFailure(parsed.fieldErrors);
      if (!p.file) return fail("material.validation.noFile", { file: "material.validation.noFile" });
      const accepted = await acceptFile(p.file);
      if (!accepted.ok) return fail(accepted.reason, { file: accepted.reason });
      return { ok: true as const, id: await createUploadedMaterial(p.actorId, parsed.data, { kind: "file", blob: accepted.blob }) };
    },
    done: (r) => ({ message: "material.created", to: `/materials/${r.id}` }),
  }),
};
