import { Form, Link, useActionData } from "@remix-run/react";
import { ErrorSummary } from "~/components/ui/error-summary";
import { FORGOT_PASSWORD_INTENTS } from "~/modules/account/intents.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { ForgotPasswordSchema } from "~/modules/account/schemas";
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
  return answerIntent(await runIntent(FORGOT_PASSWORD_INTENTS, { locale: await resolveLocale(request, null) }, await readForm(request)), "/forgot-password");
}

export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  // sent: the same answer whether or not the address has an account
  const answer = useActionData<typeof action>() as { ok: boolean; sent?: boolean; email?: string; fieldErrors: Record<string, string>; values: Record<string, string> } | undefined;
  const actionData = answer ? { ...answer, values: answer.ok ? { email: answer.email ?? "" } : answer.values } : undefined;
  const { register, errorFor, onSubmit, found } = useValidatedForm(ForgotPasswordSchema, {
    defaultValues: { email: actionData?.values.email ?? "" },
    serverErrors: actionData?.fieldErrors,
  });
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <h1>{t("forgot.title")}</h1>
      <p>{t("forgot.lead")}</p>
      {actionData?.sent ? <Alert tone="success">{t("forgot.sent")}</Alert> : null}
      <Form method="post" noValidate onSubmit={onSubmit} className="flex flex-col gap-5">
        <ErrorSummary fieldErrors={found ?? undefined} />
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
