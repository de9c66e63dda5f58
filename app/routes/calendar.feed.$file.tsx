import type { LoaderFunctionArgs } from "@remix-run/node";
import { personalFeedVersion, personalSessions, toIcs, userByCalendarToken } from "~/modules/calendar/calendar.server";
import { sessionLabel } from "~/modules/calendar/labels.server";
import { icsResponse } from "~/utils/ics-response.server";
import { isLocale } from "~/utils/i18n";
import { serverT } from "~/utils/i18n.server";
import { notFound } from "~/utils/http.server";

/**
 * Personal subscription feed: /calendar/feed/<secret>.ics. No cookie (calendar programs have
 * none); the secret is the key, and revoking it answers 404 from then on.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const file = params.file ?? "";
  if (!file.endsWith(".ics")) notFound();
  const user = await userByCalendarToken(file.slice(0, -4));
  if (!user) notFound();
  const locale = isLocale(user.locale) ? user.locale : "ja";
  const version = await personalFeedVersion(user.id, `${locale}.${user.displayName}`);
  const validators = { ETag: version.etag, "Last-Modified": version.lastModified.toUTCString() };
  if (request.headers.get("If-None-Match") === version.etag) return new Response(null, { status: 304, headers: validators });
  const calName = serverT(locale)("calendar.feedName", { name: user.displayName });
  const response = icsResponse(toIcs(await personalSessions(user.id), calName, sessionLabel(locale)), "data-academy.ics");
  for (const [name, value] of Object.entries(validators)) response.headers.set(name, value);
  // Private and revalidated every time: the ETag makes that cheap.
  response.headers.set("Cache-Control", "private, no-cache");
  return response;
}
