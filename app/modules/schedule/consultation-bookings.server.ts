import { prisma } from "~/utils/db.server";
import { BOOKED_STATUSES } from "~/modules/consultation/schemas";
import { MAX_HOURS, type BookedConsultation } from "./rules";

// Consultation meetings (相談会) as bookings of people and rooms, so sessions and consultations
// follow one clash rule both ways (rules.ts: checkConsultationClashes).

/** Consultations overlapping a span (optionally without one), with their experts' user ids. */
export async function overlappingConsultations(span: { startsAt: Date; endsAt: Date }, excludeId?: string): Promise<BookedConsultation[]> {
  const rows = await prisma.consultation.findMany({
    where: {
      id: excludeId ? { not: excludeId } : undefined,
      status: { in: [...BOOKED_STATUSES] },
      startsAt: { lt: span.endsAt, gt: new Date(span.startsAt.getTime() - MAX_HOURS * 3600_000) },
      endsAt: { gt: span.startsAt },
    },
    select: { id: true, startsAt: true, endsAt: true, mode: true, venueName: true, experts: { select: { expert: { select: { userId: true, user: { select: { displayName: true } } } } } } },
  });
  return rows.map((r) => ({
    id: r.id,
    startsAt: r.startsAt!,
    endsAt: r.endsAt!,
    venueName: r.mode === "venue" ? r.venueName : "",
    experts: r.experts.map((e) => ({ id: e.expert.userId, name: e.expert.user.displayName })),
  }));
}

