import { Link, useActionData, useLoaderData, useNavigation, type MetaFunction } from "@remix-run/react";
import { IssuerSchema } from "~/modules/certificate/schemas";
import { ActionForm } from "~/components/ui/action-form";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { certificatesPage } from "~/modules/certificate/certificate.server";
import { CERTIFICATE_INTENTS } from "~/modules/certificate/intents.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { formMessage } from "~/utils/result";
import { certificateNumber } from "~/modules/certificate/number";
import { readForm } from "~/utils/form-body.server";
import { env } from "~/utils/env.server";
import { formatDate } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { DataTable } from "~/components/ui/data-table";
import { TextField } from "~/components/ui/text-field";
import { Button } from "~/components/ui/button";
import { ConfirmButton } from "~/components/ui/confirm-button";
import { Alert } from "~/components/ui/alert";
import { pageTitle } from "~/utils/meta";

// Completion certificates (修了証): staff see who holds one and download them; coordinators set
// the issuing body, issue them to everyone who completed and revoke one issued by mistake.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requireAcademyContext(request, params.academyId, "seeSurveyResults");
  const page = await certificatesPage(context.academy.id);
  return { academy: context.academy, canManage: context.can.manageAcademy, defaultIssuer: env().certificateIssuer, ...page };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requireAcademyContext(request, params.academyId, "seeSurveyResults");
  return answerIntent(await runIntent(CERTIFICATE_INTENTS, { context }, await readForm(request)), `/academies/${context.academy.id}/certificates`);
}

export default function CertificatesPage() {
  const { academy, canManage, issuer, defaultIssuer, people, notCompleted, outdated } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const actionData = answer && !answer.ok ? answer : undefined;
  const navigation = useNavigation();
  const { t } = useTranslation();
  const locale = useLocale();
  const base = `/academies/${academy.id}/certificates`;
  const issued = people.filter((p) => p.certificate && !p.certificate.revokedAt);
  const waiting = people.length - issued.length;
  const issuerError = actionData?.fieldErrors.certificateIssuer ? t(actionData.fieldErrors.certificateIssuer) : undefined;
  return (
    <div className="flex flex-col gap-6">
      <p><Link to={`/academies/${academy.id}`}>{t("academy.backTo", { name: academy.name })}</Link></p>
      <h1>{t("certificate.title")}</h1>
      <p>{t("certificate.intro", { completed: people.length, issued: issued.length })} <Link to={`/academies/${academy.id}/completion`}>{t("certificate.seeCompletion", { count: notCompleted })}</Link></p>
      {formMessage(actionData) ? <Alert tone="error">{t(formMessage(actionData)!)}</Alert> : null}
      {outdated.length > 0 ? <Alert tone="warning">{t("certificate.outdated", { names: outdated.map((c) => c.displayName).join(t("format.list")) })}</Alert> : null}
      {canManage ? (
        <div className="flex flex-col gap-4 rounded-8 border border-solid-gray-200 p-4">
          <ActionForm schema={IssuerSchema} className="flex flex-wrap items-end gap-3" noValidate>
            <input type="hidden" name="intent" value="issuer" />
            <div className="min-w-80 grow">
              <TextField
                label={t("certificate.issuer")}
                name="certificateIssuer"
                defaultValue={actionData?.values.certificateIssuer ?? issuer}
                placeholder={defaultIssuer || t("certificate.issuerPlaceholder")}
                hint={t("certificate.issuerHint")}
                error={issuerError}
                maxLength={100}
              />
            </div>
            <Button type="submit" variant="secondary">{t("form.save")}</Button>
          </ActionForm>
          <ActionForm>
            <input type="hidden" name="intent" value="issue" />
            <Button type="submit" disabled={waiting === 0 || navigation.state !== "idle"} aria-disabled={waiting === 0 || undefined}>
              {t("certificate.issue", { count: waiting })}
            </Button>
          </ActionForm>
        </div>
      ) : null}
      <p className="flex flex-wrap gap-4">
        {issued.length > 0 ? <a href={`${base}/all.zip`}>{t("certificate.downloadAll", { count: issued.length })}</a> : null}
      </p>
      <DataTable
        caption={t("certificate.caption")}
        cards
        rows={people}
        rowKey={(p) => p.enrollmentId}
        empty={t("certificate.nobody")}
        columns={[
          { key: "name", header: t("completion.person"), cell: (p) => p.displayName },
          { key: "team", header: t("completion.team"), cell: (p) => p.teamName ?? "—" },
          {
            key: "number",
            header: t("certificate.number"),
            cell: (p) => (p.certificate ? `${certificateNumber(p.certificate.fiscalYear, p.certificate.serial)}${p.certificate.revokedAt ? ` ${t("certificate.revokedMark")}` : ""}` : t("certificate.notIssued")),
          },
          { key: "issued", header: t("certificate.issuedOn"), cell: (p) => (p.certificate && !p.certificate.revokedAt ? formatDate(new Date(p.certificate.issuedAt), locale) : "—") },
          {
            key: "actions",
            header: t("certificate.actions"),
            cell: (p) =>
              p.certificate && !p.certificate.revokedAt ? (
                <div className="flex flex-wrap items-center gap-3">
                  <a href={`${base}/${p.certificate.id}`} aria-label={t("certificate.downloadOneLabel", { name: p.displayName })}>{t("certificate.downloadOne")}</a>
                  {canManage ? (
                    <ActionForm>
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="certificateId" value={p.certificate.id} />
                      <ConfirmButton size="sm" variant="danger" confirm={t("certificate.confirmRevoke", { name: p.displayName })} aria-label={t("certificate.revokeLabel", { name: p.displayName })}>{t("certificate.revoke")}</ConfirmButton>
                    </ActionForm>
                  ) : null}
                </div>
              ) : (
                "—"
              ),
          },
        ]}
      />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "certificate.title");
