import { useTranslation } from "~/utils/use-translation";

// A case as people read it: the governments, the theme, then problem → data → method → result →
// what became of it, and whom to ask.

export interface CaseView {
  id: string;
  title: string;
  fiscalYear: number;
  themeCategory: string;
  populationBand: string;
  problem: string;
  dataUsed: string;
  method: string;
  result: string;
  outcome: string;
  contactDepartment: string;
  municipalities: { municipality: { code: string; name: string; prefecture: { name: string } } }[];
  files: { id: string; fileName: string; storedFile: { size: number } }[];
}

export function CaseBody({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const parts = [
    ["problem", c.problem],
    ["dataUsed", c.dataUsed],
    ["method", c.method],
    ["result", c.result],
    ["outcome", c.outcome],
  ] as const;
  return (
    <div className="flex flex-col gap-4">
      <p className="text-solid-gray-700">
        {c.municipalities.map((m) => t("format.withParen", { text: m.municipality.name, paren: m.municipality.prefecture.name })).join(t("format.list"))} · {t(`case.theme.${c.themeCategory}`)} · {t(`case.population.${c.populationBand}`)}
      </p>
      <dl className="flex flex-col gap-3">
        {parts.filter(([, v]) => v).map(([k, v]) => (
          <div key={k}>
            <dt className="text-std-18B-160">{t(`case.field.${k}`)}</dt>
            <dd className="whitespace-pre-wrap">{v}</dd>
          </div>
        ))}
        {c.files.length ? (
          <div>
            <dt className="text-std-18B-160">{t("case.field.slides")}</dt>
            <dd>
              <ul>
                {c.files.map((f) => (
                  <li key={f.id}>
                    <a href={`/cases/${c.id}/files/${f.id}`} download>{f.fileName}</a> <span className="text-dns-14N-130 text-solid-gray-700">({t("case.fileSize", { size: Math.max(1, Math.round(f.storedFile.size / 1024)) })})</span>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        {c.contactDepartment ? (
          <div>
            <dt className="text-std-18B-160">{t("case.field.contactDepartment")}</dt>
            <dd>{c.contactDepartment}</dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}
