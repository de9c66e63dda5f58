import { Link } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { formatDateTime } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";

// On the first screen of someone who applied to a call or reviews one: where to go next.
export function CallWork({
  applications,
  reviewing,
}: {
  applications: { id: string; status: string; call: { title: string; deadlineAt: Date | string }; track: { label: string } }[];
  reviewing: { id: string; title: string; _count: { applications: number } }[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section aria-labelledby="calls-heading" className="flex flex-col gap-3">
      <h2 id="calls-heading">{t("call.dashboardHeading")}</h2>
      {applications.length > 0 ? (
        <ul className="flex flex-col gap-2">
          {applications.map((a) => (
            <li key={a.id}>
              <Link to={`/applications/${a.id}`}>{t("call.applicationTo", { title: a.call.title })}</Link>{" "}
              <span className="text-solid-gray-700">
                {a.track.label} · {t(`call.status.${a.status}`)} · {t("call.deadline", { date: formatDateTime(new Date(a.call.deadlineAt), locale) })}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {reviewing.length > 0 ? (
        <ul className="flex flex-col gap-2">
          {reviewing.map((c) => (
            <li key={c.id}>
              <Link to={`/manage/calls/${c.id}/applications`}>{t("call.reviewThis", { title: c.title })}</Link> <span className="text-solid-gray-700">{t("call.submittedCountOf", { count: c._count.applications })}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
