import { Form, Link, useActionData, useLoaderData, useNavigation, type MetaFunction } from "@remix-run/react";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { MAX_ROSTER_BYTES, parseRoster, type RowError } from "~/modules/roster/parse.server";
import { checkRosterAgainstDb, commitRoster, signRoster, verifyRoster, type PreviewRow } from "~/modules/roster/roster.server";
import { readUpload } from "~/utils/upload.server";
import { resolveLocale } from "~/utils/locale.server";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { pageTitle } from "~/utils/meta";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { academy } = await requireAcademyContext(request, params.academyId, "manageAcademy");
  return { academy, maxMb: MAX_ROSTER_BYTES / 1024 / 1024 };
}

type ActionData =
  | { step: "error"; error: string; params?: Record<string, string | number> }
  | { step: "preview"; fileName: string; encoding: string; total: number; rows: PreviewRow[]; errors: RowError[]; payload: string; signature: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, academy } = await requireAcademyContext(request, params.academyId, "manageAcademy");
  let form: FormData;
  if (request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
    const upload = await readUpload(request, MAX_ROSTER_BYTES);
    if (!upload.ok) return data<ActionData>({ step: "error", error: upload.error, params: { mb: MAX_ROSTER_BYTES / 1024 / 1024 } }, { status: 400 });
    form = upload.formData;
  } else {
    form = await request.formData();
  }
  if (form.get("intent") === "commit") {
    const rows = verifyRoster(academy.id, String(form.get("payload") ?? ""), String(form.get("signature") ?? ""));
    if (!rows) return data<ActionData>({ step: "error", error: "roster.error.tampered" }, { status: 400 });
    const result = await commitRoster(user.id, academy.id, rows, await resolveLocale(request, user));
    if (!result.ok) return data<ActionData>({ step: "error", error: "roster.error.changed" }, { status: 409 });
    const q = new URLSearchParams({ imported: String(result.memberships), invited: String(result.invited) });
    return redirect(`/academies/${academy.id}?${q}`);
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return data<ActionData>({ step: "error", error: "roster.error.noFile" }, { status: 400 });
  const parsed = await parseRoster(new Uint8Array(await file.arrayBuffer()));
  if (!parsed.ok) return data<ActionData>({ step: "error", error: parsed.error, params: parsed.params }, { status: 400 });
  const checked = await checkRosterAgainstDb(academy.id, parsed.rows);
  const errors = [...parsed.errors, ...checked.errors].sort((a, b) => a.line - b.line);
  const { payload, signature } = signRoster(academy.id, checked.valid);
  return data<ActionData>({
    step: "preview",
    fileName: file.name.slice(0, 200),
    encoding: parsed.encoding,
    total: parsed.total,
    rows: checked.valid,
    errors,
    payload,
    signature,
  });
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
      {actionData?.step === "error" ? <Alert tone="error">{t(actionData.error, actionData.params)}</Alert> : null}
      <Form method="post" encType="multipart/form-data" className="flex max-w-2xl flex-col gap-3">
        <input type="hidden" name="intent" value="preview" />
        <label htmlFor="roster-file" className="text-std-16B-170">{t("roster.file")}</label>
        <p id="roster-file-hint" className="text-dns-14N-130 text-solid-gray-600">{t("roster.fileHint")}</p>
        <input id="roster-file" name="file" type="file" required aria-describedby="roster-file-hint" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" className="min-h-12" />
        <div>
          <Button type="submit" variant="secondary" aria-disabled={navigation.state !== "idle" || undefined}>{t("roster.preview")}</Button>
        </div>
      </Form>
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
                <th scope="col" className="p-2">{t("roster.columns.email")}</th>
                <th scope="col" className="p-2">{t("roster.columns.department")}</th>
                <th scope="col" className="p-2">{t("roster.columns.teamName")}</th>
                <th scope="col" className="p-2">{t("roster.columns.teamRole")}</th>
                <th scope="col" className="p-2">{t("roster.outcome")}</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.line} className="border-b border-solid-gray-200">
                  <td className="p-2">{r.line}</td>
                  <td className="p-2">{r.displayName}</td>
                  <td className="p-2">{r.email}</td>
                  <td className="p-2">{r.department}</td>
                  <td className="p-2">{r.teamName}{r.team === "new" ? ` (${t("roster.newTeam")})` : ""}</td>
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

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "roster.title");
