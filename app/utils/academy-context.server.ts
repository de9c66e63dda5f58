import type { AcademyAbility } from "~/modules/account/permissions";
import { loadAcademyContext, type AcademyContext } from "~/modules/academy/context.server";
import { forbidden, notFound } from "./http.server";
import { requireUser } from "./session.server";

/**
 * The single entry point of every academy route: signed in (else to sign-in), the academy
 * visible to this user (else 404, so ids of other academies reveal nothing) and, when `need`
 * is given, holding that ability there (else 403).
 */
export async function requireAcademyContext(request: Request, academyId: string | undefined, need?: AcademyAbility): Promise<AcademyContext> {
  const user = await requireUser(request);
  // Stryker disable next-line StringLiteral: equivalent — every route that asks has an academy in its address; any placeholder is an id nobody has
  const context = await loadAcademyContext(user, academyId ?? "");
  if (!context) notFound();
  if (need && !context.can[need]) forbidden();
  return context;
}
