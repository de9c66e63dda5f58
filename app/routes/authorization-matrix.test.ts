import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { syncCatalogue } from "~/modules/material/catalogue-sync.server";
import { attachCurriculum, releaseStageNow } from "~/modules/material/release.server";
import { createAcademy, createRegion, createTeam, createUser, enroll } from "../../tests/support/factories";
import { context, sessionCookieFor } from "../../tests/support/requests";
import { ensureStoredFile, storeBytes } from "~/modules/files/stored-file.server";
import { ACCESS_POLICY, ROLES, type Outcome, type Role } from "../../tests/access/policy";

// Every route × method × role against the declared policy (tests/access/policy.ts). A route
// file without a row fails the test, so no route ships without someone deciding who may use it.
// Outcomes: "ok" = served (2xx, or a redirect that is not to sign-in; for POST also a 4xx
// validation answer: the request got past the gate), "login" = sent to sign in, 403, 404,
// "none" = the route has no such handler.

const ROUTES_DIR = path.resolve("app/routes");
const routeFiles = fs
  .readdirSync(ROUTES_DIR)
  .filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".test.ts"))
  .map((f) => f.replace(/\.tsx?$/, ""))
  .sort();

async function world() {
  await syncCatalogue(prisma);
  const region = await createRegion("播磨圏域", ["282014"]);
  const coordinator = await createUser("coordinator");
  const facilitator = await createUser("facilitator");
  const otherFacilitator = await createUser("facilitator");
  const member = await createUser("participant");
  const otherMember = await createUser("participant");
  const academy = await createAcademy({ regionId: region.id, facilitatorIds: [facilitator.id], sessionStarts: [new Date(Date.now() - 86400_000), new Date(Date.now() + 14 * 86400_000)] });
  await attachCurriculum(null, academy.id);
  const stage = await prisma.stage.findFirstOrThrow({ where: { academyId: academy.id, key: "prelearning" } });
  await releaseStageNow(coordinator.id, academy.id, stage.id);
  const released = await prisma.academyMaterial.findFirstOrThrow({ where: { academyId: academy.id, releaseAt: { lte: new Date() }, material: { audience: "participant" } } });
  const elsewhere = await createAcademy({ regionId: (await createRegion("千代田区", ["131016"])).id });
  await enroll(elsewhere.id, otherFacilitator.id, "facilitator");
  const team = await createTeam(academy.id, "受診率向上チーム", [member.id]);
  await createTeam(academy.id, "子育て支援チーム", [otherMember.id]);
  const session = await prisma.workshopSession.findFirstOrThrow({ where: { academyId: academy.id } });
  // the team's work: a stage with a deliverable, one uploaded file, one data-use worksheet
  const workStage = await prisma.stage.findFirstOrThrow({ where: { academyId: academy.id, key: "problem_definition" } });
  const blob = await storeBytes(new TextEncoder().encode("地区,受診率\n北,0.41\n"), "csv", "受診率.csv");
  const stored = await ensureStoredFile(prisma, blob, member.id);
  const deliverable = await prisma.deliverable.create({ data: { teamId: team.id, stageId: workStage.id } });
  const file = await prisma.deliverableFile.create({ data: { deliverableId: deliverable.id, storedFileId: stored.id, fileName: "受診率.csv", scanStatus: "clean" } });
  const worksheet = await prisma.datasetWorksheet.create({ data: { teamId: team.id, name: "特定健診結果" } });
  // the team's retrospective board, its cards revealed (so its exports exist)
  const retro = await prisma.retrospective.create({ data: { academyId: academy.id, teamId: team.id, sessionId: session.id, prompts: "[]", phase: "group" } });
  // a published, open call with a document and a submitted application of someone outside the matrix
  const applicant = await createUser("participant");
  const call = await prisma.call.create({ data: { fiscalYear: 2027, title: "令和9年度 データアカデミー参加団体の募集", deadlineAt: new Date(Date.now() + 30 * 86400_000), publishedAt: new Date(), tracks: { create: [{ kind: "academy", label: "（イ）データアカデミー", places: 4, position: 0 }] } }, include: { tracks: true } });
  const document = await prisma.callDocument.create({ data: { callId: call.id, storedFileId: stored.id, fileName: "募集要領.csv" } });
  const application = await prisma.application.create({ data: { callId: call.id, trackId: call.tracks[0]!.id, applicantId: applicant.id, status: "submitted", submittedAt: new Date() } });
  // the member's completion certificate
  const memberEnrollment = await prisma.enrollment.findUniqueOrThrow({ where: { academyId_userId: { academyId: academy.id, userId: member.id } } });
  const certificate = await prisma.certificate.create({ data: { academyId: academy.id, enrollmentId: memberEnrollment.id, fiscalYear: academy.fiscalYear, serial: 1, issuedAt: new Date() } });
  // an expert consultation asked by the member, advised by the facilitator as its expert
  const topic = await prisma.consultationTopic.findFirstOrThrow();
  const expert = await prisma.expert.create({ data: { userId: facilitator.id, kind: "analyst" } });
  const consultation = await prisma.consultation.create({
    data: { fiscalYear: 2026, municipalityCode: "282014", requesterId: member.id, topicId: topic.id, title: "窓口アンケートの活用", question: "設問の作り方", status: "scheduled", startsAt: new Date(Date.now() + 7 * 86400_000), endsAt: new Date(Date.now() + 7 * 86400_000 + 3600_000), mode: "online", onlineUrl: "https://meet.example.jp/x", experts: { create: [{ expertId: expert.id }] } },
  });
  const users: Record<Exclude<Role, "anonymous">, string> = {
    coordinator: coordinator.id,
    facilitator: facilitator.id,
    otherFacilitator: otherFacilitator.id,
    member: member.id,
    otherTeamMember: otherMember.id,
  };
  const params: Record<string, string> = {
    academyId: academy.id,
    teamId: team.id,
    sessionId: session.id,
    stageId: workStage.id,
    fileId: file.id,
    worksheetId: worksheet.id,
    retroId: retro.id,
    certificateId: certificate.id,
    callId: call.id,
    documentId: document.id,
    applicationId: application.id,
    consultationId: consultation.id,
    expertId: expert.id,
    userId: facilitator.id,
    survey: "skills-pre",
    materialId: released.materialId,
    regionId: region.id,
    token: "not-a-real-token",
    file: "not-a-real-token.ics",
    format: "csv",
    "*": "no-such-page",
  };
  return { users, params };
}

type Handler = (args: { request: Request; params: Record<string, string>; context: typeof context }) => Promise<unknown>;

function urlFor(route: string, params: Record<string, string>) {
  const segments = route
    .replace(/\[\.ics\]/, ".ics")
    .split(".")
    .filter((s) => s !== "_index" && s !== "")
    .map((s) => (s === "$" ? params["*"]! : s.startsWith("$") ? params[s.slice(1)]! : s.replace(/_$/, "")));
  return `/${segments.join("/")}`.replace("/ics", ".ics");
}

function classify(result: unknown, method: "GET" | "POST"): Outcome {
  const status =
    result instanceof Response
      ? result.status
      : result && typeof result === "object" && "init" in result
        ? ((result as { init?: ResponseInit | null }).init?.status ?? 200)
        : 200;
  if (result instanceof Response && status >= 300 && status < 400 && (result.headers.get("Location") ?? "").startsWith("/login")) return "login";
  if (status === 403) return "403";
  if (status === 404) return "404";
  if (status >= 500) return "500" as Outcome;
  if (status < 400 || method === "POST") return "ok";
  return String(status) as Outcome;
}

async function call(handler: Handler, method: "GET" | "POST", url: string, params: Record<string, string>, cookie: string | null) {
  const headers: Record<string, string> = {};
  if (cookie) headers.Cookie = cookie;
  const init: RequestInit = { method, headers };
  if (method === "POST") {
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    init.body = "intent=";
  }
  try {
    return await handler({ request: new Request(`http://localhost:3000${url}`, init), params, context });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("the authorization matrix", () => {
  it("has a declared row for every route file, and no row for a route that is gone", () => {
    expect(Object.keys(ACCESS_POLICY).sort()).toEqual(routeFiles);
  });

  it.each(routeFiles)("%s answers every role as declared", async (route) => {
    const policy = ACCESS_POLICY[route];
    // MATRIX_PRINT=1 writes what the app does into /tmp/dam-matrix/ (for reviewing a new route).
    if (!process.env.MATRIX_PRINT) expect(policy, `no policy row for ${route}`).toBeDefined();
    const mod = (await import(`./${route}`)) as { loader?: Handler; action?: Handler };
    const { users, params } = await world();
    const url = urlFor(route, params);
    const observed: Record<string, Record<Role, Outcome>> = {};
    for (const method of ["GET", "POST"] as const) {
      const handler = method === "GET" ? mod.loader : mod.action;
      const row = {} as Record<Role, Outcome>;
      for (const role of ROLES) {
        if (!handler) {
          row[role] = "none";
          continue;
        }
        const cookie = role === "anonymous" ? null : await sessionCookieFor(users[role]);
        row[role] = classify(await call(handler, method, url, params, cookie), method);
      }
      observed[method] = row;
    }
    if (process.env.MATRIX_PRINT) {
      fs.mkdirSync("/tmp/dam-matrix", { recursive: true });
      fs.writeFileSync(`/tmp/dam-matrix/${route}.json`, JSON.stringify(observed));
      return;
    }
    expect(observed).toEqual({ GET: policy!.GET, POST: policy!.POST });
  });
});
