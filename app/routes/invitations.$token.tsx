import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { AcceptInvitationSchema } from "~/modules/account/schemas";
import { acceptInvitation, checkInvitation } from "~/modules/account/invitation.server";
import { parseForm } from "~/utils/forms";
import { createSession } from "~/utils/session.server";
import { useValidatedForm } from "~/utils/use-validated-form";
import { TextField } from "~/components/ui/text-field";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/alert";
import { pageTitle } from "~/utils/meta";

export async function loader({ params }: LoaderFunctionArgs) {
  const { state, invitation } = await checkInvitation(params.token ?? "");
  return {
    state,
    email: state === "valid" ? invitation?.user.email ?? "" : "",
    displayName: state === "valid" ? invitation?.user.displayName ?? "" : "",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const parsed = parseForm(AcceptInvitationSchema, await request.formData());
  if (!parsed.ok) {
    return data({ fieldErrors: parsed.fieldErrors, values: parsed.values, tokenState: null }, { status: 400 });
  }
  const result = await acceptInvitation(params.token ?? "", parsed.data);
  if (result.state !== "valid" || !result.userId) {
    return data({ fieldErrors: {}, values: {} as Record<string, string>, tokenState: result.state }, { status: 400 });
  }
  const cookie = await createSession(result.userId, request.headers.get("User-Agent") ?? "");
  return redirect("/dashboard", { headers: { "Set-Cookie": cookie } });
}

export default function AcceptInvitationPage() {
  const { t } = useTranslation();
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, errorFor, onSubmit } = useValidatedForm(AcceptInvitationSchema, {
    defaultValues: { displayName: actionData?.values.displayName ?? loaderData.displayName },
    serverErrors: actionData?.fieldErrors,
  });
  const tokenState = actionData?.tokenState ?? loaderData.state;
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
          <Form method="post" noValidate onSubmit={onSubmit} className="flex flex-col gap-5">
            <TextField
              label={t("fields.displayName")}
              autoComplete="name"
              required
              error={errorFor("displayName")}
              {...register("displayName")}
            />
            <TextField
              label={t("fields.newPassword")}
              hint={t("fields.passwordHint")}
              type="password"
              autoComplete="new-password"
              required
              error={errorFor("password")}
              {...register("password")}
            />
            <TextField
              label={t("fields.confirmPassword")}
              type="password"
              autoComplete="new-password"
              required
              error={errorFor("confirmPassword")}
              {...register("confirmPassword")}
            />
            <Button type="submit">{t("invitation.submit")}</Button>
          </Form>
        </>
      )}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "invitation.title");
