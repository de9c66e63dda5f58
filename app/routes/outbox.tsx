import { useLoaderData, type MetaFunction } from "@remix-run/react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requirePermission } from "~/utils/session.server";
import { listOutbox, mailDropDir } from "~/modules/mail/mailer.server";
import { SECRET_MARK } from "~/modules/mail/secret";
import { env } from "~/utils/env.server";
import { formatDateTime } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { pageTitle } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:outbox:any");
  return { messages: await listOutbox(200), mailDrop: env().smtpUrl ? null : mailDropDir() };
}

export default function OutboxPage() {
  const { messages, mailDrop } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="flex flex-col gap-6">
      <h1>{t("outbox.title")}</h1>
      <p>{t("outbox.lead")}</p>
      {mailDrop ? <p className="rounded-8 border border-solid-gray-300 bg-solid-gray-50 p-4">{t("outbox.dropLead", { dir: mailDrop })}</p> : null}
      {messages.length === 0 ? <p>{t("outbox.empty")}</p> : null}
      <ul className="flex flex-col gap-4">
        {messages.map((m) => (
          <li key={m.id} className="rounded-8 border border-solid-gray-200 p-4">
            <details>
              <summary className="cursor-pointer">
                <span className="font-bold">{m.subject}</span> — {m.to}{" "}
                <span className="text-solid-gray-600">
                  ({formatDateTime(new Date(m.createdAt), locale)} · {t(`outbox.transport.${m.transport}`)}
                  {m.error ? ` · ${t("outbox.failed")}` : ""})
                </span>
              </summary>
              <pre className="mt-3 whitespace-pre-wrap break-all font-sans">{m.text.split(SECRET_MARK).join(t("outbox.secret"))}</pre>
              {m.error ? <p className="text-error-2">{m.error}</p> : null}
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "outbox.title");
