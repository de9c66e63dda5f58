import { Form, Link, useActionData, useLoaderData, type MetaFunction } from "@remix-run/react";
import { ErrorSummary } from "~/components/ui/error-summary";
import { ActionForm } from "~/components/ui/action-form";
import { Breadcrumbs, academyCrumbs } from "~/components/ui/breadcrumbs";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { MemberSchema, TEAM_ROLES } from "~/modules/team/schemas";
import { getTeam, teamFacilitatorOptions, teamWarnings } from "~/modules/team/team.server";
import { invitationStatus } from "~/modules/account/invitation.server";
import { regionMunicipalities } from "~/modules/region/region.server";
import { TEAM_INTENTS } from "~/modules/team/intents.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { invariantFound } from "~/utils/http.server";
import { ConfirmButton } from "~/components/ui/confirm-button";
import { DataTable } from "~/components/ui/data-table";
import { resolveLocale } from "~/utils/locale.server";
import { useValidatedForm } from "~/utils/use-validated-form";
import { TeamForm } from "~/components/academy/team-form";
import { TextField } from "~/components/ui/text-field";
import { SelectField } from "~/components/ui/field";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/alert";
import { pageTitle } from "~/utils/meta";
import { readForm } from "~/utils/form-body.server";
import { teamRefOf } from "~/modules/deliverable/path.server";
import { teamWorkspace } from "~/modules/deliverable/workspace.server";
import { TeamWorkspace } from "~/components/team/team-workspace";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requireAcademyContext(request, params.academyId);
  const { academy, can } = context;
  const team = invariantFound(await getTeam(context, params.teamId ?? ""));
  const ref = teamRefOf(context, team);
  const workspace = await teamWorkspace(context, ref, new Date());
  return {
    academy,
    workspace,
    isMember: ref.isMember,
    canManage: can.manageTeams,
    canRun: can.runSessions,
    municipalities: can.manageTeams ? await regionMunicipalities(academy.regionId) : [],
    facilitators: can.manageTeams ? await teamFacilitatorOptions(academy.id) : [],
    team: {
      ...team,
      warnings: teamWarnings(team),
      members: team.members.map((m) => ({
        id: m.id,
        department: m.department,
        teamRole: m.teamRole,
        userId: m.user.id,
        displayName: m.user.displayName,
        email: can.seePersonalData ? m.user.email : "",
        status: can.seePersonalData ? invitationStatus(m.user) : null,
      })),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requireAcademyContext(request, params.academyId, "manageTeams");
  const team = invariantFound(await getTeam(context, params.teamId ?? ""));
  const page = { actorId: context.user.id, academyId: context.academy.id, team, locale: await resolveLocale(request, context.user) };
  return answerIntent(await runIntent(TEAM_INTENTS, page, await readForm(request)), `/academies/${context.academy.id}/teams/${team.id}`);
}

export default function TeamPage() {
  const { academy, team, canManage, canRun, municipalities, facilitators, workspace, isMember } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const actionData = answer && !answer.ok ? answer : undefined;
  const { t } = useTranslation();
  return (
    <div className="flex flex-col gap-8">
      <Breadcrumbs items={[...academyCrumbs(t, academy), { label: team.name }]} />
      <header className="flex flex-col gap-2">
        <h1>{team.name}</h1>
        <p className="text-std-18B-160">{t("team.theme")}: {team.themeTitle}</p>
        {team.problemStatement ? <p>{team.problemStatement}</p> : null}
        <p className="text-dns-16N-130">
          {t("team.facilitator")}: {team.facilitator?.displayName ?? t("team.facilitatorNone")}
        </p>
        {canRun ? <p><Link to={`/academies/${academy.id}/retros/new?team=${team.id}`}>{t("retro.startForTeam")}</Link></p> : null}
        <p><Link to={`/academies/${academy.id}/teams/${team.id}/case`}>{t("case.teamLink")}</Link></p>
        {team.warnings.map((w) => (
          <Alert key={w} tone="warning">{t(w)}</Alert>
        ))}
      </header>
      <TeamWorkspace academyId={academy.id} teamId={team.id} workspace={workspace} isMember={isMember} />
      <section aria-labelledby="members-heading" className="flex flex-col gap-3">
        <h2 id="members-heading">{t("team.members")}</h2>
        <DataTable
          caption={t("team.members")}
          captionHidden
          cards
          rows={team.members}
          rowKey={(m) => m.id}
          empty={t("team.warning.noMembers")}
          columns={[
            {
              key: "name",
              header: t("fields.displayName"),
              cell: (m) => (
                <>
                  {m.displayName}
                  {team.leadId === m.userId ? t("format.paren", { text: t("team.lead") }) : ""}
                  {m.email ? <span className="block break-all text-dns-14N-130 font-normal text-solid-gray-600">{m.email}</span> : null}
                </>
              ),
            },
            { key: "department", header: t("team.department"), cell: (m) => m.department },
            { key: "role", header: t("team.roleLabel"), cell: (m) => t(`team.role.${m.teamRole}`) },
            ...(canManage
              ? [
                  { key: "status", header: t("invitation.status"), cell: (m: Member) => t(`invitation.state.${m.status}`) },
                  { key: "actions", header: <span className="sr-only">{t("form.actions")}</span>, cell: (m: Member) => <MemberActions member={m} /> },
                ]
              : []),
          ]}
        />
      </section>
      {canManage ? (
        <>
          <section aria-labelledby="add-member-heading" className="flex flex-col gap-3">
            <h2 id="add-member-heading">{t("team.addMember")}</h2>
            <AddMemberForm actionData={actionData?.form === "addMember" ? actionData : undefined} />
          </section>
          <section aria-labelledby="edit-team-heading" className="flex flex-col gap-3">
            <h2 id="edit-team-heading">{t("team.edit")}</h2>
            <TeamForm
              defaults={{ name: team.name, themeTitle: team.themeTitle, problemStatement: team.problemStatement, leadId: team.leadId ?? "", facilitatorId: team.facilitatorId ?? "" }}
              facilitators={facilitators}
              municipalities={municipalities}
              selectedCodes={team.municipalities.map((m) => m.municipalityCode)}
              members={team.members.map((m) => ({ userId: m.userId, displayName: m.displayName }))}
              actionData={actionData?.form === "saveTeam" ? { ...actionData, codes: actionData.lists.municipalityCodes ?? [] } : undefined}
              submitLabel={t("form.save")}
            />
          </section>
        </>
      ) : null}
    </div>
  );
}

type Member = { id: string; userId: string; displayName: string; status: string | null };

function MemberActions({ member: m }: { member: Member }) {
  const { t } = useTranslation();
  return (
    <div className="flex flex-wrap gap-2">
      {m.status !== "active" ? (
        <ActionForm>
          <input type="hidden" name="userId" value={m.userId} />
          <Button type="submit" size="sm" variant="secondary" name="intent" value="invite" aria-label={t("invitation.sendTo", { name: m.displayName })}>
            {m.status === "none" ? t("invitation.send") : t("invitation.resend")}
          </Button>
        </ActionForm>
      ) : null}
      {m.status === "invited" ? (
        <ActionForm>
          <input type="hidden" name="userId" value={m.userId} />
          <Button type="submit" size="sm" variant="tertiary" name="intent" value="revoke" aria-label={t("invitation.revokeFor", { name: m.displayName })}>
            {t("invitation.revoke")}
          </Button>
        </ActionForm>
      ) : null}
      <ActionForm>
        <input type="hidden" name="memberId" value={m.id} />
        <ConfirmButton size="sm" variant="danger" name="intent" value="removeMember" aria-label={t("team.removeMember", { name: m.displayName })} confirm={t("team.confirmRemove", { name: m.displayName })}>
          {t("form.remove")}
        </ConfirmButton>
      </ActionForm>
    </div>
  );
}

function AddMemberForm({ actionData }: { actionData?: { fieldErrors: Record<string, string>; values: Record<string, string> } }) {
  const { t } = useTranslation();
  const { register, errorFor, onSubmit, found } = useValidatedForm(MemberSchema, {
    defaultValues: { displayName: "", email: "", department: "", teamRole: "problem_owner", ...actionData?.values },
    serverErrors: actionData?.fieldErrors,
  });
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="grid grid-cols-1 max-w-3xl gap-4 md:grid-cols-2">
      <ErrorSummary fieldErrors={found ?? undefined} />
      <input type="hidden" name="intent" value="addMember" />
      <TextField label={t("fields.displayName")} required error={errorFor("displayName")} {...register("displayName")} />
      <TextField label={t("fields.email")} type="email" required error={errorFor("email")} {...register("email")} />
      <TextField label={t("team.department")} required error={errorFor("department")} {...register("department")} />
      <SelectField label={t("team.roleLabel")} required error={errorFor("teamRole")} {...register("teamRole")}>
        {TEAM_ROLES.map((r) => (
          <option key={r} value={r}>{t(`team.role.${r}`)}</option>
        ))}
      </SelectField>
      <p className="text-dns-14N-130 text-solid-gray-600 md:col-span-2">{t("team.addMemberHint")}</p>
      <div>
        <Button type="submit">{t("team.addMemberSubmit")}</Button>
      </div>
    </Form>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "team.pageTitle", { name: data?.team.name ?? "" });
