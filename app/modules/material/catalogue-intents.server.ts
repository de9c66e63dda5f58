import { z } from "zod";
import { intent, orNotFound, OK, type Intents } from "~/utils/intents.server";
import { fail } from "~/utils/result";
import { requiredText } from "~/utils/form-fields";
import { MaterialMetaSchema } from "./schemas";
import { setVersionRetired, updateMeta } from "./upload.server";

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
