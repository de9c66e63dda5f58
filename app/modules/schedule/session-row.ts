import { z } from "zod";

/**
 * A workshop session's columns as the raw reads select them (decision 0008): one shape for the
 * room page, the academy page, the dashboards' next and upcoming sessions. A read adds what only
 * it needs (id, kind, agenda …) beside these.
 */
export const sessionRowFields = {
  sequence: z.coerce.number(),
  title: z.string(),
  startsAt: z.coerce.date(),
  endsAt: z.coerce.date(),
  venueName: z.string(),
  venueAddress: z.string(),
  onlineUrl: z.string(),
};
