import { z } from "zod";
import { intent, orNotFound, OK, type Intents } from "~/utils/intents.server";
import { requiredText } from "~/utils/form-fields";
import { isNotificationKind } from "./kinds";
import { markRead, openNotification, saveMailSettings } from "./notification.server";

// The notifications page (decision 0024): each person's own notices, read, opened and which of
// them also come by mail.

export interface NotificationsPage {
  userId: string;
}

export const NOTIFICATION_INTENTS: Intents<NotificationsPage> = {
  // opening a notice marks it read and goes where it points
  open: intent({
    schema: z.object({ id: requiredText(64) }),
    run: async (v, p: NotificationsPage) => {
      const link = await openNotification(p.userId, v.id);
      return orNotFound(link !== null && { ok: true as const, link });
    },
    done: (r) => ({ to: r.link }),
  }),
  readAll: intent({ schema: z.object({}), run: async (_v, p: NotificationsPage) => (await markRead(p.userId), OK), done: () => ({ message: "notification.flash.allRead" }) }),
  // the boxes ticked are the kinds that come by mail (an unknown kind is ignored)
  settings: intent({
    schema: z.object({}),
    run: async (_v, p: NotificationsPage, form) => (await saveMailSettings(p.userId, form.getAll("mail").filter(isNotificationKind)), OK),
    done: () => ({ message: "notification.flash.settingsSaved" }),
  }),
};
