import { Link } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { formatTimeRange } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";

export interface SessionItem {
  id: string;
  sequence: number;
  title: string;
  startsAt: Date;
  endsAt: Date;
  venueName: string;
  onlineUrl: string;
  academy: { id: string; name: string; region: { name: string } };
}

export function SessionList({ sessions, headingId }: { sessions: SessionItem[]; headingId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (sessions.length === 0) return <p>{t("dashboard.noUpcomingSessions")}</p>;
  return (
    <ul aria-labelledby={headingId} className="flex flex-col divide-y divide-solid-gray-200 rounded-8 border border-solid-gray-200">
      {sessions.map((s, i) => (
        <li key={s.id} className={`flex flex-col gap-1 px-4 py-3 md:flex-row md:items-baseline md:gap-4 ${i === 0 ? "bg-blue-50" : ""}`}>
          <span className="text-std-16B-170 md:w-80">
            {i === 0 ? <span className="mr-2 rounded-4 bg-blue-900 px-2 text-dns-14B-120 text-white">{t("session.next")}</span> : null}
            {formatTimeRange(new Date(s.startsAt), new Date(s.endsAt), locale)}
          </span>
          <span>
            <Link to={`/academies/${s.academy.id}/sessions/${s.id}`}>
              {s.academy.name} — {t("session.numbered", { n: s.sequence })}
              {s.title ? t("format.quote", { text: s.title }) : ""}
            </Link>
          </span>
          <span className="text-solid-gray-600">{s.venueName || (s.onlineUrl ? t("session.online") : "")}</span>
        </li>
      ))}
    </ul>
  );
}
