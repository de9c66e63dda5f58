import { z } from "zod";
import { intent, orNotFound, OK, type Intents } from "~/utils/intents.server";
import { RegionSchema } from "./schemas";
import { setRegionArchived, updateRegion } from "./region.server";

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
