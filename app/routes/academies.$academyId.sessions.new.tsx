import { Link, useActionData, useLoaderData, type MetaFunction } from "@remix-run/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { canSeeAcademy } from "~/modules/academy/scope.server";
import { SessionSchema } from "~/modules/schedule/schemas";
import { createSession } from "~/modules/schedule/session.server";
import { academyFacilitators, rejectedSession } from "~/modules/schedule/session-route.server";
import { parseForm } from "~/utils/forms";
import { redirectWithFlash } from "~/utils/flash.server";
import { SessionForm } from "~/components/academy/session-form";
import { pageTitle } from "~/utils/meta";
import { readForm } from "~/utils/form-body.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { academy } = await requireAcademyContext(request, params.academyId, "manageAcademy");
  return { academy, facilitators: await academyFacilitators(academy.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, academy } = await requireAcademyContext(request, params.academyId, "manageAcademy");
  const formData = await readForm(request);
  const parsed = parseForm(SessionSchema, formData);
  if (!parsed.ok) return data(rejectedSession(formData, { fieldErrors: parsed.fieldErrors }), { status: 400 });
  const result = await createSession(user.id, academy.id, parsed.data, { canSee: (id) => canSeeAcademy(user, id) });
  if (!result.ok) return data(rejectedSession(formData, result), { status: 400 });
  return redirectWithFlash(`/academies/${academy.id}`, { message: "session.created" });
}

export default function NewSessionPage() {
  const { academy, facilitators } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
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
