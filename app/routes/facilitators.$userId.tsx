import { Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { facilitatorHistory } from "~/modules/facilitator/pool.server";
import { requirePermission } from "~/utils/session.server";
import { invariantFound } from "~/utils/http.server";
import { formatFiscalYear, formatTimeRange } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { pageTitle } from "~/utils/meta";
import { DataTable } from "~/components/ui/data-table";

// One person of the facilitator pool: the academies they were staff or in training in, and every
// session they took part in, with their part.

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "read:facilitator_pool:any");
  return invariantFound(await facilitatorHistory(String(params.userId ?? "").slice(0, 64)));
}

export default function FacilitatorHistory() {
  const { user, enrollments, sessions } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="flex flex-col gap-6">
      <p><Link to="/facilitators">{t("facilitator.poolTitle")}</Link></p>
      <h1>{user.displayName}</h1>
      <p>{[user.municipality ? t("format.withParen", { text: user.municipality.name, paren: user.municipality.prefecture.name }) : "", user.department, user.email].filter(Boolean).join(" · ")}</p>
      <DataTable
        caption={t("facilitator.academiesHeading")}
        rows={enrollments}
        rowKey={(e) => e.id}
        columns={[
          { key: "academy", header: t("facilitator.academy"), cell: (e) => <Link to={`/academies/${e.academy.id}/facilitators`}>{e.academy.name}</Link> },
          { key: "fy", header: t("academy.fiscalYear"), cell: (e) => formatFiscalYear(e.academy.fiscalYear, locale) },
          { key: "region", header: t("facilitator.regions"), cell: (e) => e.academy.region.name },
          { key: "role", header: t("academy.staffRole"), cell: (e) => t(`enrollment.role.${e.role}`) },
          { key: "level", header: t("facilitator.levelColumn"), cell: (e) => (e.trainingLevel ? t(`facilitator.level.${e.trainingLevel}`) : "—") },
        ]}
      />
      <DataTable
        caption={t("facilitator.sessionsTaken")}
        rows={sessions}
        rowKey={(s) => s.session.id}
        empty={t("facilitator.noSessionsTaken")}
        columns={[
          { key: "when", header: t("consultation.when"), className: "whitespace-nowrap", cell: (s) => formatTimeRange(new Date(s.session.startsAt), new Date(s.session.endsAt), locale) },
          { key: "academy", header: t("facilitator.academy"), cell: (s) => <Link to={`/academies/${s.session.academy.id}/sessions/${s.session.id}`}>{t("facilitator.sessionOf", { academy: s.session.academy.name, n: s.session.sequence })}</Link> },
          { key: "role", header: t("facilitator.part"), cell: (s) => t(`facilitator.sessionRole.${s.role}`) },
        ]}
      />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "facilitator.poolTitle");
