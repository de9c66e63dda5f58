import { useActionData, useLoaderData, type MetaFunction } from "@remix-run/react";
import { TokenNameSchema } from "~/modules/api/schemas";
import { ActionForm } from "~/components/ui/action-form";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requirePermission } from "~/utils/session.server";
import { listApiTokens } from "~/modules/api/tokens.server";
import { TOKEN_INTENTS } from "~/modules/api/intents.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { formMessage } from "~/utils/result";
import { readForm } from "~/utils/form-body.server";
import { env } from "~/utils/env.server";
import { formatDateTime } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { DataTable } from "~/components/ui/data-table";
import { TextField } from "~/components/ui/text-field";
import { Button } from "~/components/ui/button";
import { ConfirmButton } from "~/components/ui/confirm-button";
import { Alert } from "~/components/ui/alert";
import { pageTitle } from "~/utils/meta";

// Tokens of the read-only JSON API: programme coordinators create one per integration (shown
// once), see when each was last used, and revoke it.

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:api_token:any");
  return { tokens: await listApiTokens(), apiBase: `${env().appUrl}/api/v1` };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:api_token:any");
  // the new token is in the answer: no cache keeps it
  return answerIntent(await runIntent(TOKEN_INTENTS, { actorId: user.id }, await readForm(request)), "/settings/api-tokens", { headers: { "Cache-Control": "no-store" } });
}

export default function ApiTokensPage() {
  const { tokens, apiBase } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const refused = answer && !answer.ok ? answer : undefined;
  // the token just created, shown this once
  const created = answer?.ok && "created" in answer ? (answer.created as { name: string; token: string }) : null;
  const { t } = useTranslation();
  const locale = useLocale();
  const nameError = refused?.fieldErrors.name ? t(refused.fieldErrors.name) : undefined;
  return (
    <div className="flex flex-col gap-6">
      <h1>{t("apiToken.title")}</h1>
      <p>{t("apiToken.intro")}</p>
      <p>
        {t("apiToken.base")} <code className="rounded-4 bg-solid-gray-50 px-2 py-1">{apiBase}</code>
      </p>
      {formMessage(refused) ? <Alert tone="error">{t(formMessage(refused)!)}</Alert> : null}
      {created ? (
        <Alert tone="success" role="status">
          <p className="text-std-16B-170">{t("apiToken.createdOnce", { name: created.name })}</p>
          <label className="mt-2 flex flex-col gap-1">
            <span>{t("apiToken.theToken")}</span>
            <input readOnly value={created.token} className="w-full rounded-8 border border-solid-gray-600 p-2 font-mono" onFocus={(e) => e.currentTarget.select()} />
          </label>
          <p className="mt-2 text-dns-14N-130">{t("apiToken.usage")}</p>
          <pre className="mt-1 overflow-x-auto rounded-4 bg-white p-2 text-dns-14N-130">{`curl -H "Authorization: Bearer ${created.token}" ${apiBase}/academies`}</pre>
        </Alert>
      ) : null}
      <ActionForm schema={TokenNameSchema} className="flex flex-wrap items-end gap-3 rounded-8 border border-solid-gray-200 p-4" noValidate>
        <input type="hidden" name="intent" value="create" />
        <div className="min-w-80 grow">
          <TextField label={t("apiToken.name")} name="name" hint={t("apiToken.nameHint")} maxLength={80} required defaultValue={refused?.values.name ?? ""} error={nameError} />
        </div>
        <Button type="submit">{t("apiToken.create")}</Button>
      </ActionForm>
      <DataTable
        caption={t("apiToken.caption")}
        cards
        rows={tokens}
        rowKey={(r) => r.id}
        empty={t("apiToken.none")}
        columns={[
          { key: "name", header: t("apiToken.name"), cell: (r) => r.name },
          { key: "prefix", header: t("apiToken.prefix"), cell: (r) => <code>{r.prefix}…</code> },
          { key: "by", header: t("apiToken.createdBy"), cell: (r) => `${r.createdBy?.displayName ?? "—"} ${formatDateTime(new Date(r.createdAt), locale)}` },
          { key: "used", header: t("apiToken.lastUsed"), cell: (r) => (r.lastUsedAt ? formatDateTime(new Date(r.lastUsedAt), locale) : t("apiToken.never")) },
          {
            key: "state",
            header: t("apiToken.state"),
            cell: (r) =>
              r.revokedAt ? (
                t("apiToken.revokedOn", { date: formatDateTime(new Date(r.revokedAt), locale) })
              ) : (
                <ActionForm>
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="tokenId" value={r.id} />
                  <ConfirmButton size="sm" variant="danger" confirm={t("apiToken.confirmRevoke", { name: r.name })} aria-label={t("apiToken.revokeLabel", { name: r.name })}>
                    {t("apiToken.revoke")}
                  </ConfirmButton>
                </ActionForm>
              ),
          },
        ]}
      />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "apiToken.title");
