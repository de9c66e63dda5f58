import { useTranslation } from "~/utils/use-translation";

const colours: Record<string, string> = {
  planning: "bg-solid-gray-100 text-solid-gray-900",
  recruiting: "bg-yellow-100 text-solid-gray-900",
  running: "bg-blue-100 text-blue-1200",
  finished: "bg-green-100 text-green-1200",
  archived: "bg-solid-gray-50 text-solid-gray-800",
};

export function AcademyStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span
      data-status={status}
      className={`inline-block whitespace-nowrap rounded-full px-3 py-0.5 text-dns-14B-120 ${colours[status] ?? colours.planning}`}
    >
      {t(`academy.status.${status}`)}
    </span>
  );
}
