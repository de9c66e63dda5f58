import { TAKING_PART } from "~/modules/account/permissions";
import crypto from "node:crypto";
import { hashToken } from "~/utils/tokens.server";
import { env } from "~/utils/env.server";
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

/** How far back a subscription feed reaches; older sessions stay in the app, not in every sync. */
export const FEED_PAST_DAYS = 180;

const personalWhere = (userId: string, now: Date): Prisma.WorkshopSessionWhereInput => ({
  startsAt: { gte: new Date(now.getTime() - FEED_PAST_DAYS * 86400_000) },
  academy: { enrollments: { some: { userId, status: TAKING_PART } } },
});

/**
 * What a feed's content depends on, in one aggregate statement: calendar programs poll often,
 * and an unchanged feed answers 304 without loading or rendering a single event.
 */
export async function personalFeedVersion(userId: string, locale: string, now = new Date()) {
  const where = personalWhere(userId, now);
  const [sessions, academies] = await Promise.all([
    prisma.workshopSession.aggregate({ where, _count: { _all: true }, _max: { updatedAt: true } }),
    prisma.academy.aggregate({ where: { enrollments: { some: { userId, status: TAKING_PART } } }, _max: { updatedAt: true } }),
  ]);
  const latest = Math.max(sessions._max.updatedAt?.getTime() ?? 0, academies._max.updatedAt?.getTime() ?? 0);
  const windowStart = Math.floor((now.getTime() - FEED_PAST_DAYS * 86400_000) / 86400_000);
  return {
    etag: `"${crypto.createHash("sha256").update(`${userId}.${locale}.${sessions._count._all}.${latest}.${windowStart}`).digest("base64url").slice(0, 27)}"`,
    lastModified: new Date(latest || 0),
  };
}

/** A person's own sessions (from FEED_PAST_DAYS ago on): every academy they take part in, whatever their role. */
export function personalSessions(userId: string, now = new Date()) {
  return prisma.workshopSession.findMany({
    where: personalWhere(userId, now),
    orderBy: { startsAt: "asc" },
    select: sessionSelect,
  });
}

function utcParts(d: Date): [number, number, number, number, number] {
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
}

/**
 * One event the ics library accepts, or without the part it refuses (an old, badly written
 * meeting URL), or none at all — one bad session never fails a whole feed.
 */
function safeEvent(event: EventAttributes): EventAttributes | null {
  if (!createEvents([event]).error) return event;
  const withoutUrl = { ...event, url: undefined, location: event.location === event.url ? undefined : event.location };
  return createEvents([withoutUrl]).error ? null : withoutUrl;
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
  let { error, value } = createEvents(events);
  // Only when the whole calendar is refused: find and mend (or leave out) the bad events.
  if (error) ({ error, value } = createEvents(events.map(safeEvent).filter((e): e is EventAttributes => e !== null)));
  if (error || !value) throw error ?? new Error("ics generation failed");
  return value;
}

/** The feed token: derived from the server secret, so only a hash and a nonce are stored. */
function feedToken(userId: string, nonce: string) {
  return crypto.createHmac("sha256", env().sessionSecret).update(`calendar-feed:${userId}:${nonce}`).digest("base64url").slice(0, 32);
}

export async function getCalendarToken(userId: string) {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { calendarTokenNonce: true, calendarTokenHash: true } });
  if (!user?.calendarTokenNonce || !user.calendarTokenHash) return null;
  const token = feedToken(userId, user.calendarTokenNonce);
  // After the server secret changed, the stored hash no longer matches: no URL to show.
  return hashToken(token) === user.calendarTokenHash ? token : null;
}

/** Issue a new secret feed URL; the previous one stops working. */
export async function rotateCalendarToken(userId: string) {
  const nonce = crypto.randomBytes(16).toString("base64url");
  const token = feedToken(userId, nonce);
  await prisma.user.update({ where: { id: userId }, data: { calendarTokenNonce: nonce, calendarTokenHash: hashToken(token) } });
  await recordAudit({ actorId: userId, action: "calendar.token_issue", entityType: "user", entityId: userId });
  return token;
}

export async function revokeCalendarToken(userId: string) {
  await prisma.user.update({ where: { id: userId }, data: { calendarTokenNonce: null, calendarTokenHash: null } });
  await recordAudit({ actorId: userId, action: "calendar.token_revoke", entityType: "user", entityId: userId });
}

export function userByCalendarToken(token: string) {
  if (!token || token.length > 100) return null;
  return prisma.user.findFirst({
    where: { calendarTokenHash: hashToken(token), disabledAt: null },
    select: { id: true, displayName: true, locale: true },
  });
}
