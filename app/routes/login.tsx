import { Form, Link, useNavigation, useSearchParams } from "@remix-run/react";
import { ErrorSummary } from "~/components/ui/error-summary";
import { LOGIN_INTENTS } from "~/modules/account/intents.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { useRefusal } from "~/utils/use-refusal";
import { formMessage } from "~/utils/result";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { LoginSchema } from "~/modules/account/schemas";
import { clientIp, requestId } from "~/utils/request.server";
import { requireAnonymous } from "~/utils/session.server";
import { useValidatedForm } from "~/utils/use-validated-form";
import { TextField } from "~/components/ui/text-field";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/alert";
import { pageTitle } from "~/utils/meta";
import { readForm } from "~/utils/form-body.server";
import { readKnownDevice } from "~/utils/device.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const visitor = { userAgent: request.headers.get("User-Agent") ?? "", ipAddress: clientIp(context), requestId: requestId(context), device: await readKnownDevice(request) };
  return answerIntent(await runIntent(LOGIN_INTENTS, visitor, await readForm(request)), "/login");
}

export default function LoginPage() {
  const { t } = useTranslation();
  const actionData = useRefusal();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const { register, errorFor, onSubmit, found } = useValidatedForm(LoginSchema, {
    defaultValues: { email: actionData?.values.email ?? "" },
    serverErrors: actionData?.fieldErrors,
  });
  const busy = navigation.state !== "idle";
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <h1>{t("login.title")}</h1>
      <p>{t("login.lead")}</p>
      {searchParams.get("reset") === "done" ? <Alert tone="success">{t("reset.done")}</Alert> : null}
      {formMessage(actionData) ? <Alert tone="error">{t(formMessage(actionData)!)}</Alert> : null}
      <Form method="post" noValidate onSubmit={onSubmit} className="flex flex-col gap-5">
        <ErrorSummary fieldErrors={found ?? undefined} />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <TextField
          label={t("fields.email")}
          type="email"
          autoComplete="username"
          required
          error={errorFor("email")}
          {...register("email")}
        />
        <TextField
          label={t("fields.password")}
          type="password"
          autoComplete="current-password"
          required
          error={errorFor("password")}
          {...register("password")}
        />
        <Button type="submit" aria-disabled={busy || undefined}>
          {t("login.submit")}
        </Button>
      </Form>
      <p>
        <Link to="/forgot-password">{t("login.forgot")}</Link>
      </p>
      <p className="flex flex-wrap gap-4">
        <Link to="/calls">{t("call.seeCalls")}</Link>
        <Link to="/cases">{t("case.libraryTitle")}</Link>
      </p>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "login.title");
