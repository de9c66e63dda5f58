import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AcademyTable, type AcademyRow } from "./academy-table";
import { SessionList, type SessionItem } from "./session-list";

export function FacilitatorDashboard({ academies, sessions }: { academies: AcademyRow[]; sessions: SessionItem[] }) {
  const { t } = useTranslation();
  return (
    <>
      <section aria-labelledby="sessions-heading" className="flex flex-col gap-3">
        <h2 id="sessions-heading">{t("dashboard.nextSessions")}</h2>
        <SessionList sessions={sessions} headingId="sessions-heading" />
      </section>
      <section aria-labelledby="academies-heading" className="flex flex-col gap-3">
        <h2 id="academies-heading">{t("dashboard.myAcademies")}</h2>
        <AcademyTable academies={academies} caption={t("dashboard.myAcademies")} />
        <p>
          <Link to="/academies">{t("dashboard.allAcademies")}</Link>
        </p>
      </section>
    </>
  );
}
