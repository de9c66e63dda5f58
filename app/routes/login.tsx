import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { LoginSchema } from "~/modules/account/schemas";
import { login } from "~/modules/account/login.server";
import { parseForm } from "~/utils/forms";
import { clientIp, requestId, safeRedirect } from "~/utils/request.server";
import { createSession, requireAnonymous } from "~/utils/session.server";
import { useValidatedForm } from "~/utils/use-validated-form";
import { TextField } from "~/components/ui/text-field";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/alert";
import { pageTitle } from "~/utils/meta";
import { readForm } from "~/utils/form-body.server";
import { readKnownDevice, rememberDevice } from "~/utils/device.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(LoginSchema, await readForm(request));
  if (!parsed.ok) {
    return data({ fieldErrors: parsed.fieldErrors, formError: null, values: parsed.values }, { status: 400 });
  }
  const { email, password, redirectTo } = parsed.data;
  const device = await readKnownDevice(request);
  const result = await login({ email, password, ipAddress: clientIp(context), requestId: requestId(context), device });
  if (!result.ok) {
    return data(
      { fieldErrors: {}, formError: result.error, values: { email } },
      { status: result.error === "login.rateLimited" ? 429 : 400 },
    );
  }
  const headers = new Headers();
  headers.append("Set-Cookie", await createSession(result.userId, request.headers.get("User-Agent") ?? ""));
  headers.append("Set-Cookie", await rememberDevice(result.userId, device));
  return redirect(safeRedirect(redirectTo, "/"), { headers });
}

export default function LoginPage() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const { register, errorFor, onSubmit } = useValidatedForm(LoginSchema, {
    defaultValues: { email: actionData?.values.email ?? "" },
    serverErrors: actionData?.fieldErrors,
  });
  const busy = navigation.state !== "idle";
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <h1>{t("login.title")}</h1>
      <p>{t("login.lead")}</p>
      {searchParams.get("reset") === "done" ? <Alert tone="success">{t("reset.done")}</Alert> : null}
      {actionData?.formError ? <Alert tone="error">{t(actionData.formError)}</Alert> : null}
      <Form method="post" noValidate onSubmit={onSubmit} className="flex flex-col gap-5">
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
