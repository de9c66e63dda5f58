import { releasedPreLearning } from "~/modules/material/prelearning-rule.server";
import { TAKING_PART } from "~/modules/account/permissions";
import { jsonArrayAgg, jsonObject } from "~/utils/sql.server";
import { z } from "zod";
import { jsonArray } from "~/utils/raw-read";
import { prisma, Prisma } from "~/utils/db.server";
import { isLocale } from "~/utils/i18n";
import { serverT } from "~/utils/i18n.server";
import { env } from "~/utils/env.server";
import { deliverQueued, queueMail } from "~/modules/mail/mailer.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { formatDate, type AppLocale } from "~/utils/dates";

const DAY = 24 * 60 * 60 * 1000;
export const REMINDER_DAYS_BEFORE = 3;

/** Released pre-learning items of an academy (participant audience). */
function releasedPreLearningWhere(academyId: string, now: Date) {
  return { academyId, ...releasedPreLearning(now) };
}

function releasedItems(academyId: string, now: Date) {
  return prisma.academyMaterial.findMany({
    where: releasedPreLearningWhere(academyId, now),
    select: { materialId: true, material: { select: { title: true, titleEn: true } } },
  });
}

export async function setCompletion(userId: string, academyId: string, materialId: string, done: boolean, now = new Date()) {
  const item = (await releasedItems(academyId, now)).find((m) => m.materialId === materialId);
  const member = await prisma.enrollment.count({ where: { userId, academyId, role: "participant", status: TAKING_PART } });
  if (!item || member === 0) return false;
  if (done) {
    await prisma.preLearningCompletion.upsert({
      where: { userId_academyId_materialId: { userId, academyId, materialId } },
      create: { userId, academyId, materialId },
      update: {},
    });
  } else {
    await prisma.preLearningCompletion.deleteMany({ where: { userId, academyId, materialId } });
  }
  return true;
}

export async function myCompletions(userId: string, academyId: string) {
  const rows = await prisma.preLearningCompletion.findMany({ where: { userId, academyId }, select: { materialId: true } });
  return rows.map((r) => r.materialId);
}

/** Per team and per person: how many released pre-learning items are done. */
const ProgressTeamRow = z.object({
  id: z.string(),
  name: z.string(),
  members: jsonArray(z.object({ id: z.string(), displayName: z.string() })),
});

export async function preLearningProgress(academyId: string, now = new Date()) {
  // Only the ids are needed here (asking for the titles too would cost a second statement).
  const items = await prisma.academyMaterial.findMany({ where: releasedPreLearningWhere(academyId, now), select: { materialId: true } });
  const itemIds = items.map((i) => i.materialId);
  // One statement for the teams with their members (instead of four through the query engine).
  const teamRowsRaw = await prisma.$queryRaw<unknown[]>`
    SELECT t."id", t."name",
           (SELECT ${jsonArrayAgg(jsonObject(Prisma.sql`'id', u."id", 'displayName', u."displayName"`))} FROM "TeamMember" tm
              JOIN "Enrollment" e ON e."id" = tm."enrollmentId" JOIN "User" u ON u."id" = e."userId" WHERE tm."teamId" = t."id") AS "members"
    FROM "Team" t WHERE t."academyId" = ${academyId} ORDER BY t."createdAt", t."id"`;
  const teams = teamRowsRaw.map((row) => {
    const t = ProgressTeamRow.parse(row);
    return { id: t.id, name: t.name, members: t.members.map((user) => ({ enrollment: { user } })) };
  });
  const done = await prisma.preLearningCompletion.findMany({ where: { academyId, materialId: { in: itemIds } }, select: { userId: true, materialId: true } });
  const doneBy = new Map<string, number>();
  for (const d of done) doneBy.set(d.userId, (doneBy.get(d.userId) ?? 0) + 1);
  const teamRows = teams.map((t) => {
    const people = t.members.map(({ enrollment: { user } }) => ({ userId: user.id, name: user.displayName, done: doneBy.get(user.id) ?? 0 }));
    const complete = people.filter((p) => itemIds.length > 0 && p.done >= itemIds.length).length;
    return { id: t.id, name: t.name, people, complete, total: people.length };
  });
  const everyone = new Map<string, number>();
  for (const t of teamRows) for (const p of t.people) everyone.set(p.userId, p.done);
  const completeAll = [...everyone.values()].filter((n) => itemIds.length > 0 && n >= itemIds.length).length;
  return { itemCount: itemIds.length, teams: teamRows, complete: completeAll, total: everyone.size };
}

/** Mail every participant who has not finished the released pre-learning. */
export async function sendPreLearningReminders(actorId: string | null, academyId: string, fallbackLocale: AppLocale, now = new Date(), automatic = false) {
  const academy = await prisma.academy.findUniqueOrThrow({
    where: { id: academyId },
    select: { id: true, name: true, sessions: { orderBy: { sequence: "asc" }, take: 1, select: { startsAt: true } } },
  });
  const progress = await preLearningProgress(academyId, now);
  if (progress.itemCount === 0) return 0;
  const behind = new Set(progress.teams.flatMap((t) => t.people.filter((p) => p.done < progress.itemCount).map((p) => p.userId)));
  const users = await prisma.user.findMany({ where: { id: { in: [...behind] }, disabledAt: null }, select: { email: true, displayName: true, locale: true } });
  const first = academy.sessions[0];
  // The mails and the log in one transaction (the outbox, decision 0017). The automatic reminder
  // creates the log row: a second process or server doing the same at the same moment fails on
  // its unique key and sends nothing. A coordinator's reminder updates it.
  const queued = await prisma.$transaction(async (tx) => {
    if (automatic) await tx.reminderLog.create({ data: { academyId, kind: "prelearning", recipients: users.length } });
    else {
      await tx.reminderLog.upsert({
        where: { academyId_kind: { academyId, kind: "prelearning" } },
        create: { academyId, kind: "prelearning", recipients: users.length },
        update: { recipients: users.length, sentAt: now },
      });
    }
    const mails = [];
    for (const user of users) {
      const locale = isLocale(user.locale) ? user.locale : fallbackLocale;
      const t = serverT(locale);
      mails.push(
        await queueMail(tx, {
          to: user.email,
          subject: t("mail.reminder.subject", { academy: academy.name }),
          text: t("mail.reminder.body", {
            name: user.displayName,
            academy: academy.name,
            date: first ? formatDate(first.startsAt, locale) : "",
            link: `${env().appUrl}/academies/${academy.id}/materials`,
          }),
        }),
      );
    }
    await recordAudit({ actorId, action: "material.reminder", entityType: "academy", entityId: academyId, after: { recipients: users.length } }, tx);
    return mails;
  });
  await deliverQueued(queued);
  return users.length;
}

/** The automatic reminder: once per academy, when session 1 is at most three days away. */
export async function sendDueReminders(now = new Date()) {
  const academies = await prisma.academy.findMany({
    where: {
      status: { in: ["recruiting", "running"] },
      reminders: { none: { kind: "prelearning" } },
      sessions: { some: { sequence: 1, startsAt: { gt: now, lte: new Date(now.getTime() + REMINDER_DAYS_BEFORE * DAY) } } },
    },
    select: { id: true },
  });
  let sent = 0;
  for (const a of academies) {
    try {
      sent += await sendPreLearningReminders(null, a.id, "ja", now, true);
    } catch (error) {
      // another process or server reminded this academy at the same moment (the log's unique key)
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    }
  }
  return sent;
}

/** Download counts per material version in an academy, and the latest entries of the log. */
export async function downloadLog(academyId: string, take = 200) {
  const [entries, counts] = await Promise.all([
    prisma.materialAccess.findMany({
      where: { academyId },
      orderBy: { createdAt: "desc" },
      take,
      select: {
        id: true,
        kind: true,
        createdAt: true,
        user: { select: { displayName: true } },
        version: { select: { number: true, label: true, material: { select: { title: true, titleEn: true } } } },
      },
    }),
    prisma.materialAccess.groupBy({ by: ["versionId", "kind"], where: { academyId }, _count: { _all: true } }),
  ]);
  const versions = await prisma.materialVersion.findMany({
    where: { id: { in: [...new Set(counts.map((c) => c.versionId))] } },
    select: { id: true, number: true, material: { select: { id: true, title: true, titleEn: true } } },
  });
  const byMaterial = new Map<string, { title: string; titleEn: string; views: number; downloads: number }>();
  for (const c of counts) {
    const v = versions.find((x) => x.id === c.versionId)!;
    const row = byMaterial.get(v.material.id) ?? { title: v.material.title, titleEn: v.material.titleEn, views: 0, downloads: 0 };
    if (c.kind === "download") row.downloads += c._count._all;
    else row.views += c._count._all;
    byMaterial.set(v.material.id, row);
  }
  return { entries, counts: [...byMaterial.entries()].map(([id, r]) => ({ id, ...r })) };
}

/** For a participant's dashboard: released pre-learning items in each academy and how many are done. */
export async function myPreLearning(userId: string, academyIds: string[], now = new Date()) {
  const [released, done] = await Promise.all([
    prisma.academyMaterial.groupBy({
      by: ["academyId"],
      where: { academyId: { in: academyIds }, ...releasedPreLearning(now) },
      _count: { _all: true },
    }),
    prisma.preLearningCompletion.groupBy({ by: ["academyId"], where: { userId, academyId: { in: academyIds } }, _count: { _all: true } }),
  ]);
  return Object.fromEntries(
    academyIds.map((id) => [
      id,
      {
        total: released.find((r) => r.academyId === id)?._count._all ?? 0,
        done: done.find((d) => d.academyId === id)?._count._all ?? 0,
      },
    ]),
  ) as Record<string, { total: number; done: number }>;
}
