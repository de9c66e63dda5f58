import { Form, Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requirePermission } from "~/utils/session.server";
import { listAuditLog, listSignIns, parseAuditFilter } from "~/modules/audit/log.server";
import { AUDIT_SUBJECTS, type FieldChange } from "~/modules/audit/subjects";
import { formatDateTime } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { pageTitle } from "~/utils/meta";
import { DataTable } from "~/components/ui/data-table";
import { TextField } from "~/components/ui/text-field";
import { SelectField } from "~/components/ui/field";
import { Button } from "~/components/ui/button";
import { Pagination } from "~/components/ui/pagination";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:audit:any");
  const params = new URL(request.url).searchParams;
  const tab = params.get("tab") === "signins" ? "signins" : "changes";
  const filter = parseAuditFilter(params);
  if (tab === "signins") return { tab, filter, log: null, signIns: await listSignIns(filter) } as const;
  return { tab, filter, log: await listAuditLog(filter), signIns: null } as const;
}

function ChangeList({ changes }: { changes: FieldChange[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const show = (v: string | null) => {
    if (v === null) return "—";
    if (v.startsWith("@date:")) return formatDateTime(new Date(v.slice(6)), locale);
    return v.replace(/@role:([a-z_]+)/g, (_, role: string) => t(`enrollment.role.${role}`, { defaultValue: role }));
  };
  if (changes.length === 0) return null;
  return (
    <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-1 text-dns-14N-130">
      {changes.map((c) => (
        <div key={c.field} className="contents">
          <dt className="font-bold">{t(`audit.field.${c.field}`, { defaultValue: c.field })}</dt>
          <dd className="[overflow-wrap:anywhere]">
            {c.before !== null ? <del className="text-solid-gray-600">{show(c.before)}</del> : null}
            {c.before !== null ? " → " : null}
            <ins className="no-underline">{show(c.after)}</ins>
          </dd>
        </div>
      ))}
    </dl>
  );
}

export default function AuditPage() {
  const { tab, filter, log, signIns } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const query = (extra: Record<string, string | number>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ tab, ...filter, ...extra })) if (v !== "" && !(k === "page" && v === 1)) p.set(k, String(v));
    return `?${p}`;
  };
  return (
    <div className="flex flex-col gap-6">
      <h1>{t("audit.title")}</h1>
      <nav aria-label={t("audit.tabs")}>
        <ul className="flex gap-2 border-b-2 border-solid-gray-200">
          {(["changes", "signins"] as const).map((name) => (
            <li key={name}>
              <Link
                to={`?tab=${name}`}
                aria-current={tab === name ? "page" : undefined}
                className="block rounded-t-8 px-4 py-2 text-dns-16B-130 aria-[current=page]:bg-blue-900 aria-[current=page]:text-white aria-[current=page]:no-underline"
              >
                {t(`audit.tab.${name}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Form method="get" className="grid grid-cols-1 items-end gap-3 rounded-8 bg-solid-gray-50 p-4 md:grid-cols-3">
        <input type="hidden" name="tab" value={tab} />
        <TextField label={tab === "signins" ? t("audit.filter.email") : t("audit.filter.who")} name="who" defaultValue={filter.who} />
        {tab === "changes" ? (
          <>
            <SelectField label={t("audit.filter.what")} name="what" defaultValue={filter.what}>
              <option value="">{t("audit.filter.all")}</option>
              {AUDIT_SUBJECTS.map((s) => (
                <option key={s} value={s}>{t(`audit.subject.${s}`)}</option>
              ))}
            </SelectField>
            <TextField label={t("audit.filter.academy")} hint={t("audit.filter.academyHint")} name="academy" defaultValue={filter.academy} />
          </>
        ) : null}
        <TextField label={t("audit.filter.from")} type="date" name="from" defaultValue={filter.from} />
        <TextField label={t("audit.filter.to")} type="date" name="to" defaultValue={filter.to} />
        <div className="flex gap-3">
          <Button type="submit" variant="secondary">{t("audit.filter.apply")}</Button>
          <Link to={`?tab=${tab}`} className="self-center">{t("audit.filter.clear")}</Link>
        </div>
      </Form>
      {log ? (
        <>
          <p role="status">{t(log.totalIsCapped ? "audit.countMore" : "audit.count", { count: log.total, total: log.total.toLocaleString(locale === "en" ? "en-GB" : "ja-JP") })}</p>
          <DataTable
            caption={t("audit.tab.changes")}
            captionHidden
            cards
            rows={log.events}
            rowKey={(e) => e.id}
            empty={t("audit.empty")}
            columns={[
              { key: "when", header: t("audit.when"), cell: (e) => formatDateTime(new Date(e.createdAt), locale), className: "md:whitespace-nowrap font-normal" },
              { key: "who", header: t("audit.who"), cell: (e) => e.actor?.displayName ?? t("audit.system") },
              {
                key: "what",
                header: t("audit.what"),
                cell: (e) => (
                  <>
                    {t(`audit.action.${e.action}`, { defaultValue: e.action })}
                    {e.entity ? (
                      <span className="block text-dns-14N-130 text-solid-gray-600">
                        {e.entity.sequence ? `${e.entity.name} ${t("session.numbered", { n: e.entity.sequence })}` : e.entity.name}
                      </span>
                    ) : null}
                  </>
                ),
              },
              { key: "change", header: t("audit.change"), cell: (e) => <ChangeList changes={e.changes} /> },
            ]}
          />
          <Pagination page={filter.page} pages={log.pages} href={(page) => query({ page })} />
        </>
      ) : null}
      {signIns ? (
        <>
          <p role="status">{t("audit.signInCount", { count: signIns.total })}</p>
          <DataTable
            caption={t("audit.tab.signins")}
            captionHidden
            cards
            rows={signIns.attempts}
            rowKey={(a) => a.id}
            empty={t("audit.empty")}
            columns={[
              { key: "when", header: t("audit.when"), cell: (a) => formatDateTime(new Date(a.createdAt), locale), className: "font-normal" },
              { key: "email", header: t("fields.email"), cell: (a) => a.email },
              { key: "address", header: t("audit.address"), cell: (a) => a.ipAddress },
              {
                key: "result",
                header: t("audit.result"),
                cell: (a) => (a.succeeded ? t("audit.signInOk") : <strong className="text-error-2">{t("audit.signInFailed")}</strong>),
              },
            ]}
          />
          <Pagination page={filter.page} pages={signIns.pages} href={(page) => query({ page })} />
        </>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "audit.title");
