import { AcknowledgeBox } from "~/components/ui/acknowledge-box";
import { useTranslation } from "~/utils/use-translation";
import type { DeadlineWarning } from "~/modules/call/call.server";

/** A deadline that has passed, or comes sooner while governments are drafting: said, then ticked to save. */
export function DeadlineWarnings({ warnings }: { warnings: DeadlineWarning[] }) {
  const { t } = useTranslation();
  return (
    <AcknowledgeBox alert name="acknowledgeWarnings" label={t("call.acknowledge")}>
      <p className="font-bold">{t("call.checkWarnings")}</p>
      <ul className="list-disc pl-6">
        {warnings.map((w) => (
          <li key={w.code}>{w.code === "deadlineEarlier" ? t("call.warning.deadlineEarlier", { count: w.drafts }) : t("call.warning.deadlinePast")}</li>
        ))}
      </ul>
    </AcknowledgeBox>
  );
}
