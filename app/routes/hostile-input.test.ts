import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { uploadTmpDir } from "~/modules/files/storage.server";
import { action as loginAction } from "./login";
import { action as forgotAction } from "./forgot-password";
import { action as newMaterialAction } from "./materials.new";
import { action as rosterAction } from "./academies.$academyId.roster";
import { createAcademy, createRegion, createUser } from "../../tests/support/factories";
import { caught, context, formRequest, sessionCookieFor } from "../../tests/support/requests";
import { xlsxBomb } from "../../tests/support/zip-bomb";

// What an attacker or an unlucky client sends: bodies that are too big, endless, not forms, or
// archives that unpack to gigabytes. Each gets a 4xx or a clear form message, and nothing is
// written to the database or left on disk.

const MB = 1024 * 1024;

function post(pathname: string, body: BodyInit | ReadableStream<Uint8Array>, headers: Record<string, string>) {
  return new Request(`http://localhost:3000${pathname}`, { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

/** A body of `total` bytes that arrives in 64 KB chunks with no Content-Length; counts what was pulled. */
function endlessBody(total: number, byte = 0x61) {
  const chunk = new Uint8Array(64 * 1024).fill(byte);
  const pulled = { bytes: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= total) return controller.close();
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled };
}

/** Uploads in progress of this process (storage.server.ts: one folder per process). */
const tmpFiles = () => fs.readdirSync(uploadTmpDir());

describe("form bodies", () => {
  it("refuses a 5 MB sign-in form with 413 before reading it, and records no attempt", async () => {
    const body = `email=a%40example.jp&password=${"x".repeat(5 * MB)}`;
    const res = await caught(loginAction({ request: post("/login", body, { "Content-Type": "application/x-www-form-urlencoded" }), params: {}, context }));
    expect(res.status).toBe(413);
    expect(await prisma.loginAttempt.count()).toBe(0);
  });

  it("stops reading an endless body without Content-Length just past the limit", async () => {
    const { stream, pulled } = endlessBody(200 * MB);
    const res = await caught(forgotAction({ request: post("/forgot-password", stream, { "Content-Type": "application/x-www-form-urlencoded" }), params: {}, context }));
    expect(res.status).toBe(413);
    expect(pulled.bytes).toBeLessThan(1 * MB);
    expect(await prisma.mailMessage.count()).toBe(0);
  });

  it("answers 415 to text, JSON and XML bodies, and 400 to a form that is not UTF-8", async () => {
    for (const type of ["text/plain", "application/json", "application/xml", ""]) {
      const res = await caught(loginAction({ request: post("/login", "email=a%40example.jp", type ? { "Content-Type": type } : {}), params: {}, context }));
      expect(res.status, type).toBe(415);
    }
    const broken = await caught(loginAction({ request: post("/login", new Uint8Array([0x65, 0x3d, 0xff, 0xfe]), { "Content-Type": "application/x-www-form-urlencoded" }), params: {}, context }));
    expect(broken.status).toBe(400);
    const badMultipart = await caught(loginAction({ request: post("/login", "--x\r\nnonsense", { "Content-Type": "multipart/form-data; boundary=y" }), params: {}, context }));
    expect(badMultipart.status).toBe(400);
  });

  it("refuses a form with thousands of fields", async () => {
    const body = Array.from({ length: 5000 }, (_, i) => `f${i}=1`).join("&");
    const res = await caught(loginAction({ request: post("/login", body, { "Content-Type": "application/x-www-form-urlencoded" }), params: {}, context }));
    expect(res.status).toBe(413);
  });
});

describe("uploads", () => {
  async function coordinatorCookie() {
    return sessionCookieFor((await createUser("coordinator")).id);
  }
  const materialFields = { kind: "file", title: "講義スライド", stage: "problem_definition", audience: "participant" };

  it("refuses an XLSX that unpacks to 400 MB: not stored, not listed, nothing left in the temporary folder", async () => {
    const cookie = await coordinatorCookie();
    const bomb = await xlsxBomb(400 * MB);
    expect(bomb.length).toBeLessThan(3 * MB);
    const res = await caught(newMaterialAction({ request: formRequest("/materials/new", { ...materialFields, file: new File([new Uint8Array(bomb)], "集計表.xlsx") }, { cookie }), params: {}, context }));
    expect(res.status).toBe(400);
    expect(res.data.fieldErrors.file).toBe("upload.unpackedTooLarge");
    expect(res.data.values.title).toBe("講義スライド");
    expect(await prisma.material.count({ where: { origin: "upload" } })).toBe(0);
    expect(await prisma.storedFile.count()).toBe(0);
    expect(tmpFiles()).toEqual([]);
  });

  it("refuses an archive whose headers understate what it holds", async () => {
    const cookie = await coordinatorCookie();
    const liar = await xlsxBomb(50 * MB, 1000);
    const res = await caught(newMaterialAction({ request: formRequest("/materials/new", { ...materialFields, file: new File([new Uint8Array(liar)], "liar.xlsx") }, { cookie }), params: {}, context }));
    expect(res.data.fieldErrors.file).toBe("upload.brokenArchive");
    expect(await prisma.storedFile.count()).toBe(0);
  });

  it("refuses a second file part and a stray file field, keeping no temporary file", async () => {
    const cookie = await coordinatorCookie();
    const body = new FormData();
    for (const [k, v] of Object.entries(materialFields)) body.append(k, v);
    body.append("file", new File(["%PDF-1.7\n%%EOF\n"], "a.pdf"));
    body.append("file", new File([new Uint8Array(3 * MB)], "b.pdf"));
    const res = await caught(newMaterialAction({ request: new Request("http://localhost:3000/materials/new", { method: "POST", body, headers: { Cookie: cookie } }), params: {}, context }));
    expect(res.data.reason).toBe("upload.invalid");
    const stray = new FormData();
    stray.append("title", "x");
    stray.append("other", new File([new Uint8Array(1024)], "c.pdf"));
    const res2 = await caught(newMaterialAction({ request: new Request("http://localhost:3000/materials/new", { method: "POST", body: stray, headers: { Cookie: cookie } }), params: {}, context }));
    expect(res2.data.reason).toBe("upload.invalid");
    expect(tmpFiles()).toEqual([]);
  });

  it("says a text field is too long (not that the file is), and keeps no file", async () => {
    const cookie = await coordinatorCookie();
    const res = await caught(
      newMaterialAction({ request: formRequest("/materials/new", { file: new File(["%PDF-1.7\n%%EOF\n"], "a.pdf"), ...materialFields, description: "あ".repeat(40_000) }, { cookie }), params: {}, context }),
    );
    expect(res.data.reason).toBe("upload.fieldTooLarge");
    expect(tmpFiles()).toEqual([]);
  });

  it("cuts off a multipart body without Content-Length past the limit and removes the partial file", async () => {
    const cookie = await coordinatorCookie();
    const boundary = "----damtest";
    const head = new TextEncoder().encode(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`);
    const { stream: tail, pulled } = endlessBody(300 * MB, 0x20);
    const reader = tail.getReader();
    let sentHead = false;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!sentHead) {
          sentHead = true;
          return controller.enqueue(head);
        }
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
    });
    const res = await caught(
      newMaterialAction({ request: post("/materials/new", stream, { Cookie: cookie, "Content-Type": `multipart/form-data; boundary=${boundary}` }), params: {}, context }),
    );
    expect(res.data.reason).toBe("upload.tooLarge");
    expect(pulled.bytes).toBeLessThan(60 * MB);
    expect(tmpFiles()).toEqual([]);
  });

  it("refuses a roster workbook that unpacks to 400 MB and writes nothing", async () => {
    const coordinator = await createUser("coordinator");
    const region = await createRegion("播磨圏域", ["282014"]);
    const academy = await createAcademy({ regionId: region.id });
    const bomb = await xlsxBomb(400 * MB);
    const res = await caught(
      rosterAction({ request: formRequest("/roster", { intent: "preview", file: new File([new Uint8Array(bomb)], "名簿.xlsx") }, { cookie: await sessionCookieFor(coordinator.id) }), params: { academyId: academy.id }, context }),
    );
    expect(res.data).toMatchObject({ ok: false, reason: "roster.error.unpackedTooLarge" });
    expect(await prisma.teamMember.count()).toBe(0);
  });
});
