import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { ResetPasswordSchema } from "~/modules/account/schemas";
import { checkResetToken, resetPassword } from "~/modules/account/reset.server";
import { parseForm } from "~/utils/forms";
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
  const parsed = parseForm(ResetPasswordSchema, await readForm(request));
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, tokenState: null }, { status: 400 });
  const state = await resetPassword(params.token ?? "", parsed.data.password);
  if (state !== "valid") return data({ fieldErrors: {}, tokenState: state }, { status: 400 });
  return redirect("/login?reset=done");
}

export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const { state } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, errorFor, onSubmit } = useValidatedForm(ResetPasswordSchema, {
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
          <NewPasswordFields register={register as never} errorFor={errorFor} />
          <Button type="submit">{t("reset.submit")}</Button>
        </Form>
      )}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "reset.title");
