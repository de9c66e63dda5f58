import { useTranslation } from "~/utils/use-translation";
import { Button } from "./button";

/** Opens the browser's print dialog (the page has print styles; hidden when printed). */
export function PrintButton() {
  const { t } = useTranslation();
  return (
    <Button type="button" variant="secondary" size="sm" className="no-print" onClick={() => window.print()}>
      {t("form.print")}
    </Button>
  );
}
