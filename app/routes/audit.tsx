import { useLoaderData, type MetaFunction } from "@remix-run/react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/utils/session.server";
import { listAuditEvents } from "~/modules/audit/audit.server";
import { formatDateTime } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { pageTitle } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:audit:any");
  return { events: await listAuditEvents({ take: 200 }) };
}

export default function AuditPage() {
  const { events } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="flex flex-col gap-6">
      <h1>{t("audit.title")}</h1>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">{t("audit.title")}</caption>
          <thead>
            <tr className="border-b-2 border-solid-gray-800">
              <th scope="col" className="p-2">{t("audit.when")}</th>
              <th scope="col" className="p-2">{t("audit.who")}</th>
              <th scope="col" className="p-2">{t("audit.what")}</th>
              <th scope="col" className="p-2">{t("audit.change")}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id} className="border-b border-solid-gray-200 align-top">
                <td className="p-2 whitespace-nowrap">{formatDateTime(new Date(e.createdAt), locale)}</td>
                <td className="p-2">{e.actor?.displayName ?? t("audit.system")}</td>
                <td className="p-2">
                  {t(`audit.action.${e.action}`, { defaultValue: e.action })}
                  <span className="block text-dns-14N-130 text-solid-gray-600">
                    {e.entityType} {e.entityId}
                  </span>
                </td>
                <td className="p-2 font-mono text-dns-14N-130 break-all">
                  {e.before ? <div>{t("audit.before")}: {e.before}</div> : null}
                  {e.after ? <div>{t("audit.after")}: {e.after}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "audit.title");
