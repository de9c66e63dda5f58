import { Link, useActionData, useLoaderData, useNavigation, type MetaFunction } from "@remix-run/react";
import { ActionForm } from "~/components/ui/action-form";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { MAX_ROSTER_BYTES, ROSTER_FORM_MAX_BYTES } from "~/modules/roster/parse.server";
import type { SimilarTeam } from "~/modules/roster/roster.server";
import { ROSTER_INTENTS } from "~/modules/roster/intents.server";
import type { Preview, RosterStep } from "~/modules/roster/steps";
import { JOINABLE_KEYS, ROSTER_COLUMNS } from "~/modules/roster/columns";
import { answerIntent, refuse, runIntent } from "~/utils/intents.server";
import type { Refusal } from "~/utils/result";
import { readUpload } from "~/utils/upload.server";
import { resolveLocale } from "~/utils/locale.server";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { FileInput } from "~/components/ui/file-input";
import { SelectField } from "~/components/ui/field";
import { pageTitle } from "~/utils/meta";
import { readForm } from "~/utils/form-body.server";
import { DataTable } from "~/components/ui/data-table";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { academy } = await requireAcademyContext(request, params.academyId, "manageTeams");
  return { academy, maxMb: MAX_ROSTER_BYTES / 1024 / 1024 };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, academy } = await requireAcademyContext(request, params.academyId, "manageTeams");
  let form: FormData;
  if (request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
    // The file step and (from scripts) the confirm step with its signed rows; parseRoster holds files to MAX_ROSTER_BYTES.
    const upload = await readUpload(request, ROSTER_FORM_MAX_BYTES);
    if (!upload.ok) return refuse({ form: "preview", reason: upload.error, fieldErrors: {}, params: { mb: MAX_ROSTER_BYTES / 1024 / 1024 } });
    form = upload.formData;
  } else {
    form = await readForm(request, ROSTER_FORM_MAX_BYTES);
  }
  const locale = await resolveLocale(request, user);
  return answerIntent(await runIntent(ROSTER_INTENTS, { actorId: user.id, academyId: academy.id, locale }, form), `/academies/${academy.id}/roster`);
}



export default function RosterPage() {
  const { academy, maxMb } = useLoaderData<typeof loader>();
  // a step to show (the mapping, the preview — also when refused, with what to mend), or a refusal of the file
  const answer = useActionData<typeof action>() as RosterAnswer | undefined;
  const shown = answer && "step" in answer ? answer : null;
  const refused = answer && !answer.ok && !shown ? (answer as Refusal & { params?: Record<string, string | number> }) : null;
  const navigation = useNavigation();
  const { t } = useTranslation();
  const preview = shown?.step === "preview" ? shown : null;
  return (
    <div className="flex flex-col gap-8">
      <p><Link to={`/academies/${academy.id}`}>{t("academy.backTo", { name: academy.name })}</Link></p>
      <h1>{t("roster.title")}</h1>
      <section aria-labelledby="roster-how" className="flex flex-col gap-2">
        <h2 id="roster-how">{t("roster.howTitle")}</h2>
        <p>{t("roster.how", { mb: maxMb })}</p>
        <p className="flex flex-wrap gap-4">
          <a href={`/academies/${academy.id}/roster/template/csv`} download>{t("roster.templateCsv")}</a>
          <a href={`/academies/${academy.id}/roster/template/xlsx`} download>{t("roster.templateXlsx")}</a>
        </p>
      </section>
      {refused ? (
        <Alert tone="error">
          {t(refused.reason, {
            ...refused.params,
            columns: String(refused.params?.columns ?? "").split(",").filter(Boolean).map((k) => t(`roster.columns.${k}`)).join(t("format.list")),
          })}
        </Alert>
      ) : null}
      <ActionForm encType="multipart/form-data" className="flex max-w-2xl flex-col gap-3">
        <input type="hidden" name="intent" value="preview" />
        <label htmlFor="roster-file" className="text-std-16B-170">{t("roster.file")}</label>
        <p id="roster-file-hint" className="text-dns-14N-130 text-solid-gray-600">{t("roster.fileHint")}</p>
        <FileInput id="roster-file" name="file" required aria-describedby="roster-file-hint" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
        <div>
          <Button type="submit" variant="secondary" aria-disabled={navigation.state !== "idle" || undefined}>{t("roster.preview")}</Button>
        </div>
      </ActionForm>
      {shown?.step === "mapping" ? <ColumnMappingStep mapping={shown} /> : null}
      {preview ? <RosterPreview preview={preview} /> : null}
    </div>
  );
}

type RosterAnswer = (RosterStep & { ok: boolean; reason: string | null }) | (Refusal & { params?: Record<string, string | number> });

function RosterPreview({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  const toAdd = preview.rows.filter((r) => !r.alreadyMember);
  return (
    <section aria-labelledby="preview-heading" className="flex flex-col gap-4">
      <h2 id="preview-heading">{t("roster.previewTitle")}</h2>
      <p role="status">
        {t("roster.summary", { file: preview.fileName, encoding: t(`roster.encoding.${preview.encoding}`), total: preview.total, valid: preview.rows.length, errors: new Set(preview.errors.map((e) => e.line)).size })}
      </p>
      {preview.errors.length > 0 ? <RowFixes preview={preview} /> : null}
      {preview.rows.length > 0 ? (
        <DataTable
          caption={t("roster.validTitle")}
          rows={preview.rows}
          rowKey={(r) => String(r.line)}
          columns={[
            { key: "line", header: t("roster.line"), className: "font-normal", cell: (r) => r.line },
            { key: "displayName", header: t("roster.columns.displayName"), className: "whitespace-nowrap", cell: (r) => r.displayName },
            { key: "kana", header: t("roster.columns.kana"), className: "whitespace-nowrap", cell: (r) => r.kana || "—" },
            { key: "email", header: t("roster.columns.email"), cell: (r) => r.email },
            { key: "municipality", header: t("roster.columns.municipalityCode"), cell: (r) => `${r.municipalityCode}${r.municipalityName ? ` ${r.municipalityName}` : ""}` },
            { key: "department", header: t("roster.columns.department"), cell: (r) => r.department },
            { key: "team", header: t("roster.columns.teamName"), cell: (r) => `${r.teamName}${r.team === "new" ? ` (${t("roster.newTeam")})` : ""}` },
            { key: "theme", header: t("roster.columns.themeTitle"), cell: (r) => r.themeTitle || "—" },
            { key: "role", header: t("roster.columns.teamRole"), cell: (r) => t(`team.role.${r.teamRole}`) },
            { key: "outcome", header: t("roster.outcome"), cell: (r) => (r.alreadyMember ? t("roster.already") : r.person === "new" ? t("roster.newPerson") : t("roster.existingPerson")) },
          ]}
        />
      ) : null}
      {toAdd.length > 0 ? (
        <ActionForm className="flex flex-col gap-2">
          <input type="hidden" name="intent" value="commit" />
          <input type="hidden" name="payload" value={preview.payload} />
          <input type="hidden" name="signature" value={preview.signature} />
          <input type="hidden" name="fileName" value={preview.fileName} />
          <input type="hidden" name="encoding" value={preview.encoding} />
          {preview.similar.length > 0 ? <SimilarTeamChoices similar={preview.similar} undecided={preview.undecided ?? []} /> : null}
          <p>{preview.errors.length > 0 ? t("roster.commitWithErrors", { count: toAdd.length }) : t("roster.commitAll", { count: toAdd.length })}</p>
          <div>
            <Button type="submit">{t("roster.commit", { count: toAdd.length })}</Button>
          </div>
        </ActionForm>
      ) : (
        <p>{t("roster.nothingToAdd")}</p>
      )}
    </section>
  );
}

/** A new team name that looks like an existing team: join it, or really create a new one. */
function SimilarTeamChoices({ similar, undecided }: { similar: SimilarTeam[]; undecided: string[] }) {
  const { t } = useTranslation();
  return (
    <div className="flex flex-col gap-3 rounded-8 border-2 border-warning-yellow-2 bg-yellow-50 p-4">
      <h3>{t("roster.similarTitle")}</h3>
      {undecided.length > 0 ? <p role="alert" className="font-bold text-error-2">{t("roster.error.chooseTeam")}</p> : null}
      {similar.map((s) => (
        <fieldset key={s.name} className="flex flex-col gap-1">
          <legend className="text-std-16B-170">{t("roster.didYouMean", { name: s.name, existing: s.existing })}</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name={`team:${s.name}`} value="existing" required />
            {t("roster.useExisting", { existing: s.existing })}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name={`team:${s.name}`} value="new" />
            {t("roster.createNew", { name: s.name })}
          </label>
        </fieldset>
      ))}
    </div>
  );
}

/**
 * The rows with errors, each bad cell an input holding what the file said: fix it here and check
 * again, instead of editing the file and uploading it once more.
 */
function RowFixes({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  const invalid = new Map(preview.invalid.map((r) => [r.line, r]));
  const badCells = new Set(preview.errors.map((e) => `${e.line}.${e.column}`));
  const fixId = (e: { line: number; column: string }) => `fix-${e.line}-${e.column}`;
  // one input per cell, even when a cell has two reasons: the first reason's row carries it
  const fixable = (e: (typeof preview.errors)[number] & { i: number }) =>
    e.column !== "row" && invalid.has(e.line) && preview.errors.findIndex((o) => o.line === e.line && o.column === e.column) === e.i;
  return (
    <ActionForm className="flex flex-col gap-3" aria-labelledby="row-fixes-heading">
      <h3 id="row-fixes-heading" className="text-error-2">{t("roster.errorsTitle")}</h3>
      <p>{t("roster.fixLead")}</p>
      <input type="hidden" name="payload" value={preview.payload} />
      <input type="hidden" name="signature" value={preview.signature} />
      <input type="hidden" name="fileName" value={preview.fileName} />
      <input type="hidden" name="encoding" value={preview.encoding} />
      {preview.invalid.map((row) =>
        ROSTER_COLUMNS.filter((c) => !badCells.has(`${row.line}.${c.key}`)).map((c) => (
          <input key={`${row.line}.${c.key}`} type="hidden" name={`fix.${row.line}.${c.key}`} value={row.values[c.key]} />
        )),
      )}
      <DataTable
        caption={t("roster.errorsTitle")}
        captionHidden
        rows={preview.errors.map((e, i) => ({ ...e, i }))}
        rowKey={(e) => String(e.i)}
        columns={[
          { key: "line", header: t("roster.line"), className: "font-normal", cell: (e) => e.line },
          {
            key: "column",
            header: t("roster.column"),
            cell: (e) => <label htmlFor={fixable(e) ? fixId(e) : undefined}>{t(`roster.columns.${e.column}`)}</label>,
          },
          { key: "reason", header: t("roster.reason"), cell: (e) => t(e.error, e.params) },
          {
            key: "fix",
            header: t("roster.fixValue"),
            cell: (e) => {
              const row = invalid.get(e.line);
              return row && fixable(e) && e.column !== "row" ? (
                <input
                  id={fixId(e)}
                  name={`fix.${e.line}.${e.column}`}
                  defaultValue={row.values[e.column]}
                  maxLength={300}
                  aria-label={t("roster.fixLabel", { line: e.line, column: t(`roster.columns.${e.column}`) })}
                  className="w-full min-w-48 rounded-8 border border-solid-gray-600 px-3 py-2"
                />
              ) : null;
            },
          },
        ]}
      />
      {preview.invalid.length > 0 ? (
        <div>
          <Button type="submit" name="intent" value="fix" variant="secondary">{t("roster.fixCheck")}</Button>
        </div>
      ) : null}
      <p className="text-dns-14N-130 text-solid-gray-600">{t("roster.fixHint")}</p>
    </ActionForm>
  );
}

/** Headers the app could not recognise: the person says which row holds them and which column holds what. */
function ColumnMappingStep({ mapping }: { mapping: Extract<RosterStep, { step: "mapping" }> & { reason: string | null } }) {
  const { t } = useTranslation();
  const option = (h: string, i: number) => <option key={i} value={i}>{t("roster.mappingColumn", { n: i + 1, header: h || "—" })}</option>;
  return (
    <section aria-labelledby="mapping-heading" className="flex flex-col gap-4">
      <h2 id="mapping-heading">{t("roster.mappingTitle")}</h2>
      <p>{t("roster.mappingLead", { file: mapping.fileName })}</p>
      {mapping.reason ? <Alert tone="error">{t(mapping.reason, { columns: mapping.missing.map((k) => t(`roster.columns.${k}`)).join(t("format.list")) })}</Alert> : null}
      {mapping.candidates.length > 1 ? (
        <ActionForm className="flex max-w-3xl flex-col gap-2 rounded-8 border border-solid-gray-420 p-4">
          <input type="hidden" name="token" value={mapping.token} />
          <input type="hidden" name="fileName" value={mapping.fileName} />
          <SelectField label={t("roster.headerRow")} name="headerRow" defaultValue={String(mapping.headerRow)} hint={t("roster.headerRowHint")}>
            {mapping.candidates.map((c) => (
              <option key={c.row} value={c.row}>{t("roster.headerRowOption", { n: c.row + 1, text: c.text })}</option>
            ))}
          </SelectField>
          <div>
            <Button type="submit" name="intent" value="header" variant="tertiary">{t("roster.headerRowApply")}</Button>
          </div>
        </ActionForm>
      ) : null}
      <ActionForm className="flex max-w-3xl flex-col gap-3">
        <input type="hidden" name="token" value={mapping.token} />
        <input type="hidden" name="fileName" value={mapping.fileName} />
        <input type="hidden" name="headerRow" value={mapping.headerRow} />
        <input type="hidden" name="candidates" value={JSON.stringify(mapping.candidates)} />
        {mapping.headers.map((h, i) => (
          <input key={i} type="hidden" name="header" value={h} />
        ))}
        <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
          {ROSTER_COLUMNS.map((column) => {
            const chosen = mapping.guessed[column.key] ?? [];
            const joinable = (JOINABLE_KEYS as readonly string[]).includes(column.key);
            return (
              <div key={column.key} className="flex flex-col gap-2">
                <SelectField
                  label={t(`roster.columns.${column.key}`)}
                  name={`column.${column.key}`}
                  required={column.required}
                  defaultValue={chosen[0] ?? ""}
                  error={mapping.missing.includes(column.key) ? t("roster.mappingNeeded") : undefined}
                >
                  <option value="">{t("roster.mappingNone")}</option>
                  {mapping.headers.map(option)}
                </SelectField>
                {joinable ? (
                  <SelectField label={t("roster.mappingSecond", { field: t(`roster.columns.${column.key}`) })} name={`column.${column.key}.2`} defaultValue={chosen[1] ?? ""}>
                    <option value="">{t("roster.mappingNoSecond")}</option>
                    {mapping.headers.map(option)}
                  </SelectField>
                ) : null}
              </div>
            );
          })}
        </div>
        <p className="text-dns-14N-130 text-solid-gray-600">{t("roster.mappingHint")}</p>
        <div>
          <Button type="submit" name="intent" value="map" variant="secondary">{t("roster.preview")}</Button>
        </div>
      </ActionForm>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "roster.title");
