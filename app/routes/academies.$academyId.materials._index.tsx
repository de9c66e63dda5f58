import { Form, Link, useActionData, useLoaderData, useSearchParams, type MetaFunction } from "@remix-run/react";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { requireAcademyAccess } from "~/modules/academy/access.server";
import { userHasPermission } from "~/modules/account/permissions";
import { attachCurriculum, attachMaterial, detachMaterial, listAcademyMaterials } from "~/modules/material/release.server";
import { myCompletions, preLearningProgress, sendPreLearningReminders, setCompletion } from "~/modules/material/prelearning.server";
import { prisma } from "~/utils/db.server";
import { forbidden, invariantFound } from "~/utils/http.server";
import { dateField, timeField } from "~/utils/form-fields";
import { formatDateTime, fromTokyoInputs, toTokyoDateInput, toTokyoTimeInput } from "~/utils/dates";
import { resolveLocale } from "~/utils/locale.server";
import { useLocale } from "~/utils/use-locale";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { formatBytes, useMaterialText } from "~/components/material/material-title";
import { pageTitle } from "~/utils/meta";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, academy } = await requireAcademyAccess(request, params.academyId);
  const canManage = userHasPermission(user, "manage:academy:any");
  const { staff, items } = await listAcademyMaterials(user, academy.id);
  const isMember = (await prisma.teamMember.count({ where: { userId: user.id, team: { academyId: academy.id } } })) > 0;
  return {
    academy,
    canManage,
    staff,
    isMember,
    items,
    completed: isMember ? await myCompletions(user.id, academy.id) : [],
    progress: staff ? await preLearningProgress(academy.id) : null,
    sessions: canManage ? await prisma.workshopSession.findMany({ where: { academyId: academy.id }, orderBy: { sequence: "asc" }, select: { id: true, sequence: true } }) : [],
    catalogue: canManage
      ? await prisma.material.findMany({
          where: { versions: { some: { retiredAt: null } }, releases: { none: { academyId: academy.id } } },
          orderBy: [{ stage: "asc" }, { sortOrder: "asc" }],
          select: { id: true, title: true, titleEn: true, stage: true },
        })
      : [],
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, academy } = await requireAcademyAccess(request, params.academyId);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const materialId = String(form.get("materialId") ?? "");
  if (intent === "complete" || intent === "uncomplete") {
    const ok = await setCompletion(user.id, academy.id, materialId, intent === "complete");
    if (!ok) invariantFound(null);
    return redirect(`/academies/${academy.id}/materials#prelearning`);
  }
  if (!userHasPermission(user, "manage:academy:any")) forbidden();
  switch (intent) {
    case "attachCurriculum": {
      const count = await attachCurriculum(user.id, academy.id);
      return redirect(`/academies/${academy.id}/materials?attached=${count}`);
    }
    case "remind": {
      const count = await sendPreLearningReminders(user.id, academy.id, await resolveLocale(request, user));
      return redirect(`/academies/${academy.id}/materials?reminded=${count}`);
    }
    case "detach": {
      invariantFound((await detachMaterial(user.id, academy.id, materialId)) || null);
      return redirect(`/academies/${academy.id}/materials`);
    }
    case "release": {
      const date = dateField.safeParse(form.get("date"));
      const time = timeField.safeParse(form.get("time"));
      if (!date.success || !time.success) {
        return data({ error: !date.success ? "validation.date" : "validation.time", materialId }, { status: 400 });
      }
      invariantFound(await prisma.material.findUnique({ where: { id: materialId }, select: { id: true } }));
      const sessionId = String(form.get("sessionId") ?? "");
      if (sessionId) invariantFound(await prisma.workshopSession.findFirst({ where: { id: sessionId, academyId: academy.id }, select: { id: true } }));
      await attachMaterial(user.id, academy.id, materialId, sessionId || null, fromTokyoInputs(date.data, time.data));
      return redirect(`/academies/${academy.id}/materials`);
    }
    default:
      return data({ error: "form.unknownIntent", materialId: "" }, { status: 400 });
  }
}

export default function AcademyMaterialsPage() {
  const { academy, canManage, staff, isMember, items, completed, progress, sessions, catalogue } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const text = useMaterialText();
  // Attached to a session: that session; otherwise pre-learning, or "general" (e.g. its session was deleted).
  const stageOf = (i: (typeof items)[number]) =>
    i.session ? `session${i.session.sequence}` : i.material.stage === "prelearning" ? "prelearning" : "general";
  const rank = (stage: string) => (stage === "prelearning" ? 0 : stage === "general" ? 999 : Number(stage.replace("session", "")));
  const stages = [...new Set(items.map(stageOf))].sort((a, b) => rank(a) - rank(b));
  const groups = stages.map((stage) => ({ stage, items: items.filter((i) => stageOf(i) === stage) }));
  return (
    <div className="flex flex-col gap-8">
      <p><Link to={`/academies/${academy.id}`}>{t("academy.backTo", { name: academy.name })}</Link></p>
      <h1>{t("material.academyTitle", { name: academy.name })}</h1>
      {actionData?.error ? <Alert tone="error">{t(actionData.error)}</Alert> : null}
      {params.get("attached") ? <Alert tone="success">{t("material.attached", { count: Number(params.get("attached")) })}</Alert> : null}
      {params.get("reminded") ? <Alert tone="success">{t("material.reminded", { count: Number(params.get("reminded")) })}</Alert> : null}
      {canManage ? (
        <div className="flex flex-wrap gap-3">
          <Form method="post"><Button type="submit" name="intent" value="attachCurriculum" variant="secondary">{t("material.attachCurriculum")}</Button></Form>
          <Form method="post"><Button type="submit" name="intent" value="remind" variant="secondary">{t("material.remindNow")}</Button></Form>
          <Link to={`/academies/${academy.id}/materials/log`} className="self-center">{t("material.logTitle")}</Link>
        </div>
      ) : null}
      {items.length === 0 ? <p>{staff ? t("material.noneAttached") : t("material.noneReleased")}</p> : null}
      {groups.map((g) => (
        <section key={g.stage} id={g.stage === "prelearning" ? "prelearning" : undefined} aria-labelledby={`stage-${g.stage}`} className="flex flex-col gap-3">
          <h2 id={`stage-${g.stage}`}>{g.stage.startsWith("session") ? t("session.numbered", { n: Number(g.stage.replace("session", "")) }) : t(`material.stage.${g.stage}`)}</h2>
          <ul className="flex flex-col gap-3">
            {g.items.map((item) => {
              const m = text(item.material);
              const isDone = completed.includes(item.material.id);
              return (
                <li key={item.id} className="flex flex-col gap-2 rounded-8 border border-solid-gray-200 p-4">
                  <div className="flex flex-wrap items-center gap-2">
                    <h3 className="text-std-18B-160">
                      <Link to={`/academies/${academy.id}/materials/${item.material.id}`}>{m.title}</Link>
                    </h3>
                    {item.material.audience === "facilitator" ? <span className="rounded-4 bg-solid-gray-800 px-2 text-dns-14B-120 text-white">{t("material.facilitatorOnly")}</span> : null}
                    {item.updated ? <span className="rounded-4 bg-yellow-200 px-2 text-dns-14B-120">{t("material.updated")}</span> : null}
                    {staff && !item.released ? <span className="rounded-4 bg-solid-gray-100 px-2 text-dns-14B-120">{t("material.notYetReleased")}</span> : null}
                  </div>
                  {m.summary ? <p className="text-dns-16N-130">{m.summary}</p> : null}
                  <p className="text-dns-14N-130 text-solid-gray-600">
                    {t(`material.kind.${item.material.kind}`)} · {t("material.versionN", { n: item.current.number })}
                    {item.current.size ? ` · ${formatBytes(item.current.size)}` : ""} · {t("material.releaseAt", { at: formatDateTime(new Date(item.releaseAt), locale) })}
                  </p>
                  <div className="flex flex-wrap items-center gap-4">
                    {item.material.kind !== "link" ? (
                      <a href={`/academies/${academy.id}/materials/${item.material.id}/download`}>{t("material.download")}</a>
                    ) : null}
                    {item.previousVersionId ? (
                      <Link to={`/academies/${academy.id}/materials/${item.material.id}?version=${item.previousVersionId}`}>{t("material.openPrevious")}</Link>
                    ) : null}
                    {isMember && item.material.stage === "prelearning" && item.released && item.material.audience === "participant" ? (
                      <Form method="post">
                        <input type="hidden" name="materialId" value={item.material.id} />
                        <Button type="submit" size="sm" variant={isDone ? "tertiary" : "primary"} name="intent" value={isDone ? "uncomplete" : "complete"} aria-pressed={isDone}>
                          {isDone ? t("material.doneUndo") : t("material.markDone")}
                        </Button>
                      </Form>
                    ) : null}
                    {isDone ? <span className="font-bold text-success-2">{t("material.done")}</span> : null}
                  </div>
                  {canManage ? <ReleaseForm itemMaterialId={item.material.id} releaseAt={new Date(item.releaseAt)} sessionId={item.session?.id ?? ""} sessions={sessions} /> : null}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      {progress ? (
        <section aria-labelledby="progress-heading" className="flex flex-col gap-3">
          <h2 id="progress-heading">{t("material.progressTitle")}</h2>
          <p>{t("material.progressSummary", { complete: progress.complete, total: progress.total, items: progress.itemCount })}</p>
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">{t("material.progressTitle")}</caption>
            <thead>
              <tr className="border-b-2 border-solid-gray-800">
                <th scope="col" className="p-2">{t("team.title")}</th>
                <th scope="col" className="p-2">{t("material.completeCount")}</th>
                <th scope="col" className="p-2">{t("team.members")}</th>
              </tr>
            </thead>
            <tbody>
              {progress.teams.map((team) => (
                <tr key={team.id} className="border-b border-solid-gray-200 align-top">
                  <th scope="row" className="p-2">{team.name}</th>
                  <td className="p-2">{t("material.teamComplete", { complete: team.complete, total: team.total })}</td>
                  <td className="p-2">
                    <ul>
                      {team.people.map((p) => (
                        <li key={p.userId}>{p.name}: {p.done}/{progress.itemCount}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {canManage && catalogue.length > 0 ? (
        <section aria-labelledby="add-heading" className="flex flex-col gap-3">
          <h2 id="add-heading">{t("material.addFromCatalogue")}</h2>
          <ul className="flex flex-col gap-2">
            {catalogue.map((c) => (
              <li key={c.id} className="flex flex-col gap-1 rounded-8 border border-solid-gray-200 p-3">
                <span className="font-bold">{text({ ...c, summary: "", summaryEn: "" }).title}</span>
                <ReleaseForm itemMaterialId={c.id} releaseAt={null} sessionId="" sessions={sessions} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function ReleaseForm({ itemMaterialId, releaseAt, sessionId, sessions }: { itemMaterialId: string; releaseAt: Date | null; sessionId: string; sessions: { id: string; sequence: number }[] }) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="flex flex-wrap items-end gap-3 rounded-8 bg-solid-gray-50 p-3">
      <input type="hidden" name="materialId" value={itemMaterialId} />
      <label className="flex flex-col text-dns-14B-120">
        {t("material.attachTo")}
        <select name="sessionId" defaultValue={sessionId} className="min-h-10 rounded-4 border border-solid-gray-600 px-2">
          <option value="">{t("material.noSession")}</option>
          {sessions.map((s) => (
            <option key={s.id} value={s.id}>{t("session.numbered", { n: s.sequence })}</option>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-dns-14B-120">
        {t("material.releaseDate")}
        <input type="date" name="date" required defaultValue={releaseAt ? toTokyoDateInput(releaseAt) : ""} className="min-h-10 rounded-4 border border-solid-gray-600 px-2" />
      </label>
      <label className="flex flex-col text-dns-14B-120">
        {t("material.releaseTime")}
        <input type="time" name="time" required defaultValue={releaseAt ? toTokyoTimeInput(releaseAt) : "09:00"} className="min-h-10 rounded-4 border border-solid-gray-600 px-2" />
      </label>
      <Button type="submit" size="sm" variant="secondary" name="intent" value="release">{releaseAt ? t("material.saveRelease") : t("material.attach")}</Button>
      {releaseAt ? <Button type="submit" size="sm" variant="danger" name="intent" value="detach" formNoValidate>{t("material.detach")}</Button> : null}
    </Form>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "material.title");
