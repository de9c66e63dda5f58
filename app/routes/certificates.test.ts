import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import yauzl from "yauzl";
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { fromTokyo } from "~/utils/dates";
import { action, loader as pageLoader } from "./academies.$academyId.certificates._index";
import { loader as pdfLoader } from "./academies.$academyId.certificates.$certificateId";
import { loader as zipLoader } from "./academies.$academyId.certificates.all[.zip]";
import { createAcademy, createRegion, createTeam, createUser } from "../../tests/support/factories";
import { caught, context, formRequest, getRequest, sessionCookieFor } from "../../tests/support/requests";

// Completion certificates (修了証) as a coordinator issues them and people download them. The PDF
// is read back by poppler (pdftotext, pdftoppm), not by the library that wrote it.

async function world() {
  const facilitator = await createUser("facilitator");
  const starts = [fromTokyo(2025, 9, 10, 13), fromTokyo(2025, 9, 24, 13), fromTokyo(2025, 10, 8, 13), fromTokyo(2025, 10, 22, 13)];
  const academy = await createAcademy({ regionId: (await createRegion("播磨圏域", ["282014"])).id, fiscalYear: 2025, name: "播磨圏域データアカデミー", facilitatorIds: [facilitator.id], sessionStarts: starts });
  const completer = await createUser("participant", { displayName: "姫路 花子", municipalityCode: "282014", department: "健康福祉局" });
  const dropout = await createUser("participant", { displayName: "途中 太郎" });
  await createTeam(academy.id, "受診率向上チーム", [completer.id, dropout.id]);
  await prisma.enrollment.updateMany({ where: { academyId: academy.id, userId: completer.id }, data: { municipalityCode: "282014", department: "健康福祉局" } });
  const sessions = await prisma.workshopSession.findMany({ where: { academyId: academy.id }, orderBy: { sequence: "asc" } });
  const enrollment = (userId: string) => prisma.enrollment.findUniqueOrThrow({ where: { academyId_userId: { academyId: academy.id, userId } } });
  const [a, b] = [await enrollment(completer.id), await enrollment(dropout.id)];
  await prisma.attendance.createMany({ data: sessions.map((s, i) => ({ sessionId: s.id, enrollmentId: a.id, status: i === 2 ? "late" : "present" })) });
  await prisma.attendance.create({ data: { sessionId: sessions[0]!.id, enrollmentId: b.id, status: "present" } });
  const other = await createAcademy({ regionId: (await createRegion("千代田区", ["131016"])).id, fiscalYear: 2025 });
  return {
    academy,
    other,
    coordinator: await sessionCookieFor((await createUser("coordinator")).id),
    asFacilitator: await sessionCookieFor(facilitator.id),
    asCompleter: await sessionCookieFor(completer.id),
    asDropout: await sessionCookieFor(dropout.id),
  };
}

const post = (academyId: string, cookie: string, fields: Record<string, string>) => caught(action({ request: formRequest(`/academies/${academyId}/certificates`, fields, { cookie }), params: { academyId }, context }));
const pdf = (academyId: string, certificateId: string, cookie: string) => caught(pdfLoader({ request: getRequest(`/academies/${academyId}/certificates/${certificateId}`, { cookie }), params: { academyId, certificateId }, context }));

async function pdfText(bytes: ArrayBuffer) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "certificate-"));
  const file = path.join(dir, "c.pdf");
  fs.writeFileSync(file, Buffer.from(bytes));
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  execFileSync("pdftoppm", ["-png", "-r", "30", "-singlefile", file, path.join(dir, "page")]);
  const png = fs.statSync(path.join(dir, "page.png")).size;
  const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" });
  fs.rmSync(dir, { recursive: true });
  return { text, png, fonts };
}

function zipEntries(bytes: ArrayBuffer): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const names: string[] = [];
      zip.on("entry", (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on("end", () => resolve(names));
      zip.readEntry();
    });
  });
}

describe("completion certificates", () => {
  it("are issued to those who completed, with the issuing body asked for first, once each", async () => {
    const w = await world();
    const id = w.academy.id;
    expect((await post(id, w.coordinator, { intent: "issue" })).data.reason).toBe("certificate.error.noIssuer");
    const tooLong = await post(id, w.coordinator, { intent: "issuer", certificateIssuer: "長".repeat(101) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.data.values.certificateIssuer).toBe("長".repeat(101));
    expect((await prisma.academy.findUniqueOrThrow({ where: { id } })).certificateIssuer).toBe("");
    expect((await post(id, w.coordinator, { intent: "issuer", certificateIssuer: "播磨圏域データアカデミー実行委員会" })).status).toBe(302);
    // a double click: two requests at once give one certificate and one "already issued"
    const [first, second] = await Promise.all([post(id, w.coordinator, { intent: "issue" }), post(id, w.coordinator, { intent: "issue" })]);
    expect([first.status, second.status].sort()).toEqual([302, 400]);
    // the holder is told once, by mail as well; the participant who did not complete hears nothing
    const holder = await prisma.user.findFirstOrThrow({ where: { displayName: "姫路 花子" } });
    const told = await prisma.mailMessage.findMany({ where: { subject: { contains: "修了証" } }, select: { to: true, subject: true, text: true } });
    expect(told).toEqual([expect.objectContaining({ to: holder.email, subject: "【データアカデミー】「播磨圏域データアカデミー」の修了証が発行されました。ダウンロードできます。" })]);
    expect(await prisma.notification.count({ where: { kind: "certificate" } })).toBe(1);
    const page = await caught(pageLoader({ request: getRequest(`/academies/${id}/certificates`, { cookie: w.asFacilitator }), params: { academyId: id }, context }));
    expect(page.data.people.map((p: { displayName: string }) => p.displayName)).toEqual(["姫路 花子"]);
    expect(page.data.people[0].certificate).toMatchObject({ fiscalYear: 2025, serial: 1 });
    expect(page.data.notCompleted).toBe(1);
    // staff other than coordinators read, do not issue; participants see nothing
    expect((await post(id, w.asFacilitator, { intent: "issue" })).status).toBe(403);
    expect((await caught(pageLoader({ request: getRequest(`/academies/${id}/certificates`, { cookie: w.asCompleter }), params: { academyId: id }, context }))).status).toBe(403);
  });

  it("print the holder, the academy, its dates and the issuer in Japanese with the font embedded", async () => {
    const w = await world();
    const id = w.academy.id;
    await post(id, w.coordinator, { intent: "issuer", certificateIssuer: "播磨圏域データアカデミー実行委員会" });
    await post(id, w.coordinator, { intent: "issue" });
    const certificate = await prisma.certificate.findFirstOrThrow({ where: { academyId: id } });
    const mine = await pdf(id, certificate.id, w.asCompleter);
    expect(mine.status).toBe(200);
    const response = (await pdfLoader({ request: getRequest(`/academies/${id}/certificates/${certificate.id}`, { cookie: w.asCompleter }), params: { academyId: id, certificateId: certificate.id }, context })) as Response;
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(decodeURIComponent(response.headers.get("Content-Disposition")!)).toContain("修了証_2025-0001_姫路花子.pdf");
    const { text, png, fonts } = await pdfText(await response.arrayBuffer());
    const flat = text.replace(/\s+/g, "");
    expect(flat).toContain("修了証");
    expect(flat).toContain("第2025-0001号");
    expect(flat).toContain("姫路花子殿");
    expect(flat).toContain("姫路市健康福祉局");
    expect(flat).toContain("令和7年度");
    expect(flat).toContain("「播磨圏域データアカデミー」");
    expect(flat).toContain("令和7年9月10日から令和7年10月22日まで全4回");
    expect(flat).toContain("播磨圏域データアカデミー実行委員会");
    expect(fonts).toMatch(/NotoSansJP-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
    expect(png).toBeGreaterThan(1000);
    // someone else's certificate is not there for a participant, nor for another academy's staff
    expect((await pdf(id, certificate.id, w.asDropout)).status).toBe(404);
    expect((await pdf(w.other.id, certificate.id, w.coordinator)).status).toBe(404);
    expect((await pdf(id, certificate.id, w.asFacilitator)).status).toBe(200);
  });

  it("come as one zip, and a revoked one is gone until it is issued again with its number", async () => {
    const w = await world();
    const id = w.academy.id;
    await post(id, w.coordinator, { intent: "issuer", certificateIssuer: "実行委員会" });
    await post(id, w.coordinator, { intent: "issue" });
    const zip = (await zipLoader({ request: getRequest(`/academies/${id}/certificates/all.zip`, { cookie: w.asFacilitator }), params: { academyId: id }, context })) as Response;
    expect(zip.headers.get("Content-Type")).toBe("application/zip");
    expect(await zipEntries(await zip.arrayBuffer())).toEqual(["修了証_2025-0001_姫路花子.pdf"]);
    expect((await caught(zipLoader({ request: getRequest(`/academies/${id}/certificates/all.zip`, { cookie: w.asCompleter }), params: { academyId: id }, context }))).status).toBe(403);

    const certificate = await prisma.certificate.findFirstOrThrow({ where: { academyId: id } });
    expect((await post(id, w.coordinator, { intent: "revoke", certificateId: "no-such-certificate" })).status).toBe(404);
    expect((await post(id, w.coordinator, { intent: "revoke", certificateId: certificate.id })).status).toBe(302);
    expect((await pdf(id, certificate.id, w.asCompleter)).status).toBe(404);
    expect((await caught(zipLoader({ request: getRequest(`/academies/${id}/certificates/all.zip`, { cookie: w.coordinator }), params: { academyId: id }, context }))).status).toBe(404);
    await post(id, w.coordinator, { intent: "issue" });
    expect(await prisma.certificate.findUniqueOrThrow({ where: { id: certificate.id } })).toMatchObject({ serial: 1, revokedAt: null });
    expect(await prisma.auditEvent.count({ where: { entityId: id, action: { startsWith: "certificate." } } })).toBe(3);
  });
});
