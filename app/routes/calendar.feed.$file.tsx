import type { LoaderFunctionArgs } from "@remix-run/node";
import { personalSessions, toIcs, userByCalendarToken } from "~/modules/calendar/calendar.server";
import { sessionLabel } from "~/modules/calendar/labels.server";
import { icsResponse } from "~/utils/ics-response.server";
import { isLocale } from "~/utils/i18n";
import { serverT } from "~/utils/i18n.server";
import { notFound } from "~/utils/http.server";

/**
 * Personal subscription feed: /calendar/feed/<secret>.ics. No cookie (calendar programs have
 * none); the secret is the key, and revoking it answers 404 from then on.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const file = params.file ?? "";
  if (!file.endsWith(".ics")) notFound();
  const user = await userByCalendarToken(file.slice(0, -4));
  if (!user) notFound();
  const locale = isLocale(user.locale) ? user.locale : "ja";
  const calName = serverT(locale)("calendar.feedName", { name: user.displayName });
  return icsResponse(toIcs(await personalSessions(user.id), calName, sessionLabel(locale)), "data-academy.ics");
}
