import { Link } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { handsIn, type StageState } from "~/modules/deliverable/progress";

export interface StepItem {
  id: string;
  label: string;
  state: StageState;
  /** due date, already formatted */
  due: string | null;
  href: string | null;
}

const MARK: Record<StageState, { symbol: string; circle: string }> = {
  done: { symbol: "✓", circle: "bg-green-900 text-white border-green-900" },
  submitted: { symbol: "…", circle: "bg-blue-100 text-blue-1200 border-blue-900" },
  revision: { symbol: "!", circle: "bg-yellow-100 text-solid-gray-900 border-warning-yellow-2" },
  overdue: { symbol: "!", circle: "bg-red-50 text-error-2 border-error-2" },
  current: { symbol: "", circle: "bg-blue-900 text-white border-blue-900" },
  upcoming: { symbol: "", circle: "bg-white text-solid-gray-700 border-solid-gray-536" },
  missed: { symbol: "×", circle: "bg-solid-gray-100 text-solid-gray-900 border-solid-gray-700" },
};

/** Where a stage is worked on: its page when it takes a deliverable, the pre-learning list, else nowhere of its own. */
export function stageHref(academyId: string, teamId: string, stage: { id: string; key: string; deliverable: string }) {
  if (handsIn(stage.deliverable)) return `/academies/${academyId}/teams/${teamId}/stages/${stage.id}`;
  if (stage.key === "prelearning") return `/academies/${academyId}/materials#prelearning`;
  return null;
}

/**
 * The team's path as a step indicator: one numbered circle per stage, its state in words next
 * to it (never colour alone), the current stage marked for screen readers with aria-current.
 * Horizontal on wide screens, a vertical list on phones.
 */
export function StageSteps({ steps, currentIndex }: { steps: StepItem[]; currentIndex: number }) {
  const { t } = useTranslation();
  return (
    <ol className="grid grid-cols-1 gap-3 md:grid-flow-col md:auto-cols-fr md:gap-2" aria-label={t("path.stepsLabel")}>
      {steps.map((step, i) => {
        const mark = MARK[step.state];
        const content = (
          <>
            <span aria-hidden="true" className={`flex size-9 shrink-0 items-center justify-center rounded-full border-2 text-dns-16B-120 ${mark.circle}`}>
              {mark.symbol || i + 1}
            </span>
            <span className="flex min-w-0 flex-col">
              <span className="text-std-16B-170">{step.label}</span>
              <span className="text-dns-14N-130 text-solid-gray-800" data-state={step.state}>
                {t(`progress.state.${step.state}`)}
              </span>
              {step.due ? <span className="text-dns-14N-130 text-solid-gray-700">{t("path.dueShort", { date: step.due })}</span> : null}
            </span>
          </>
        );
        return (
          <li
            key={step.id}
            aria-current={i === currentIndex ? "step" : undefined}
            className={`rounded-8 border p-3 ${i === currentIndex ? "border-2 border-blue-900 bg-blue-50" : "border-solid-gray-420 bg-white"}`}
          >
            {step.href ? (
              <Link to={step.href} className="flex items-start gap-3 no-underline hover:underline">
                {content}
              </Link>
            ) : (
              <div className="flex items-start gap-3">{content}</div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
