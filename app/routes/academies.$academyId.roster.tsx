import { Form, Link, useActionData, useLoaderData, useNavigation, type MetaFunction } from "@remix-run/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { MAX_ROSTER_BYTES, ROSTER_FORM_MAX_BYTES, parseRoster, type ColumnMapping, type ParsedRoster, type RowError } from "~/modules/roster/parse.server";
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
import { ROSTER_COLUMNS } from "~/modules/roster/columns";
import { redirectWithFlash } from "~/utils/flash.server";
import { readUpload } from "~/utils/upload.server";
import { resolveLocale } from "~/utils/locale.server";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { FileInput } from "~/components/ui/file-input";
import { SelectField } from "~/components/ui/field";
import { pageTitle } from "~/utils/meta";
import { readForm } from "~/utils/form-body.server";

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
  similar: SimilarTeam[];
  payload: string;
  signature: string;
  undecided?: string[];
};
type ActionData =
  | { step: "error"; error: string; params?: Record<string, string | number> }
  | { step: "mapping"; fileName: string; headers: string[]; guessed: ColumnMapping; missing: string[]; token: string; error?: string }
  | Preview;

/** A preview of the parsed file against the database, signed so the commit cannot be edited. */
async function preview(academyId: string, fileName: string, parsed: Extract<ParsedRoster, { ok: true }>): Promise<Preview> {
  const checked = await checkRosterAgainstDb(academyId, parsed.rows);
  const errors = [...parsed.errors, ...checked.errors].sort((a, b) => a.line - b.line);
  const { payload, signature } = signRoster(academyId, checked.valid);
  return { step: "preview", fileName, encoding: parsed.encoding, total: parsed.total, rows: checked.valid, errors, similar: checked.similar, payload, signature };
}

/** The mapping the person chose in the column-mapping step: field → file column. */
function mappingFrom(form: FormData, columns: number): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const column of ROSTER_COLUMNS) {
    const value = form.get(`column.${column.key}`);
    const index = typeof value === "string" && /^\d{1,3}$/.test(value) ? Number(value) : NaN;
    if (Number.isInteger(index) && index < columns) mapping[column.key] = index;
  }
  return mapping;
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
      const again = await preview(academy.id, String(form.get("fileName") ?? "").slice(0, 200), { ok: true, rows, errors: [], encoding: String(form.get("encoding") ?? "utf-8"), total: rows.length });
      return data<ActionData>({ ...again, undecided: result.undecided.map((u) => u.name) }, { status: 400 });
    }
    if (!result.ok) return data<ActionData>({ step: "error", error: result.reason }, { status: 409 });
    return redirectWithFlash(`/academies/${academy.id}`, {
      message: "roster.imported",
      params: { count: result.memberships, invited: result.invited, notified: result.notified },
    });
  }
  if (intent === "map") {
    const token = String(form.get("token") ?? "");
    const bytes = await readHeldRosterFile(academy.id, token);
    if (!bytes) return data<ActionData>({ step: "error", error: "roster.error.mappingExpired" }, { status: 400 });
    const fileName = String(form.get("fileName") ?? "").slice(0, 200);
    const headers = form.getAll("header").map(String).slice(0, 100);
    const parsed = await parseRoster(bytes, mappingFrom(form, headers.length));
    if (!parsed.ok) {
      const missing = String(parsed.params?.columns ?? "").split(",").filter(Boolean);
      return data<ActionData>({ step: "mapping", fileName, headers, guessed: mappingFrom(form, headers.length), missing, token, error: "roster.error.mappingIncomplete" }, { status: 400 });
    }
    return data<ActionData>(await preview(academy.id, fileName, parsed));
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return data<ActionData>({ step: "error", error: "roster.error.noFile" }, { status: 400 });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const parsed = await parseRoster(bytes);
  const fileName = file.name.slice(0, 200);
  if (!parsed.ok && "headers" in parsed) {
    const token = await holdRosterFile(academy.id, bytes);
    const missing = String(parsed.params.columns ?? "").split(",").filter(Boolean);
    return data<ActionData>({ step: "mapping", fileName, headers: parsed.headers, guessed: parsed.guessed, missing, token });
  }
  if (!parsed.ok) return data<ActionData>({ step: "error", error: parsed.error, params: parsed.params }, { status: 400 });
  return data<ActionData>(await preview(academy.id, fileName, parsed));
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
      {preview.errors.length > 0 ? (
        <div className="flex flex-col gap-2">
          <h3 className="text-error-2">{t("roster.errorsTitle")}</h3>
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">{t("roster.errorsTitle")}</caption>
            <thead>
              <tr className="border-b-2 border-solid-gray-800">
                <th scope="col" className="p-2">{t("roster.line")}</th>
                <th scope="col" className="p-2">{t("roster.column")}</th>
                <th scope="col" className="p-2">{t("roster.reason")}</th>
              </tr>
            </thead>
            <tbody>
              {preview.errors.map((e, i) => (
                <tr key={i} className="border-b border-solid-gray-200">
                  <td className="p-2">{e.line}</td>
                  <td className="p-2">{t(`roster.columns.${e.column}`)}</td>
                  <td className="p-2">{t(e.error, e.params)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>{t("roster.fixHint")}</p>
        </div>
      ) : null}
      {preview.rows.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="text-left text-std-18B-160">{t("roster.validTitle")}</caption>
            <thead>
              <tr className="border-b-2 border-solid-gray-800">
                <th scope="col" className="p-2">{t("roster.line")}</th>
                <th scope="col" className="p-2">{t("roster.columns.displayName")}</th>
                <th scope="col" className="p-2">{t("roster.columns.kana")}</th>
                <th scope="col" className="p-2">{t("roster.columns.email")}</th>
                <th scope="col" className="p-2">{t("roster.columns.municipalityCode")}</th>
                <th scope="col" className="p-2">{t("roster.columns.department")}</th>
                <th scope="col" className="p-2">{t("roster.columns.teamName")}</th>
                <th scope="col" className="p-2">{t("roster.columns.themeTitle")}</th>
                <th scope="col" className="p-2">{t("roster.columns.teamRole")}</th>
                <th scope="col" className="p-2">{t("roster.outcome")}</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.line} className="border-b border-solid-gray-200">
                  <td className="p-2">{r.line}</td>
                  <td className="p-2">{r.displayName}</td>
                  <td className="p-2">{r.kana || "—"}</td>
                  <td className="p-2">{r.email}</td>
                  <td className="p-2">{r.municipalityCode}{r.municipalityName ? ` ${r.municipalityName}` : ""}</td>
                  <td className="p-2">{r.department}</td>
                  <td className="p-2">{r.teamName}{r.team === "new" ? ` (${t("roster.newTeam")})` : ""}</td>
                  <td className="p-2">{r.themeTitle || "—"}</td>
                  <td className="p-2">{t(`team.role.${r.teamRole}`)}</td>
                  <td className="p-2">{r.alreadyMember ? t("roster.already") : r.person === "new" ? t("roster.newPerson") : t("roster.existingPerson")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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

/** Headers the app could not recognise: the person says which column holds what. */
function ColumnMappingStep({ mapping }: { mapping: Extract<ActionData, { step: "mapping" }> }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="mapping-heading" className="flex flex-col gap-4">
      <h2 id="mapping-heading">{t("roster.mappingTitle")}</h2>
      <p>{t("roster.mappingLead", { file: mapping.fileName })}</p>
      {mapping.error ? <Alert tone="error">{t(mapping.error, { columns: mapping.missing.map((k) => t(`roster.columns.${k}`)).join(t("format.list")) })}</Alert> : null}
      <Form method="post" className="flex max-w-3xl flex-col gap-3">
        <input type="hidden" name="intent" value="map" />
        <input type="hidden" name="token" value={mapping.token} />
        <input type="hidden" name="fileName" value={mapping.fileName} />
        {mapping.headers.map((h, i) => (
          <input key={i} type="hidden" name="header" value={h} />
        ))}
        <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
          {ROSTER_COLUMNS.map((column) => (
            <SelectField
              key={column.key}
              label={t(`roster.columns.${column.key}`)}
              name={`column.${column.key}`}
              required={column.required}
              defaultValue={mapping.guessed[column.key] ?? ""}
              error={mapping.missing.includes(column.key) ? t("roster.mappingNeeded") : undefined}
            >
              <option value="">{t("roster.mappingNone")}</option>
              {mapping.headers.map((h, i) => (
                <option key={i} value={i}>{t("roster.mappingColumn", { n: i + 1, header: h || "—" })}</option>
              ))}
            </SelectField>
          ))}
        </div>
        <p className="text-dns-14N-130 text-solid-gray-600">{t("roster.mappingHint")}</p>
        <div>
          <Button type="submit" variant="secondary">{t("roster.preview")}</Button>
        </div>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "roster.title");
