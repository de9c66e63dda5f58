import { describe, expect, it } from "vitest";
import { loader as outboxLoader } from "./outbox";
import { loader as auditLoader } from "./audit";
import { loader as dashboardLoader } from "./dashboard";
import { loader as loginLoader } from "./login";
import { loader as forgotLoader } from "./forgot-password";
import { createAcademy, createRegion, createTeam, createUser } from "../../tests/support/factories";
import { caught, context, getRequest, sessionCookieFor } from "../../tests/support/requests";
import { prisma } from "~/utils/db.server";

const args = (path: string, cookie?: string) => ({ request: getRequest(path, { cookie }), params: {}, context });

describe("who may see what", () => {
  it("sends a signed-in person away from the sign-in and forgotten-password forms to their start page", async () => {
    const user = await createUser("participant");
    const cookie = await sessionCookieFor(user.id);
    for (const [loader, path] of [[loginLoader, "/login"], [forgotLoader, "/forgot-password"]] as const) {
      const signedIn = await caught(loader(args(path, cookie)));
      expect([signedIn.status, signedIn.headers.get("Location")], path).toEqual([302, "/"]);
      expect((await caught(loader(args(path)))).status, path).toBe(200);
    }
  });

  it("sends anonymous visitors to sign in, remembering where they were going", async () => {
    const res = await caught(dashboardLoader(args("/dashboard?x=1")));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/login?redirectTo=%2Fdashboard%3Fx%3D1");
  });

  it.each(["participant", "facilitator"] as const)("answers 403 when a %s opens coordinator pages", async (role) => {
    const user = await createUser(role);
    const cookie = await sessionCookieFor(user.id);
    expect((await caught(outboxLoader(args("/outbox", cookie)))).status).toBe(403);
    expect((await caught(auditLoader(args("/audit", cookie)))).status).toBe(403);
  });

  it("lets a programme coordinator read the outbox", async () => {
    const user = await createUser("coordinator");
    await prisma.mailMessage.create({ data: { to: "someone@example.lg.jp", subject: "【データアカデミー】ご招待", text: "…", transport: "outbox" } });
    const res = await caught(outboxLoader(args("/outbox", await sessionCookieFor(user.id))));
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.data)).toContain("someone@example.lg.jp");
  });

  it("shows a facilitator only the academies assigned to them", async () => {
    const mine = await createUser("facilitator");
    const other = await createUser("facilitator");
    const region = await createRegion("播磨圏域", ["282014", "282103"]);
    const region2 = await createRegion("千代田区", ["131016"]);
    await createAcademy({ regionId: region.id, name: "担当のアカデミー", facilitatorIds: [mine.id] });
    await createAcademy({ regionId: region2.id, name: "他人のアカデミー", facilitatorIds: [other.id] });
    const res = await caught(dashboardLoader(args("/dashboard", await sessionCookieFor(mine.id))));
    expect(res.data.participant).toBeNull();
    expect(res.data.staff.academies.map((a: { name: string }) => a.name)).toEqual(["担当のアカデミー"]);
  });

  it("shows someone who facilitates one academy and takes part in another both, each with its own rights", async () => {
    const person = await createUser("participant", { municipalityCode: "282014", department: "情報政策室" });
    const teammate = await createUser("participant");
    const past = await createAcademy({ regionId: (await createRegion("播磨圏域", ["282014"])).id, fiscalYear: 2025, name: "2025年度" });
    const now = await createAcademy({ regionId: (await createRegion("千代田区", ["131016"])).id, name: "2026年度", facilitatorIds: [person.id] });
    const mine = await createTeam(past.id, "わたしのチーム", [person.id]);
    const theirs = await createTeam(past.id, "よそのチーム", [teammate.id]);
    const led = await createTeam(now.id, "担当するチーム", [teammate.id]);
    const cookie = await sessionCookieFor(person.id);
    const res = await caught(dashboardLoader(args("/dashboard", cookie)));
    expect(res.data.participant.teams.map((t: { name: string }) => t.name)).toEqual(["わたしのチーム"]);
    expect(res.data.staff.academies.map((a: { name: string }) => a.name)).toEqual(["2026年度"]);
    const { loader: teamLoader } = await import("./academies.$academyId.teams.$teamId._index");
    const team = (academyId: string, teamId: string) => caught(teamLoader({ request: getRequest("/", { cookie }), params: { academyId, teamId }, context }));
    // As a facilitator: every team of that academy, with e-mail addresses.
    const asFacilitator = await team(now.id, led.id);
    expect(asFacilitator.status).toBe(200);
    expect(asFacilitator.data.team.members[0].email).toBe(teammate.email);
    // As a participant: only their own team, and no one's e-mail address.
    expect((await team(past.id, mine.id)).data.team.members[0].email).toBe("");
    expect((await team(past.id, theirs.id)).status).toBe(404);
  });

  it("shows a participant only their own team and its next session", async () => {
    const me = await createUser("participant");
    const stranger = await createUser("participant");
    const region = await createRegion("芦北町", ["434825"]);
    const soon = new Date(Date.now() + 3 * 86400_000);
    const academy = await createAcademy({ regionId: region.id, sessionStarts: [new Date(Date.now() - 86400_000 * 10), soon] });
    await createTeam(academy.id, "わたしのチーム", [me.id]);
    await createTeam(academy.id, "よそのチーム", [stranger.id]);
    const res = await caught(dashboardLoader(args("/dashboard", await sessionCookieFor(me.id))));
    expect(res.data.participant.teams.map((t: { name: string }) => t.name)).toEqual(["わたしのチーム"]);
    expect(res.data.participant.teams[0].academy.sessions[0].sequence).toBe(2);
    expect(res.data.staff).toBeNull();
  });

  it("stops accepting a session once it is revoked", async () => {
    const user = await createUser("coordinator");
    const cookie = await sessionCookieFor(user.id);
    await prisma.session.updateMany({ data: { revokedAt: new Date() } });
    expect((await caught(outboxLoader(args("/outbox", cookie)))).status).toBe(302);
  });
});
