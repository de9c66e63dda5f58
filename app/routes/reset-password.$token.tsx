import { Form, Link, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/ui/error-summary";
import { RESET_PASSWORD_INTENTS } from "~/modules/account/intents.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { useRefusal } from "~/utils/use-refusal";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { ResetPasswordSchema } from "~/modules/account/schemas";
import { checkResetToken } from "~/modules/account/reset.server";
import { useValidatedForm } from "~/utils/use-validated-form";
import { Button } from "~/components/ui/button";
import { NewPasswordFields } from "~/components/account/new-password-fields";
import { Alert } from "~/components/ui/alert";
import { pageTitle } from "~/utils/meta";
import { readForm } from "~/utils/form-body.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const { state } = await checkResetToken(params.token ?? "");
  return { state };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return answerIntent(await runIntent(RESET_PASSWORD_INTENTS, { token: params.token ?? "" }, await readForm(request)), `/reset-password/${params.token ?? ""}`);
}

export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const { state } = useLoaderData<typeof loader>();
  const actionData = useRefusal<{ tokenState: string }>();
  const { register, errorFor, onSubmit, found } = useValidatedForm(ResetPasswordSchema, {
    serverErrors: actionData?.fieldErrors,
  });
  const tokenState = actionData?.tokenState ?? state;
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <h1>{t("reset.title")}</h1>
      {tokenState !== "valid" ? (
        <>
          <Alert tone="error">{t(`token.${tokenState}`)}</Alert>
          <p>
            <Link to="/forgot-password">{t("reset.requestAgain")}</Link>
          </p>
        </>
      ) : (
        <Form method="post" noValidate onSubmit={onSubmit} className="flex flex-col gap-5">
          <ErrorSummary fieldErrors={found ?? undefined} />
          <NewPasswordFields register={register as never} errorFor={errorFor} />
          <Button type="submit">{t("reset.submit")}</Button>
        </Form>
      )}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "reset.title");
