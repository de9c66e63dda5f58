import { Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { academyFacilitators } from "~/modules/schedule/session-route.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { useRefusal } from "~/utils/use-refusal";
import { NEW_SESSION_INTENTS } from "~/modules/schedule/session-intents.server";
import type { ScheduleIssue } from "~/modules/schedule/rules";
import { SessionForm } from "~/components/academy/session-form";
import { pageTitle } from "~/utils/meta";
import { readForm } from "~/utils/form-body.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { academy } = await requireAcademyContext(request, params.academyId, "manageAcademy");
  return { academy, facilitators: await academyFacilitators(academy.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, academy } = await requireAcademyContext(request, params.academyId, "manageAcademy");
  return answerIntent(await runIntent(NEW_SESSION_INTENTS, { user, academyId: academy.id, session: null }, await readForm(request)), `/academies/${academy.id}/sessions/new`);
}

export default function NewSessionPage() {
  const { academy, facilitators } = useLoaderData<typeof loader>();
  const actionData = useRefusal<{ issues: ScheduleIssue[]; needsAcknowledgement: boolean }>();
  const { t } = useTranslation();
  return (
    <div className="flex flex-col gap-6">
      <p><Link to={`/academies/${academy.id}`}>{t("academy.backTo", { name: academy.name })}</Link></p>
      <h1>{t("session.add")}</h1>
      <SessionForm
        defaults={{ kind: "final_report", title: "", date: "", startTime: "13:30", endTime: "17:00", venueName: "", venueAddress: "", venueCapacity: "", onlineUrl: "", agenda: "", homework: "" }}
        facilitatorIds={facilitators.map((f) => f.id)}
        facilitators={facilitators}
        actionData={actionData}
        submitLabel={t("session.create")}
      />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "session.add");
