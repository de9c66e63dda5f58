import { Link, useLoaderData, useSearchParams, type MetaFunction } from "@remix-run/react";
import { NewRetroSchema } from "~/modules/retro/schemas";
import { ActionForm } from "~/components/ui/action-form";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { newBoardOptions } from "~/modules/retro/board.server";
import { NEW_BOARD_INTENTS } from "~/modules/retro/intents.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { useRefusal } from "~/utils/use-refusal";
import { formMessage } from "~/utils/result";
import { TEMPLATE_KEYS } from "~/modules/retro/rules";
import { readForm } from "~/utils/form-body.server";
import { formatDate } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { SelectField, TextareaField } from "~/components/ui/field";
import { TextField } from "~/components/ui/text-field";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/alert";
import { pageTitle } from "~/utils/meta";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requireAcademyContext(request, params.academyId, "runSessions");
  return { academy: context.academy, ...(await newBoardOptions(context.academy.id)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requireAcademyContext(request, params.academyId, "runSessions");
  return answerIntent(await runIntent(NEW_BOARD_INTENTS, context, await readForm(request)), `/academies/${context.academy.id}/retros/new`);
}

export default function NewRetroPage() {
  const { academy, sessions, teams } = useLoaderData<typeof loader>();
  const actionData = useRefusal();
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const v = actionData?.values;
  const err = actionData?.fieldErrors ?? {};
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <p><Link to={`/academies/${academy.id}`}>{t("academy.backTo", { name: academy.name })}</Link></p>
      <h1>{t("retro.new")}</h1>
      {actionData ? <Alert tone="error">{t(formMessage(actionData) ?? "form.fixErrors")}</Alert> : null}
      <ActionForm schema={NewRetroSchema} className="flex flex-col gap-4" noValidate>
        <SelectField label={t("retro.session")} name="sessionId" defaultValue={v?.sessionId ?? search.get("session") ?? ""} error={err.sessionId}>
          <option value="">{t("retro.noSession")}</option>
          {sessions.map((s) => (
            <option key={s.id} value={s.id}>
              {t("session.numbered", { n: s.sequence })} {formatDate(new Date(s.startsAt), locale)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("retro.scope")} name="teamId" defaultValue={v?.teamId ?? search.get("team") ?? ""} error={err.teamId}>
          <option value="">{t("retro.wholeSession")}</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>{team.name}</option>
          ))}
        </SelectField>
        <SelectField label={t("retro.template")} name="template" defaultValue={v?.template ?? "kpt"} error={err.template}>
          {TEMPLATE_KEYS.map((k) => (
            <option key={k} value={k}>{t(`retro.templates.${k}`)}</option>
          ))}
        </SelectField>
        <TextareaField label={t("retro.customPrompts")} hint={t("retro.customPromptsHint")} name="customPrompts" rows={4} defaultValue={v?.customPrompts ?? ""} error={err.customPrompts} />
        <TextField label={t("retro.titleLabel")} hint={t("retro.titleHint")} name="title" defaultValue={v?.title ?? ""} error={err.title} />
        <label className="flex items-center gap-2">
          <input type="checkbox" name="anonymous" defaultChecked={v ? v.anonymous === "on" : true} className="size-6" />
          {t("retro.anonymous")}
        </label>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label={t("retro.voteBudget")} name="voteBudget" inputMode="numeric" defaultValue={v?.voteBudget ?? "3"} error={err.voteBudget} />
          <TextField label={t("retro.maxVotesPerGroup")} name="maxVotesPerGroup" inputMode="numeric" defaultValue={v?.maxVotesPerGroup ?? "2"} error={err.maxVotesPerGroup} />
        </div>
        <div><Button type="submit">{t("retro.create")}</Button></div>
      </ActionForm>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "retro.new");
