import { UNDER_WAY } from "~/modules/account/permissions";
import { prisma, type Prisma } from "~/utils/db.server";
import { deliverQueued, type QueuedMail } from "~/modules/mail/mailer.server";
import { formatTime, toTokyoDateInput } from "~/utils/dates";
import { stageDueDates } from "~/modules/deliverable/deadline";
import { stageLink } from "~/modules/deliverable/deliverable.server";
import { notify } from "./notification.server";

// What the hourly job tells people without anyone asking: a deliverable due within a day that
// the team has not handed in, and materials that became visible. Each is sent once: the
// ReminderLog row is written in the same transaction as the notifications, and its unique key
// (academy, kind) makes a second run, a restart or a second server skip it.

const HOUR = 3600_000;
export const DUE_REMINDER_HOURS = 24;
/** Releases older than this when the job first sees them are not announced any more. */
export const RELEASE_ANNOUNCE_HOURS = 48;


function isUniqueViolation(error: unknown) {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: string }).code === "P2002";
}

/** Write the log row first: if another run already did, nothing else is written. */
async function once(academyId: string, kind: string, work: (tx: Prisma.TransactionClient) => Promise<{ recipients: number; mail: QueuedMail[] }>) {
  try {
    const { recipients, mail } = await prisma.$transaction(async (tx) => {
      const log = await tx.reminderLog.create({ data: { academyId, kind, recipients: 0 } });
      const result = await work(tx);
      await tx.reminderLog.update({ where: { id: log.id }, data: { recipients: result.recipients } });
      return result;
    });
    await deliverQueued(mail);
    return recipients;
  } catch (error) {
    if (isUniqueViolation(error)) return 0;
    throw error;
  }
}

/**
 * Teams whose deliverable for a stage is due within the next day and not handed in (nothing,
 * a draft, or sent back for revision) are reminded, every member. A team with an extension is
 * reminded of its own date by the facilitator who granted it, not by this job.
 */
export async function sendDeliverableReminders(now = new Date()) {
  const academies = await prisma.academy.findMany({
    where: { status: "running" },
    select: {
      id: true,
      stages: { where: { deliverable: { not: "none" } }, orderBy: { position: "asc" }, select: { id: true, key: true, title: true, dueAt: true, cutoffAt: true, session: { select: { startsAt: true } } } },
      sessions: { select: { startsAt: true } },
      reminders: { where: { kind: { startsWith: "deliverable_due:" } }, select: { kind: true } },
    },
  });
  let sent = 0;
  for (const academy of academies) {
    const due = stageDueDates(
      academy.stages.map((s) => ({ id: s.id, dueAt: s.dueAt, cutoffAt: s.cutoffAt, sessionStartsAt: s.session?.startsAt ?? null })),
      academy.sessions.map((s) => s.startsAt),
    );
    const done = new Set(academy.reminders.map((r) => r.kind));
    for (const stage of academy.stages) {
      const dueAt = due.get(stage.id);
      const kind = `deliverable_due:${stage.id}`;
      if (!dueAt || dueAt <= now || dueAt.getTime() - now.getTime() > DUE_REMINDER_HOURS * HOUR || done.has(kind)) continue;
      sent += await once(academy.id, kind, async (tx) => {
        const teams = await tx.team.findMany({
          where: {
            academyId: academy.id,
            extensions: { none: { stageId: stage.id } },
            deliverables: { none: { stageId: stage.id, status: { in: ["submitted", "accepted"] } } },
          },
          select: { id: true, name: true, members: { where: { enrollment: { status: UNDER_WAY } }, select: { enrollment: { select: { userId: true } } } } },
        });
        const mail: QueuedMail[] = [];
        let recipients = 0;
        for (const team of teams) {
          const userIds = team.members.map((m) => m.enrollment.userId);
          recipients += userIds.length;
          mail.push(
            ...(await notify(tx, {
              userIds,
              kind: "due_reminder",
              messageKey: "dueSoon",
              params: { team: team.name, stage: stage.title, stageKey: stage.key, date: `${toTokyoDateInput(dueAt)} ${formatTime(dueAt)}` },
              link: stageLink(academy.id, team.id, stage.id),
            })),
          );
        }
        return { recipients, mail };
      });
    }
  }
  return sent;
}

/**
 * Materials whose release time has passed since the job last looked (at most two days back):
 * everyone enrolled is told of a participant material, staff of a facilitator guide.
 */
export async function announceReleases(now = new Date()) {
  const releases = await prisma.academyMaterial.findMany({
    where: {
      releaseAt: { lte: now, gt: new Date(now.getTime() - RELEASE_ANNOUNCE_HOURS * HOUR) },
      academy: { status: { in: ["recruiting", "running"] } },
    },
    select: { id: true, academyId: true, materialId: true, academy: { select: { name: true } }, material: { select: { title: true, audience: true } } },
  });
  if (releases.length === 0) return 0;
  const logged = new Set(
    (await prisma.reminderLog.findMany({ where: { kind: { in: releases.map((r) => `release:${r.id}`) } }, select: { kind: true } })).map((r) => r.kind),
  );
  let sent = 0;
  for (const release of releases) {
    const kind = `release:${release.id}`;
    if (logged.has(kind)) continue;
    sent += await once(release.academyId, kind, async (tx) => {
      const staffOnly = release.material.audience !== "participant";
      const people = await tx.enrollment.findMany({
        where: { academyId: release.academyId, status: UNDER_WAY, ...(staffOnly ? { role: { in: ["coordinator", "facilitator"] } } : {}) },
        select: { userId: true },
      });
      const mail = await notify(tx, {
        userIds: people.map((p) => p.userId),
        kind: "new_release",
        messageKey: "released",
        params: { academy: release.academy.name, title: release.material.title },
        link: `/academies/${release.academyId}/materials/${release.materialId}`,
      });
      return { recipients: people.length, mail };
    });
  }
  return sent;
}
