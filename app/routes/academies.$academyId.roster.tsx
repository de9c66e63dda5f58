import { Form, Link, useActionData, useLoaderData, useNavigation, type MetaFunction } from "@remix-run/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireAcademyContext } from "~/utils/academy-context.server";
import {
  MAX_ROSTER_BYTES,
  MAX_ROSTER_ROWS,
  ROSTER_FORM_MAX_BYTES,
  checkRosterRows,
  parseRoster,
  rosterRowValues,
  type ColumnMapping,
  type HeaderCandidate,
  type ParsedRoster,
  type RawRow,
  type RowError,
} from "~/modules/roster/parse.server";
import {
  checkRosterAgainstDb,
  commitRoster,
  holdRosterFile,
  readHeldRosterFile,
  signRoster,
  verifyRoster,
  type PreviewRow,
  type SimilarTeam,
} from "~/modules/roster/roster.server";
import { JOINABLE_KEYS, ROSTER_COLUMNS, type RosterKey } from "~/modules/roster/columns";
import { redirectWithFlash } from "~/utils/flash.server";
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

type Preview = {
  step: "preview";
  fileName: string;
  encoding: string;
  total: number;
  rows: PreviewRow[];
  errors: RowError[];
  /** rows with errors as written, to fix here */
  invalid: RawRow[];
  similar: SimilarTeam[];
  payload: string;
  signature: string;
  undecided?: string[];
};
type ActionData =
  | { step: "error"; error: string; params?: Record<string, string | number> }
  | { step: "mapping"; fileName: string; headers: string[]; guessed: ColumnMapping; missing: string[]; token: string; headerRow: number; candidates: HeaderCandidate[]; error?: string }
  | Preview;

/** A preview of the parsed file against the database, signed so the commit cannot be edited. */
async function preview(academyId: string, fileName: string, parsed: Extract<ParsedRoster, { ok: true }>): Promise<Preview> {
  const checked = await checkRosterAgainstDb(academyId, parsed.rows);
  const errors = [...parsed.errors, ...checked.errors].sort((a, b) => a.line - b.line);
  // Rows the register or the region refuses are fixed like the others.
  const refused = new Set(checked.errors.map((e) => e.line));
  const invalid = [...parsed.invalid, ...parsed.rows.filter((r) => refused.has(r.line)).map((r) => ({ line: r.line, values: rosterRowValues(r) }))].sort((a, b) => a.line - b.line);
  const { payload, signature } = signRoster(academyId, checked.valid);
  return { step: "preview", fileName, encoding: parsed.encoding, total: parsed.total, rows: checked.valid, errors, invalid, similar: checked.similar, payload, signature };
}

/** The mapping the person chose in the column-mapping step: field → one file column, or two joined. */
function mappingFrom(form: FormData, columns: number): ColumnMapping {
  const pick = (name: string) => {
    const value = form.get(name);
    const index = typeof value === "string" && /^\d{1,3}$/.test(value) ? Number(value) : NaN;
    return Number.isInteger(index) && index < columns ? index : undefined;
  };
  const mapping: ColumnMapping = {};
  for (const column of ROSTER_COLUMNS) {
    const first = pick(`column.${column.key}`);
    if (first === undefined) continue;
    const second = (JOINABLE_KEYS as readonly string[]).includes(column.key) ? pick(`column.${column.key}.2`) : undefined;
    mapping[column.key] = second === undefined || second === first ? [first] : [first, second];
  }
  return mapping;
}

/** The rows fixed in the preview: `fix.<line>.<field>`, every field of each row. */
function fixedRows(form: FormData): RawRow[] {
  const byLine = new Map<number, RawRow>();
  const keys = new Set<string>(ROSTER_COLUMNS.map((c) => c.key));
  for (const [name, value] of form) {
    const match = /^fix\.(\d{1,6})\.(\w+)$/.exec(name);
    if (!match || !keys.has(match[2]!) || typeof value !== "string") continue;
    const line = Number(match[1]);
    if (!byLine.has(line)) {
      if (byLine.size >= MAX_ROSTER_ROWS) break;
      byLine.set(line, { line, values: Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.key, ""])) as Record<RosterKey, string> });
    }
    byLine.get(line)!.values[match[2] as RosterKey] = value.slice(0, 300);
  }
  return [...byLine.values()];
}

/** The mapping step for a held file: its headers (from `headerRow`, or the row found) and the guesses. */
function mappingStep(fileName: string, token: string, parsed: Extract<ParsedRoster, { headers: string[] }>): Extract<ActionData, { step: "mapping" }> {
  const missing = String(parsed.params.columns ?? "").split(",").filter(Boolean);
  return { step: "mapping", fileName, headers: parsed.headers, guessed: parsed.guessed, missing, token, headerRow: parsed.headerRow, candidates: parsed.candidates };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, academy } = await requireAcademyContext(request, params.academyId, "manageTeams");
  let form: FormData;
  if (request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
    // The file step and (from scripts) the confirm step with its signed rows; parseRoster holds files to MAX_ROSTER_BYTES.
    const upload = await readUpload(request, ROSTER_FORM_MAX_BYTES);
    if (!upload.ok) return data<ActionData>({ step: "error", error: upload.error, params: { mb: MAX_ROSTER_BYTES / 1024 / 1024 } }, { status: 400 });
    form = upload.formData;
  } else {
    form = await readForm(request, ROSTER_FORM_MAX_BYTES);
  }
  const intent = form.get("intent");
  if (intent === "commit") {
    const rows = verifyRoster(academy.id, String(form.get("payload") ?? ""), String(form.get("signature") ?? ""));
    if (!rows) return data<ActionData>({ step: "error", error: "roster.error.tampered" }, { status: 400 });
    const choices: Record<string, "existing" | "new"> = {};
    for (const [key, value] of form) {
      if (key.startsWith("team:") && (value === "existing" || value === "new")) choices[key.slice(5)] = value;
    }
    const result = await commitRoster(user.id, academy.id, rows, await resolveLocale(request, user), choices);
    if (!result.ok && "undecided" in result && result.undecided) {
      const again = await preview(academy.id, String(form.get("fileName") ?? "").slice(0, 200), { ok: true, rows, errors: [], invalid: [], encoding: String(form.get("encoding") ?? "utf-8"), total: rows.length, headerRow: 0 });
      return data<ActionData>({ ...again, undecided: result.undecided.map((u) => u.name) }, { status: 400 });
    }
    if (!result.ok) return data<ActionData>({ step: "error", error: result.reason }, { status: 409 });
    return redirectWithFlash(`/academies/${academy.id}`, {
      message: "roster.imported",
      params: { count: result.memberships, invited: result.invited, notified: result.notified },
    });
  }
  if (intent === "fix") {
    // Fixed rows are checked as a file's rows are; the rows already accepted come back signed.
    const rows = verifyRoster(academy.id, String(form.get("payload") ?? ""), String(form.get("signature") ?? ""));
    if (!rows) return data<ActionData>({ step: "error", error: "roster.error.tampered" }, { status: 400 });
    const fixed = fixedRows(form);
    const fixedLines = new Set(fixed.map((r) => r.line));
    const records = [...rows.filter((r) => !fixedLines.has(r.line)).map((r) => ({ line: r.line, values: rosterRowValues(r) })), ...fixed].sort((a, b) => a.line - b.line);
    const checked = checkRosterRows(records);
    const encoding = String(form.get("encoding") ?? "utf-8").slice(0, 20);
    return data<ActionData>(await preview(academy.id, String(form.get("fileName") ?? "").slice(0, 200), { ok: true, ...checked, encoding, headerRow: 0 }));
  }
  if (intent === "map" || intent === "header") {
    const token = String(form.get("token") ?? "");
    const bytes = await readHeldRosterFile(academy.id, token);
    if (!bytes) return data<ActionData>({ step: "error", error: "roster.error.mappingExpired" }, { status: 400 });
    const fileName = String(form.get("fileName") ?? "").slice(0, 200);
    const headerValue = String(form.get("headerRow") ?? "");
    const headerRow = /^\d{1,2}$/.test(headerValue) ? Number(headerValue) : undefined;
    if (intent === "header") {
      // Another header row: its headers and guesses, or straight to the preview when they say everything.
      const parsed = await parseRoster(bytes, { headerRow });
      if (!parsed.ok && "headers" in parsed) return data<ActionData>(mappingStep(fileName, token, parsed));
      if (!parsed.ok) return data<ActionData>({ step: "error", error: parsed.error, params: parsed.params }, { status: 400 });
      return data<ActionData>(await preview(academy.id, fileName, parsed));
    }
    const headers = form.getAll("header").map(String).slice(0, 100);
    const mapping = mappingFrom(form, headers.length);
    const parsed = await parseRoster(bytes, { mapping, headerRow });
    if (!parsed.ok) {
      const missing = String(parsed.params?.columns ?? "").split(",").filter(Boolean);
      const candidates = String(form.get("candidates") ?? "");
      return data<ActionData>(
        { step: "mapping", fileName, headers, guessed: mapping, missing, token, headerRow: headerRow ?? 0, candidates: readCandidates(candidates), error: "roster.error.mappingIncomplete" },
        { status: 400 },
      );
    }
    return data<ActionData>(await preview(academy.id, fileName, parsed));
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return data<ActionData>({ step: "error", error: "roster.error.noFile" }, { status: 400 });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const parsed = await parseRoster(bytes);
  const fileName = file.name.slice(0, 200);
  if (!parsed.ok && "headers" in parsed) return data<ActionData>(mappingStep(fileName, await holdRosterFile(academy.id, bytes), parsed));
  if (!parsed.ok) return data<ActionData>({ step: "error", error: parsed.error, params: parsed.params }, { status: 400 });
  return data<ActionData>(await preview(academy.id, fileName, parsed));
}

/** The header-row choices travel with the mapping form (display only; the file decides). */
function readCandidates(text: string): HeaderCandidate[] {
  try {
    const list = JSON.parse(text) as unknown;
    if (!Array.isArray(list)) return [];
    return list
      .slice(0, 20)
      .filter((c): c is HeaderCandidate => typeof c?.row === "number" && typeof c?.text === "string")
      .map((c) => ({ row: c.row, text: c.text.slice(0, 80) }));
  } catch {
    return [];
  }
}

export default function RosterPage() {
  const { academy, maxMb } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  const { t } = useTranslation();
  const preview = actionData?.step === "preview" ? actionData : null;
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
      {actionData?.step === "error" ? (
        <Alert tone="error">
          {t(actionData.error, {
            ...actionData.params,
            columns: String(actionData.params?.columns ?? "").split(",").filter(Boolean).map((k) => t(`roster.columns.${k}`)).join(t("format.list")),
          })}
        </Alert>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="flex max-w-2xl flex-col gap-3">
        <input type="hidden" name="intent" value="preview" />
        <label htmlFor="roster-file" className="text-std-16B-170">{t("roster.file")}</label>
        <p id="roster-file-hint" className="text-dns-14N-130 text-solid-gray-600">{t("roster.fileHint")}</p>
        <FileInput id="roster-file" name="file" required aria-describedby="roster-file-hint" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
        <div>
          <Button type="submit" variant="secondary" aria-disabled={navigation.state !== "idle" || undefined}>{t("roster.preview")}</Button>
        </div>
      </Form>
      {actionData?.step === "mapping" ? <ColumnMappingStep mapping={actionData} /> : null}
      {preview ? <RosterPreview preview={preview} /> : null}
    </div>
  );
}

function RosterPreview({ preview }: { preview: Extract<ActionData, { step: "preview" }> }) {
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
        <Form method="post" className="flex flex-col gap-2">
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
        </Form>
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
    <Form method="post" className="flex flex-col gap-3" aria-labelledby="row-fixes-heading">
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
    </Form>
  );
}

/** Headers the app could not recognise: the person says which row holds them and which column holds what. */
function ColumnMappingStep({ mapping }: { mapping: Extract<ActionData, { step: "mapping" }> }) {
  const { t } = useTranslation();
  const option = (h: string, i: number) => <option key={i} value={i}>{t("roster.mappingColumn", { n: i + 1, header: h || "—" })}</option>;
  return (
    <section aria-labelledby="mapping-heading" className="flex flex-col gap-4">
      <h2 id="mapping-heading">{t("roster.mappingTitle")}</h2>
      <p>{t("roster.mappingLead", { file: mapping.fileName })}</p>
      {mapping.error ? <Alert tone="error">{t(mapping.error, { columns: mapping.missing.map((k) => t(`roster.columns.${k}`)).join(t("format.list")) })}</Alert> : null}
      {mapping.candidates.length > 1 ? (
        <Form method="post" className="flex max-w-3xl flex-col gap-2 rounded-8 border border-solid-gray-420 p-4">
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
        </Form>
      ) : null}
      <Form method="post" className="flex max-w-3xl flex-col gap-3">
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
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "roster.title");
