import { useTranslation } from "~/utils/use-translation";
import { workKind } from "~/modules/deliverable/work";

type Work = Record<string, unknown>;
const str = (work: Work, key: string) => (typeof work[key] === "string" ? (work[key] as string) : "");
const list = (work: Work, key: string) => (Array.isArray(work[key]) ? (work[key] as Record<string, string>[]) : []);

function Block({ label, text }: { label: string; text: string }) {
  const { t } = useTranslation();
  if (!text) return null;
  return (
    <div>
      <dt className="text-std-16B-170">{t(label)}</dt>
      <dd className="whitespace-pre-wrap">{text}</dd>
    </div>
  );
}

/** A submitted version's structured work, read-only (facilitators, history). */
export function WorkView({ stageKey, work }: { stageKey: string; work: Work }) {
  const { t } = useTranslation();
  switch (workKind(stageKey)) {
    case "problem_definition":
      return (
        <dl className="flex flex-col gap-3">
          <Block label="work.problemStatement" text={str(work, "problemStatement")} />
          <Block label="work.targetPopulation" text={str(work, "targetPopulation")} />
          <Block label="work.currentState" text={str(work, "currentState")} />
          {list(work, "issueTree").length > 0 ? (
            <div>
              <dt className="text-std-16B-170">{t("work.issueTree")}</dt>
              <dd>
                <ul>
                  {list(work, "issueTree").map((i, n) => (
                    <li key={i.id || n} style={{ marginInlineStart: `${(Number(i.level) - 1) * 1.5}rem` }}>
                      {i.text}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          ) : null}
          <div>
            <dt className="text-std-16B-170">{t("work.hypotheses")}</dt>
            <dd>
              <ol className="list-decimal pl-6">
                {list(work, "hypotheses").map((h, n) => (
                  <li key={h.id || n}>{h.text}</li>
                ))}
              </ol>
            </dd>
          </div>
          <div>
            <dt className="text-std-16B-170">{t("work.dataNeeded")}</dt>
            <dd>
              <ul className="list-disc pl-6">
                {list(work, "dataNeeded").map((d, n) => (
                  <li key={d.id || n}>{d.text}</li>
                ))}
              </ul>
            </dd>
          </div>
        </dl>
      );
    case "analysis":
      return (
        <dl className="flex flex-col gap-3">
          <Block label="work.method" text={str(work, "method")} />
          <div>
            <dt className="text-std-16B-170">{t("work.findings")}</dt>
            <dd>
              <ol className="flex list-decimal flex-col gap-2 pl-6">
                {list(work, "findings").map((f, n) => (
                  <li key={f.hypothesisId || n}>
                    <span className="font-bold">{f.hypothesisText}</span> — {f.verdict ? t(`work.verdictValue.${f.verdict}`) : t("work.verdictNone")}
                    {f.evidence ? <p className="whitespace-pre-wrap">{f.evidence}</p> : null}
                  </li>
                ))}
              </ol>
            </dd>
          </div>
          <Block label="work.otherFindings" text={str(work, "otherFindings")} />
        </dl>
      );
    case "proposal":
      return (
        <dl className="flex flex-col gap-3">
          <Block label="work.policy" text={str(work, "policy")} />
          <div>
            <dt className="text-std-16B-170">{t("work.kpis")}</dt>
            <dd>
              <ul className="list-disc pl-6">
                {list(work, "kpis").map((k, n) => (
                  <li key={k.id || n}>{t("work.kpiLine", { name: k.name, baseline: k.baseline || "—", target: k.target || "—", measurement: k.measurement || "—" })}</li>
                ))}
              </ul>
            </dd>
          </div>
          <Block label="work.expectedEffect" text={str(work, "expectedEffect")} />
          <Block label="work.measurement" text={str(work, "measurement")} />
        </dl>
      );
    case "data_collection":
      return (
        <dl className="flex flex-col gap-3">
          <Block label="work.preparation" text={str(work, "preparation")} />
          {list(work, "worksheets").length > 0 ? (
            <div>
              <dt className="text-std-16B-170">{t("worksheet.listTitle")}</dt>
              <dd>
                <ul className="list-disc pl-6">
                  {list(work, "worksheets").map((w, n) => (
                    <li key={w.id || n}>
                      {t("worksheet.summaryLine", { name: w.name, department: w.department || "—", personal: t(`worksheet.personalInfo.${w.personalInfo}`), processing: t(`worksheet.processing.${w.processing}`) })}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          ) : null}
        </dl>
      );
    default:
      return (
        <dl>
          <Block label="work.summary" text={str(work, "summary")} />
        </dl>
      );
  }
}
