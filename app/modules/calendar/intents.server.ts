import { z } from "zod";
import { intent, OK, type Intents } from "~/utils/intents.server";
import { revokeCalendarToken, rotateCalendarToken } from "./calendar.server";

// The calendar page's subscription address (decision 0024): issued anew or stopped; the page
// shows the result where the address is.

export interface CalendarPage {
  userId: string;
}

export const CALENDAR_INTENTS: Intents<CalendarPage> = {
  issueFeed: intent({ schema: z.object({}), run: async (_v, p: CalendarPage) => (await rotateCalendarToken(p.userId), OK), done: () => ({ at: "#feed" }) }),
  revokeFeed: intent({ schema: z.object({}), run: async (_v, p: CalendarPage) => (await revokeCalendarToken(p.userId), OK), done: () => ({ at: "#feed" }) }),
};
