import { z } from "zod";
import { intent, orNotFound, OK, type Intents } from "~/utils/intents.server";
import { RegionSchema } from "./schemas";
import { createRegion, setRegionArchived, updateRegion } from "./region.server";

// A region's page (decision 0024): its details saved, the region archived or restored. The route
// lets in only those who manage regions.

export interface RegionPage {
  actorId: string;
  regionId: string;
}

const archived = (value: boolean) => async (_v: object, p: RegionPage) => orNotFound((await setRegionArchived(p.actorId, p.regionId, value)) && OK);

export const REGION_INTENTS: Intents<RegionPage> = {
  save: intent({ schema: RegionSchema, run: async (v, p: RegionPage) => orNotFound(await updateRegion(p.actorId, p.regionId, v)), done: () => ({ message: "region.saved" }) }),
  archive: intent({ schema: z.object({}), run: archived(true), done: () => ({ message: "region.archivedDone" }) }),
  restore: intent({ schema: z.object({}), run: archived(false), done: () => ({ message: "region.restoredDone" }) }),
};

/** A new region (those who manage regions); its page follows. */
export const NEW_REGION_INTENTS: Intents<{ actorId: string }> = {
  save: intent({
    schema: RegionSchema,
    run: async (v, p: { actorId: string }) => {
      const created = await createRegion(p.actorId, v);
      return created.ok ? { ok: true as const, to: `/regions/${created.id}` } : created;
    },
    done: (r) => ({ message: "region.created", to: r.to }),
  }),
};
