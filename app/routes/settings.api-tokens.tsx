import { Form, useActionData, useLoaderData, type MetaFunction } from "@remix-run/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requirePermission } from "~/utils/session.server";
import { createApiToken, listApiTokens, revokeApiToken, TokenNameSchema } from "~/modules/api/tokens.server";
import { readForm } from "~/utils/form-body.server";
import { parseForm } from "~/utils/forms";
import { redirectWithFlash } from "~/utils/flash.server";
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
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "create") {
    const parsed = parseForm(TokenNameSchema, form);
    if (!parsed.ok) return data({ created: null, fieldErrors: parsed.fieldErrors, values: parsed.values, error: null }, { status: 400 });
    const created = await createApiToken(user.id, parsed.data.name);
    return data({ created: { name: parsed.data.name, token: created.token }, fieldErrors: {}, values: {}, error: null }, { headers: { "Cache-Control": "no-store" } });
  }
  if (intent === "revoke") {
    const done = await revokeApiToken(user.id, String(form.get("tokenId") ?? "").slice(0, 64));
    if (!done) return data({ created: null, fieldErrors: {}, values: {}, error: "apiToken.error.notFound" }, { status: 404 });
    return redirectWithFlash("/settings/api-tokens", { message: "apiToken.revoked" });
  }
  return data({ created: null, fieldErrors: {}, values: {}, error: "form.unknownIntent" }, { status: 400 });
}

export default function ApiTokensPage() {
  const { tokens, apiBase } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const nameError = actionData?.fieldErrors && "name" in actionData.fieldErrors ? t(actionData.fieldErrors.name as string) : undefined;
  return (
    <div className="flex flex-col gap-6">
      <h1>{t("apiToken.title")}</h1>
      <p>{t("apiToken.intro")}</p>
      <p>
        {t("apiToken.base")} <code className="rounded-4 bg-solid-gray-50 px-2 py-1">{apiBase}</code>
      </p>
      {actionData?.error ? <Alert tone="error">{t(actionData.error)}</Alert> : null}
      {actionData?.created ? (
        <Alert tone="success" role="status">
          <p className="text-std-16B-170">{t("apiToken.createdOnce", { name: actionData.created.name })}</p>
          <label className="mt-2 flex flex-col gap-1">
            <span>{t("apiToken.theToken")}</span>
            <input readOnly value={actionData.created.token} className="w-full rounded-8 border border-solid-gray-600 p-2 font-mono" onFocus={(e) => e.currentTarget.select()} />
          </label>
          <p className="mt-2 text-dns-14N-130">{t("apiToken.usage")}</p>
          <pre className="mt-1 overflow-x-auto rounded-4 bg-white p-2 text-dns-14N-130">{`curl -H "Authorization: Bearer ${actionData.created.token}" ${apiBase}/academies`}</pre>
        </Alert>
      ) : null}
      <Form method="post" className="flex flex-wrap items-end gap-3 rounded-8 border border-solid-gray-200 p-4" noValidate>
        <input type="hidden" name="intent" value="create" />
        <div className="min-w-80 grow">
          <TextField label={t("apiToken.name")} name="name" hint={t("apiToken.nameHint")} maxLength={80} required defaultValue={actionData?.values && "name" in actionData.values ? String(actionData.values.name) : ""} error={nameError} />
        </div>
        <Button type="submit">{t("apiToken.create")}</Button>
      </Form>
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
                <Form method="post">
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="tokenId" value={r.id} />
                  <ConfirmButton size="sm" variant="danger" confirm={t("apiToken.confirmRevoke", { name: r.name })} aria-label={t("apiToken.revokeLabel", { name: r.name })}>
                    {t("apiToken.revoke")}
                  </ConfirmButton>
                </Form>
              ),
          },
        ]}
      />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "apiToken.title");
