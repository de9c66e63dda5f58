import { SESSION_ROLES, type SessionRole } from "~/modules/facilitator/levels";
import { prisma } from "~/utils/db.server";
import type { AcademyContext } from "~/modules/academy/context.server";
import { visibleWhere } from "~/modules/material/release.server";
import { teamScopeIn } from "~/modules/academy/scope.server";
import { sessionAttendance, summarise } from "~/modules/attendance/attendance.server";

// The session page for the room: what everyone enrolled sees (agenda, venue, the stage's
// materials, the homework for next time, the boards) and, for staff, attendance. Constant statements.

export async function sessionRoom(context: AcademyContext, sessionId: string, now = new Date()) {
  const academyId = context.academy.id;
  const staff = context.can.seeStaffMaterials;
  const session = await prisma.workshopSession.findFirst({
    where: { id: sessionId, academyId },
    select: {
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
      homework: true,
      facilitators: { select: { role: true, user: { select: { displayName: true } } } },
      stages: { orderBy: { position: "asc" }, select: { id: true, key: true, title: true } },
    },
  });
  if (!session) return null;
  const [materials, retros, attendance] = await Promise.all([
    prisma.academyMaterial.findMany({
      where: { academyId, stage: { sessionId: session.id }, ...visibleWhere(staff, now) },
      orderBy: [{ material: { audience: "desc" } }, { material: { sortOrder: "asc" } }, { id: "asc" }],
      select: { materialId: true, releaseAt: true, material: { select: { title: true, titleEn: true, audience: true, kind: true } } },
    }),
    prisma.retrospective.findMany({
      where: { academyId, sessionId: session.id, OR: [{ teamId: null }, { team: teamScopeIn(context) }] },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, title: true, phase: true, teamId: true, team: { select: { name: true } } },
    }),
    context.can.runSessions ? sessionAttendance(academyId, session.id) : Promise.resolve(null),
  ]);
  return {
    session: {
      ...session,
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      // the lead first, then co-facilitators, then observers (SESSION_ROLES' order)
      facilitators: session.facilitators
        .map((f) => ({ name: f.user.displayName, role: f.role }))
        .sort((a, b) => SESSION_ROLES.indexOf(a.role as SessionRole) - SESSION_ROLES.indexOf(b.role as SessionRole)),
    },
    materials: materials.map((m) => ({ id: m.materialId, title: m.material.title, titleEn: m.material.titleEn, audience: m.material.audience, released: m.releaseAt <= now })),
    retros: retros.map((r) => ({ id: r.id, title: r.title, phase: r.phase, teamName: r.team?.name ?? null })),
    attendance: attendance ? summarise(attendance) : null,
  };
}
