import { Link, useFetcher, useLoaderData, useSearchParams, type MetaFunction } from "@remix-run/react";
import { MATERIAL_VIEW_INTENTS } from "~/modules/material/intents.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { Breadcrumbs, academyCrumbs } from "~/components/ui/breadcrumbs";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useEffect } from "react";
import { useTranslation } from "~/utils/use-translation";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { findVisibleMaterial } from "~/modules/material/release.server";
import { renderMarkdown } from "~/modules/material/render.server";
import { invariantFound } from "~/utils/http.server";
import { formatDateTime } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { Alert } from "~/components/ui/alert";
import { formatBytes, useMaterialText } from "~/components/material/material-title";
import { pageTitle } from "~/utils/meta";
import { readForm } from "~/utils/form-body.server";
import { useNonce } from "~/utils/nonce";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requireAcademyContext(request, params.academyId);
  const { academy } = context;
  const versionId = new URL(request.url).searchParams.get("version");
  const found = invariantFound(await findVisibleMaterial(context, params.materialId ?? "", versionId));
  const { body, ...version } = found.version;
  return {
    academy,
    material: found.material,
    version,
    isCurrent: found.version.id === found.current.id,
    currentNumber: found.current.number,
    html: body ? await renderMarkdown(body) : null,
    versions: found.versions.map(({ body: _b, ...v }) => v),
    staff: found.staff,
  };
}

/**
 * The page reports that it was read (a GET never writes): the browser posts this once the
 * text is on screen; the reading log and the "updated since you read it" marks rely on it.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requireAcademyContext(request, params.academyId);
  const materialId = String(params.materialId ?? "").slice(0, 64);
  return answerIntent(await runIntent(MATERIAL_VIEW_INTENTS, { context, materialId }, await readForm(request)), `/academies/${context.academy.id}/materials/${materialId}`);
}

export default function MaterialPage() {
  const { academy, material, version, isCurrent, currentNumber, html, versions, staff } = useLoaderData<typeof loader>();
  const viewed = useFetcher();
  const nonce = useNonce();
  const submitView = viewed.submit;
  useEffect(() => {
    if (html) submitView({ intent: "viewed", versionId: version.id }, { method: "post" });
  }, [html, version.id, submitView]);
  const [params] = useSearchParams();
  const print = params.get("print") === "1";
  const { t } = useTranslation();
  const locale = useLocale();
  const m = useMaterialText()(material);
  const base = `/academies/${academy.id}/materials/${material.id}`;
  const versionQuery = isCurrent ? "" : `?version=${version.id}`;
  return (
    <article className="flex flex-col gap-6">
      <Breadcrumbs items={[...academyCrumbs(t, academy), { label: t("material.title"), to: `/academies/${academy.id}/materials` }, { label: m.title }]} />
      <div className="no-print flex flex-wrap gap-4">
        {html ? (
          <Link to={`${base}?${new URLSearchParams({ ...(isCurrent ? {} : { version: version.id }), print: "1" })}`}>{t("material.printView")}</Link>
        ) : null}
        {material.kind === "markdown" ? <a href={`${base}/pdf${versionQuery}`}>{t("material.downloadPdf")}</a> : null}
        {material.kind !== "link" ? <a href={`${base}/download${versionQuery}`}>{t(material.kind === "markdown" ? "material.downloadMarkdown" : "material.download")}</a> : null}
      </div>
      {!isCurrent ? (
        <Alert tone="warning" className="no-print">
          {t("material.oldVersion", { n: version.number, current: currentNumber })} <Link to={base}>{t("material.openCurrent")}</Link>
        </Alert>
      ) : null}
      <header className="flex flex-col gap-1">
        <p className="text-solid-gray-600">
          {academy.name} · {t("material.versionN", { n: version.number })}
          {version.label ? ` (${version.label})` : ""}
        </p>
        {!html ? <h1>{m.title}</h1> : null}
        {!html && m.summary ? <p>{m.summary}</p> : null}
      </header>
      {html ? (
        <div className={`material-body ${print ? "print" : ""}`} lang="ja" dangerouslySetInnerHTML={{ __html: html }} />
      ) : material.kind === "link" ? (
        <p>
          <a href={version.url} rel="noopener noreferrer">{version.url}</a>
        </p>
      ) : (
        <p>
          {version.fileName} · {formatBytes(version.storedFile?.size ?? 0)}
        </p>
      )}
      {print ? <script nonce={nonce} dangerouslySetInnerHTML={{ __html: "window.addEventListener('load',()=>window.print())" }} /> : null}
      {staff && versions.length > 0 ? (
        <section aria-labelledby="versions-heading" className="no-print flex flex-col gap-2">
          <h2 id="versions-heading">{t("material.versions")}</h2>
          <ul className="flex flex-col gap-1">
            {versions.map((v) => (
              <li key={v.id}>
                <Link to={`${base}?version=${v.id}`}>{t("material.versionN", { n: v.number })}</Link>
                {v.label ? ` (${v.label})` : ""} · {formatDateTime(new Date(v.createdAt), locale)}
                {v.retiredAt ? ` · ${t("material.retired")}` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, "material.pageTitle", { name: data?.material.title ?? "" });
