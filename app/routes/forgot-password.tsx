import { Form, Link, useActionData } from "@remix-run/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { ForgotPasswordSchema } from "~/modules/account/schemas";
import { requestPasswordReset } from "~/modules/account/reset.server";
import { parseForm } from "~/utils/forms";
import { resolveLocale } from "~/utils/locale.server";
import { requireAnonymous } from "~/utils/session.server";
import { useValidatedForm } from "~/utils/use-validated-form";
import { TextField } from "~/components/ui/text-field";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/alert";
import { pageTitle } from "~/utils/meta";
import { readForm } from "~/utils/form-body.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = parseForm(ForgotPasswordSchema, await readForm(request));
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values, sent: false }, { status: 400 });
  await requestPasswordReset(parsed.data.email, await resolveLocale(request, null));
  // The same answer whether or not the address has an account.
  return data({ fieldErrors: {}, values: { email: parsed.data.email }, sent: true });
}

export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const { register, errorFor, onSubmit } = useValidatedForm(ForgotPasswordSchema, {
    defaultValues: { email: actionData?.values.email ?? "" },
    serverErrors: actionData?.fieldErrors,
  });
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <h1>{t("forgot.title")}</h1>
      <p>{t("forgot.lead")}</p>
      {actionData?.sent ? <Alert tone="success">{t("forgot.sent")}</Alert> : null}
      <Form method="post" noValidate onSubmit={onSubmit} className="flex flex-col gap-5">
        <TextField
          label={t("fields.email")}
          type="email"
          autoComplete="email"
          required
          error={errorFor("email")}
          {...register("email")}
        />
        <Button type="submit">{t("forgot.submit")}</Button>
      </Form>
      <p>
        <Link to="/login">{t("forgot.back")}</Link>
      </p>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "forgot.title");
