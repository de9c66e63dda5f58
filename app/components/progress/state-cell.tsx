import { useTranslation } from "~/utils/use-translation";
import type { StageState } from "~/modules/deliverable/progress";

// One cell of the progress board: a coloured mark with a symbol and the state in words, so the
// state never rests on colour alone (JIS X 8341-3 / WCAG 1.4.1).

const LOOK: Record<StageState, { symbol: string; className: string }> = {
  done: { symbol: "✓", className: "bg-green-100 text-green-1200 border-green-900" },
  submitted: { symbol: "…", className: "bg-blue-50 text-blue-1200 border-blue-900" },
  revision: { symbol: "↺", className: "bg-yellow-100 text-solid-gray-900 border-warning-yellow-2" },
  overdue: { symbol: "!", className: "bg-red-50 text-error-2 border-error-2 font-bold" },
  current: { symbol: "▶", className: "bg-white text-blue-1200 border-blue-900" },
  upcoming: { symbol: "·", className: "bg-solid-gray-50 text-solid-gray-700 border-solid-gray-420" },
  missed: { symbol: "×", className: "bg-solid-gray-100 text-solid-gray-900 border-solid-gray-700" },
};

export { STAGE_STATES as STATE_ORDER } from "~/modules/deliverable/progress";

export function StateMark({ state }: { state: StageState }) {
  const { t } = useTranslation();
  const look = LOOK[state];
  return (
    <span data-state={state} className={`inline-flex min-w-24 items-center gap-1 rounded-4 border px-2 py-1 text-dns-14N-130 ${look.className}`}>
      <span aria-hidden="true">{look.symbol}</span>
      {t(`progress.state.${state}`)}
    </span>
  );
}
