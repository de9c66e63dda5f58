import { Form, useFetcher, useNavigation } from "@remix-run/react";
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { formatTime } from "~/utils/dates";
import { useTranslation } from "~/utils/use-translation";
import { parseWork, VERDICTS, workFromFields, workKind } from "~/modules/deliverable/work";
import { formValues } from "~/utils/forms";
import { TextareaField, SelectField } from "~/components/ui/field";
import { TextField } from "~/components/ui/text-field";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/alert";

type Work = Record<string, unknown>;
type Row = Record<string, string>;

function rowsOf(work: Work, key: string): Row[] {
  const value = work[key];
  return Array.isArray(value) ? value.map((r) => Object.fromEntries(Object.entries(r as object).map(([k, v]) => [k, String(v ?? "")]))) : [];
}
const str = (work: Work, key: string) => (typeof work[key] === "string" ? (work[key] as string) : "");

/** A list error ("hypotheses.2.text") shown at the list. */
function listError(errors: Record<string, string>, list: string) {
  return errors[list] ?? Object.entries(errors).find(([k]) => k.startsWith(`${list}.`))?.[1];
}

interface ListColumn {
  key: string;
  label: string;
  kind?: "text" | "level";
  wide?: boolean;
}

/**
 * Rows of a list (hypotheses, logic tree items, KPIs): the saved ones plus two empty rows, so
 * the form works without JavaScript; with it, rows are added and removed in place. Empty rows
 * are dropped when saved; an item keeps its hidden id across edits.
 */
function ListEditor({ name, legend, hint, rows, columns, error, addLabel }: { name: string; legend: string; hint?: string; rows: Row[]; columns: ListColumn[]; error?: string; addLabel: string }) {
  const { t } = useTranslation();
  const [items, setItems] = useState(() => [...rows, {}, {}].map((row, i) => ({ key: `${name}-${i}`, row })));
  const [counter, setCounter] = useState(items.length);
  const headingId = useId();
  return (
    <fieldset className="flex flex-col gap-3" aria-describedby={error ? `${headingId}-error` : undefined}>
      <legend className="text-std-18B-160">{legend}</legend>
      {hint ? <p className="text-dns-14N-130 text-solid-gray-700">{hint}</p> : null}
      {error ? (
        <p id={`${headingId}-error`} className="text-dns-16N-130 text-error-2">
          {t(error)}
        </p>
      ) : null}
      <ol className="flex flex-col gap-3">
        {items.map((item, index) => (
          <li key={item.key} className="flex flex-wrap items-end gap-3 rounded-8 border border-solid-gray-420 p-3">
            <span className="text-dns-16B-120 self-center" aria-hidden="true">
              {index + 1}.
            </span>
            <input type="hidden" name={`${name}.${index}.id`} defaultValue={(item.row as Row).id ?? ""} />
            {columns.map((c) =>
              c.kind === "level" ? (
                <SelectField key={c.key} label={t(c.label)} name={`${name}.${index}.${c.key}`} defaultValue={(item.row as Row)[c.key] || "1"}>
                  {["1", "2", "3"].map((l) => (
                    <option key={l} value={l}>
                      {t("work.level", { level: l })}
                    </option>
                  ))}
                </SelectField>
              ) : (
                <TextField
                  key={c.key}
                  className={c.wide ? "min-w-64 flex-[3]" : "min-w-40 flex-1"}
                  label={`${t(c.label)} ${index + 1}`}
                  name={`${name}.${index}.${c.key}`}
                  defaultValue={(item.row as Row)[c.key] ?? ""}
                />
              ),
            )}
            <Button type="button" size="sm" variant="tertiary" onClick={() => setItems(items.filter((x) => x.key !== item.key))} aria-label={t("work.removeRow", { n: index + 1 })}>
              {t("form.remove")}
            </Button>
          </li>
        ))}
      </ol>
      <div>
        <Button
          type="button"
          size="sm"
          variant="secondary"
          onClick={() => {
            setItems([...items, { key: `${name}-${counter}`, row: {} }]);
            setCounter(counter + 1);
          }}
        >
          {addLabel}
        </Button>
      </div>
    </fieldset>
  );
}

function Area({ name, label, hint, work, errors, rows = 4 }: { name: string; label: string; hint?: string; work: Work; errors: Record<string, string>; rows?: number }) {
  const { t } = useTranslation();
  return <TextareaField name={name} label={t(label)} hint={hint ? t(hint) : undefined} rows={rows} defaultValue={str(work, name)} error={errors[name]} />;
}

function ProblemDefinitionFields({ work, errors }: { work: Work; errors: Record<string, string> }) {
  const { t } = useTranslation();
  return (
    <>
      <Area name="problemStatement" label="work.problemStatement" hint="work.problemStatementHint" work={work} errors={errors} />
      <Area name="targetPopulation" label="work.targetPopulation" work={work} errors={errors} rows={2} />
      <Area name="currentState" label="work.currentState" hint="work.currentStateHint" work={work} errors={errors} />
      <ListEditor name="issueTree" legend={t("work.issueTree")} hint={t("work.issueTreeHint")} rows={rowsOf(work, "issueTree")} error={listError(errors, "issueTree")} addLabel={t("work.addIssue")} columns={[{ key: "level", label: "work.levelLabel", kind: "level" }, { key: "text", label: "work.issueItem", wide: true }]} />
      <ListEditor name="hypotheses" legend={t("work.hypotheses")} hint={t("work.hypothesesHint")} rows={rowsOf(work, "hypotheses")} error={listError(errors, "hypotheses")} addLabel={t("work.addHypothesis")} columns={[{ key: "text", label: "work.hypothesis", wide: true }]} />
      <ListEditor name="dataNeeded" legend={t("work.dataNeeded")} hint={t("work.dataNeededHint")} rows={rowsOf(work, "dataNeeded")} error={listError(errors, "dataNeeded")} addLabel={t("work.addData")} columns={[{ key: "text", label: "work.dataItem", wide: true }]} />
    </>
  );
}

function AnalysisFields({ work, errors, hypotheses }: { work: Work; errors: Record<string, string>; hypotheses: { id: string; text: string }[] }) {
  const { t } = useTranslation();
  const findings = rowsOf(work, "findings");
  const byId = new Map(findings.map((f) => [f.hypothesisId, f]));
  // Findings on hypotheses since removed from the problem definition stay visible, marked.
  const entries = [
    ...hypotheses.map((h) => ({ id: h.id, text: h.text, finding: byId.get(h.id), removed: false })),
    ...findings.filter((f) => f.hypothesisId && !hypotheses.some((h) => h.id === f.hypothesisId)).map((f) => ({ id: f.hypothesisId!, text: f.hypothesisText ?? "", finding: f, removed: true })),
  ];
  return (
    <>
      <Area name="method" label="work.method" hint="work.methodHint" work={work} errors={errors} />
      <fieldset className="flex flex-col gap-4">
        <legend className="text-std-18B-160">{t("work.findings")}</legend>
        <p className="text-dns-14N-130 text-solid-gray-700">{t("work.findingsHint")}</p>
        {listError(errors, "findings") ? <p className="text-dns-16N-130 text-error-2">{t(listError(errors, "findings")!)}</p> : null}
        {entries.length === 0 ? <Alert tone="warning">{t("work.noHypotheses")}</Alert> : null}
        {entries.map((e, i) => (
          <fieldset key={e.id} className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 p-4">
            <legend className="px-1 text-std-16B-170">
              {t("work.hypothesisN", { n: i + 1 })}: {e.text}
              {e.removed ? ` ${t("work.hypothesisRemoved")}` : ""}
            </legend>
            <input type="hidden" name={`findings.${i}.hypothesisId`} value={e.id} />
            <input type="hidden" name={`findings.${i}.hypothesisText`} value={e.text} />
            <div role="radiogroup" aria-label={t("work.verdict")} className="flex flex-wrap gap-4">
              {VERDICTS.map((v) => (
                <label key={v} className="flex min-h-11 items-center gap-2">
                  <input type="radio" name={`findings.${i}.verdict`} value={v} defaultChecked={e.finding?.verdict === v} className="size-5" />
                  {t(`work.verdictValue.${v}`)}
                </label>
              ))}
            </div>
            <TextareaField name={`findings.${i}.evidence`} label={t("work.evidence")} hint={t("work.evidenceHint")} rows={3} defaultValue={e.finding?.evidence ?? ""} />
          </fieldset>
        ))}
      </fieldset>
      <Area name="otherFindings" label="work.otherFindings" work={work} errors={errors} />
    </>
  );
}

function ProposalFields({ work, errors }: { work: Work; errors: Record<string, string> }) {
  const { t } = useTranslation();
  return (
    <>
      <Area name="policy" label="work.policy" hint="work.policyHint" work={work} errors={errors} rows={5} />
      <ListEditor
        name="kpis"
        legend={t("work.kpis")}
        hint={t("work.kpisHint")}
        rows={rowsOf(work, "kpis")}
        error={listError(errors, "kpis")}
        addLabel={t("work.addKpi")}
        columns={[
          { key: "name", label: "work.kpiName", wide: true },
          { key: "baseline", label: "work.kpiBaseline" },
          { key: "target", label: "work.kpiTarget" },
          { key: "measurement", label: "work.kpiMeasurement", wide: true },
        ]}
      />
      <Area name="expectedEffect" label="work.expectedEffect" work={work} errors={errors} />
      <Area name="measurement" label="work.measurement" hint="work.measurementHint" work={work} errors={errors} />
    </>
  );
}

const AUTOSAVE_AFTER_MS = 2500;

/** The structured work of a stage: saved as a draft any time (and by itself while typing), handed in with the submission. */
export function WorkForm({
  stageKey,
  work,
  serverErrors,
  hypotheses,
  disabled,
  autosave = false,
  children,
}: {
  stageKey: string;
  work: Work;
  serverErrors?: Record<string, string>;
  hypotheses: { id: string; text: string }[];
  disabled: boolean;
  /** save the draft by itself a few seconds after the last keystroke */
  autosave?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const draft = useFetcher<{ form: string; savedAt?: string }>();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => () => (timer.current ? clearTimeout(timer.current) : undefined), []);
  const onInput = () => {
    if (!autosave) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const form = formRef.current;
      if (!form) return;
      const body = new FormData(form);
      body.set("intent", "autosave");
      // the note beside the submit button is not part of the draft
      body.delete("note");
      draft.submit(body, { method: "post" });
    }, AUTOSAVE_AFTER_MS);
  };
  const draftState = draft.state !== "idle" ? "saving" : draft.data?.savedAt ? "saved" : draft.data ? "failed" : null;
  const [clientErrors, setClientErrors] = useState<Record<string, string> | null>(null);
  const errors = clientErrors ?? serverErrors ?? {};
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formData?.get("intent") === "saveWork";
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const parsed = parseWork(stageKey, workFromFields(stageKey, formValues(new FormData(event.currentTarget))));
    if (!parsed.ok) {
      event.preventDefault();
      setClientErrors(parsed.fieldErrors);
    } else setClientErrors(null);
  };
  const kind = workKind(stageKey);
  return (
    <Form id="work-form" ref={formRef} method="post" noValidate onSubmit={onSubmit} onInput={onInput} onChange={onInput} className="flex max-w-4xl flex-col gap-6">
      <input type="hidden" name="withWork" value="1" />
      <fieldset disabled={disabled} className="flex flex-col gap-6">
        {kind === "problem_definition" ? <ProblemDefinitionFields work={work} errors={errors} /> : null}
        {kind === "analysis" ? <AnalysisFields work={work} errors={errors} hypotheses={hypotheses} /> : null}
        {kind === "proposal" ? <ProposalFields work={work} errors={errors} /> : null}
        {kind === "data_collection" ? <Area name="preparation" label="work.preparation" hint="work.preparationHint" work={work} errors={errors} rows={6} /> : null}
        {kind === "custom" ? <Area name="summary" label="work.summary" work={work} errors={errors} rows={8} /> : null}
        {children}
        <div className="flex flex-wrap items-center gap-4">
          <Button type="submit" name="intent" value="saveWork" variant="secondary" disabled={busy}>
            {busy ? t("form.saving") : t("work.save")}
          </Button>
          <p role="status" aria-live="polite" className="text-dns-14N-130 text-solid-gray-800" data-draft={draftState ?? ""}>
            {draftState === "saving" ? t("work.autosaving") : null}
            {draftState === "saved" ? t("work.autosaved", { time: formatTime(new Date(draft.data!.savedAt!)) }) : null}
            {draftState === "failed" ? t("work.autosaveFailed") : null}
          </p>
        </div>
      </fieldset>
    </Form>
  );
}
