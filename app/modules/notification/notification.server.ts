import { prisma, type Db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { isLocale } from "~/utils/i18n";
import { serverT } from "~/utils/i18n.server";
import type { AppLocale } from "~/utils/dates";
import { queueMail, type QueuedMail } from "~/modules/mail/mailer.server";
import { NOTIFICATION_KINDS, notificationText, type NotificationKind } from "./kinds";


export interface NotificationInput {
  userIds: readonly string[];
  kind: NotificationKind;
  /** catalogue key under "notification.message.", with its parameters */
  messageKey: string;
  params: Record<string, string>;
  /** path inside the app, e.g. /academies/…/teams/… */
  link: string;
  /**
   * What the mail carries beyond the one-line message, so it can be acted on from the mail: a
   * reviewer's comment with its author. Mail only; the app shows it on the linked page.
   */
  quote?: { name: string; text: string };
}

/**
 * Inside the caller's transaction: one in-app notification per person and a mail to those who
 * did not turn this kind off, in their language. Deliver the returned mail after the commit.
 */
export async function notify(tx: Db, input: NotificationInput, fallbackLocale: AppLocale = "ja"): Promise<QueuedMail[]> {
  const userIds = [...new Set(input.userIds)];
  if (userIds.length === 0) return [];
  const params = JSON.stringify(input.params);
  await tx.notification.createMany({ data: userIds.map((userId) => ({ userId, kind: input.kind, messageKey: input.messageKey, params, link: input.link })) });
  const recipients = await tx.user.findMany({
    where: { id: { in: userIds }, disabledAt: null, notificationSettings: { none: { kind: input.kind, mail: false } } },
    select: { email: true, locale: true },
  });
  const queued: QueuedMail[] = [];
  for (const user of recipients) {
    const locale = isLocale(user.locale) ? user.locale : fallbackLocale;
    const t = serverT(locale);
    const message = notificationText(t as never, input.messageKey, input.params);
    queued.push(
      await queueMail(tx, {
        to: user.email,
        subject: t("mail.notification.subject", { message }),
        text: t("mail.notification.text", {
          message: input.quote?.text ? `${message}\n\n${t("mail.notification.quote", { name: input.quote.name })}\n${quoted(input.quote.text)}` : message,
          link: `${env().appUrl}${input.link}`,
          settings: `${env().appUrl}/notifications`,
        }),
      }),
    );
  }
  return queued;
}

/** A comment quoted in a mail: each line marked, at most 2,000 characters. */
function quoted(text: string) {
  const cut = text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
  return cut.split(/\r?\n/).map((line) => `> ${line}`).join("\n");
}

export const NOTIFICATION_PAGE_SIZE = 30;

/** One page of a person's notifications, newest first, and the unread count. */
export async function listNotifications(userId: string, page: number) {
  const [items, unread, total] = await Promise.all([
    prisma.notification.findMany({
      where: { userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * NOTIFICATION_PAGE_SIZE,
      take: NOTIFICATION_PAGE_SIZE,
      select: { id: true, kind: true, messageKey: true, params: true, link: true, readAt: true, createdAt: true },
    }),
    unreadCount(userId),
    prisma.notification.count({ where: { userId } }),
  ]);
  return {
    unread,
    total,
    items: items.map((n) => ({ ...n, params: parseParams(n.params) })),
  };
}

function parseParams(json: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(json);
    if (!value || typeof value !== "object") return {};
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"));
  } catch {
    return {};
  }
}

export function unreadCount(userId: string) {
  return prisma.notification.count({ where: { userId, readAt: null } });
}

/** Mark one (or, without an id, all) of the person's notifications read; another person's id changes nothing. */
export async function markRead(userId: string, notificationId?: string, now = new Date()) {
  const { count } = await prisma.notification.updateMany({ where: { userId, readAt: null, ...(notificationId ? { id: notificationId } : {}) }, data: { readAt: now } });
  return count;
}

/** Open a notification: mark it read and return where it leads (only the owner's). */
export async function openNotification(userId: string, notificationId: string, now = new Date()) {
  const row = await prisma.notification.findFirst({ where: { id: notificationId, userId }, select: { link: true, readAt: true } });
  if (!row) return null;
  if (!row.readAt) await prisma.notification.update({ where: { id: notificationId }, data: { readAt: now } });
  return row.link.startsWith("/") && !row.link.startsWith("//") ? row.link : "/notifications";
}

export async function mailSettings(userId: string): Promise<Record<NotificationKind, boolean>> {
  const rows = await prisma.notificationSetting.findMany({ where: { userId }, select: { kind: true, mail: true } });
  const off = new Set(rows.filter((r) => !r.mail).map((r) => r.kind));
  return Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, !off.has(k)])) as Record<NotificationKind, boolean>;
}

export async function saveMailSettings(userId: string, mailOn: readonly NotificationKind[]) {
  await prisma.$transaction(
    NOTIFICATION_KINDS.map((kind) =>
      prisma.notificationSetting.upsert({
        where: { userId_kind: { userId, kind } },
        create: { userId, kind, mail: mailOn.includes(kind) },
        update: { mail: mailOn.includes(kind) },
      }),
    ),
  );
}
