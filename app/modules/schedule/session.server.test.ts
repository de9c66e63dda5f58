import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { toTokyoDateInput } from "~/utils/dates";
import { updateSession } from "./session.server";
import { holidayOn } from "./rules";
import { createAcademy, createRegion, createUser } from "../../../tests/support/factories";

const everyone = { canSee: () => true };

/** 13:30 in Tokyo on the first weekday that is no public holiday, `days` from now or later: no other warning. */
function weekday(days: number) {
  const d = new Date(Date.now() + days * DAY);
  d.setUTCHours(4, 30, 0, 0);
  while ([0, 6].includes(new Date(d.getTime() + 9 * 3600_000).getUTCDay()) || holidayOn(d)) d.setTime(d.getTime() + DAY);
  return d;
}
const DAY = 86400_000;
const input = (date: Date, acknowledge: boolean, agenda = "") => ({
  kind: "workshop" as const, title: "", date: toTokyoDateInput(date), startTime: "13:30", endTime: "17:00", venueName: "芦北町役場", venueAddress: "",
  venueCapacity: null, onlineUrl: "", agenda, homework: "", facilitatorIds: [], acknowledgeWarnings: acknowledge ? "yes" : "",
});

async function academyWith(starts: Date[]) {
  const coordinator = await createUser("coordinator");
  const academy = await createAcademy({ regionId: (await createRegion("芦北町", ["434825"])).id, sessionStarts: starts });
  const sessions = await prisma.workshopSession.findMany({ where: { academyId: academy.id }, orderBy: { sequence: "asc" } });
  return { coordinator, academy, sessions };
}

describe("editing a session", () => {
  it("asks once before moving a session into the past, as creating one there does", async () => {
    const { coordinator, academy, sessions } = await academyWith([weekday(20), weekday(34)]);
    const past = weekday(-8);
    const asked = await updateSession(coordinator.id, academy.id, sessions[0]!.id, input(past, false), everyone);
    expect(asked).toMatchObject({ ok: false, needsAcknowledgement: true, issues: [{ code: "inPast", level: "warning" }] });
    expect((await prisma.workshopSession.findUniqueOrThrow({ where: { id: sessions[0]!.id } })).startsAt).toEqual(sessions[0]!.startsAt);
    expect(await updateSession(coordinator.id, academy.id, sessions[0]!.id, input(past, true), everyone)).toMatchObject({ ok: true });
    expect(toTokyoDateInput((await prisma.workshopSession.findUniqueOrThrow({ where: { id: sessions[0]!.id } })).startsAt)).toBe(toTokyoDateInput(past));
  });

  it("does not ask again when a past session's agenda is edited and its date stays", async () => {
    const start = weekday(-30);
    const { coordinator, academy, sessions } = await academyWith([start]);
    const result = await updateSession(coordinator.id, academy.id, sessions[0]!.id, input(start, false, "振り返りを追記"), everyone);
    expect(result).toMatchObject({ ok: true });
    expect(result && "issues" in result ? result.issues.map((i) => i.code) : []).not.toContain("inPast");
  });
});
