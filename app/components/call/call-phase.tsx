import { useTranslation } from "~/utils/use-translation";

// Where a call stands, in words and colour.
const LOOK: Record<string, string> = {
  draft: "bg-solid-gray-100 text-solid-gray-900",
  open: "bg-green-100 text-green-1200",
  closed: "bg-solid-gray-50 text-solid-gray-800",
  results: "bg-blue-100 text-blue-1200",
};

export function CallPhaseBadge({ phase }: { phase: "draft" | "open" | "closed" | "results" }) {
  const { t } = useTranslation();
  return <span data-phase={phase} className={`inline-block whitespace-nowrap rounded-full px-3 py-0.5 text-dns-14B-120 ${LOOK[phase]}`}>{t(`call.phase.${phase}`)}</span>;
}
