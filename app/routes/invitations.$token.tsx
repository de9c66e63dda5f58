import { Form, Link, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/ui/error-summary";
import { INVITATION_INTENTS } from "~/modules/account/intents.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { useRefusal } from "~/utils/use-refusal";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { AcceptInvitationSchema } from "~/modules/account/schemas";
import { checkInvitation, invitationDetails } from "~/modules/account/invitation.server";
import { formatDate, formatFiscalYear } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { useValidatedForm } from "~/utils/use-validated-form";
import { FactBox } from "~/components/ui/fact-box";
import { TextField } from "~/components/ui/text-field";
import { Button } from "~/components/ui/button";
import { NewPasswordFields } from "~/components/account/new-password-fields";
import { Alert } from "~/components/ui/alert";
import { pageTitle } from "~/utils/meta";
import { readForm } from "~/utils/form-body.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const { state, invitation } = await checkInvitation(params.token ?? "");
  const valid = state === "valid" && invitation;
  return {
    state,
    email: valid ? invitation.user.email : "",
    displayName: valid ? invitation.user.displayName : "",
    // What the invitation is for, shown only to the holder of a valid link.
    details: valid ? await invitationDetails(invitation.user.id, invitation.academyId, invitation.invitedById) : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const visitor = { userAgent: request.headers.get("User-Agent") ?? "", ipAddress: "", token: params.token ?? "" };
  return answerIntent(await runIntent(INVITATION_INTENTS, visitor, await readForm(request)), `/invitations/${params.token ?? ""}`);
}

export default function AcceptInvitationPage() {
  const { t } = useTranslation();
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useRefusal<{ tokenState: string }>();
  const { register, errorFor, onSubmit, found } = useValidatedForm(AcceptInvitationSchema, {
    defaultValues: { displayName: actionData?.values.displayName ?? loaderData.displayName },
    serverErrors: actionData?.fieldErrors,
  });
  const tokenState = actionData?.tokenState ?? loaderData.state;
  const locale = useLocale();
  const d = loaderData.details;
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <h1>{t("invitation.title")}</h1>
      {tokenState !== "valid" ? (
        <>
          <Alert tone="error">{t(`token.${tokenState}`)}</Alert>
          <p>
            <Link to="/login">{t("invitation.toLogin")}</Link>
          </p>
        </>
      ) : (
        <>
          <p>{t("invitation.lead", { email: loaderData.email })}</p>
          {d && d.academyName ? (
            <FactBox
              facts={[
                { term: t("invitation.academy"), detail: `${d.fiscalYear ? `${formatFiscalYear(d.fiscalYear, locale, true)} ` : ""}${d.academyName}` },
                !!d.role && { term: t("invitation.role"), detail: t(`enrollment.role.${d.role}`) },
                d.teams.length > 0 && { term: t("team.title"), detail: d.teams.join(t("format.list")) },
                d.sessions.length > 0 && { term: t("invitation.dates"), detail: `${formatDate(new Date(d.sessions[0]!.startsAt), locale)}〜${formatDate(new Date(d.sessions.at(-1)!.startsAt), locale)}` },
                !!d.inviterName && { term: t("invitation.invitedBy"), detail: d.inviterName },
                d.contacts.length > 0 && { term: t("invitation.contact"), detail: d.contacts.map((c) => `${c.name} <${c.email}>`).join(t("format.list")) },
              ]}
            />
          ) : null}
          <Form method="post" noValidate onSubmit={onSubmit} className="flex flex-col gap-5">
            <ErrorSummary fieldErrors={found ?? undefined} />
            <TextField
              label={t("fields.displayName")}
              autoComplete="name"
              required
              error={errorFor("displayName")}
              {...register("displayName")}
            />
            <NewPasswordFields register={register as never} errorFor={errorFor} />
            <Button type="submit">{t("invitation.submit")}</Button>
          </Form>
        </>
      )}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "invitation.title");
