import { useTranslation } from "~/utils/use-translation";
import { DataTable } from "~/components/ui/data-table";
import type { ScanResult } from "~/modules/privacy/scan.server";

/** What the personal-information scan found in a table: kinds with counts, then where (never the values). */
export function ScanFindings({ scan }: { scan: ScanResult }) {
  const { t } = useTranslation();
  const kinds = Object.entries(scan.counts).filter(([, n]) => (n ?? 0) > 0);
  if (kinds.length === 0) return <p className="text-dns-14N-130">{t("privacy.clean", { rows: scan.rows })}</p>;
  return (
    <div className="flex flex-col gap-2">
      <ul className="list-disc pl-6">
        {kinds.map(([kind, n]) => (
          <li key={kind}>{t("privacy.countLine", { kind: t(`privacy.kind.${kind}`), count: n })}</li>
        ))}
      </ul>
      <details>
        <summary className="cursor-pointer text-dns-16B-120">{t("privacy.where")}</summary>
        <div className="mt-2 text-dns-14N-130">
          <DataTable
            caption={t("privacy.where")}
            captionHidden
            rows={scan.findings.map((f, i) => ({ ...f, i }))}
            rowKey={(f) => String(f.i)}
            columns={[
              { key: "kind", header: t("privacy.kindHeader"), cell: (f) => (f.kind === "header" && f.category ? t(`privacy.category.${f.category}`) : t(`privacy.kind.${f.kind}`)) },
              { key: "place", header: t("privacy.place"), cell: (f) => t(f.sheet ? "privacy.placeSheet" : "privacy.placeCell", { sheet: f.sheet ?? "", row: f.row, column: f.columnLabel }) },
              { key: "header", header: t("privacy.header"), cell: (f) => f.header },
            ]}
          />
        </div>
      </details>
    </div>
  );
}
