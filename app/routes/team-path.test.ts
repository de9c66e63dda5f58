import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it, vi } from "vitest";

// A 2 MB limit per file for this test file, read when the configuration is first loaded.
vi.hoisted(() => {
  process.env.DELIVERABLE_MAX_FILE_MB = "2";
});

import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { uploadTmpDir } from "~/modules/files/storage.server";
import { teamPath } from "~/modules/deliverable/path.server";
import { action as stageAction, loader as stageLoader } from "./academies.$academyId.teams.$teamId.stages.$stageId";
import { action as notificationsAction } from "./notifications";
import { loader as zipLoader } from "./academies.$academyId.stages.$stageId.submissions[.zip]";
import { createAcademy, createRegion, createTeam, createUser } from "../../tests/support/factories";
import { caught, context, formRequest, getRequest, sessionCookieFor } from "../../tests/support/requests";
import { droppedMail } from "../../tests/support/mail";
import { xlsxBomb } from "../../tests/support/zip-bomb";

// The team's path through the stage page, as the browser drives it: draft, upload, scan,
// confirm, submit, review, resubmit, accept — and what must never get in.

const DAY = 86400_000;
const MY_NUMBER = "123456789018"; // check-digit-valid

async function world() {
  const region = await createRegion("播磨圏域", ["282014"]);
  const coordinator = await createUser("coordinator");
  const facilitator = await createUser("facilitator");
  const otherFacilitator = await createUser("facilitator");
  const member = await createUser("participant");
  const teammate = await createUser("participant");
  const otherMember = await createUser("participant");
  const now = Date.now();
  const academy = await createAcademy({
    regionId: region.id,
    facilitatorIds: [facilitator.id, otherFacilitator.id],
    sessionStarts: [new Date(now + 1 * DAY), new Date(now + 15 * DAY), new Date(now + 29 * DAY), new Date(now + 43 * DAY)],
  });
  const team = await createTeam(academy.id, "受診率向上チーム", [member.id, teammate.id]);
  await prisma.team.update({ where: { id: team.id }, data: { facilitatorId: facilitator.id } });
  const otherTeam = await createTeam(academy.id, "子育て支援チーム", [otherMember.id]);
  const stage = await prisma.stage.findFirstOrThrow({ where: { academyId: academy.id, key: "problem_definition" } });
  const cookies = {
    coordinator: await sessionCookieFor(coordinator.id),
    facilitator: await sessionCookieFor(facilitator.id),
    otherFacilitator: await sessionCookieFor(otherFacilitator.id),
    member: await sessionCookieFor(member.id),
    teammate: await sessionCookieFor(teammate.id),
    otherMember: await sessionCookieFor(otherMember.id),
  };
  const url = `/academies/${academy.id}/teams/${team.id}/stages/${stage.id}`;
  const params = { academyId: academy.id, teamId: team.id, stageId: stage.id };
  // a form with a file goes as multipart (as the browser sends it), any other as urlencoded
  const post = (who: keyof typeof cookies, fields: Record<string, string | Blob>, p = params) =>
    caught(stageAction({ request: Object.values(fields).some((v) => typeof v !== "string") ? formRequest(url, fields, { cookie: cookies[who] }) : urlencoded(url, fields as Record<string, string>, cookies[who]), params: p, context }));
  const get = (who: keyof typeof cookies, p = params) => caught(stageLoader({ request: getRequest(url, { cookie: cookies[who] }), params: p, context }));
  return { academy, team, otherTeam, stage, users: { coordinator, facilitator, otherFacilitator, member, teammate, otherMember }, cookies, post, get, params };
}

function urlencoded(url: string, fields: Record<string, string>, cookie: string) {
  return new Request(`http://localhost:3000${url}`, {
    method: "POST",
    body: new URLSearchParams(fields).toString(),
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
  });
}

const problemDefinition = {
  intent: "saveWork",
  problemStatement: "特定健診の受診率が県平均より低い",
  targetPopulation: "40〜74歳の国民健康保険加入者",
  "hypotheses.0.text": "働き盛り世代は平日の受診が難しい",
  "hypotheses.1.text": "地区により健診会場までの距離が違う",
};

const csv = (text: string, name = "受診状況.csv") => new File([text], name, { type: "text/csv" });

function blobsOnDisk() {
  const root = env().filesDir;
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true })
    .map(String)
    .filter((p) => !p.startsWith("tmp") && fs.statSync(path.join(root, p)).isFile());
}

describe("a team's problem definition, from draft to accepted", () => {
  it("goes through scan confirmation, a revision and a resubmission, and the team moves on", async () => {
    const w = await world();

    // nothing written yet: submitting says what is missing
    const empty = await w.post("member", { intent: "submit" });
    expect(empty.status).toBe(400);
    expect(empty.data.reason).toBe("deliverable.error.incomplete");
    expect(Object.keys(empty.data.fieldErrors)).toEqual(expect.arrayContaining(["problemStatement", "hypotheses"]));

    expect((await w.post("member", problemDefinition)).status).toBe(302);
    const noFiles = await w.post("member", { intent: "submit" });
    expect(noFiles.data.reason).toBe("deliverable.error.noFiles");

    // a CSV with a phone column: accepted into the draft, flagged, and it blocks submission until confirmed
    const upload = await w.post("member", { file: csv("地区,連絡先\n中央,079-221-1234\n") });
    expect(upload.status).toBe(302);
    const file = await prisma.deliverableFile.findFirstOrThrow({ where: { deliverable: { teamId: w.team.id } } });
    expect(file.fileName).toBe("受診状況.csv");
    expect(file.scanStatus).toBe("needs_confirmation");
    expect((await w.post("member", { intent: "submit" })).data.reason).toBe("deliverable.error.unconfirmedScan");

    const noReason = await w.post("member", { intent: "confirmFile", fileId: file.id, reason: "" });
    expect(noReason.status).toBe(400);
    expect(noReason.data.fieldErrors.reason).toBeTruthy();
    expect((await w.post("member", { intent: "confirmFile", fileId: file.id, reason: "担当課の連絡先で個人のものではない" })).status).toBe(302);

    // the facilitator sees the scan result on the stage page
    const seen = await w.get("facilitator");
    const seenFile = seen.data.files.find((f: { id: string }) => f.id === file.id);
    expect(seenFile.scanStatus).toBe("confirmed");
    expect(seenFile.confirmReason).toContain("担当課");

    // version 1, and the assigned facilitator is told in the app and by mail
    const first = await w.post("member", { intent: "submit", note: "第1版です" });
    expect(first.status).toBe(302);
    let deliverable = await prisma.deliverable.findFirstOrThrow({ where: { teamId: w.team.id, stageId: w.stage.id } });
    expect(deliverable).toMatchObject({ status: "submitted", latestVersion: 1 });
    expect(await prisma.notification.count({ where: { userId: w.users.facilitator.id, kind: "submission" } })).toBe(1);
    expect(droppedMail(undefined, w.users.facilitator.email).length).toBe(1);

    // only the assigned facilitator decides; a participant cannot
    const notAssigned = await w.post("otherFacilitator", { intent: "review", decision: "accept", versionNumber: "1", body: "" });
    expect(notAssigned.data.reason).toBe("review.error.notAssigned");
    expect((await w.post("member", { intent: "review", decision: "accept", versionNumber: "1", body: "" })).status).toBe(403);

    // a revision needs a comment saying what to change
    const bare = await w.post("facilitator", { intent: "review", decision: "request_revision", versionNumber: "1", body: "" });
    expect(bare.data.fieldErrors.body).toBe("review.error.commentRequired");
    const unread = (who: "facilitator" | "member") => prisma.notification.count({ where: { userId: w.users[who].id, readAt: null } });
    expect(await unread("facilitator")).toBe(1);
    const revision = await w.post("facilitator", { intent: "review", decision: "request_revision", versionNumber: "1", body: "仮説ごとに必要なデータを書いてください", "score.hypotheses": "2" });
    expect(revision.status).toBe(302);
    // acting on the submission settles its notice: nothing left unread for the reviewer
    expect(await unread("facilitator")).toBe(0);
    deliverable = await prisma.deliverable.findFirstOrThrow({ where: { id: deliverable.id } });
    expect(deliverable.status).toBe("revision_requested");
    expect(await prisma.notification.count({ where: { userId: w.users.member.id, kind: "review_result" } })).toBe(1);
    expect(droppedMail(undefined, w.users.teammate.email).length).toBe(1);
    // the mail carries what to change, not only "sign in to read it"
    expect(droppedMail(undefined, w.users.teammate.email)[0]!.text).toMatch(/さんのコメント：\n> 仮説ごとに必要なデータを書いてください/);

    // the team resubmits; a decision about the old version is refused
    await w.post("member", { ...problemDefinition, "dataNeeded.0.text": "地区別・年齢階級別の受診率" });
    expect((await w.post("teammate", { intent: "submit" })).status).toBe(302);
    const stale = await w.post("facilitator", { intent: "review", decision: "accept", versionNumber: "1", body: "" });
    expect(stale.data.reason).toBe("review.error.newerVersion");
    expect(await unread("facilitator")).toBe(1);
    expect((await w.post("facilitator", { intent: "review", decision: "accept", versionNumber: "2", body: "よくまとまりました" })).status).toBe(302);
    expect(await unread("facilitator")).toBe(0);
    // the team's own notices stay until they read them
    expect(await unread("member")).toBeGreaterThan(0);

    const versions = await prisma.deliverableVersion.findMany({ where: { deliverableId: deliverable.id }, orderBy: { number: "asc" }, include: { files: true } });
    expect(versions.map((v) => v.number)).toEqual([1, 2]);
    expect(JSON.parse(versions[1]!.work).dataNeeded[0].text).toBe("地区別・年齢階級別の受診率");
    expect(versions.every((v) => v.files.length === 1)).toBe(true);

    // accepted: the work is frozen and the data stage is now the team's current one
    expect((await w.post("member", problemDefinition)).data.reason).toBe("deliverable.error.accepted");
    const { stages, currentIndex } = await teamPath(w.team, new Date());
    expect(stages.find((s) => s.key === "problem_definition")!.state).toBe("done");
    expect(stages[currentIndex]!.key).toBe("data_collection");
  });

  it("the same work submitted eight times at once (double clicks, two members) is one version and one round of mails", async () => {
    const w = await world();
    await w.post("member", problemDefinition);
    await w.post("member", { file: csv("地区,受診率\n中央,35.0\n") });
    const mailsBefore = await prisma.mailMessage.count();
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => w.post(i % 2 ? "teammate" : "member", { intent: "submit" })));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(302));
    const versions = await prisma.deliverableVersion.findMany({ where: { deliverable: { teamId: w.team.id } }, select: { number: true } });
    expect(versions.map((v) => v.number)).toEqual([1]);
    const mailsForOne = (await prisma.mailMessage.count()) - mailsBefore;
    expect(mailsForOne).toBeGreaterThan(0);
    // a change after it is a new version, with its own mails
    await w.post("member", { file: csv("地区,受診率\n東部,31.0\n") });
    expect((await w.post("member", { intent: "submit" })).status).toBe(302);
    expect(await prisma.deliverableVersion.count({ where: { deliverable: { teamId: w.team.id } } })).toBe(2);
    expect((await prisma.mailMessage.count()) - mailsBefore).toBe(2 * mailsForOne);
  });

  it("a late submission is flagged; after the cut-off only an extension lets the team in", async () => {
    const w = await world();
    const past = new Date(Date.now() - 2 * DAY);
    await prisma.stage.update({ where: { id: w.stage.id }, data: { dueAt: past, cutoffAt: new Date(Date.now() - DAY) } });
    await w.post("member", problemDefinition);
    await w.post("member", { file: csv("地区,受診率\n中央,35.0\n") });
    expect((await w.post("member", { intent: "submit" })).data.reason).toBe("deliverable.error.pastCutoff");
    const dueDate = new Date(Date.now() + 7 * DAY).toISOString().slice(0, 10);
    expect((await w.post("member", { intent: "extend", dueDate, reason: "担当者の異動" })).status).toBe(403);
    expect((await w.post("facilitator", { intent: "extend", dueDate, reason: "担当者の異動" })).status).toBe(302);
    expect((await w.post("member", { intent: "submit" })).status).toBe(302);
    const version = await prisma.deliverableVersion.findFirstOrThrow({ where: { deliverable: { teamId: w.team.id } } });
    expect(version.late).toBe(false);

    await prisma.stageExtension.deleteMany();
    await prisma.stage.update({ where: { id: w.stage.id }, data: { cutoffAt: null } });
    await prisma.deliverable.updateMany({ data: { status: "revision_requested" } });
    expect((await w.post("member", { intent: "submit" })).status).toBe(302);
    const late = await prisma.deliverableVersion.findFirstOrThrow({ where: { deliverable: { teamId: w.team.id }, number: 2 } });
    expect(late.late).toBe(true);
  });
});

describe("who may see and change a team's stage", () => {
  it("another team's member gets 404 and changes nothing; a facilitator cannot write the team's work", async () => {
    const w = await world();
    expect((await w.get("otherMember")).status).toBe(404);
    expect((await w.post("otherMember", problemDefinition)).status).toBe(404);
    expect((await w.post("otherMember", { file: csv("a,b\n1,2\n") })).status).toBe(404);
    expect((await w.post("facilitator", problemDefinition)).status).toBe(403);
    expect((await w.post("facilitator", { file: csv("a,b\n1,2\n") })).status).toBe(403);
    // the other team's id with this team's stage page: their files are not reachable through ours
    await w.post("member", { file: csv("地区,受診率\n中央,35.0\n") });
    const file = await prisma.deliverableFile.findFirstOrThrow();
    const foreign = await w.post("otherMember", { intent: "removeFile", fileId: file.id }, { ...w.params, teamId: w.otherTeam.id });
    expect(foreign.status).toBe(404);
    expect((await prisma.deliverableFile.findUniqueOrThrow({ where: { id: file.id } })).removedAt).toBeNull();
    expect(await prisma.deliverable.count({ where: { teamId: w.team.id } })).toBe(1);
  });
});

describe("uploads that must not get in", () => {
  // the database is wiped per test, the files folder per test file: compare with before
  async function refused(w: Awaited<ReturnType<typeof world>>, file: File) {
    const before = blobsOnDisk();
    const res = await w.post("member", { file });
    expect(res.status).toBe(400);
    expect(await prisma.deliverableFile.count()).toBe(0);
    expect(await prisma.storedFile.count()).toBe(0);
    expect(blobsOnDisk()).toEqual(before);
    // nothing left of the upload in this process's temporary folder
    expect(fs.readdirSync(uploadTmpDir())).toEqual([]);
    return res.data;
  }

  it("a CSV holding a My Number is refused with the row and column, in Shift_JIS too", async () => {
    const w = await world();
    const data = await refused(w, csv(`番号,地区\n1,中央\n${MY_NUMBER},北部\n`, "名簿.csv"));
    expect(data.reason).toBe("privacy.myNumberRefused");
    expect(data.failure).toMatchObject({ fileName: "名簿.csv", finding: { row: 3, columnLabel: "A", header: "番号" } });
    const sjis = iconv.encode(`個人番号,氏名\r\n${MY_NUMBER},山田\r\n`, "Shift_JIS");
    expect((await refused(w, new File([new Uint8Array(sjis)], "sjis.csv"))).reason).toBe("privacy.myNumberRefused");
  });

  it("refuses a file whose bytes do not match its name, a disguised executable and an unknown type", async () => {
    const w = await world();
    expect((await refused(w, new File(["just text, not a PDF"], "報告書.pdf"))).reason).toBe("upload.unknownType");
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, ...Array.from({ length: 32 }, () => 0)]);
    expect((await refused(w, new File([png], "報告書.pdf"))).reason).toBe("upload.mismatch");
    expect((await refused(w, new File(["MZ\x90\x00"], "report.pdf.exe"))).reason).toBe("upload.extension");
    expect((await refused(w, new File(["%PDF-1.7\n%%EOF\n"], "report.exe.pdf.zip"))).reason).toBe("upload.extension");
  });

  it("refuses an empty file and a file over the limit", async () => {
    const w = await world();
    expect((await refused(w, new File([], "空.csv"))).reason).toBe("upload.empty");
    expect((await refused(w, new File([new Uint8Array(2 * 1024 * 1024 + 1).fill(0x41)], "big.csv"))).reason).toBe("upload.tooLarge");
  });

  it("refuses an XLSX bomb before anything opens it", async () => {
    const w = await world();
    const bomb = await xlsxBomb(400 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    expect((await refused(w, new File([new Uint8Array(bomb)], "集計.xlsx"))).reason).toBe("upload.unpackedTooLarge");
  });

  it("stores nothing when one file of several is refused", async () => {
    const w = await world();
    const before = blobsOnDisk();
    const body = new FormData();
    body.append("file", csv("地区,受診率\n中央,35.0\n", "ok.csv"));
    body.append("file", new File(["not a png"], "chart.png"));
    const res = await caught(stageAction({ request: new Request(`http://localhost:3000/x`, { method: "POST", body, headers: { Cookie: w.cookies.member } }), params: w.params, context }));
    expect(res.status).toBe(400);
    expect(res.data.failure.fileName).toBe("chart.png");
    expect(res.data.outcomes.map((o: { fileName: string; reason: string | null }) => [o.fileName, o.reason])).toEqual([["ok.csv", null], ["chart.png", "upload.unknownType"]]);
    expect(await prisma.deliverableFile.count()).toBe(0);
    expect(blobsOnDisk()).toEqual(before);
  });

  it("a path in the file name reaches neither the disk nor the name shown", async () => {
    const w = await world();
    expect((await w.post("member", { file: csv("地区,受診率\n中央,35.0\n", "../../../etc/受診率.csv") })).status).toBe(302);
    const file = await prisma.deliverableFile.findFirstOrThrow();
    expect(file.fileName).not.toContain("/");
    expect(file.fileName).toContain("受診率.csv");
    expect(blobsOnDisk().every((p) => /^[0-9a-f]{2}\/[0-9a-f]{64}$/.test(p) || /^[0-9a-f]{2}$/.test(p))).toBe(true);
  });
});

describe("notifications", () => {
  it("mail can be turned off per kind; the in-app notice still arrives", async () => {
    const w = await world();
    const cookie = w.cookies.facilitator;
    // the form sends the kinds left on: here only review results, so no mail for submissions
    const settings = await caught(notificationsAction({ request: urlencoded("/notifications", { intent: "settings", mail: "review_result" }, cookie), params: {}, context }));
    expect(settings.status).toBe(302);
    await w.post("member", problemDefinition);
    await w.post("member", { file: csv("地区,受診率\n中央,35.0\n") });
    await w.post("member", { intent: "submit" });
    expect(await prisma.notification.count({ where: { userId: w.users.facilitator.id, kind: "submission" } })).toBe(1);
    expect(droppedMail(undefined, w.users.facilitator.email)).toEqual([]);

    const markAll = await caught(notificationsAction({ request: urlencoded("/notifications", { intent: "readAll" }, cookie), params: {}, context }));
    expect(markAll.status).toBe(302);
    expect(await prisma.notification.count({ where: { userId: w.users.facilitator.id, readAt: null } })).toBe(0);
  });
});

describe("handing in work in one step", () => {
  const multipart = (w: Awaited<ReturnType<typeof world>>, files: File[]) => {
    const body = new FormData();
    for (const f of files) body.append("file", f);
    const url = `/academies/${w.academy.id}/teams/${w.team.id}/stages/${w.stage.id}`;
    return caught(stageAction({ request: new Request(`http://localhost:3000${url}`, { method: "POST", body, headers: { Cookie: w.cookies.member } }), params: w.params, context }));
  };

  it("submitting what was typed, never saved, saves and hands it in; work that cannot be saved is refused with nothing written", async () => {
    const w = await world();
    await w.post("member", { file: csv("地区,受診率\n中央,35.0\n") });
    // the submit button belongs to the work form: the typed fields come with it
    const bad = await w.post("member", { ...problemDefinition, intent: "submit", withWork: "1", note: "第1版", problemStatement: "x".repeat(20_000) });
    expect(bad.status).toBe(400);
    expect(bad.data).toMatchObject({ form: "work", values: { note: "第1版", targetPopulation: problemDefinition.targetPopulation } });
    expect(Object.keys(bad.data.fieldErrors)).toContain("problemStatement");
    expect(await prisma.deliverableVersion.count()).toBe(0);
    expect(JSON.parse((await prisma.deliverable.findFirstOrThrow({ where: { teamId: w.team.id } })).work)).toEqual({});

    const sent = await w.post("member", { ...problemDefinition, intent: "submit", withWork: "1", note: "第1版" });
    expect(sent.status).toBe(302);
    const version = await prisma.deliverableVersion.findFirstOrThrow({ where: { deliverable: { teamId: w.team.id } } });
    expect(JSON.parse(version.work).problemStatement).toBe(problemDefinition.problemStatement);
    expect(version.note).toBe("第1版");
  });

  it("the draft saves itself without a message, and saving the same draft again writes nothing", async () => {
    const w = await world();
    const saved = await w.post("member", { ...problemDefinition, intent: "autosave", withWork: "1" });
    expect(saved.status).toBe(200);
    expect(saved.data).toMatchObject({ ok: true, savedAt: expect.any(String) });
    expect(saved.headers.get("Set-Cookie") ?? "").not.toContain("flash");
    const work = JSON.parse((await prisma.deliverable.findFirstOrThrow({ where: { teamId: w.team.id } })).work);
    expect(work.problemStatement).toBe(problemDefinition.problemStatement);
    const audits = await prisma.auditEvent.count({ where: { action: "team.work_save" } });
    expect(audits).toBe(1);
    // the same draft again (the ids the first save gave are in the form now)
    const again = { ...problemDefinition, intent: "autosave", "hypotheses.0.id": work.hypotheses[0].id, "hypotheses.1.id": work.hypotheses[1].id };
    expect((await w.post("member", again)).status).toBe(200);
    expect(await prisma.auditEvent.count({ where: { action: "team.work_save" } })).toBe(1);
    // only members
    expect((await w.post("facilitator", { ...problemDefinition, intent: "autosave" })).status).toBe(403);
  });

  it("a batch with one bad file says what happened to every file, and adds none", async () => {
    const w = await world();
    const res = await multipart(w, [csv("地区,受診率\n中央,35.0\n", "受診率.csv"), new File(["just text, not a PDF"], "報告書.pdf"), csv("地区\n北部\n", "地区.csv")]);
    expect(res.status).toBe(400);
    expect(res.data.outcomes).toEqual([
      { fileName: "受診率.csv", reason: null },
      { fileName: "報告書.pdf", reason: "upload.unknownType" },
      { fileName: "地区.csv", reason: null },
    ]);
    expect(await prisma.deliverableFile.count()).toBe(0);
  });

  it("a table with a My Number reports everything the scan found at once", async () => {
    const w = await world();
    const res = await multipart(w, [csv(`番号,地区,連絡先,メール\n${MY_NUMBER},中央,079-221-1234,taro@example.jp\n`, "名簿.csv")]);
    expect(res.data.reason).toBe("privacy.myNumberRefused");
    const kinds = Object.keys(res.data.outcomes[0].scan.counts);
    expect(kinds).toEqual(expect.arrayContaining(["my_number", "phone", "email"]));
  });

  it("the same file uploaded twice (a second click) is attached once", async () => {
    const w = await world();
    const file = () => csv("地区,受診率\n中央,35.0\n", "受診率.csv");
    const answers = await Promise.all([multipart(w, [file()]), multipart(w, [file()])]);
    expect(answers.map((a) => a.status)).toEqual([302, 302]);
    expect(await prisma.deliverableFile.count({ where: { removedAt: null } })).toBe(1);
    expect((await multipart(w, [file()])).status).toBe(302);
    expect(await prisma.deliverableFile.count({ where: { removedAt: null } })).toBe(1);
    // the same content under another name is another file
    expect((await multipart(w, [csv("地区,受診率\n中央,35.0\n", "受診率（写し）.csv")])).status).toBe(302);
    expect(await prisma.deliverableFile.count({ where: { removedAt: null } })).toBe(2);
  });
});

describe("a stage's submissions in one zip", () => {
  it("holds each team's latest version in a folder of its own, opened by another program; only reviewers get it", async () => {
    const w = await world();
    await w.post("member", problemDefinition);
    await w.post("member", { file: csv("地区,受診率\n中央,35.0\n", "受診率.csv") });
    expect((await w.post("member", { intent: "submit" })).status).toBe(302);
    const url = `/academies/${w.academy.id}/stages/${w.stage.id}/submissions.zip`;
    const get = (who: keyof typeof w.cookies) => caught(zipLoader({ request: getRequest(url, { cookie: w.cookies[who] }), params: { academyId: w.academy.id, stageId: w.stage.id }, context }));
    const answer = (await zipLoader({ request: getRequest(url, { cookie: w.cookies.facilitator }), params: { academyId: w.academy.id, stageId: w.stage.id }, context })) as Response;
    expect(answer.headers.get("Content-Type")).toBe("application/zip");
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dam-zip-")), "stage.zip");
    fs.writeFileSync(file, new Uint8Array(await answer.arrayBuffer()));
    // Python's zipfile, not the library that wrote it
    const listing = execFileSync("python3", ["-c", "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print('\\n'.join(z.namelist())); print(z.read(z.namelist()[0]).decode('utf-8'))", file], { encoding: "utf8" });
    expect(listing).toContain("受診率向上チーム/受診率.csv");
    expect(listing).toContain("提出一覧.txt");
    expect(listing).toContain("地区,受診率");
    expect((await get("member")).status).toBe(403);
    expect((await get("otherMember")).status).toBe(403);
    expect((await caught(zipLoader({ request: getRequest(url, { cookie: w.cookies.facilitator }), params: { academyId: w.academy.id, stageId: "no-such-stage" }, context }))).status).toBe(404);
  });
});
