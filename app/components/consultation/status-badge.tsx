import { useTranslation } from "~/utils/use-translation";

// A consultation's status in words and a symbol (never colour alone).

const STYLE: Record<string, { mark: string; className: string }> = {
  requested: { mark: "●", className: "bg-yellow-100 text-solid-gray-900" },
  scheduled: { mark: "◆", className: "bg-blue-100 text-blue-1200" },
  held: { mark: "✓", className: "bg-green-100 text-green-1200" },
  declined: { mark: "−", className: "bg-solid-gray-100 text-solid-gray-800" },
  cancelled: { mark: "×", className: "bg-solid-gray-100 text-solid-gray-800" },
};

export function ConsultationStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const style = STYLE[status] ?? STYLE.requested!;
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap rounded-4 px-2 py-0.5 text-dns-14B-120 ${style.className}`}>
      <span aria-hidden="true">{style.mark}</span>
      {t(`consultation.status.${status}`)}
    </span>
  );
}
