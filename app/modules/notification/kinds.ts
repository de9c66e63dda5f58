import { stageLabelKey } from "~/modules/stage/stages";

// Kinds of notification. Each is shown in the app; mail is sent unless the person turned it off
// for that kind (NotificationSetting). Shared by server and browser.

export const NOTIFICATION_KINDS = ["review_result", "submission", "comment", "due_reminder", "new_release", "certificate", "action_assigned", "case"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === "string" && (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/** The text of a notification in the reader's language; a stage without its own title is named by the catalogue. */
export function notificationText(t: (key: string, params?: Record<string, string>) => string, messageKey: string, params: Record<string, string>) {
  const stage = params.stage || (params.stageKey ? t(stageLabelKey(params.stageKey)) : "");
  return t(`notification.message.${messageKey}`, { ...params, stage });
}
