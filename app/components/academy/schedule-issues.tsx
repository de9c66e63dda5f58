import { useTranslation } from "~/utils/use-translation";
import type { ScheduleIssue } from "~/modules/schedule/rules";

/** Errors and warnings of one session, in words, with an icon-free text prefix for screen readers. */
export function ScheduleIssues({ issues }: { issues: ScheduleIssue[] }) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  return (
    <ul className="flex flex-col gap-1">
      {issues.map((issue, i) => (
        <li
          key={`${issue.code}-${i}`}
          data-level={issue.level}
          className={issue.level === "error" ? "text-error-2 font-bold" : "text-solid-gray-900"}
        >
          <span className={`mr-1 rounded-4 px-1.5 text-dns-14B-120 ${issue.level === "error" ? "bg-error-2 text-white" : "bg-yellow-200"}`}>
            {t(`schedule.level.${issue.level}`)}
          </span>
          {t(`schedule.issue.${issue.code}`, issue.params)}
        </li>
      ))}
    </ul>
  );
}
