import { Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { getSession } from "~/modules/schedule/session.server";
import { academyFacilitators } from "~/modules/schedule/session-route.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { useRefusal } from "~/utils/use-refusal";
import { EDIT_SESSION_INTENTS } from "~/modules/schedule/session-intents.server";
import type { ScheduleIssue } from "~/modules/schedule/rules";
import { invariantFound } from "~/utils/http.server";
import { toTokyoDateInput, toTokyoTimeInput } from "~/utils/dates";
import { SessionForm } from "~/components/academy/session-form";
import { pageTitle } from "~/utils/meta";
import { readForm } from "~/utils/form-body.server";

async function load(request: Request, academyId?: string, sessionId?: string) {
  const { user, academy } = await requireAcademyContext(request, academyId, "editSessions");
  const session = invariantFound(await getSession(academy.id, sessionId ?? ""));
  return { user, academy, session };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { academy, session } = await load(request, params.academyId, params.sessionId);
  return { academy, session, facilitators: await academyFacilitators(academy.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, academy, session } = await load(request, params.academyId, params.sessionId);
  return answerIntent(await runIntent(EDIT_SESSION_INTENTS, { user, academyId: academy.id, session }, await readForm(request)), `/academies/${academy.id}/sessions/${session.id}/edit`);
}

export default function EditSessionPage() {
  const { academy, session, facilitators } = useLoaderData<typeof loader>();
  const actionData = useRefusal<{ issues: ScheduleIssue[]; needsAcknowledgement: boolean }>();
  const { t } = useTranslation();
  const startsAt = new Date(session.startsAt);
  return (
    <div className="flex flex-col gap-6">
      <p><Link to={`/academies/${academy.id}`}>{t("academy.backTo", { name: academy.name })}</Link></p>
      <h1>{t("session.editNumbered", { n: session.sequence })}</h1>
      <SessionForm
        defaults={{
          kind: session.kind,
          title: session.title,
          date: toTokyoDateInput(startsAt),
          startTime: toTokyoTimeInput(startsAt),
          endTime: toTokyoTimeInput(new Date(session.endsAt)),
          venueName: session.venueName,
          venueAddress: session.venueAddress,
          venueCapacity: session.venueCapacity ? String(session.venueCapacity) : "",
          onlineUrl: session.onlineUrl,
          agenda: session.agenda,
          homework: session.homework,
        }}
        facilitatorIds={session.facilitators.map((f) => f.userId)}
        facilitators={facilitators}
        actionData={actionData}
        submitLabel={t("form.save")}
      />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "session.edit");
