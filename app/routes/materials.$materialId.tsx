import { Link, useActionData, useLoaderData, type MetaFunction } from "@remix-run/react";
import { MaterialMetaSchema } from "~/modules/material/schemas";
import { ActionForm } from "~/components/ui/action-form";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requirePermission } from "~/utils/session.server";
import { getCatalogueMaterial, materialOrigin } from "~/modules/material/catalogue.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { invariantFound } from "~/utils/http.server";
import { MAX_MATERIAL_BYTES } from "~/modules/material/schemas";
import { acceptFile, addVersion } from "~/modules/material/upload.server";
import { CATALOGUE_INTENTS } from "~/modules/material/catalogue-intents.server";
import { answerIntent, refuse, runIntent } from "~/utils/intents.server";
import { formMessage } from "~/utils/result";
import { discard, receiveUpload } from "~/utils/upload.server";
import { formatDateTime } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { Button } from "~/components/ui/button";
import { FileInput } from "~/components/ui/file-input";
import { Alert } from "~/components/ui/alert";
import { MaterialMetaFields } from "~/components/material/meta-fields";
import { formatBytes } from "~/components/material/material-title";
import { pageTitle } from "~/utils/meta";
import { readForm } from "~/utils/form-body.server";
import { DataTable } from "~/components/ui/data-table";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:catalogue:any");
  const material = invariantFound(await getCatalogueMaterial(params.materialId ?? ""));
  return { material };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:catalogue:any");
  const material = invariantFound(await materialOrigin(params.materialId ?? ""));
  const page = `/materials/${material.id}`;
  if (request.headers.get("Content-Type")?.startsWith("multipart/form-data")) return newVersion(request, user.id, material, page);
  return answerIntent(await runIntent(CATALOGUE_INTENTS, { actorId: user.id, material }, await readForm(request)), page);
}

/** A new version of an uploaded file: read as a stream, answered in the protocol's shape. */
async function newVersion(request: Request, actorId: string, material: { id: string; origin: string; kind: string }, page: string) {
  const upload = await receiveUpload(request);
  const refused = (reason: string) => refuse({ form: "version", reason, fieldErrors: {} });
  if (!upload.ok) return refused(upload.error);
  if (material.origin !== "upload" || material.kind !== "file") {
    await discard(upload.file);
    return refused("material.validation.notUploadable");
  }
  if (!upload.file) return refused("material.validation.noFile");
  const accepted = await acceptFile(upload.file);
  if (!accepted.ok) {
    await discard(upload.file);
    return refused(accepted.reason);
  }
  const version = await addVersion(actorId, material.id, accepted.blob);
  return redirectWithFlash(page, { message: "material.versionAdded", params: { n: version.number } });
}

export default function MaterialAdminPage() {
  const { material } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const actionData = answer && !answer.ok ? answer : undefined;
  const { t } = useTranslation();
  const locale = useLocale();
  const values = actionData?.form === "meta" && Object.keys(actionData.values).length ? actionData.values : {
    title: material.title, titleEn: material.titleEn, summary: material.summary, summaryEn: material.summaryEn, stage: material.stageKey ?? "general", audience: material.audience,
  };
  return (
    <div className="flex flex-col gap-8">
      <p><Link to="/materials">{t("material.backToCatalogue")}</Link></p>
      <h1>{material.title}</h1>
      {formMessage(actionData) ? <Alert tone="error">{t(formMessage(actionData)!, { mb: MAX_MATERIAL_BYTES / 1024 / 1024 })}</Alert> : null}
      <p>{t(`material.kind.${material.kind}`)} · {t(`material.origin.${material.origin}`)} · {t(`material.stage.${material.stageKey ?? "general"}`)} · {t(`material.audience.${material.audience}`)}</p>
      <section aria-labelledby="versions-heading" className="flex flex-col gap-3">
        <h2 id="versions-heading">{t("material.versions")}</h2>
        <DataTable
          caption={t("material.versions")}
          captionHidden
          rows={material.versions}
          rowKey={(v) => v.id}
          columns={[
            { key: "version", header: t("material.version"), className: "font-normal", cell: (v) => `${t("material.versionN", { n: v.number })}${v.label ? ` (${v.label})` : ""}${v.retiredAt ? ` · ${t("material.retired")}` : ""}` },
            { key: "file", header: t("material.fields.file"), cell: (v) => v.url || `${v.fileName} · ${formatBytes(v.storedFile?.size ?? 0)}` },
            { key: "when", header: t("audit.when"), cell: (v) => `${formatDateTime(new Date(v.createdAt), locale)}${v.uploadedBy ? ` · ${v.uploadedBy.displayName}` : ""}` },
            {
              key: "actions",
              header: <span className="sr-only">{t("form.actions")}</span>,
              cell: (v) => (
                <ActionForm>
                  <input type="hidden" name="versionId" value={v.id} />
                  <Button type="submit" size="sm" variant={v.retiredAt ? "secondary" : "danger"} name="intent" value={v.retiredAt ? "restore" : "retire"} aria-label={t(v.retiredAt ? "material.restoreN" : "material.retireN", { n: v.number })}>
                    {v.retiredAt ? t("material.restore") : t("material.retire")}
                  </Button>
                </ActionForm>
              ),
            },
          ]}
        />
        {material.origin === "upload" && material.kind === "file" ? (
          <ActionForm encType="multipart/form-data" className="flex flex-wrap items-end gap-3">
            <div className="flex flex-col gap-1">
              <label htmlFor="new-version" className="text-std-16B-170">{t("material.newVersion")}</label>
              <FileInput id="new-version" name="file" accept=".pdf,.pptx,.xlsx,.docx" required />
            </div>
            <Button type="submit" variant="secondary">{t("material.uploadVersion")}</Button>
          </ActionForm>
        ) : null}
      </section>
      <section aria-labelledby="meta-heading" className="flex flex-col gap-3">
        <h2 id="meta-heading">{t("material.metaTitle")}</h2>
        {material.origin === "upload" ? (
          <ActionForm schema={MaterialMetaSchema} className="flex max-w-2xl flex-col gap-5">
            <MaterialMetaFields values={values} errors={actionData?.form === "meta" ? actionData.fieldErrors : {}} />
            <div><Button type="submit">{t("form.save")}</Button></div>
          </ActionForm>
        ) : (
          <p>{t("material.repositoryNote", { key: material.key })}</p>
        )}
      </section>
      <section aria-labelledby="used-heading" className="flex flex-col gap-2">
        <h2 id="used-heading">{t("material.usedBy")}</h2>
        {material.releases.length === 0 ? <p>{t("material.unused")}</p> : <p>{t("material.usedByCount", { count: material._count.releases })}</p>}
        <ul>
          {material.releases.map((r) => (
            <li key={r.academy.id}><Link to={`/academies/${r.academy.id}/materials`}>{r.academy.name}</Link></li>
          ))}
        </ul>
        {material._count.releases > material.releases.length ? <p className="text-dns-14N-130 text-solid-gray-600">{t("material.usedByMore", { shown: material.releases.length })}</p> : null}
      </section>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, "material.pageTitle", { name: data?.material.title ?? "" });
