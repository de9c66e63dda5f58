import { useTranslation } from "~/utils/use-translation";
import { Alert } from "~/components/ui/alert";

/** The message a redirect carried ("saved", "3 materials released"), shown once above the page. */
export function FlashMessage({ flash }: { flash: { message: string; params?: Record<string, string | number>; tone?: "success" | "info" | "warning" } }) {
  const { t } = useTranslation();
  return (
    <Alert tone={flash.tone ?? "success"} className="mb-6">
      {t(flash.message, flash.params)}
    </Alert>
  );
}
