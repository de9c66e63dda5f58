import { Link, useActionData, useLoaderData, type MetaFunction } from "@remix-run/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { canSeeAcademy } from "~/modules/academy/scope.server";
import { SessionSchema } from "~/modules/schedule/schemas";
import { getSession, updateSession } from "~/modules/schedule/session.server";
import { academyFacilitators, rejectedSession } from "~/modules/schedule/session-route.server";
import { invariantFound } from "~/utils/http.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms";
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
  const formData = await readForm(request);
  const parsed = parseForm(SessionSchema, formData);
  if (!parsed.ok) return data(rejectedSession(formData, { fieldErrors: parsed.fieldErrors }), { status: 400 });
  const result = invariantFound(await updateSession(user.id, academy.id, session.id, parsed.data, { canSee: (id) => canSeeAcademy(user, id) }));
  if (!result.ok) return data(rejectedSession(formData, result), { status: 400 });
  return redirectWithFlash(`/academies/${academy.id}`, { message: "session.saved", params: { n: session.sequence } });
}

export default function EditSessionPage() {
  const { academy, session, facilitators } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
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
