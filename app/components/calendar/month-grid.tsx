import { Link } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { formatTime, fromTokyo, tokyoParts } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";

interface GridSession {
  id: string;
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  academy: { id: string; name: string };
}

/** A Monday-first month grid as a table; each day lists its sessions. */
export function MonthGrid({
  year,
  month,
  sessions,
  holidays,
  today = null,
}: {
  year: number;
  month: number;
  sessions: GridSession[];
  holidays: Record<number, { name: string; nameEn: string }>;
  /** the day of this month that is today in Tokyo (the server says which, so both sides agree) */
  today?: number | null;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const first = fromTokyo(year, month, 1);
  const offset = (tokyoParts(first).weekday + 6) % 7;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: (number | null)[] = [...Array(offset).fill(null), ...Array.from({ length: daysInMonth }, (_, i) => i + 1)];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  const byDay = new Map<number, GridSession[]>();
  for (const s of sessions) {
    const d = tokyoParts(new Date(s.startsAt)).day;
    byDay.set(d, [...(byDay.get(d) ?? []), s]);
  }
  const weekdays = t("calendar.weekdays").split(",");
  return (
    <div className="overflow-x-auto">
      <table className="w-full table-fixed border-collapse">
        <caption className="sr-only">{t("calendar.monthTitle", { year, month })}</caption>
        <thead>
          <tr>
            {weekdays.map((w) => (
              <th key={w} scope="col" className="border border-solid-gray-200 p-1 text-dns-14B-120">{w}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, i) => (
            <tr key={i}>
              {week.map((day, j) => {
                const holiday = day ? holidays[day] : undefined;
                const isToday = day !== null && day === today;
                return (
                  <td
                    key={j}
                    aria-current={isToday ? "date" : undefined}
                    className={`h-24 border p-1 align-top ${isToday ? "border-2 border-blue-900" : "border-solid-gray-200"} ${j >= 5 || holiday ? "bg-solid-gray-50" : ""}`}
                  >
                    {day ? (
                      <>
                        <div className="text-dns-14B-120">
                          {isToday ? <span className="mr-1 rounded-4 bg-blue-900 px-1 text-white">{t("calendar.today")}</span> : null}
                          {day}
                          {holiday ? <span className="ml-1 text-dns-14N-120 text-solid-gray-800">{locale === "ja" ? holiday.name : holiday.nameEn}</span> : null}
                        </div>
                        <ul className="flex flex-col gap-1">
                          {(byDay.get(day) ?? []).map((s) => (
                            <li key={s.id} className="rounded-4 bg-blue-50 px-1 text-dns-14N-120">
                              <Link to={`/academies/${s.academy.id}`}>
                                {formatTime(new Date(s.startsAt))} {s.academy.name} {t("session.numbered", { n: s.sequence })}
                              </Link>
                            </li>
                          ))}
                        </ul>
                      </>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
