import crypto from "node:crypto";
import { createEvents, type EventAttributes } from "ics";
import { prisma } from "~/utils/db.server";
import type { Prisma } from "~/utils/db.server";
import { academyScope } from "~/modules/academy/scope.server";
import type { SessionUser } from "~/utils/session.server";
import { recordAudit } from "~/modules/audit/audit.server";

const sessionSelect = {
  id: true,
  sequence: true,
  kind: true,
  title: true,
  startsAt: true,
  endsAt: true,
  venueName: true,
  venueAddress: true,
  onlineUrl: true,
  agenda: true,
  updatedAt: true,
  academy: { select: { id: true, name: true, region: { select: { id: true, name: true } } } },
} as const;

export type CalendarSession = Prisma.WorkshopSessionGetPayload<{ select: typeof sessionSelect }>;

/** Sessions the user may see between two instants, optionally for one region. */
export function sessionsBetween(user: SessionUser, from: Date, to: Date, regionId?: string) {
  return prisma.workshopSession.findMany({
    where: {
      startsAt: { gte: from, lt: to },
      academy: { AND: [academyScope(user), regionId ? { regionId } : {}] },
    },
    orderBy: { startsAt: "asc" },
    select: sessionSelect,
  });
}

export function academySessions(academyId: string) {
  return prisma.workshopSession.findMany({ where: { academyId }, orderBy: { sequence: "asc" }, select: sessionSelect });
}

/** A person's own sessions: every academy they take part in (not withdrawn), whatever their role. */
export function personalSessions(userId: string) {
  return prisma.workshopSession.findMany({
    where: { academy: { enrollments: { some: { userId, status: { not: "withdrawn" } } } } },
    orderBy: { startsAt: "asc" },
    select: sessionSelect,
  });
}

function utcParts(d: Date): [number, number, number, number, number] {
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
}

/** iCalendar text (RFC 5545) for calendar programs; times in UTC so every client shows them right. */
export function toIcs(sessions: CalendarSession[], calName: string, label: (s: CalendarSession) => string): string {
  if (sessions.length === 0) {
    return ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//data-academy-manager//ja", `X-WR-CALNAME:${calName}`, "END:VCALENDAR", ""].join("\r\n");
  }
  const events: EventAttributes[] = sessions.map((s) => ({
    uid: `${s.id}@data-academy-manager`,
    title: label(s),
    start: utcParts(s.startsAt),
    startInputType: "utc",
    startOutputType: "utc",
    end: utcParts(s.endsAt),
    endInputType: "utc",
    endOutputType: "utc",
    location: [s.venueName, s.venueAddress].filter(Boolean).join(" ") || s.onlineUrl || undefined,
    url: s.onlineUrl || undefined,
    description: s.agenda || undefined,
    lastModified: utcParts(s.updatedAt),
    calName,
    productId: "data-academy-manager",
  }));
  const { error, value } = createEvents(events);
  if (error || !value) throw error ?? new Error("ics generation failed");
  return value;
}

export async function getCalendarToken(userId: string) {
  return (await prisma.user.findUnique({ where: { id: userId }, select: { calendarToken: true } }))?.calendarToken ?? null;
}

/** Issue a new secret feed URL; the previous one stops working. */
export async function rotateCalendarToken(userId: string) {
  const token = crypto.randomBytes(24).toString("base64url");
  await prisma.user.update({ where: { id: userId }, data: { calendarToken: token } });
  await recordAudit({ actorId: userId, action: "calendar.token_issue", entityType: "user", entityId: userId });
  return token;
}

export async function revokeCalendarToken(userId: string) {
  await prisma.user.update({ where: { id: userId }, data: { calendarToken: null } });
  await recordAudit({ actorId: userId, action: "calendar.token_revoke", entityType: "user", entityId: userId });
}

export function userByCalendarToken(token: string) {
  if (!token || token.length > 100) return null;
  return prisma.user.findFirst({
    where: { calendarToken: token, disabledAt: null },
    select: { id: true, displayName: true, locale: true },
  });
}
