import fs from "node:fs";
import { declaredIntents } from "../../tests/access/declared-intents";
import { databaseProblems } from "../../tests/support/integrity";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { syncCatalogue } from "~/modules/material/catalogue-sync.server";
import { attachCurriculum } from "~/modules/material/release.server";
import { createAcademy, createRegion, createTeam, createUser, enroll } from "../../tests/support/factories";
import { context, sessionCookieFor } from "../../tests/support/requests";
import { UNREFERENCED_FILES } from "~/modules/files/stored-file.server";

// Property: whatever form a signed-in person posts to any action — hostile strings, huge
// values, control characters, ids of another academy's records — the answer is never a 5xx,
// the database stays consistent, and the other academy's records are untouched.
// FUZZ_RUNS sets the number of forms per route and role (default 15 in CI; try 300 locally).

const RUNS = Number(process.env.FUZZ_RUNS ?? 15);
const ROUTES_DIR = path.resolve("app/routes");
const actionRoutes = fs
  .readdirSync(ROUTES_DIR)
  .filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".test.ts"))
  .filter((f) => /export (async function|const) action/.test(fs.readFileSync(path.join(ROUTES_DIR, f), "utf8")))
  .map((f) => f.replace(/\.tsx?$/, ""))
  .sort();

/** Intent names no page declares, tried beside each page's own (read from its declaration). */
const STRANGE_INTENTS = ["", "toString", "__proto__", "constructor", "save", "delete"];
const FIELDS = ["intent", "name", "title", "themeTitle", "description", "problemStatement", "displayName", "email", "department", "role", "teamRole", "status", "date", "startTime", "endTime", "dueDate", "kind", "venueName", "venueCapacity", "onlineUrl", "agenda", "facilitatorIds", "municipalityCodes", "regionId", "academyId", "teamId", "sessionId", "stageId", "materialId", "versionId", "userId", "memberId", "leadId", "mode", "offsetDays", "releaseAt", "payload", "signature", "fileName", "encoding", "locale", "fiscalYear", "password", "confirmPassword", "redirectTo", "acknowledgeWarnings", "confirmStaffRemoval", "url", "stage", "audience", "capacity", "sequence", "prompt", "text", "cardId", "groupId", "direction", "notes", "ownerId", "actionId", "decision", "phase", "minutes", "anonymous", "template", "customPrompts", "voteBudget", "maxVotesPerGroup", "enrollmentId", "note", "minSessions", "preLearning", "monthsAfter", "overall", "usefulness", "analysis", "comment", "certificateIssuer", "certificateId", "tokenId", "trackId", "municipalityCodes", "contactName", "contactDepartment", "contactPhone", "problem", "dataHeld", "dataDepartment", "staffCount", "consentPublication", "reviewerEmail", "places", "maxApplications", "weight", "label", "deadlineDate", "deadlineTime", "fileId", "id", "municipalityCode", "expertIds", "topicId", "topicIds", "question", "background", "issues", "advice", "owner", "dueOn", "reason", "labelEn", "affiliation", "fields", "trainingLevel", "role.x.y"];

async function world() {
  await syncCatalogue(prisma);
  const region = await createRegion("播磨圏域", ["282014"]);
  const coordinator = await createUser("coordinator");
  const facilitator = await createUser("facilitator");
  const member = await createUser("participant");
  const academy = await createAcademy({ regionId: region.id, facilitatorIds: [facilitator.id], sessionStarts: [new Date(Date.now() + 7 * 86400_000), new Date(Date.now() + 21 * 86400_000)] });
  await attachCurriculum(null, academy.id);
  const team = await createTeam(academy.id, "受診率向上チーム", [member.id]);
  // Another academy, whose records nobody here may change.
  const otherRegion = await createRegion("千代田区", ["131016"]);
  const outsider = await createUser("participant");
  const other = await createAcademy({ regionId: otherRegion.id, sessionStarts: [new Date(Date.now() + 10 * 86400_000)] });
  await attachCurriculum(null, other.id);
  const otherTeam = await createTeam(other.id, "よその チーム", [outsider.id]);
  await enroll(other.id, (await createUser("facilitator")).id, "facilitator");
  const [otherSession, otherStage, otherRelease, otherEnrollment] = await Promise.all([
    prisma.workshopSession.findFirstOrThrow({ where: { academyId: other.id } }),
    prisma.stage.findFirstOrThrow({ where: { academyId: other.id } }),
    prisma.academyMaterial.findFirstOrThrow({ where: { academyId: other.id } }),
    prisma.enrollment.findFirstOrThrow({ where: { academyId: other.id } }),
  ]);
  const session = await prisma.workshopSession.findFirstOrThrow({ where: { academyId: academy.id } });
  // a board here (reflecting) and one of the other academy with a card, a group and an action
  const retro = await prisma.retrospective.create({ data: { academyId: academy.id, teamId: team.id, prompts: JSON.stringify([{ key: "keep", label: "" }]), phase: "reflect" } });
  const otherRetro = await prisma.retrospective.create({ data: { academyId: other.id, teamId: otherTeam.id, prompts: "[]", phase: "group" } });
  const otherGroup = await prisma.retroGroup.create({ data: { retroId: otherRetro.id, title: "よそのグループ", position: 0 } });
  const otherCard = await prisma.retroCard.create({ data: { retroId: otherRetro.id, prompt: "keep", text: "よそのカード", groupId: otherGroup.id } });
  const otherAction = await prisma.retroAction.create({ data: { retroId: otherRetro.id, teamId: otherTeam.id, text: "よそのアクション" } });
  // the other academy's certificate
  const otherCertificate = await prisma.certificate.create({ data: { academyId: other.id, enrollmentId: otherEnrollment.id, fiscalYear: 2026, serial: 1, issuedAt: new Date() } });
  const foreignIds = [otherCertificate.id, other.id, otherTeam.id, otherSession.id, otherStage.id, otherRelease.materialId, otherEnrollment.id, outsider.id, otherRegion.id, otherRetro.id, otherGroup.id, otherCard.id, otherAction.id];
  // a published, open call with the member's draft application
  const call = await prisma.call.create({ data: { fiscalYear: 2027, title: "募集", deadlineAt: new Date(Date.now() + 30 * 86400_000), publishedAt: new Date(), tracks: { create: [{ kind: "academy", label: "（イ）", places: 1, position: 0 }] }, criteria: { create: [{ label: "課題の明確さ", position: 0 }] } }, include: { tracks: true } });
  const application = await prisma.application.create({ data: { callId: call.id, trackId: call.tracks[0]!.id, applicantId: member.id } });
  // the member's consultation, advised by the facilitator, and someone else's
  const topic = await prisma.consultationTopic.findFirstOrThrow();
  const expert = await prisma.expert.create({ data: { userId: facilitator.id, kind: "analyst" } });
  const consultation = await prisma.consultation.create({ data: { fiscalYear: 2026, municipalityCode: "282014", requesterId: member.id, topicId: topic.id, title: "相談", question: "q", status: "held", startsAt: new Date(Date.now() - 86400_000), endsAt: new Date(Date.now() - 82800_000), experts: { create: [{ expertId: expert.id }] }, actions: { create: [{ description: "d", owner: "o", dueOn: "2027-01-01" }] } } });
  const otherConsultation = await prisma.consultation.create({ data: { fiscalYear: 2026, municipalityCode: "131016", requesterId: outsider.id, topicId: topic.id, title: "よその相談", question: "q", status: "held", actions: { create: [{ description: "よその取組", owner: "o", dueOn: "2027-01-01" }] } }, include: { actions: true } });
  foreignIds.push(otherConsultation.id, otherConsultation.actions[0]!.id);
  // the team's work: the stage whose page takes forms and files, a worksheet, a file
  const stage = await prisma.stage.findFirstOrThrow({ where: { academyId: academy.id, key: "data_collection" } });
  const worksheet = await prisma.datasetWorksheet.create({ data: { teamId: team.id, name: "特定健診結果" } });
  const params = { stageId: stage.id, worksheetId: worksheet.id, consultationId: consultation.id, expertId: expert.id, topicId: topic.id, callId: call.id, applicationId: application.id, academyId: academy.id, teamId: team.id, sessionId: session.id, materialId: otherRelease.materialId, regionId: region.id, token: "x".repeat(43), file: "x.ics", format: "csv", retroId: retro.id, survey: "skills-post" };
  return { users: { coordinator: coordinator.id, facilitator: facilitator.id, member: member.id }, other, otherConsultationId: otherConsultation.id, foreignIds, params };
}

/** Everything of the other academy that a request here could change. */
async function otherAcademySnapshot(academyId: string) {
  return JSON.stringify(
    await prisma.academy.findUnique({
      where: { id: academyId },
      select: {
        name: true,
        status: true,
        description: true,
        sessions: { select: { startsAt: true, endsAt: true, venueName: true, title: true }, orderBy: { id: "asc" } },
        stages: { select: { title: true, dueAt: true, sessionId: true }, orderBy: { id: "asc" } },
        teams: { select: { name: true, themeTitle: true, members: { select: { enrollmentId: true, teamRole: true } } }, orderBy: { id: "asc" } },
        enrollments: { select: { role: true, status: true }, orderBy: { id: "asc" } },
        materials: { select: { releaseAt: true, stageId: true, releaseMode: true }, orderBy: { id: "asc" } },
        retrospectives: {
          select: { phase: true, cards: { select: { text: true, groupId: true } }, groups: { select: { title: true, notes: true } }, votes: { select: { id: true } }, actions: { select: { text: true, status: true } } },
          orderBy: { id: "asc" },
        },
        surveyResponses: { select: { id: true } },
        certificateIssuer: true,
        certificates: { select: { serial: true, revokedAt: true, issuedAt: true } },
      },
    }),
  );
}

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("", " ", "\u0000", "\u202e", "<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd", "=HYPERLINK(\"http://evil\")", "2026-02-30", "24:00", "-1", "1e309", "NaN", "[]", "{}", "null", "https://Zoom.us/j/1"),
  fc.string({ minLength: 5000, maxLength: 20000 }).map((s) => s.padEnd(5000, "あ")),
);

function formArbitrary(foreignIds: string[], intents: string[]) {
  const value = fc.oneof({ weight: 3, arbitrary: hostileString }, { weight: 2, arbitrary: fc.constantFrom(...foreignIds) }, { weight: 2, arbitrary: fc.constantFrom(...intents) });
  // most bodies name one of the page's intents, so the hostile fields reach each declared change
  const named = fc.tuple(fc.constant("intent"), fc.constantFrom(...intents));
  return fc.tuple(named, fc.array(fc.tuple(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 12 })), value), { maxLength: 12 })).map(([first, rest]) => [first, ...rest]);
}

// Bodies as browsers and scripts send them: forms (urlencoded, multipart with and without a file
// part), and what no form of ours sends (text/plain, JSON).
const BODY_KINDS = ["urlencoded", "multipart", "multipart+file", "text/plain", "json"] as const;
type BodyKind = (typeof BODY_KINDS)[number];
const PDF = "%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
const fileArbitrary = fc.record({
  name: fc.constantFrom("資料.pdf", "名簿.csv", "集計.xlsx", "x.exe", "", "../../etc/passwd", `${"長い日本語のファイル名".repeat(12)}.pdf`, "a.pdf.exe"),
  bytes: fc.oneof(fc.constant(PDF), fc.constant("氏名,メールアドレス,団体コード\n山田,yamada@example.jp,282014\n"), fc.string({ maxLength: 200 }), fc.constant("")),
  field: fc.constantFrom("file", "file", "attachment"),
  count: fc.integer({ min: 1, max: 3 }),
});

function encode(kind: BodyKind, fields: [string, string][], file: { name: string; bytes: string; field: string; count: number }, headers: Record<string, string>): BodyInit {
  if (kind === "multipart" || kind === "multipart+file") {
    const form = new FormData();
    for (const [k, v] of fields) form.append(k, v);
    if (kind === "multipart+file") for (let i = 0; i < file.count; i++) form.append(file.field, new File([file.bytes], file.name));
    return form;
  }
  if (kind === "json") {
    headers["Content-Type"] = "application/json";
    return JSON.stringify(Object.fromEntries(fields));
  }
  if (kind === "text/plain") {
    headers["Content-Type"] = "text/plain;charset=UTF-8";
    return fields.map(([k, v]) => `${k}=${v}`).join("\r\n");
  }
  headers["Content-Type"] = "application/x-www-form-urlencoded";
  return new URLSearchParams(fields).toString();
}

type Handler = (args: { request: Request; params: Record<string, string>; context: typeof context }) => Promise<unknown>;

describe("hostile forms to every action", () => {
  it.each(actionRoutes)("%s: no 5xx, a consistent database, the other academy untouched", async (route) => {
    const { action } = (await import(`./${route}`)) as { action: Handler };
    const intents = [...(await declaredIntents(route)), ...STRANGE_INTENTS];
    const w = await world();
    const before = await otherAcademySnapshot(w.other.id);
    const otherConsultation = () => prisma.consultation.findUnique({ where: { id: w.otherConsultationId }, include: { actions: true, followUps: true, experts: true } }).then((c) => JSON.stringify(c));
    const consultationBefore = await otherConsultation();
    const cookies = Object.fromEntries(await Promise.all(Object.entries(w.users).map(async ([role, id]) => [role, await sessionCookieFor(id)] as const)));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("coordinator", "facilitator", "member"), formArbitrary(w.foreignIds, intents), fc.constantFrom(...BODY_KINDS), fileArbitrary, async (role, fields, kind, file) => {
        const headers: Record<string, string> = { Cookie: cookies[role]! };
        const body = encode(kind, fields, file, headers);
        let status: number;
        try {
          const result = await action({ request: new Request(`http://localhost:3000/${route}`, { method: "POST", body, headers }), params: w.params, context });
          status = result instanceof Response ? result.status : ((result as { init?: ResponseInit | null })?.init?.status ?? 200);
        } catch (thrown) {
          if (!(thrown instanceof Response)) throw thrown;
          status = thrown.status;
        }
        expect(status).toBeLessThan(500);
      }),
      { numRuns: RUNS * 3 },
    );
    expect(await otherAcademySnapshot(w.other.id)).toBe(before);
    expect(await otherConsultation()).toBe(consultationBefore);
    expect(await databaseProblems()).toEqual([]);
    // a refused upload stores nothing: every stored-file row is referenced by something
    expect(await prisma.storedFile.count({ where: UNREFERENCED_FILES })).toBe(0);
  }, 120_000);
});
