import { z } from "zod";
import { intent, type Intents } from "~/utils/intents.server";
import { fail } from "~/utils/result";
import { requiredText } from "~/utils/form-fields";
import type { AcademyContext } from "~/modules/academy/context.server";
import type { TeamRef } from "~/modules/deliverable/path.server";
import { approveCase, saveTeamCase, withdrawCase } from "./case.server";
import { addCaseFile, removeCaseFile } from "./files.server";
import { CaseSchema } from "./themes";

// A team's case for the collection (decision 0024): those who manage the academy write it, attach
// its files, approve it and withdraw it; the team approves it too. The form may come with a file
// (read to disk by the route before the form is known; the route removes it afterwards).

export interface CasePage {
  context: AcademyContext;
  team: TeamRef;
  /** the file sent with the form, if any */
  file: Parameters<typeof addCaseFile>[2] | null;
}

const manager = { may: (p: CasePage) => p.context.can.manageAcademy, refusal: "form.notAllowed" } as const;
const none = z.object({});

export const CASE_INTENTS: Intents<CasePage> = {
  approveTeam: intent({
    may: (p: CasePage) => p.team.isMember,
    refusal: "form.notAllowed",
    schema: none,
    run: (_v, p: CasePage) => approveCase(p.context.user.id, p.team.id, "team"),
    done: () => ({ message: "case.approved" }),
  }),
  save: intent({ ...manager, schema: CaseSchema, run: (v, p: CasePage) => saveTeamCase(p.context.user.id, p.team.id, v), done: () => ({ message: "case.saved" }) }),
  upload: intent({
    ...manager,
    schema: none,
    run: (_v, p: CasePage) => (p.file ? addCaseFile(p.context.user.id, p.team.id, p.file) : fail("case.error.noFile")),
    done: () => ({ message: "case.fileAdded" }),
  }),
  removeFile: intent({
    ...manager,
    schema: z.object({ fileId: requiredText(64) }),
    run: (v, p: CasePage) => removeCaseFile(p.context.user.id, p.team.id, v.fileId),
    done: () => ({ message: "case.fileRemoved" }),
  }),
  approveCoordinator: intent({ ...manager, schema: none, run: (_v, p: CasePage) => approveCase(p.context.user.id, p.team.id, "coordinator"), done: () => ({ message: "case.approved" }) }),
  withdraw: intent({ ...manager, schema: none, run: (_v, p: CasePage) => withdrawCase(p.context.user.id, p.team.id), done: () => ({ message: "case.withdrawn" }) }),
};
