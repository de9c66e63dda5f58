import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { getSessionUser } from "~/utils/session.server";
import { createUser } from "../../../tests/support/factories";
import { getRequest, sessionCookieFor } from "../../../tests/support/requests";
import { getConsultation, listConsultations } from "./consultation.server";

// Who sees an expert consultation is one rule (visibleTo, with its SQL twin visibleSql): the
// coordinators, the requester, the consultation's experts. For random people — a coordinator or
// not, requester of some, expert on some — the list shows exactly the consultations that open,
// and its total equals what it shows. On the suite's database (SQLite or PostgreSQL).

describe("consultation visibility, one rule for the list, the page and the total", () => {
  it("every consultation listed opens, every one that opens is listed, and the total agrees", async () => {
    const topic = await prisma.consultationTopic.findFirstOrThrow({ orderBy: { position: "asc" } });
    const someone = await createUser("participant", { municipalityCode: "434825" });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const c = await prisma.consultation.create({ data: { fiscalYear: 2026, municipalityCode: "434825", requesterId: someone.id, topicId: topic.id, title: `相談${i}`, question: "q" } });
      ids.push(c.id);
    }
    const person = fc.record({
      global: fc.constantFrom<"participant" | "coordinator" | "admin">("participant", "participant", "coordinator", "admin"),
      requesterOf: fc.subarray([0, 1, 2, 3]),
      expertOn: fc.subarray([0, 1, 2, 3]),
    });

    await fc.assert(
      fc.asyncProperty(person, async ({ global, requesterOf, expertOn }) => {
        const user = await createUser(global);
        const expert = expertOn.length ? await prisma.expert.create({ data: { userId: user.id, kind: "lawyer", affiliation: "", fields: "" } }) : null;
        try {
          for (const i of requesterOf) await prisma.consultation.update({ where: { id: ids[i]! }, data: { requesterId: user.id } });
          for (const i of expertOn) await prisma.consultationExpert.create({ data: { consultationId: ids[i]!, expertId: expert!.id } });
          const viewer = (await getSessionUser(getRequest("/", { cookie: await sessionCookieFor(user.id) })))!;

          const list = await listConsultations(viewer, {});
          const listed = list.consultations.map((c) => c.id).sort();
          const opens = [];
          for (const id of ids) if (await getConsultation(viewer, id)) opens.push(id);

          expect(opens.sort()).toEqual(listed);
          expect(list.total).toBe(listed.length);
          const expected = global === "coordinator" ? ids : ids.filter((_, i) => requesterOf.includes(i) || expertOn.includes(i));
          expect(listed).toEqual([...expected].sort());
        } finally {
          await prisma.consultation.updateMany({ where: { requesterId: user.id }, data: { requesterId: someone.id } });
          if (expert) {
            await prisma.consultationExpert.deleteMany({ where: { expertId: expert.id } });
            await prisma.expert.delete({ where: { id: expert.id } });
          }
          await prisma.session.deleteMany({ where: { userId: user.id } });
          await prisma.user.delete({ where: { id: user.id } });
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
