import { academiesWhere } from "~/modules/account/permissions";
import { takingPartSql } from "~/modules/academy/scope.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { teamPath } from "~/modules/deliverable/path.server";
import { deliverQueued, type QueuedMail } from "~/modules/mail/mailer.server";
import { notify } from "~/modules/notification/notification.server";
import { stageLabelKey } from "~/modules/stage/stages";
import { prisma } from "~/utils/db.server";
import { serverT } from "~/utils/i18n.server";
import { fail, type Result } from "~/utils/result";
import type { SessionUser } from "~/utils/session.server";

// Reminding an overdue team from the progress board, in one action: every member is told in the
// app and by mail which stages are overdue. Once a day per team at most (a double click, two
// coordinators at once): the second is refused with a message.

export const REMIND_AGAIN_AFTER_MS = 24 * 3600 * 1000;

/** null: no such team, or not one the person may see on the board (the route answers 404). */
export async function remindOverdueTeam(user: Pick<SessionUser, "id" | "permissions" | "enrollments">, teamId: string, now = new Date()): Promise<Result<{ members: number; team: string }> | null> {
  if (!teamId || teamId.length > 64) return null;
  const team = await prisma.team.findUnique({ where: { id: teamId }, select: { id: true, name: true, academyId: true } });
  if (!team) return null;
  // the board's rule: every team for those who read any team, else the academies one runs sessions in
  if (!user.permissions.includes("read:team:any") && !academiesWhere(user, "runSessions").includes(team.academyId)) return null;
  const path = await teamPath(team, now);
  const overdue = path.stages.filter((s) => s.state === "overdue");
  if (overdue.length === 0) return fail("progress.remind.notOverdue");
  const t = serverT("ja");
  const stages = overdue.map((s) => s.title || t(stageLabelKey(s.key))).join("、");
  const members = await prisma.$queryRaw<{ userId: string }[]>`
    SELECT e."userId" FROM "TeamMember" tm JOIN "Enrollment" e ON e."id" = tm."enrollmentId" WHERE tm."teamId" = ${team.id} AND ${takingPartSql("e")}`;
  let mail: QueuedMail[] = [];
  const sent = await prisma.$transaction(async (tx) => {
    // hold the team's row: a second reminder at the same moment waits here and then finds the first
    await tx.team.updateMany({ where: { id: team.id }, data: { name: team.name } });
    const recent = await tx.auditEvent.count({ where: { action: "team.remind", entityType: "team", entityId: team.id, createdAt: { gt: new Date(now.getTime() - REMIND_AGAIN_AFTER_MS) } } });
    if (recent > 0) return false;
    mail = await notify(tx, {
      userIds: members.map((m) => m.userId),
      kind: "due_reminder",
      messageKey: "overdue",
      params: { team: team.name, stages },
      link: `/academies/${team.academyId}/teams/${team.id}`,
    });
    await recordAudit({ actorId: user.id, action: "team.remind", entityType: "team", entityId: team.id, after: { stages: overdue.map((s) => s.key), members: members.length } }, tx);
    return true;
  });
  if (!sent) return fail("progress.remind.already");
  await deliverQueued(mail);
  return { ok: true, members: members.length, team: team.name };
}

