import { useLoaderData, type MetaFunction } from "@remix-run/react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireUser } from "~/utils/session.server";
import { academiesWhere, userHasPermission } from "~/modules/account/permissions";
import { fiscalYearOf } from "~/utils/dates";
import { myTeams } from "~/modules/academy/dashboard.server";
import { coordinatorScreen, facilitatorScreen } from "~/modules/dashboard/first-screen.server";
import { CoordinatorDashboard } from "~/components/dashboard/coordinator-dashboard";
import { FacilitatorDashboard } from "~/components/dashboard/facilitator-dashboard";
import { academyPhase } from "~/modules/deliverable/progress";
import { ParticipantDashboard } from "~/components/dashboard/participant-dashboard";
import { myPreLearning } from "~/modules/material/prelearning.server";
import { myCertificates } from "~/modules/certificate/certificate.server";
import { myApplications } from "~/modules/call/application.server";
import { listCallsForStaff } from "~/modules/call/call.server";
import { CallWork } from "~/components/call/call-work";
import { myConsultations } from "~/modules/consultation/consultation.server";
import { ConsultationWork } from "~/components/consultation/consultation-work";
import { pageTitle } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const now = new Date();
  if (userHasPermission(user, "read:academy:any")) {
    const current = fiscalYearOf(now);
    const asked = Number(new URL(request.url).searchParams.get("fy"));
    const chartYear = Number.isInteger(asked) && asked >= current - 10 && asked <= current ? asked : current;
    return { coordinator: await coordinatorScreen(user, now, chartYear), staff: null, participant: null, staffFirst: false, calls: null, consultations: [] };
  }
  // "Facilitator here, participant there": each part of the page comes from the enrollments.
  const inTeams = academiesWhere(user, "workInTeam");
  const staffAcademyIds = academiesWhere(user, "view").filter((id) => !inTeams.includes(id));
  const asParticipant = inTeams.length > 0;
  const [staff, teams, applications, reviewing, consultations] = await Promise.all([
    staffAcademyIds.length > 0 ? facilitatorScreen(user, now, staffAcademyIds) : null,
    asParticipant ? myTeams(user, now) : null,
    myApplications(user.id),
    listCallsForStaff(user.id),
    myConsultations(user.id),
  ]);
  const [preLearning, certificates] = teams ? await Promise.all([myPreLearning(user.id, [...new Set(teams.map((t) => t.academy.id))], now), myCertificates(user.id)]) : [{}, {}];
  return {
    coordinator: null,
    staff,
    participant: teams ? { teams, preLearning, certificates } : null,
    // what needs action now comes first: a finished participation after current staff duties
    staffFirst: staff !== null && (teams ?? []).every((t) => academyPhase(t.academy.status) === "closed"),
    calls: applications.length > 0 || reviewing.length > 0 ? { applications, reviewing } : null,
    consultations,
  };
}

export default function DashboardPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const title = data.coordinator ? "coordinator" : data.staff && !data.participant ? "facilitator" : data.participant && !data.staff ? "participant" : "mixed";
  const participantPart = data.participant ? (
    <section aria-labelledby="as-participant" className="flex flex-col gap-6">
      {data.staff ? <h2 id="as-participant">{t("dashboard.asParticipant")}</h2> : <span id="as-participant" hidden />}
      <ParticipantDashboard teams={data.participant.teams} preLearning={data.participant.preLearning} certificates={data.participant.certificates} />
    </section>
  ) : null;
  const staffPart = data.staff ? (
    <section aria-labelledby="as-staff" className="flex flex-col gap-6">
      {data.participant ? <h2 id="as-staff">{t("dashboard.asStaff")}</h2> : <span id="as-staff" hidden />}
      <FacilitatorDashboard {...data.staff} />
    </section>
  ) : null;
  return (
    <div className="flex flex-col gap-8">
      <h1>{t(`dashboard.title.${title}`)}</h1>
      {data.coordinator ? <CoordinatorDashboard {...data.coordinator} /> : null}
      {data.staffFirst ? staffPart : null}
      {participantPart}
      {data.staffFirst ? null : staffPart}
      {data.calls ? <CallWork applications={data.calls.applications} reviewing={data.calls.reviewing} /> : null}
      {data.consultations.length > 0 ? <ConsultationWork consultations={data.consultations} /> : null}
      {!data.coordinator && !data.staff && !data.participant && !data.calls && data.consultations.length === 0 ? <p>{t("dashboard.nothingYet")}</p> : null}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "nav.dashboard");
