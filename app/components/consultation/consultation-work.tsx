import { Link } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { formatTimeRange } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { ConsultationStatusBadge } from "./status-badge";

export interface MyConsultation {
  id: string;
  title: string;
  status: string;
  startsAt: Date | string | null;
  endsAt: Date | string | null;
  openActions: number;
  asExpert: boolean;
}

/** The dashboard's part for someone who asked for a consultation or advises in one. */
export function ConsultationWork({ consultations }: { consultations: MyConsultation[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section aria-labelledby="my-consultations" className="flex flex-col gap-3">
      <h2 id="my-consultations">{t("consultation.myTitle")}</h2>
      <ul className="flex flex-col gap-2">
        {consultations.map((c) => (
          <li key={c.id} className="flex flex-col gap-1 rounded-8 border border-solid-gray-420 p-4">
            <p className="flex flex-wrap items-center gap-2">
              <ConsultationStatusBadge status={c.status} />
              <Link to={`/consultations/${c.id}`} className="font-bold">{c.title}</Link>
              {c.asExpert ? <span className="text-dns-14N-130">（{t("consultation.asExpert")}）</span> : null}
            </p>
            <p className="text-dns-14N-130">
              {[
                c.status === "requested" ? t("consultation.myWaiting") : "",
                c.status === "scheduled" && c.startsAt && c.endsAt ? t("consultation.myNext", { when: formatTimeRange(new Date(c.startsAt), new Date(c.endsAt), locale) }) : "",
                c.openActions ? t("consultation.myOpenActions", { count: c.openActions }) : "",
              ]
                .filter(Boolean)
                .join(" · ")}
            </p>
          </li>
        ))}
      </ul>
      <p><Link to="/consultations">{t("consultation.myAll")}</Link></p>
    </section>
  );
}
