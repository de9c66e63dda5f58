import { Form, Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import { ErrorSummary } from "~/components/ui/error-summary";
import { SIGN_UP_INTENTS } from "~/modules/account/intents.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { useRefusal } from "~/utils/use-refusal";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { AcceptInvitationSchema } from "~/modules/account/schemas";
import { checkSignUp } from "~/modules/call/registration.server";
import { formatDateTime } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { useValidatedForm } from "~/utils/use-validated-form";
import { FactBox } from "~/components/ui/fact-box";
import { TextField } from "~/components/ui/text-field";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/alert";
import { NewPasswordFields } from "~/components/account/new-password-fields";
import { pageTitle } from "~/utils/meta";
import { readForm } from "~/utils/form-body.server";

// The link of a sign-up mail: only the owner of the address gets here. Setting the password
// creates the account and the draft application (registration.server.ts).

export async function loader({ params }: LoaderFunctionArgs) {
  const { state, signUp } = await checkSignUp(params.token ?? "");
  const valid = state === "valid" && signUp;
  return {
    state,
    // shown only to the holder of a valid link
    signUp: valid
      ? { email: signUp.email, displayName: signUp.displayName, call: signUp.track.call.title, callId: signUp.track.callId, track: signUp.track.label, municipalityCode: signUp.municipalityCode, government: signUp.government, deadlineAt: signUp.track.call.deadlineAt }
      : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const visitor = { userAgent: request.headers.get("User-Agent") ?? "", ipAddress: "", token: params.token ?? "" };
  return answerIntent(await runIntent(SIGN_UP_INTENTS, visitor, await readForm(request)), `/sign-up/${params.token ?? ""}`);
}

export default function SignUpPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { state, signUp } = useLoaderData<typeof loader>();
  const actionData = useRefusal<{ tokenState: string }>();
  const { register, errorFor, onSubmit, found } = useValidatedForm(AcceptInvitationSchema, {
    defaultValues: { displayName: actionData?.values.displayName ?? signUp?.displayName ?? "" },
    serverErrors: actionData?.fieldErrors,
  });
  const tokenState = actionData?.tokenState ?? state;
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <h1>{t("signUp.title")}</h1>
      {tokenState !== "valid" || !signUp ? (
        <>
          <Alert tone="error">{t(`token.${tokenState}`)}</Alert>
          <p>{t("signUp.whatNow")}</p>
          <p>
            <Link to="/login">{t("invitation.toLogin")}</Link>
          </p>
        </>
      ) : (
        <>
          <p>{t("signUp.lead", { email: signUp.email })}</p>
          <FactBox
            facts={[
              { term: t("signUp.call"), detail: signUp.call },
              { term: t("call.track"), detail: signUp.track },
              { term: t("signUp.government"), detail: `${signUp.government}（${signUp.municipalityCode}）` },
              { term: t("signUp.deadline"), detail: formatDateTime(new Date(signUp.deadlineAt), locale) },
            ]}
          />
          <p className="text-std-16N-170">{t("signUp.notYou")}</p>
          <Form method="post" noValidate onSubmit={onSubmit} className="flex flex-col gap-5">
            <ErrorSummary fieldErrors={found ?? undefined} />
            <TextField label={t("call.contactName")} autoComplete="name" required error={errorFor("displayName")} {...register("displayName")} />
            <NewPasswordFields register={register as never} errorFor={errorFor} />
            <Button type="submit">{t("signUp.submit")}</Button>
          </Form>
        </>
      )}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "signUp.title");
