import { TAKING_PART } from "~/modules/account/permissions";
import { prisma } from "~/utils/db.server";
import { echoForm } from "~/utils/forms";
import type { SaveSessionResult } from "./session.server";

/** Staff of the academy (facilitators, coordinators): the only people a session can be given to. */
export async function academyFacilitators(academyId: string) {
  const staff = await prisma.enrollment.findMany({
    where: { academyId, role: { in: ["facilitator", "coordinator"] }, status: TAKING_PART },
    select: { user: { select: { id: true, displayName: true } } },
    orderBy: { user: { kana: "asc" } },
  });
  return staff.map((s) => s.user);
}

/** The action payload that puts a rejected session form back on screen. */
export function rejectedSession(formData: FormData, result: Extract<SaveSessionResult, { ok: false }> | { fieldErrors: Record<string, string> }) {
  return {
    fieldErrors: result.fieldErrors ?? {},
    values: echoForm(formData),
    facilitatorIds: formData.getAll("facilitatorIds").filter((v): v is string => typeof v === "string"),
    issues: "issues" in result ? result.issues : [],
    needsAcknowledgement: "needsAcknowledgement" in result ? result.needsAcknowledgement : false,
  };
}
