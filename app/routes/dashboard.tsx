import { useLoaderData, type MetaFunction } from "@remix-run/react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/utils/session.server";
import { primaryRole } from "~/modules/account/permissions";
import { fiscalYearOf } from "~/utils/dates";
import { academyOverview, coordinatorStats, myTeams, upcomingSessions } from "~/modules/academy/dashboard.server";
import { CoordinatorDashboard } from "~/components/dashboard/coordinator-dashboard";
import { FacilitatorDashboard } from "~/components/dashboard/facilitator-dashboard";
import { ParticipantDashboard } from "~/components/dashboard/participant-dashboard";
import { myPreLearning } from "~/modules/material/prelearning.server";
import { pageTitle } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const now = new Date();
  const role = primaryRole(user);
  if (role === "coordinator") {
    const fiscalYear = fiscalYearOf(now);
    const [academies, stats, sessions] = await Promise.all([
      academyOverview(user, now),
      coordinatorStats(user, fiscalYear),
      upcomingSessions(user, now, 8),
    ]);
    return { role, fiscalYear, academies, stats, sessions } as const;
  }
  if (role === "facilitator") {
    const [academies, sessions] = await Promise.all([academyOverview(user, now), upcomingSessions(user, now, 8)]);
    return { role, academies, sessions } as const;
  }
  const teams = await myTeams(user, now);
  const preLearning = await myPreLearning(user.id, [...new Set(teams.map((t) => t.academy.id))], now);
  return { role: "participant", teams, preLearning } as const;
}

export default function DashboardPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="flex flex-col gap-8">
      <h1>{t(`dashboard.title.${data.role}`)}</h1>
      {data.role === "coordinator" ? (
        <CoordinatorDashboard {...data} />
      ) : data.role === "facilitator" ? (
        <FacilitatorDashboard {...data} />
      ) : (
        <ParticipantDashboard teams={data.teams} preLearning={data.preLearning} />
      )}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "nav.dashboard");
