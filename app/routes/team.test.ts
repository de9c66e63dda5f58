import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { loader as teamLoader, action as teamAction } from "./academies.$academyId.teams.$teamId._index";
import { action as editAcademyAction } from "./academies.$academyId.edit";
import { action as academyAction } from "./academies.$academyId._index";
import { createAcademy, createRegion, createTeam, createUser, enroll } from "../../tests/support/factories";
import { caught, context, formRequest, getRequest, sessionCookieFor } from "../../tests/support/requests";

async function setup() {
  const coordinator = await createUser("coordinator", { displayName: "山田 花子" });
  const facilitator = await createUser("facilitator");
  const member = await createUser("participant", { displayName: "髙橋 誠" });
  const outsider = await createUser("participant");
  const region = await createRegion("播磨圏域", ["282014"]);
  const academy = await createAcademy({ regionId: region.id, name: "播磨圏域データアカデミー", facilitatorIds: [facilitator.id], sessionStarts: [new Date("2026-09-04T04:30:00Z"), new Date("2026-10-16T04:30:00Z")] });
  const team = await createTeam(academy.id, "受診率向上チーム", [member.id]);
  const other = await createAcademy({ regionId: (await createRegion("千代田区", ["131016"])).id, name: "千代田区" });
  const otherTeam = await createTeam(other.id, "よそのチーム", [outsider.id]);
  const cookie = async (id: string) => sessionCookieFor(id);
  const post = async (userId: string, fields: Record<string, string>, teamId = team.id, academyId = academy.id) =>
    caught(teamAction({ request: formRequest("/", fields, { cookie: await cookie(userId) }), params: { academyId, teamId }, context }));
  return { coordinator, facilitator, member, outsider, academy, team, other, otherTeam, post, cookie };
}

const newMember = { intent: "addMember", displayName: "伊藤 大輔", email: "itou@example.lg.jp", department: "国民健康保険課", teamRole: "data_holder" };

describe("team changes by the wrong people", () => {
  it("refuses member changes to the facilitator (403), a member (403) and someone of another academy (404), changing nothing", async () => {
    const { facilitator, member, outsider, post } = await setup();
    expect((await post(facilitator.id, newMember)).status).toBe(403);
    expect((await post(member.id, newMember)).status).toBe(403);
    expect((await post(outsider.id, newMember)).status).toBe(404);
    expect(await prisma.user.count({ where: { email: "itou@example.lg.jp" } })).toBe(0);
  });

  it("answers 404 for a team of another academy in the URL, even to a programme coordinator", async () => {
    const { coordinator, academy, otherTeam, post } = await setup();
    expect((await post(coordinator.id, newMember, otherTeam.id, academy.id)).status).toBe(404);
    expect(await prisma.teamMember.count({ where: { teamId: otherTeam.id } })).toBe(1);
  });
});

describe("adding and removing members", () => {
  it("adds a new person, enrols them and invites them with the academy, team, dates and inviter", async () => {
    const { coordinator, academy, post } = await setup();
    const res = await post(coordinator.id, newMember);
    expect(res.status).toBe(302);
    expect(res.headers.get("Set-Cookie")).toContain("__dam_flash=");
    const person = await prisma.user.findUniqueOrThrow({ where: { email: "itou@example.lg.jp" }, include: { enrollments: true, roles: true } });
    expect(person.roles).toEqual([]);
    expect(person.enrollments).toEqual([expect.objectContaining({ academyId: academy.id, role: "participant", status: "invited", department: "国民健康保険課" })]);
    const mail = await prisma.mailMessage.findFirstOrThrow({ where: { to: "itou@example.lg.jp" } });
    expect(mail.subject).toContain("播磨圏域データアカデミー");
    expect(mail.text).toContain("受診率向上チーム");
    expect(mail.text).toContain("山田 花子");
    // every session on its own line, first to last
    expect(mail.text).toMatch(/第1回 {2}2026年9月4日\(金\) 13:30〜17:00/);
    expect(mail.text).toMatch(/第2回 {2}2026年10月16日\(金\) 13:30〜17:00/);
  });

  it("never issues an invitation link to someone who can already sign in", async () => {
    const { coordinator, member, post } = await setup();
    const res = await post(coordinator.id, { intent: "invite", userId: member.id });
    expect(res.status).toBe(302);
    expect(await prisma.invitation.count()).toBe(0);
    const mail = await prisma.mailMessage.findFirstOrThrow({ where: { to: member.email } });
    expect(mail.text).not.toContain("/invitations/");
  });

  it("removes a member with a message, and refuses a member id of another team", async () => {
    const { coordinator, team, otherTeam, post } = await setup();
    const foreign = await prisma.teamMember.findFirstOrThrow({ where: { teamId: otherTeam.id } });
    expect((await post(coordinator.id, { intent: "removeMember", memberId: foreign.id })).status).toBe(404);
    const mine = await prisma.teamMember.findFirstOrThrow({ where: { teamId: team.id } });
    const res = await post(coordinator.id, { intent: "removeMember", memberId: mine.id });
    expect(res.status).toBe(302);
    expect(res.headers.get("Set-Cookie")).toContain("__dam_flash=");
    expect(await prisma.teamMember.count({ where: { teamId: team.id } })).toBe(0);
    expect(await prisma.teamMember.count({ where: { teamId: otherTeam.id } })).toBe(1);
  });

  it("lets an academy coordinator (not a programme coordinator) manage teams of their academy only", async () => {
    const { academy, other, otherTeam, post } = await setup();
    const local = await createUser("participant");
    await enroll(academy.id, local.id, "coordinator");
    expect((await post(local.id, newMember)).status).toBe(302);
    expect((await post(local.id, newMember, otherTeam.id, other.id)).status).toBe(404);
  });
});

describe("staff and status changes", () => {
  it("asks before taking a facilitator off the staff, then withdraws their enrollment", async () => {
    const { coordinator, facilitator, academy, cookie } = await setup();
    const save = async (extra: Record<string, string> = {}) =>
      caught(editAcademyAction({ request: formRequest("/", { name: "播磨圏域データアカデミー", ...extra }, { cookie: await cookie(coordinator.id) }), params: { academyId: academy.id }, context }));
    const asked = await save();
    expect(asked.status).toBe(400);
    expect(asked.data.removedStaff).toEqual(["テスト facilitator"]);
    expect(await prisma.enrollment.findUniqueOrThrow({ where: { academyId_userId: { academyId: academy.id, userId: facilitator.id } } })).toMatchObject({ status: "active" });
    expect((await save({ confirmStaffRemoval: "yes" })).status).toBe(302);
    expect(await prisma.enrollment.findUniqueOrThrow({ where: { academyId_userId: { academyId: academy.id, userId: facilitator.id } } })).toMatchObject({ status: "withdrawn" });
    // Withdrawn: the academy is gone for them.
    const page = await caught(teamLoader({ request: getRequest("/", { cookie: await cookie(facilitator.id) }), params: { academyId: academy.id, teamId: "x" }, context }));
    expect(page.status).toBe(404);
  });

  it("adds a new local facilitator by e-mail, invites them, and refuses someone already in a team here", async () => {
    const { coordinator, member, academy, cookie } = await setup();
    const add = async (fields: Record<string, string>) =>
      caught(editAcademyAction({ request: formRequest("/", { intent: "addStaff", ...fields }, { cookie: await cookie(coordinator.id) }), params: { academyId: academy.id }, context }));
    const res = await add({ displayName: "小林 由美", email: "kobayashi@example.lg.jp", role: "facilitator" });
    expect(res.status).toBe(302);
    const person = await prisma.user.findUniqueOrThrow({ where: { email: "kobayashi@example.lg.jp" }, include: { enrollments: true } });
    expect(person.enrollments).toEqual([expect.objectContaining({ academyId: academy.id, role: "facilitator", status: "invited" })]);
    expect((await prisma.mailMessage.findFirstOrThrow({ where: { to: "kobayashi@example.lg.jp" } })).text).toContain("講師");
    const refused = await add({ displayName: member.displayName, email: member.email, role: "observer" });
    expect(refused.status).toBe(400);
    expect(refused.data.fieldErrors.email).toBe("academy.validation.participantHere");
    expect(refused.data.values.email).toBe(member.email);
    expect((await prisma.enrollment.findUniqueOrThrow({ where: { academyId_userId: { academyId: academy.id, userId: member.id } } })).role).toBe("participant");
  });

  it("refuses a status change to a facilitator", async () => {
    const { facilitator, academy, cookie } = await setup();
    const res = await caught(academyAction({ request: formRequest("/", { intent: "status", status: "recruiting" }, { cookie: await cookie(facilitator.id) }), params: { academyId: academy.id }, context }));
    expect(res.status).toBe(403);
    expect((await prisma.academy.findUniqueOrThrow({ where: { id: academy.id } })).status).toBe("planning");
  });
});

describe("the team's reviewing facilitator", () => {
  const teamFields = (facilitatorId: string) => ({ intent: "saveTeam", name: "受診率向上チーム", themeTitle: "受診率", problemStatement: "", municipalityCodes: "282014", leadId: "", facilitatorId });

  it("is chosen among the academy's facilitators and shown on the team page", async () => {
    const { coordinator, facilitator, academy, team, post, cookie } = await setup();
    expect((await post(coordinator.id, teamFields(facilitator.id))).status).toBe(302);
    expect((await prisma.team.findUniqueOrThrow({ where: { id: team.id } })).facilitatorId).toBe(facilitator.id);
    const page = await caught(teamLoader({ request: getRequest("/", { cookie: await cookie(coordinator.id) }), params: { academyId: academy.id, teamId: team.id }, context }));
    expect(page.data.team.facilitator.displayName).toBe(facilitator.displayName);
    expect(page.data.facilitators.map((f: { userId: string }) => f.userId)).toEqual([facilitator.id]);
  });

  it("refuses someone who does not facilitate this academy, keeping what was typed", async () => {
    const { coordinator, member, outsider, team, post } = await setup();
    const otherFacilitator = await createUser("facilitator");
    for (const id of [member.id, outsider.id, otherFacilitator.id, "no-such-user"]) {
      const res = await post(coordinator.id, teamFields(id));
      expect(res.status).toBe(400);
      expect(res.data.fieldErrors.facilitatorId).toBe("team.validation.facilitator");
      expect(res.data.values.name).toBe("受診率向上チーム");
    }
    expect((await prisma.team.findUniqueOrThrow({ where: { id: team.id } })).facilitatorId).toBeNull();
  });
});
