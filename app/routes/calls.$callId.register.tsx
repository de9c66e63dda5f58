import { Link, useActionData, useLoaderData, type MetaFunction } from "@remix-run/react";
import { RegisterSchema } from "~/modules/call/schemas";
import { ActionForm } from "~/components/ui/action-form";
import { REGISTER_INTENTS } from "~/modules/account/intents.server";
import type { Refusal } from "~/utils/result";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { callPhase, publicCall } from "~/modules/call/call.server";
import { getSessionUser } from "~/utils/session.server";
import { invariantFound } from "~/utils/http.server";
import { readForm } from "~/utils/form-body.server";
import { resolveLocale } from "~/utils/locale.server";
import { formatDateTime } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { pageTitle } from "~/utils/meta";
import { clientIp } from "~/utils/request.server";
import { TextField } from "~/components/ui/text-field";
import { SelectField } from "~/components/ui/field";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/alert";

// A government creates its applicant account from the call page: e-mail, name, the applying
// government (全国地方公共団体コード, check digit verified) and the track. A mail follows.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const call = invariantFound(await publicCall(String(params.callId ?? "").slice(0, 64)));
  if (await getSessionUser(request)) throw redirect(`/calls/${call.id}`);
  const now = new Date();
  return { call: { id: call.id, title: call.title, deadlineAt: call.deadlineAt, tracks: call.tracks }, open: callPhase({ publishedAt: now, deadlineAt: call.deadlineAt }, now) === "open" };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const visitor = { userAgent: request.headers.get("User-Agent") ?? "", ipAddress: clientIp(context), callId: String(params.callId ?? "").slice(0, 64), locale: await resolveLocale(request, null) };
  return answerIntent(await runIntent(REGISTER_INTENTS, visitor, await readForm(request)), `/calls/${visitor.callId}/register`);
}

export default function RegisterToApply() {
  const { call, open } = useLoaderData<typeof loader>();
  // sent: the page says "check your mail" (the same answer whatever the address)
  const answer = useActionData<typeof action>() as ({ ok: boolean; sent?: boolean } & Partial<Refusal> & { params?: Record<string, string | number> }) | undefined;
  const a = answer ? { ...answer, sent: answer.ok && answer.sent === true, error: answer.ok ? null : (answer.reason ?? null), fieldErrors: answer.fieldErrors ?? {}, values: answer.values ?? {} } : undefined;
  const { t } = useTranslation();
  const locale = useLocale();
  const v = (a?.values ?? {}) as Record<string, string>;
  const err = (name: string) => (a?.fieldErrors && name in a.fieldErrors ? t((a.fieldErrors as Record<string, string>)[name]!, a.params) : undefined);
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <p><Link to={`/calls/${call.id}`}>{t("call.backTo", { title: call.title })}</Link></p>
      <h1>{t("call.registerTitle")}</h1>
      <p>{t("call.registerIntro", { date: formatDateTime(new Date(call.deadlineAt), locale) })}</p>
      {a?.sent ? <Alert tone="success" role="status">{t("call.registerSent")}</Alert> : null}
      {a?.error && !a.sent ? <Alert tone="error">{t(a.error, a.params)}</Alert> : null}
      {!open ? <Alert tone="warning">{t("call.notAccepting")}</Alert> : null}
      {open && !a?.sent ? (
        <ActionForm schema={RegisterSchema} className="flex flex-col gap-4" noValidate>
          <TextField label={t("fields.email")} name="email" type="email" autoComplete="email" required defaultValue={v.email ?? ""} error={err("email")} />
          <TextField label={t("call.contactName")} name="displayName" autoComplete="name" required defaultValue={v.displayName ?? ""} error={err("displayName")} />
          <TextField label={t("call.leadCode")} name="municipalityCode" inputMode="numeric" required hint={t("call.leadCodeHint")} defaultValue={v.municipalityCode ?? ""} error={err("municipalityCode")} />
          <SelectField label={t("call.track")} name="trackId" defaultValue={v.trackId ?? call.tracks[0]?.id} error={err("trackId")}>
            {call.tracks.map((tr) => <option key={tr.id} value={tr.id}>{tr.label}</option>)}
          </SelectField>
          <div><Button type="submit">{t("call.register")}</Button></div>
        </ActionForm>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "call.registerTitle");
