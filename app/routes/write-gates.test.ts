import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { syncCatalogue } from "~/modules/material/catalogue-sync.server";
import { attachCurriculum } from "~/modules/material/release.server";
import { createAcademy, createRegion, createTeam, createUser, enroll } from "../../tests/support/factories";
import { caught, context, formRequest, sessionCookieFor } from "../../tests/support/requests";
import { action as academyAction } from "./academies.$academyId._index";
import { action as editAcademyAction } from "./academies.$academyId.edit";
import { action as academyMaterialsAction } from "./academies.$academyId.materials._index";
import { action as rosterAction } from "./academies.$academyId.roster";
import { action as editSessionAction } from "./academies.$academyId.sessions.$sessionId.edit";
import { action as newSessionAction } from "./academies.$academyId.sessions.new";
import { action as teamAction } from "./academies.$academyId.teams.$teamId._index";
import { action as newTeamAction } from "./academies.$academyId.teams.new";
import { action as newAcademyAction } from "./academies.new";
import { action as materialAction } from "./materials.$materialId";
import { action as newMaterialAction } from "./materials.new";
import { action as regionAction } from "./regions.$regionId";
import { action as newRegionAction } from "./regions.new";

// Every write action refuses the people who must not use it, and a refused request changes
// nothing. Who gets what: a participant of the academy 403 (they may see it, not change it),
// someone of another academy 404 (they may not know it exists), an anonymous visitor is sent
// to sign in. The allowed path of each action is tested with its feature.

type Action = (args: { request: Request; params: Record<string, string>; context: typeof context }) => Promise<unknown>;

async function world() {
  await syncCatalogue(prisma);
  const region = await createRegion("播磨圏域", ["282014"]);
  const facilitator = await createUser("facilitator");
  const participant = await createUser("participant");
  const stranger = await createUser("facilitator");
  const academy = await createAcademy({ regionId: region.id, facilitatorIds: [facilitator.id], sessionStarts: [new Date(Date.now() + 30 * 86400_000)] });
  await attachCurriculum(null, academy.id);
  const elsewhere = await createAcademy({ regionId: (await createRegion("千代田区", ["131016"])).id });
  await enroll(elsewhere.id, stranger.id, "facilitator");
  const team = await createTeam(academy.id, "チーム", [participant.id]);
  const session = await prisma.workshopSession.findFirstOrThrow({ where: { academyId: academy.id } });
  const material = await prisma.material.findFirstOrThrow({ where: { key: "session1-participant" } });
  const stage = await prisma.stage.findFirstOrThrow({ where: { academyId: academy.id, key: "problem_definition" } });
  return { region, facilitator, participant, stranger, academy, team, session, material, stage };
}

type World = Awaited<ReturnType<typeof world>>;

/** A snapshot of everything these actions could change. */
async function fingerprint() {
  const [academies, sessions, teams, members, enrollments, materials, releases, regions, stages, audit] = await Promise.all([
    prisma.academy.findMany({ select: { name: true, status: true }, orderBy: { id: "asc" } }),
    prisma.workshopSession.findMany({ select: { startsAt: true, venueName: true }, orderBy: { id: "asc" } }),
    prisma.team.findMany({ select: { name: true }, orderBy: { id: "asc" } }),
    prisma.teamMember.count(),
    prisma.enrollment.findMany({ select: { role: true, status: true }, orderBy: { id: "asc" } }),
    prisma.material.findMany({ select: { title: true }, orderBy: { id: "asc" } }),
    prisma.academyMaterial.findMany({ select: { releaseAt: true, stageId: true }, orderBy: { id: "asc" } }),
    prisma.region.findMany({ select: { name: true, archivedAt: true }, orderBy: { id: "asc" } }),
    prisma.stage.findMany({ select: { title: true, sessionId: true }, orderBy: { id: "asc" } }),
    prisma.auditEvent.count(),
  ]);
  return JSON.stringify({ academies, sessions, teams, members, enrollments, materials, releases, regions, stages, audit });
}

const session = (w: World) => ({ kind: "workshop", date: "2026-12-01", startTime: "13:30", endTime: "17:00", venueName: "x", acknowledgeWarnings: "yes", facilitatorIds: w.facilitator.id });

const CASES: { name: string; action: Action; params: (w: World) => Record<string, string>; fields: (w: World) => Record<string, string>; facilitator: number }[] = [
  { name: "academy status", action: academyAction, params: (w) => ({ academyId: w.academy.id }), fields: () => ({ intent: "status", status: "recruiting" }), facilitator: 403 },
  { name: "delete a session", action: academyAction, params: (w) => ({ academyId: w.academy.id }), fields: (w) => ({ intent: "deleteSession", sessionId: w.session.id }), facilitator: 403 },
  { name: "edit a stage", action: academyAction, params: (w) => ({ academyId: w.academy.id }), fields: (w) => ({ intent: "saveStage", stageId: w.stage.id, title: "改名" }), facilitator: 403 },
  { name: "edit the academy", action: editAcademyAction, params: (w) => ({ academyId: w.academy.id }), fields: () => ({ name: "乗っ取り" }), facilitator: 403 },
  { name: "add staff by e-mail", action: editAcademyAction, params: (w) => ({ academyId: w.academy.id }), fields: () => ({ intent: "addStaff", displayName: "x", email: "x@example.jp", role: "coordinator" }), facilitator: 403 },
  { name: "release a stage now", action: academyMaterialsAction, params: (w) => ({ academyId: w.academy.id }), fields: (w) => ({ intent: "releaseStage", stageId: w.stage.id }), facilitator: 403 },
  { name: "change a release", action: academyMaterialsAction, params: (w) => ({ academyId: w.academy.id }), fields: (w) => ({ intent: "release", materialId: w.material.id, stageId: w.stage.id, mode: "relative", offsetDays: "-1" }), facilitator: 403 },
  { name: "detach a material", action: academyMaterialsAction, params: (w) => ({ academyId: w.academy.id }), fields: (w) => ({ intent: "detach", materialId: w.material.id }), facilitator: 403 },
  { name: "commit a roster", action: rosterAction, params: (w) => ({ academyId: w.academy.id }), fields: () => ({ intent: "commit", payload: "W10", signature: "x" }), facilitator: 403 },
  { name: "add a session", action: newSessionAction, params: (w) => ({ academyId: w.academy.id }), fields: (w) => session(w), facilitator: 403 },
  { name: "add a team", action: newTeamAction, params: (w) => ({ academyId: w.academy.id }), fields: () => ({ intent: "saveTeam", name: "新チーム", themeTitle: "x", municipalityCodes: "282014" }), facilitator: 403 },
  { name: "edit a team", action: teamAction, params: (w) => ({ academyId: w.academy.id, teamId: w.team.id }), fields: () => ({ intent: "saveTeam", name: "改名", themeTitle: "x", municipalityCodes: "282014" }), facilitator: 403 },
];

describe.each(CASES)("$name", ({ action, params, fields, facilitator }) => {
  const post = async (w: World, userId: string | null) =>
    caught(action({ request: formRequest("/", fields(w), userId ? { cookie: await sessionCookieFor(userId) } : {}), params: params(w), context }));

  it("is refused to a participant (403), someone of another academy (404) and an anonymous visitor, changing nothing", async () => {
    const w = await world();
    const before = await fingerprint();
    expect((await post(w, w.participant.id)).status).toBe(403);
    expect((await post(w, w.stranger.id)).status).toBe(404);
    const anonymous = await post(w, null);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
    expect((await post(w, w.facilitator.id)).status).toBe(facilitator);
    expect(await fingerprint()).toBe(before);
  });
});

describe("session edits", () => {
  it("are allowed to the academy's facilitator and refused to its participants and to others", async () => {
    const w = await world();
    const post = async (userId: string, venueName: string) =>
      caught(editSessionAction({ request: formRequest("/", { ...session(w), venueName }, { cookie: await sessionCookieFor(userId) }), params: { academyId: w.academy.id, sessionId: w.session.id }, context }));
    expect((await post(w.participant.id, "参加者の会場")).status).toBe(403);
    expect((await post(w.stranger.id, "よその会場")).status).toBe(404);
    expect((await prisma.workshopSession.findUniqueOrThrow({ where: { id: w.session.id } })).venueName).toBe("");
    expect((await post(w.facilitator.id, "講師が決めた会場")).status).toBe(302);
    expect((await prisma.workshopSession.findUniqueOrThrow({ where: { id: w.session.id } })).venueName).toBe("講師が決めた会場");
  });
});

describe("pages outside any academy", () => {
  const GLOBAL: { name: string; action: Action; params: (w: World) => Record<string, string>; fields: (w: World) => Record<string, string> }[] = [
    { name: "create an academy", action: newAcademyAction, params: () => ({}), fields: (w) => ({ regionId: w.region.id, fiscalYear: "2027", name: "x", firstSessionDate: "2027-09-01", startTime: "13:30", endTime: "17:00", intervalDays: "14" }) },
    { name: "create a region", action: newRegionAction, params: () => ({}), fields: () => ({ name: "新地域", municipalityCodes: "282014" }) },
    { name: "edit a region", action: regionAction, params: (w) => ({ regionId: w.region.id }), fields: () => ({ intent: "save", name: "改名", municipalityCodes: "282014" }) },
    { name: "archive a region", action: regionAction, params: (w) => ({ regionId: w.region.id }), fields: () => ({ intent: "archive" }) },
    { name: "add a catalogue material", action: newMaterialAction, params: () => ({}), fields: () => ({ kind: "link", title: "x", url: "https://example.jp", stage: "analysis", audience: "participant" }) },
    { name: "edit a catalogue material", action: materialAction, params: (w) => ({ materialId: w.material.id }), fields: () => ({ title: "x", stage: "analysis", audience: "participant" }) },
  ];
  it.each(GLOBAL)("$name is for programme coordinators only: a facilitator or an academy coordinator gets 403", async ({ action, params, fields }) => {
    const w = await world();
    const localCoordinator = await createUser("participant");
    await enroll(w.academy.id, localCoordinator.id, "coordinator");
    const before = await fingerprint();
    for (const userId of [w.facilitator.id, w.participant.id, localCoordinator.id]) {
      const res = await caught(action({ request: formRequest("/", fields(w), { cookie: await sessionCookieFor(userId) }), params: params(w), context }));
      expect(res.status).toBe(403);
    }
    expect(await fingerprint()).toBe(before);
  });
});
