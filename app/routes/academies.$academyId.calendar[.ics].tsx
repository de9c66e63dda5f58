import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { academySessions, toIcs } from "~/modules/calendar/calendar.server";
import { sessionLabel } from "~/modules/calendar/labels.server";
import { icsResponse } from "~/utils/ics-response.server";
import { resolveLocale } from "~/utils/locale.server";

/** iCal export of one academy's sessions, for anyone who may see the academy. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, academy } = await requireAcademyContext(request, params.academyId);
  const locale = await resolveLocale(request, user);
  const body = toIcs(await academySessions(academy.id), academy.name, sessionLabel(locale));
  return icsResponse(body, `academy-${academy.fiscalYear}-${academy.id}.ics`);
}
