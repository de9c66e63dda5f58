import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { syncCatalogue } from "~/modules/material/catalogue-sync.server";
import ExcelJS from "exceljs";
import { attachCurriculum, setRelease } from "~/modules/material/release.server";
import { preLearningProgress, sendDueReminders, downloadLog } from "~/modules/material/prelearning.server";
import { enroll } from "../../tests/support/factories";
import { droppedMail } from "../../tests/support/mail";
import { runHourlyJobs } from "~/modules/jobs/jobs.server";

const filesDir = () => process.env.FILES_DIR!;
import { loader as viewLoader, action as viewedAction } from "./academies.$academyId.materials.$materialId._index";
import { loader as downloadLoader } from "./academies.$academyId.materials.$materialId.download";
import { loader as pdfLoader } from "./academies.$academyId.materials.$materialId.pdf";
import { execFileSync } from "node:child_process";
import { loader as listLoader, action as listAction } from "./academies.$academyId.materials._index";
import { action as newMaterialAction } from "./materials.new";
import { createAcademy, createRegion, createTeam, createUser } from "../../tests/support/factories";
import { caught, context, formRequest, getRequest, sessionCookieFor } from "../../tests/support/requests";

const DAY = 86400_000;

async function setup(sessionInDays = 3) {
  await syncCatalogue(prisma);
  const region = await createRegion("芦北町", ["434825"]);
  const facilitator = await createUser("facilitator");
  const academy = await createAcademy({
    regionId: region.id,
    facilitatorIds: [facilitator.id],
    sessionStarts: [new Date(Date.now() + sessionInDays * DAY), new Date(Date.now() + (sessionInDays + 14) * DAY)],
  });
  await prisma.academy.update({ where: { id: academy.id }, data: { status: "running" } });
  await attachCurriculum(null, academy.id);
  const participant = await createUser("participant", { email: "member@example.lg.jp" });
  await createTeam(academy.id, "子どもの安全チーム", [participant.id]);
  const material = async (key: string) => prisma.material.findUniqueOrThrow({ where: { key } });
  return { academy, facilitator, participant, material, cookie: await sessionCookieFor(participant.id) };
}

const view = (cookie: string, academyId: string, materialId: string, version?: string) =>
  caught(viewLoader({ request: getRequest(`/x${version ? `?version=${version}` : ""}`, { cookie }), params: { academyId, materialId }, context }));
const download = (cookie: string, academyId: string, materialId: string) =>
  caught(downloadLoader({ request: getRequest("/x", { cookie }), params: { academyId, materialId }, context }));
const asPdf = (cookie: string, academyId: string, materialId: string) =>
  caught(pdfLoader({ request: getRequest("/x", { cookie }), params: { academyId, materialId }, context }));

describe("the catalogue", () => {
  it("keeps every version: a changed file becomes version 2, an unchanged one stays", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "materials-"));
    fs.cpSync("materials", dir, { recursive: true });
    // 10 handouts and guides, 4 worksheet templates, 3 practice data files
    expect(await syncCatalogue(prisma, dir)).toBe(17);
    expect(await syncCatalogue(prisma, dir)).toBe(0);
    const file = path.join(dir, "curriculum", "01-session1-participant.md");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("## 今日のゴール", "## 今日のゴール（改訂）"));
    expect(await syncCatalogue(prisma, dir)).toBe(1);
    const versions = await prisma.materialVersion.findMany({ where: { material: { key: "session1-participant" } }, orderBy: { number: "asc" } });
    expect(versions.map((v) => v.number)).toEqual([1, 2]);
    expect(versions[0]!.body).not.toContain("（改訂）");
    expect(versions[1]!.body).toContain("（改訂）");
  });
});

describe("what a participant may see", () => {
  it("nothing before the release time, the session-1 handout after it", async () => {
    const { academy, material, cookie } = await setup(10);
    const handout = await material("session1-participant");
    expect((await view(cookie, academy.id, handout.id)).status).toBe(404);
    expect((await download(cookie, academy.id, handout.id)).status).toBe(404);
    await prisma.academyMaterial.updateMany({ where: { academyId: academy.id, materialId: handout.id }, data: { releaseAt: new Date(Date.now() - 1000) } });
    const res = await view(cookie, academy.id, handout.id);
    expect(res.status).toBe(200);
    expect(res.data.html).toContain("<h1>第1回 課題の設定・整理</h1>");
  });

  it("a released handout as a PDF a Windows PC can open: the same text, Japanese font embedded, logged", async () => {
    const { academy, material, cookie, participant } = await setup(10);
    const handout = await material("session1-participant");
    expect((await asPdf(cookie, academy.id, handout.id)).status).toBe(404);
    await prisma.academyMaterial.updateMany({ where: { academyId: academy.id, materialId: handout.id }, data: { releaseAt: new Date(Date.now() - 1000) } });
    const res = (await pdfLoader({ request: getRequest("/x", { cookie }), params: { academyId: academy.id, materialId: handout.id }, context })) as Response;
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    expect(decodeURIComponent(res.headers.get("Content-Disposition") ?? "")).toContain("第1回 課題の設定・整理（参加者用テキスト）.pdf");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "handout-"));
    const file = path.join(dir, "h.pdf");
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    // read by poppler, not by the library that wrote it
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    expect(text).toContain("今日のゴール");
    expect(text).toContain("ロジックツリーで分解する");
    expect(text).toMatch(/平日に時間がとれ\s*ない/); // a table cell
    expect(text).toContain("├─ 健診を知らない"); // the issue tree in a code block, drawn as written
    expect(execFileSync("pdffonts", [file], { encoding: "utf8" })).toMatch(/NotoSansJP-Regular\s+CID TrueType\s+Identity-H\s+yes/);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))![1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(text).toMatch(new RegExp(`\\b1 ?/ ?${pages}\\b`));
    fs.rmSync(dir, { recursive: true });
    expect(await prisma.materialAccess.count({ where: { userId: participant.id, kind: "download" } })).toBe(1);
    // a worksheet (a file) has no PDF rendering; another academy's handout is not found
    expect((await asPdf(cookie, academy.id, (await material("worksheet-problem-definition")).id)).status).toBe(404);
    const other = await createAcademy({ regionId: (await createRegion("千代田区", ["131016"])).id, sessionStarts: [new Date(Date.now() - DAY)] });
    await attachCurriculum(null, other.id);
    expect((await asPdf(cookie, other.id, handout.id)).status).toBe(404);
  });

  it("never a facilitator guide, not even by guessing its URL after release", async () => {
    const { academy, material, cookie, facilitator } = await setup(3);
    const guide = await material("session1-facilitator");
    expect((await view(cookie, academy.id, guide.id)).status).toBe(404);
    expect((await download(cookie, academy.id, guide.id)).status).toBe(404);
    expect((await asPdf(cookie, academy.id, guide.id)).status).toBe(404);
    const asFacilitator = await view(await sessionCookieFor(facilitator.id), academy.id, guide.id);
    expect(asFacilitator.data.html).toContain("講師用ガイド");
  });

  it("not another academy's material", async () => {
    const { material, cookie } = await setup(3);
    const other = await createAcademy({ regionId: (await createRegion("千代田区", ["131016"])).id, sessionStarts: [new Date(Date.now() - DAY)] });
    await attachCurriculum(null, other.id);
    const handout = await material("session1-participant");
    expect((await view(cookie, other.id, handout.id)).status).toBe(404);
  });

  it("marks an update and still opens the version the participant had", async () => {
    const { academy, material, cookie } = await setup(3);
    const handout = await material("session1-participant");
    const first = await view(cookie, academy.id, handout.id);
    // Opening the page writes nothing; the page then reports that it was read.
    expect(await prisma.materialAccess.count()).toBe(0);
    const read = await caught(viewedAction({ request: formRequest("/", { intent: "viewed", versionId: first.data.version.id }, { cookie }), params: { academyId: academy.id, materialId: handout.id }, context }));
    expect(read.data).toMatchObject({ ok: true });
    expect(await prisma.materialAccess.count()).toBe(1);
    const file = await prisma.storedFile.create({ data: { sha256: "a".repeat(64), size: 10, mimeType: "text/markdown", storageKey: `aa/${"a".repeat(64)}` } });
    await prisma.materialVersion.create({ data: { materialId: handout.id, number: 2, storedFileId: file.id, body: "# 改訂版", fileName: "a.md" } });
    const list = await caught(listLoader({ request: getRequest("/", { cookie }), params: { academyId: academy.id }, context }));
    const item = list.data.items.find((i: { material: { id: string } }) => i.material.id === handout.id);
    expect(item.updated).toBe(true);
    expect(item.previousVersionId).toBe(first.data.version.id);
    expect((await view(cookie, academy.id, handout.id, first.data.version.id)).data.html).toContain("第1回 課題の設定・整理");
    // Someone who never opened version 1 cannot pick it from the URL.
    const newcomer = await createUser("participant");
    const enrollment = await enroll(academy.id, newcomer.id, "participant");
    await prisma.teamMember.create({ data: { teamId: (await prisma.team.findFirstOrThrow()).id, enrollmentId: enrollment.id } });
    expect((await view(await sessionCookieFor(newcomer.id), academy.id, handout.id, first.data.version.id)).status).toBe(404);
  });
});

describe("downloads", () => {
  it("serves a worksheet that Excel can open and logs who took which version", async () => {
    const { academy, material, cookie } = await setup(3);
    const sheet = await material("worksheet-problem-definition");
    const res = await downloadLoader({ request: getRequest("/x", { cookie }), params: { academyId: academy.id, materialId: sheet.id }, context });
    expect(res.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    // Opened by a workbook reader, not just checked for ZIP bytes.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const cells = workbook.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String));
    expect(cells.join(" ")).toContain("課題設定シート");
    const log = await downloadLog(academy.id);
    expect(log.counts).toEqual([expect.objectContaining({ title: "課題設定シート", downloads: 1, views: 0 })]);
  });
});

describe("pre-learning", () => {
  it("lets a member mark released pre-learning done and shows it in the team's progress", async () => {
    const { academy, material, cookie } = await setup(3);
    const text = await material("prelearning-participant");
    const res = await caught(listAction({ request: formRequest("/", { intent: "complete", materialId: text.id }, { cookie }), params: { academyId: academy.id }, context }));
    expect(res.status).toBe(302);
    const progress = await preLearningProgress(academy.id);
    expect(progress).toMatchObject({ itemCount: 1, complete: 1, total: 1 });
    const { loader: dashboardLoader } = await import("./dashboard");
    const dashboard = await caught(dashboardLoader({ request: getRequest("/dashboard", { cookie }), params: {}, context }));
    expect(dashboard.data.participant.preLearning[academy.id]).toEqual({ total: 1, done: 1 });
    // A facilitator guide or an outsider cannot be "completed".
    const guide = await material("prelearning-facilitator");
    const refused = await caught(listAction({ request: formRequest("/", { intent: "complete", materialId: guide.id }, { cookie }), params: { academyId: academy.id }, context }));
    expect(refused.status).toBe(400);
    expect(refused.data.reason).toBe("material.validation.missing");
    expect(await preLearningProgress(academy.id)).toMatchObject({ complete: 1 });
  });

  it("mails those behind once, when session 1 is three days away", async () => {
    const { academy } = await setup(2);
    expect(await sendDueReminders()).toBe(1);
    const mail = await prisma.mailMessage.findFirstOrThrow({ where: { to: "member@example.lg.jp" } });
    expect(mail.subject).toContain("事前学習");
    expect(mail.text).toContain(`/academies/${academy.id}/materials`);
    expect(await sendDueReminders()).toBe(0);
  });

  it("mails once when two processes or servers run the hourly jobs at the same moment", async () => {
    await setup(2);
    const mailedBefore = droppedMail(undefined, "member@example.lg.jp").length;
    const now = new Date();
    const [a, b] = await Promise.all([runHourlyJobs(now), runHourlyJobs(now)]);
    // one of them ran each job for this hour, the other skipped it
    expect([a.prelearningReminders, b.prelearningReminders].sort()).toEqual(["ran", "skipped"]);
    expect(await prisma.mailMessage.count({ where: { to: "member@example.lg.jp" } })).toBe(1);
    // even without the job's slot (two processes reminding the same academy), the log's key decides
    const [x, y] = await Promise.all([sendDueReminders(new Date(now.getTime() + 1)), sendDueReminders(new Date(now.getTime() + 1))]);
    expect(x + y).toBe(0);
    expect(droppedMail(undefined, "member@example.lg.jp").length - mailedBefore).toBe(1);
  });

  it("does not remind a week ahead", async () => {
    await setup(7);
    expect(await sendDueReminders()).toBe(0);
  });
});

describe("coordinator uploads", () => {
  async function upload(fields: Record<string, string | Blob>) {
    const coordinator = await createUser("coordinator");
    const cookie = await sessionCookieFor(coordinator.id);
    return caught(newMaterialAction({ request: formRequest("/materials/new", { kind: "file", title: "講義スライド", stage: "problem_definition", audience: "participant", ...fields }, { cookie }), params: {}, context }));
  }
  const filesOnDisk = () => (fs.existsSync(filesDir()) ? fs.readdirSync(filesDir(), { recursive: true }).filter((f) => String(f).length > 10).length : 0);
  const pdf = new Blob(["%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n"]);

  it("stores a real PDF under a safe name, whatever path the browser sent", async () => {
    const res = await upload({ file: new File([pdf], "../../etc/passwd.pdf", { type: "application/pdf" }) });
    expect(res.status).toBe(302);
    const version = await prisma.materialVersion.findFirstOrThrow({ where: { material: { origin: "upload" } }, include: { storedFile: true } });
    expect(version.fileName).toBe("passwd.pdf");
    expect(version.storedFile?.mimeType).toBe("application/pdf");
    expect(fs.existsSync(path.join(filesDir(), version.storedFile!.storageKey))).toBe(true);
  });

  it("takes a long Japanese file name (over 255 bytes), shortened with its extension kept", async () => {
    const longName = `${"令和8年度データアカデミー第3回ワークショップ配布資料（姫路市健康福祉局）".repeat(3)}.pdf`;
    expect(Buffer.byteLength(longName)).toBeGreaterThan(255);
    const res = await upload({ file: new File([pdf], longName, { type: "application/pdf" }) });
    expect(res.status, JSON.stringify(res.data)).toBe(302);
    const version = await prisma.materialVersion.findFirstOrThrow({ where: { material: { origin: "upload" } } });
    expect(version.fileName.startsWith("令和8年度データアカデミー第3回")).toBe(true);
    expect(version.fileName.endsWith(".pdf")).toBe(true);
    expect(Buffer.byteLength(version.fileName!)).toBeLessThanOrEqual(150);
  });

  it.each([
    ["a PDF named .docx", new File([pdf], "slides.docx"), "upload.mismatch"],
    ["a text file named .pdf", new File(["hello"], "notes.pdf"), "upload.unknownType"],
    ["an executable", new File(["MZ..."], "tool.exe"), "upload.extension"],
    ["a PDF with a double extension", new File([pdf], "report.pdf.exe"), "upload.extension"],
    ["an empty file", new File([], "empty.pdf"), "material.validation.noFile"],
  ])("refuses %s and leaves database and disk unchanged", async (_label, file, error) => {
    const before = filesOnDisk();
    const res = await upload({ file });
    expect(res.status).toBe(400);
    expect(res.data.fieldErrors.file, JSON.stringify(res.data)).toBe(error);
    expect(res.data.values.title).toBe("講義スライド");
    expect(await prisma.material.count({ where: { origin: "upload" } })).toBe(0);
    expect(filesOnDisk()).toBe(before);
  });

  it("refuses more than 50 MB", async () => {
    const res = await upload({ file: new File([new Uint8Array(51 * 1024 * 1024)], "big.pdf") });
    expect(res.data.reason).toBe("upload.tooLarge");
    expect(await prisma.material.count({ where: { origin: "upload" } })).toBe(0);
  });

  it("is refused to facilitators", async () => {
    const facilitator = await createUser("facilitator");
    const res = await caught(newMaterialAction({ request: formRequest("/materials/new", { kind: "link", title: "x", url: "https://example.jp", stage: "problem_definition", audience: "participant" }, { cookie: await sessionCookieFor(facilitator.id) }), params: {}, context }));
    expect(res.status).toBe(403);
  });

  it("attaches an uploaded link to an academy with a release time", async () => {
    const { academy, cookie } = await setup(3);
    const coordinator = await createUser("coordinator");
    const created = await caught(newMaterialAction({ request: formRequest("/materials/new", { kind: "link", title: "e-Stat", url: "https://www.e-stat.go.jp/", stage: "data_collection", audience: "participant" }, { cookie: await sessionCookieFor(coordinator.id) }), params: {}, context }));
    expect(created.status).toBe(302);
    const link = await prisma.material.findFirstOrThrow({ where: { origin: "upload" } });
    expect(await setRelease(coordinator.id, academy.id, { materialId: link.id, stageId: null, mode: "fixed", releaseAt: new Date(Date.now() - 1000) })).toEqual({ ok: true });
    const list = await caught(listLoader({ request: getRequest("/", { cookie }), params: { academyId: academy.id }, context }));
    expect(list.data.items.map((i: { material: { title: string } }) => i.material.title)).toContain("e-Stat");
  });
});

describe("who may manage releases", () => {
  it("refuses release changes to participants and the download log to facilitators; strangers get 404", async () => {
    const { academy, cookie, facilitator, material } = await setup(3);
    const handout = await material("session1-participant");
    const asParticipant = await caught(
      listAction({ request: formRequest("/", { intent: "release", materialId: handout.id, mode: "fixed", date: "2026-01-01", time: "09:00" }, { cookie }), params: { academyId: academy.id }, context }),
    );
    expect(asParticipant.status).toBe(403);
    const { loader: logLoader } = await import("./academies.$academyId.materials.log");
    const asFacilitator = await caught(logLoader({ request: getRequest("/", { cookie: await sessionCookieFor(facilitator.id) }), params: { academyId: academy.id }, context }));
    expect(asFacilitator.status).toBe(403);
    const stranger = await createUser("facilitator");
    const asStranger = await caught(listLoader({ request: getRequest("/", { cookie: await sessionCookieFor(stranger.id) }), params: { academyId: academy.id }, context }));
    expect(asStranger.status).toBe(404);
  });

  it("rejects an impossible release date with a message and changes nothing", async () => {
    const { academy, material } = await setup(3);
    const coordinator = await createUser("coordinator");
    const handout = await material("session1-participant");
    const before = await prisma.academyMaterial.findFirstOrThrow({ where: { academyId: academy.id, materialId: handout.id } });
    const res = await caught(
      listAction({ request: formRequest("/", { intent: "release", materialId: handout.id, mode: "fixed", date: "2026-02-30", time: "25:00" }, { cookie: await sessionCookieFor(coordinator.id) }), params: { academyId: academy.id }, context }),
    );
    expect(res.status).toBe(400);
    expect(res.data.reason).toBe("validation.date");
    // both fields named, and what was typed comes back to be put into the form
    expect(res.data.fieldErrors).toMatchObject({ date: "validation.date", time: "validation.time" });
    expect(res.data.values).toMatchObject({ materialId: handout.id, mode: "fixed", date: "2026-02-30", time: "25:00" });
    const after = await prisma.academyMaterial.findFirstOrThrow({ where: { academyId: academy.id, materialId: handout.id } });
    expect(after.releaseAt).toEqual(before.releaseAt);
  });
});
