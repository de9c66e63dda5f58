import { Link } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import type { AttentionKind } from "~/modules/dashboard/attention.server";
import { formatDate } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";

// 要対応: the first thing on a staff member's dashboard. Each entry says what is wrong and links
// to where it is put right; an empty list says so.

export interface AttentionEntry {
  kind: AttentionKind;
  academyId: string;
  academyName: string;
  sessionId: string | null;
  sequence: number | null;
  at: Date | string | null;
  n: number;
  total: number;
}

export interface AttentionCounts {
  overdue: number;
  stalled: number;
  reviews: number;
}

function href(e: AttentionEntry) {
  switch (e.kind) {
    case "releaseThisWeek":
      return `/academies/${e.academyId}/materials`;
    case "sessionNoFacilitator":
    case "sessionNoVenue":
      return `/academies/${e.academyId}/sessions/${e.sessionId}/edit`;
    case "invitationUnanswered":
      return `/academies/${e.academyId}/roster`;
    case "recruitingNoTeams":
      return `/academies/${e.academyId}/teams/new`;
    case "consultationRequested":
      return `/consultations/${e.academyId}`;
    default:
      return `/academies/${e.academyId}`;
  }
}

export function AttentionList({ entries, counts, fiscalYearQuery }: { entries: AttentionEntry[]; counts: AttentionCounts; fiscalYearQuery: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const date = (at: Date | string | null) => (at ? formatDate(new Date(at), locale) : "");
  const summary = [
    counts.overdue > 0 ? { key: "overdue", to: `/progress${fiscalYearQuery}&attention=overdue`, text: t("attention.overdue", { count: counts.overdue }) } : null,
    counts.stalled > 0 ? { key: "stalled", to: `/progress${fiscalYearQuery}&attention=stalled`, text: t("attention.stalled", { count: counts.stalled }) } : null,
    counts.reviews > 0 ? { key: "reviews", to: "/reviews", text: t("attention.reviews", { count: counts.reviews }) } : null,
  ].filter((x): x is { key: string; to: string; text: string } => x !== null);
  const empty = summary.length === 0 && entries.length === 0;
  const kinds = [...new Set(entries.map((e) => e.kind))];
  return (
    <section aria-labelledby="attention-heading" className="flex flex-col gap-3 rounded-8 border-2 border-solid-gray-800 p-4">
      <h2 id="attention-heading">{t("attention.title")}</h2>
      {empty ? <p>{t("attention.none")}</p> : null}
      {summary.length > 0 ? (
        <ul className="flex flex-wrap gap-3">
          {summary.map((s) => (
            <li key={s.key} className="rounded-8 border border-error-2 bg-red-50 px-4 py-2 font-bold">
              <Link to={s.to}>{s.text}</Link>
            </li>
          ))}
        </ul>
      ) : null}
      {kinds.map((kind) => {
        const list = entries.filter((e) => e.kind === kind);
        const total = list[0]?.total ?? 0;
        return (
          <div key={kind} className="flex flex-col gap-1">
            <h3 className="text-std-16B-170">{t(`attention.kind.${kind}`, { count: total })}</h3>
            <ul className="ml-6 list-disc">
              {list.map((e) => (
                <li key={`${e.academyId}:${e.sessionId ?? ""}`}>
                  <Link to={href(e)}>
                    {e.academyName}
                    {e.sequence ? ` ${t("session.numbered", { n: e.sequence })}` : ""}
                  </Link>{" "}
                  <span className="text-solid-gray-700">{t(`attention.detail.${kind}`, { date: date(e.at), count: e.n })}</span>{" "}
                  <Link to={href(e)} className="whitespace-nowrap font-bold" data-action={kind}>
                    <span aria-hidden="true">→ </span>
                    {t(`attention.action.${kind}`)}
                    <span className="sr-only">{t("format.paren", { text: e.academyName })}</span>
                  </Link>
                </li>
              ))}
            </ul>
            {total > list.length ? <p className="ml-6 text-dns-14N-130">{t("attention.more", { count: total - list.length })}</p> : null}
          </div>
        );
      })}
    </section>
  );
}
