import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { action as createAction, loader as staffListLoader } from "./manage.calls._index";
import { action as settingsAction } from "./manage.calls.$callId._index";
import { loader as exportLoader } from "./manage.calls.$callId.applications.export.$format";
import { isA4, printWorkbook } from "../../tests/support/print";
import { loader as publicListLoader } from "./calls._index";
import { action as startAction, loader as publicCallLoader } from "./calls.$callId._index";
import { action as registerAction } from "./calls.$callId.register";
import { action as applicationAction, loader as applicationLoader } from "./applications.$applicationId";
import { action as rankedAction, loader as rankedLoader } from "./manage.calls.$callId.applications._index";
import { action as reviewAction, loader as reviewLoader } from "./manage.calls.$callId.applications.$applicationId";
import fs from "node:fs";
import path from "node:path";
import { action as signUpAction, loader as signUpLoader } from "./sign-up.$token";
import { checkInvitation, sendInvitation } from "~/modules/account/invitation.server";
import { createUser } from "../../tests/support/factories";
import { droppedMail, lastMailTo, linkIn } from "../../tests/support/mail";
import { caught, context, formRequest, getRequest, sessionCookieFor } from "../../tests/support/requests";

// A call for applications from opening to the academy it produces: the coordinator opens it,
// governments apply (and are refused when they should be), reviewers score, the coordinator
// decides, mails, publishes the names and turns a selected application into an academy.

const DAY = 86_400_000;
/** Blobs in the file store (not the temporary uploads). */
const blobsOnDisk = () => {
  const dir = process.env.FILES_DIR!;
  const tmp = path.resolve(process.env.UPLOAD_TMP_DIR ?? path.join(dir, "tmp"));
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && !path.resolve(e.parentPath, e.name).startsWith(tmp)).length;
};
const tokyo = (d: Date) => new Date(d.getTime() + 9 * 3600_000).toISOString().slice(0, 10);

async function openCall(coordinator: string, deadline = new Date(Date.now() + 10 * DAY)) {
  const res = await caught(createAction({ request: formRequest("/manage/calls", { title: "令和9年度 データアカデミー参加団体の募集", fiscalYear: "2027", description: "地域の課題をデータで解決する職員研修です。", deadlineDate: tokyo(deadline), deadlineTime: "17:00" }, { cookie: coordinator }), params: {}, context }));
  expect(res.status, JSON.stringify(res.data)).toBe(302);
  const callId = res.headers.get("Location")!.split("/").pop()!;
  const settings = (fields: Record<string, string>) => caught(settingsAction({ request: formRequest(`/manage/calls/${callId}`, fields, { cookie: coordinator }), params: { callId }, context }));
  const published = await settings({ intent: "publish" });
  expect(published.status, JSON.stringify(published.data)).toBe(302);
  const tracks = await prisma.callTrack.findMany({ where: { callId }, orderBy: { position: "asc" } });
  return { callId, settings, consultation: tracks[0]!, academyTrack: tracks[1]! };
}

const complete = (trackId: string, codes: string) => ({ intent: "submit", trackId, municipalityCodes: codes, contactName: "姫路 花子", contactDepartment: "健康福祉局 健康課", contactPhone: "079-221-2111", problem: "特定健診の受診率が低い\n働き盛り世代の受診が伸びない。", dataHeld: "特定健診結果（2019〜2024年度、CSV）", dataDepartment: "市民局 国民健康保険課", staffCount: "5", consentPublication: "on" });

async function applicant(displayName: string, locale: string | null = null) {
  const user = await createUser("participant", { displayName });
  if (locale) await prisma.user.update({ where: { id: user.id }, data: { locale } });
  return { user, cookie: await sessionCookieFor(user.id) };
}

async function start(callId: string, trackId: string, cookie: string) {
  const res = await caught(startAction({ request: formRequest(`/calls/${callId}`, { trackId }, { cookie }), params: { callId }, context }));
  expect(res.status, JSON.stringify(res.data)).toBe(302);
  return res.headers.get("Location")!.split("/").pop()!;
}
const apply = (id: string, cookie: string, fields: Record<string, string | Blob>) => caught(applicationAction({ request: formRequest(`/applications/${id}`, fields, { cookie }), params: { applicationId: id }, context }));

describe("a call's deadline", () => {
  it("asks before a deadline in the past, and before moving it earlier while governments are drafting", async () => {
    const coordinator = await sessionCookieFor((await createUser("coordinator")).id);
    const fields = (deadline: Date, extra: Record<string, string> = {}) => ({ title: "令和9年度 募集", fiscalYear: "2027", description: "", deadlineDate: tokyo(deadline), deadlineTime: "17:00", ...extra });
    const past = await caught(createAction({ request: formRequest("/manage/calls", fields(new Date(Date.now() - 2 * DAY)), { cookie: coordinator }), params: {}, context }));
    expect(past.status).toBe(400);
    expect(past.data).toMatchObject({ warnings: [{ code: "deadlinePast" }], values: { title: "令和9年度 募集" } });
    expect(await prisma.call.count()).toBe(0);

    const { callId, settings, consultation } = await openCall(coordinator, new Date(Date.now() + 20 * DAY));
    const { cookie } = await applicant("応募 一郎");
    await start(callId, consultation.id, cookie);
    const before = (await prisma.call.findUniqueOrThrow({ where: { id: callId } })).deadlineAt;
    const earlier = await settings({ intent: "update", ...fields(new Date(Date.now() + 5 * DAY)) });
    expect(earlier.status).toBe(400);
    expect(earlier.data).toMatchObject({ form: "update", reason: "call.checkWarnings", warnings: [{ code: "deadlineEarlier", drafts: 1 }] });
    expect((await prisma.call.findUniqueOrThrow({ where: { id: callId } })).deadlineAt).toEqual(before);
    expect((await settings({ intent: "update", ...fields(new Date(Date.now() + 5 * DAY), { acknowledgeWarnings: "yes" }) })).status).toBe(302);
    // later, or only the title changed: nothing to ask
    expect((await settings({ intent: "update", ...fields(new Date(Date.now() + 30 * DAY)) })).status).toBe(302);
    expect((await settings({ intent: "update", ...fields(new Date(Date.now() + 30 * DAY), { title: "令和9年度 募集（改）" }) })).status).toBe(302);
  });
});

describe("an application being written", () => {
  it("keeps what was typed when a submission is refused, so a reload finds it", async () => {
    const coordinator = await sessionCookieFor((await createUser("coordinator")).id);
    const { callId, consultation } = await openCall(coordinator);
    const { cookie } = await applicant("応募 花子");
    const id = await start(callId, consultation.id, cookie);
    const refused = await apply(id, cookie, { intent: "submit", trackId: consultation.id, municipalityCodes: "282014", problem: "働き盛り世代の健診受診率が低い", contactName: "応募 花子" });
    expect(refused.status).toBe(400);
    expect(refused.data.reason).toBe("call.error.incomplete");
    expect(await prisma.application.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "draft", problem: "働き盛り世代の健診受診率が低い", contactName: "応募 花子", leadMunicipalityCode: "282014" });
  });

  it("tells the second person of a government, when they start, that a colleague's application exists", async () => {
    const coordinator = await sessionCookieFor((await createUser("coordinator")).id);
    const { callId, consultation, academyTrack } = await openCall(coordinator);
    const first = await createUser("participant", { displayName: "姫路 一郎", municipalityCode: "282014" });
    await start(callId, consultation.id, await sessionCookieFor(first.id));
    const second = await sessionCookieFor((await createUser("participant", { displayName: "姫路 二郎", municipalityCode: "282014" })).id);
    const refused = await caught(startAction({ request: formRequest(`/calls/${callId}`, { trackId: consultation.id }, { cookie: second }), params: { callId }, context }));
    expect(refused.status).toBe(400);
    expect(refused.data).toMatchObject({ reason: "call.error.governmentHasApplication", params: { government: "姫路市", person: "姫路 一郎", state: "draft" } });
    expect(await prisma.application.count()).toBe(1);
    // another track, or another government, starts as usual
    await start(callId, academyTrack.id, second);
    const elsewhere = await sessionCookieFor((await createUser("participant", { municipalityCode: "282103" })).id);
    await start(callId, consultation.id, elsewhere);
    expect(await prisma.application.count()).toBe(3);
  });
});

describe("a call's own questions", () => {
  it("asks text, a choice, a number and a file beside the fixed fields; checks, keeps and exports the answers", async () => {
    const coordinatorUser = await createUser("coordinator");
    const coordinator = await sessionCookieFor(coordinatorUser.id);
    const { callId, settings, consultation } = await openCall(coordinator);
    const add = (fields: Record<string, string>) => settings({ intent: "addQuestion", ...fields });
    const noChoices = await add({ label: "研修の会場", kind: "choice", options: "本庁舎" });
    expect(noChoices.data).toMatchObject({ form: "addQuestion", fieldErrors: { options: "call.question.validation.options" }, values: { label: "研修の会場" } });
    expect((await add({ label: "データ活用の経験", kind: "text", required: "on" })).status).toBe(302);
    expect((await add({ label: "参加の形", kind: "choice", options: "会場\nオンライン\n会場" })).status).toBe(302);
    expect((await add({ label: "対象地区の人口", kind: "number", help: "概数で結構です" })).status).toBe(302);
    expect((await add({ label: "首長の推薦書", kind: "file", required: "on" })).status).toBe(302);
    const questions = await prisma.callQuestion.findMany({ where: { callId }, orderBy: { position: "asc" } });
    expect(questions.map((q) => [q.kind, q.options])).toEqual([["text", "[]"], ["choice", '["会場","オンライン"]'], ["number", "[]"], ["file", "[]"]]);
    const [text, choice, number, file] = questions.map((q) => `q.${q.id}`) as [string, string, string, string];

    const { cookie } = await applicant("姫路 花子");
    const id = await start(callId, consultation.id, cookie);
    const base = { ...complete(consultation.id, "282014") };
    // bad answers are refused with their typed values kept; nothing is saved
    const bad = await apply(id, cookie, { ...base, intent: "save", [text]: "庁内の統計担当と連携", [choice]: "出張", [number]: "約3万" });
    expect(bad.status).toBe(400);
    expect(bad.data.fieldErrors).toEqual({ [choice]: "call.question.validation.choice", [number]: "call.question.validation.number" });
    expect(bad.data.values[text]).toBe("庁内の統計担当と連携");
    expect(await prisma.applicationAnswer.count()).toBe(0);
    // full-width digits and separators are numbers too
    expect((await apply(id, cookie, { ...base, intent: "save", [text]: "庁内の統計担当と連携", [choice]: "オンライン", [number]: "３２,５００" })).status).toBe(302);
    expect((await prisma.applicationAnswer.findMany({ where: { applicationId: id }, orderBy: { value: "asc" } })).map((a) => a.value).sort()).toEqual(["32500", "オンライン", "庁内の統計担当と連携"].sort());
    // the required file is missing: submitting says so on that question, the draft keeps its answers
    const noFile = await apply(id, cookie, { ...base, [text]: "庁内の統計担当と連携", [choice]: "オンライン", [number]: "32500" });
    expect(noFile.data).toMatchObject({ reason: "call.error.incomplete", fieldErrors: { [file]: "call.question.validation.fileRequired" } });
    const pdf = new File(["%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"], "推薦書.pdf", { type: "application/pdf" });
    // a question of another call is not a place to attach to
    const other = await openCall(coordinator);
    await other.settings({ intent: "addQuestion", label: "別の募集の質問", kind: "file" });
    const foreign = await prisma.callQuestion.findFirstOrThrow({ where: { callId: other.callId } });
    expect((await apply(id, cookie, { intent: "upload", file: pdf, questionId: foreign.id })).data.reason).toBe("call.question.error.unknown");
    expect((await apply(id, cookie, { intent: "upload", file: pdf, questionId: questions[3]!.id })).status).toBe(302);
    expect((await apply(id, cookie, { ...base, [text]: "庁内の統計担当と連携", [choice]: "オンライン", [number]: "32500" })).status).toBe(302);
    expect((await prisma.application.findUniqueOrThrow({ where: { id } })).status).toBe("submitted");
    // answered questions stay
    expect((await settings({ intent: "removeQuestion", id: questions[0]!.id })).data.reason).toBe("call.question.error.answered");

    // the applications as CSV (BOM, for Excel) and XLSX, with the questions as columns
    const csv = (await exportLoader({ request: getRequest(`/manage/calls/${callId}/applications/export/csv`, { cookie: coordinator }), params: { callId, format: "csv" }, context })) as Response;
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect(Array.from(bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    const [header, row] = parseCsv(new TextDecoder().decode(bytes.subarray(3))) as string[][];
    expect(header!.slice(-7)).toEqual(["データ活用の経験", "参加の形", "対象地区の人口", "首長の推薦書", "評価者数", "点数（100点満点）", "判定"]);
    expect(row!.slice(1, 3)).toEqual(["姫路市", "兵庫県"]);
    expect(row!.slice(-7, -3)).toEqual(["庁内の統計担当と連携", "オンライン", "32500", "推薦書.pdf"]);
    const xlsx = (await exportLoader({ request: getRequest("/x", { cookie: coordinator }), params: { callId, format: "xlsx" }, context })) as Response;
    const pages = printWorkbook(new Uint8Array(await xlsx.arrayBuffer()));
    expect(pages.every(isA4)).toBe(true);
    expect(pages[0]!.text).toContain("姫路市");
    // only the call's reviewers and coordinators
    const stranger = await sessionCookieFor((await createUser("facilitator")).id);
    expect((await caught(exportLoader({ request: getRequest("/x", { cookie: stranger }), params: { callId, format: "csv" }, context }))).status).toBe(403);
  }, 60_000);
});

describe("a call for applications", () => {
  it("is public once published, and a government creates its account from it without learning who has one", async () => {
    const coordinator = await sessionCookieFor((await createUser("coordinator")).id);
    const { callId, settings, academyTrack } = await openCall(coordinator);
    const list = await caught(publicListLoader());
    expect(list.data.calls.map((c: { id: string; phase: string }) => [c.id, c.phase])).toEqual([[callId, "open"]]);
    const page = await caught(publicCallLoader({ request: getRequest(`/calls/${callId}`), params: { callId }, context }));
    expect(page.data.call.tracks.map((t: { label: string }) => t.label)).toEqual(["（ア）専門家相談会", "（イ）データアカデミー"]);
    await settings({ intent: "unpublish" });
    expect((await caught(publicCallLoader({ request: getRequest(`/calls/${callId}`), params: { callId }, context }))).status).toBe(404);
    await settings({ intent: "publish" });

    const register = (fields: Record<string, string>) => caught(registerAction({ request: formRequest(`/calls/${callId}/register`, fields), params: { callId }, context }));
    const bad = await register({ email: "kenkou@city.himeji.example.jp", displayName: "姫路 花子", municipalityCode: "282015", trackId: academyTrack.id });
    expect(bad.status).toBe(400);
    expect(bad.data.fieldErrors.municipalityCode).toBe("lgCode.badCheckDigit");
    expect(bad.data.values.municipalityCode).toBe("282015");
    expect(await prisma.user.count({ where: { email: "kenkou@city.himeji.example.jp" } })).toBe(0);
    const ok = await register({ email: "Kenkou@City.Himeji.example.jp", displayName: "姫路 花子", municipalityCode: "282014", trackId: academyTrack.id });
    expect(ok.data.sent).toBe(true);
    // nothing exists before the owner of the address follows the mail's link
    expect(await prisma.user.count({ where: { email: "kenkou@city.himeji.example.jp" } })).toBe(0);
    expect(await prisma.application.count()).toBe(0);
    const mail = lastMailTo("kenkou@city.himeji.example.jp");
    expect(mail.subject).toContain("令和9年度 データアカデミー参加団体の募集");
    expect(mail.text).toContain("応募団体：兵庫県 姫路市");
    expect(mail.text).toMatch(/応募締切：\d{4}年\d{1,2}月\d{1,2}日/);
    expect(mail.text).not.toContain("招待");
    const token = linkIn(mail.text, "sign-up")!.split("/").pop()!;
    const signUpPage = await caught(signUpLoader({ request: getRequest(`/sign-up/${token}`), params: { token }, context }));
    expect(signUpPage.data.signUp).toMatchObject({ email: "kenkou@city.himeji.example.jp", municipalityCode: "282014", track: academyTrack.label });
    const mismatch = await caught(signUpAction({ request: formRequest(`/sign-up/${token}`, { displayName: "姫路 花子", password: "a long enough password", confirmPassword: "another password" }), params: { token }, context }));
    expect(mismatch.status).toBe(400);
    expect(await prisma.user.count({ where: { email: "kenkou@city.himeji.example.jp" } })).toBe(0);
    const confirmed = await caught(signUpAction({ request: formRequest(`/sign-up/${token}`, { displayName: "姫路 花子", password: "a long enough password", confirmPassword: "a long enough password" }), params: { token }, context }));
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("Set-Cookie")).toMatch(/__dam_session=/);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "kenkou@city.himeji.example.jp" }, include: { password: true, applications: { include: { municipalities: true } } } });
    expect(user.password).not.toBeNull();
    expect(user.applications).toMatchObject([{ status: "draft", leadMunicipalityCode: "282014", contactName: "姫路 花子", municipalities: [{ municipalityCode: "282014" }] }]);
    expect(confirmed.headers.get("Location")).toBe(`/applications/${user.applications[0]!.id}`);
    // the link works once
    const again = await caught(signUpAction({ request: formRequest(`/sign-up/${token}`, { displayName: "誰か", password: "yet another password", confirmPassword: "yet another password" }), params: { token }, context }));
    expect(again.data.tokenState).toBe("used");
    // an address with an account: the same answer, a mail saying so, no second account or draft
    const existing = await createUser("participant", { email: "taken@city.example.jp" });
    const taken = await register({ email: "taken@city.example.jp", displayName: "誰か", municipalityCode: "282014", trackId: academyTrack.id });
    expect(taken.data).toEqual(ok.data);
    expect(await prisma.application.count({ where: { applicantId: existing.id } })).toBe(0);
    expect(lastMailTo("taken@city.example.jp").subject).toContain("応募について");
    expect(lastMailTo("taken@city.example.jp").text).not.toContain("/sign-up/");
    // it names the deadline too, and is no invitation
    expect(lastMailTo("taken@city.example.jp").text).toMatch(/応募締切：\d{4}年\d{1,2}月\d{1,2}日/);
    expect(lastMailTo("taken@city.example.jp").text).not.toContain("招待");
  });

  it("cannot be turned against someone: a stranger's sign-up leaves their invitation, account and inbox alone", async () => {
    const coordinator = await createUser("coordinator");
    const coordinatorCookie = await sessionCookieFor(coordinator.id);
    const { callId, academyTrack } = await openCall(coordinatorCookie);
    const register = (fields: Record<string, string>, clientIp = "198.51.100.7") => caught(registerAction({ request: formRequest(`/calls/${callId}/register`, fields), params: { callId }, context: { ...context, clientIp } }));
    // invited to an academy by a coordinator, password not set yet
    const invitee = await createUser("participant", { email: "invitee@city.example.jp", displayName: "招待 太郎" });
    await prisma.password.delete({ where: { userId: invitee.id } });
    await sendInvitation({ userId: invitee.id, invitedById: coordinator.id, fallbackLocale: "ja" });
    const invitationLink = linkIn(lastMailTo("invitee@city.example.jp").text, "invitations")!;
    const mailsBefore = droppedMail(undefined, "invitee@city.example.jp").length;
    for (let i = 0; i < 10; i++) {
      const res = await register({ email: "invitee@city.example.jp", displayName: "なりすまし", municipalityCode: "131016", trackId: academyTrack.id });
      expect(res.data.sent).toBe(true);
    }
    // the invitation still works, nothing was created in their name, at most 3 mails per hour
    expect(await prisma.invitation.count({ where: { userId: invitee.id, revokedAt: null, acceptedAt: null } })).toBe(1);
    expect(await prisma.application.count()).toBe(0);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: invitee.id } })).displayName).toBe("招待 太郎");
    expect(droppedMail(undefined, "invitee@city.example.jp").length - mailsBefore).toBe(3);
    const invitationToken = invitationLink.split("/").pop()!;
    expect((await checkInvitation(invitationToken)).state).toBe("valid");
    // from one network, sign-ups stop after 20 an hour (whatever the addresses)
    for (let i = 0; i < 10; i++) expect((await register({ email: `someone${i}@example.jp`, displayName: "誰か", municipalityCode: "131016", trackId: academyTrack.id })).status).toBe(200);
    const blocked = await register({ email: "one-more@example.jp", displayName: "誰か", municipalityCode: "131016", trackId: academyTrack.id });
    expect(blocked.status).toBe(429);
    expect(blocked.data.reason).toBe("call.error.tooManySignUps");
    expect(blocked.data.values.email).toBe("one-more@example.jp");
    expect(droppedMail(undefined, "one-more@example.jp")).toHaveLength(0);
    // another network is not affected; parallel posts from one network cannot slip past the limit
    const others = await Promise.all(Array.from({ length: 25 }, (_, i) => register({ email: `parallel${i}@example.jp`, displayName: "誰か", municipalityCode: "131016", trackId: academyTrack.id }, "203.0.113.50")));
    const accepted = others.filter((r) => r.status === 200).length;
    expect(accepted).toBeLessThanOrEqual(20);
    expect(await prisma.user.count({ where: { email: { startsWith: "parallel" } } })).toBe(0);
    // the invited person signs up themselves: the sign-up completes their invitation too
    const own = linkIn(lastMailTo("invitee@city.example.jp").text, "sign-up")!.split("/").pop()!;
    const confirmed = await caught(signUpAction({ request: formRequest(`/sign-up/${own}`, { displayName: "招待 太郎", password: "a long enough password", confirmPassword: "a long enough password" }), params: { token: own }, context }));
    expect(confirmed.status).toBe(302);
    expect(await prisma.invitation.count({ where: { userId: invitee.id, acceptedAt: { not: null } } })).toBe(1);
    expect(await prisma.application.count({ where: { applicantId: invitee.id } })).toBe(1);
  });

  it("takes drafts and submissions until the deadline, refusing duplicates, full tracks and bad codes with the draft kept", async () => {
    const coordinator = await sessionCookieFor((await createUser("coordinator")).id);
    const { callId, settings, consultation, academyTrack } = await openCall(coordinator);
    const himeji = await applicant("姫路 花子");
    const id = await start(callId, academyTrack.id, himeji.cookie);
    expect(await start(callId, academyTrack.id, himeji.cookie)).toBe(id);
    expect((await apply(id, himeji.cookie, { intent: "save", trackId: academyTrack.id, municipalityCodes: "282014, 282103", problem: "受診率" })).status).toBe(302);
    const incomplete = await apply(id, himeji.cookie, { ...complete(academyTrack.id, "282014, 282103"), contactName: "", dataHeld: "" });
    expect(incomplete.status).toBe(400);
    expect(Object.keys(incomplete.data.fieldErrors).sort()).toEqual(["contactName", "dataHeld"]);
    expect(incomplete.data.values.problem).toContain("特定健診");
    const badCode = await apply(id, himeji.cookie, complete(academyTrack.id, "282014, 282104"));
    expect(badCode.data.fieldErrors.municipalityCodes).toBe("lgCode.badCheckDigit");
    expect((await prisma.application.findUniqueOrThrow({ where: { id } })).status).toBe("draft");
    expect((await apply(id, himeji.cookie, complete(academyTrack.id, "282014, 282103"))).status).toBe(302);
    expect(await prisma.application.findUniqueOrThrow({ where: { id }, include: { municipalities: true } })).toMatchObject({ status: "submitted", leadMunicipalityCode: "282014", municipalities: [{ municipalityCode: "282014" }, { municipalityCode: "282103" }] });

    // 加古川市 is already in 姫路市's wide-area application to this track
    const kakogawa = await applicant("加古川 太郎");
    const dup = await start(callId, academyTrack.id, kakogawa.cookie);
    const refused = await apply(dup, kakogawa.cookie, complete(academyTrack.id, "282103"));
    expect(refused.data).toMatchObject({ fieldErrors: { municipalityCodes: "call.error.alreadyApplied" }, params: { name: "加古川市" } });
    // someone else's application does not exist for them
    expect((await caught(applicationLoader({ request: getRequest(`/applications/${id}`, { cookie: kakogawa.cookie }), params: { applicationId: id }, context }))).status).toBe(404);
    expect((await apply(id, kakogawa.cookie, { intent: "withdraw" })).status).toBe(404);

    // a track with a cap of one application is full
    await settings({ intent: "updateTrack", id: consultation.id, kind: "consultation", label: consultation.label, places: "1", maxApplications: "1" });
    const c1 = await start(callId, consultation.id, kakogawa.cookie);
    expect((await apply(c1, kakogawa.cookie, complete(consultation.id, "282103"))).status).toBe(302);
    const chiyoda = await applicant("千代田 次郎");
    const c2 = await start(callId, consultation.id, chiyoda.cookie);
    expect((await apply(c2, chiyoda.cookie, complete(consultation.id, "131016"))).data.reason).toBe("call.error.trackFull");
    // refused, yet what was typed is the draft now
    expect(await prisma.application.findUniqueOrThrow({ where: { id: c2 } })).toMatchObject({ status: "draft", problem: expect.stringContaining("働き盛り世代の受診が伸びない。") });

    // after the deadline nothing is accepted; the draft stays as it was
    await prisma.call.update({ where: { id: callId }, data: { deadlineAt: new Date(Date.now() - 1000) } });
    const late = await apply(c2, chiyoda.cookie, { ...complete(academyTrack.id, "131016"), problem: "遅れて書いた課題" });
    expect(late.data.reason).toBe("call.error.closed");
    expect(late.data.values.problem).toBe("遅れて書いた課題");
    expect(await prisma.application.findUniqueOrThrow({ where: { id: c2 } })).toMatchObject({ status: "draft", problem: expect.stringContaining("働き盛り世代の受診が伸びない。") });
    expect((await caught(startAction({ request: formRequest(`/calls/${callId}`, { trackId: academyTrack.id }, { cookie: chiyoda.cookie }), params: { callId }, context }))).data.reason).toBe("call.error.closed");
    expect((await apply(c1, kakogawa.cookie, { intent: "withdraw" })).data.reason).toBe("call.error.closed");
  });

  it("refuses an attachment it cannot take before storing it: no row, no blob", async () => {
    const coordinator = await sessionCookieFor((await createUser("coordinator")).id);
    const { callId, academyTrack } = await openCall(coordinator);
    const himeji = await applicant("姫路 花子");
    const id = await start(callId, academyTrack.id, himeji.cookie);
    const pdf = (n: number) => new File([`%PDF-1.7\n% attachment ${n}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`], `添付資料${n}.pdf`, { type: "application/pdf" });
    const upload = (n: number) => caught(applicationAction({ request: formRequest(`/applications/${id}`, { intent: "upload", file: pdf(n) }, { cookie: himeji.cookie }), params: { applicationId: id }, context }));
    for (let n = 1; n <= 10; n++) expect((await upload(n)).status).toBe(302);
    const stored = () => Promise.all([prisma.storedFile.count(), blobsOnDisk()]);
    const before = await stored();
    expect(before[0]).toBe(10);
    for (let n = 11; n <= 15; n++) {
      const refused = await upload(n);
      expect(refused.status).toBe(400);
      expect(refused.data.reason).toBe("call.error.tooManyFiles");
    }
    expect(await stored()).toEqual(before);
    // a submitted application and one past its deadline take nothing either
    await prisma.applicationFile.deleteMany({ where: { applicationId: id } });
    await prisma.storedFile.deleteMany({});
    await prisma.application.update({ where: { id }, data: { status: "submitted" } });
    expect((await upload(16)).data.reason).toBe("call.error.notDraft");
    await prisma.application.update({ where: { id }, data: { status: "draft" } });
    await prisma.call.update({ where: { id: callId }, data: { deadlineAt: new Date(Date.now() - 1000) } });
    expect((await upload(17)).data.reason).toBe("call.error.closed");
    expect(await prisma.storedFile.count()).toBe(0);
  });

  it("is scored by reviewers who see others' scores only after their own, decided within its places, mailed and published", async () => {
    const coordinatorUser = await createUser("coordinator");
    const coordinator = await sessionCookieFor(coordinatorUser.id);
    const { callId, settings, academyTrack } = await openCall(coordinator);
    await settings({ intent: "updateTrack", id: academyTrack.id, kind: "academy", label: academyTrack.label, places: "1", maxApplications: "" });
    const reviewerUser = await createUser("facilitator", { displayName: "審査 一郎", email: "shinsa@example.jp" });
    const reviewer = await sessionCookieFor(reviewerUser.id);
    const outsider = await sessionCookieFor((await createUser("facilitator")).id);
    expect((await settings({ intent: "addReviewer", reviewerEmail: "nobody@example.jp" })).data.fieldErrors.reviewerEmail).toBe("call.error.noSuchUser");
    await settings({ intent: "addReviewer", reviewerEmail: "shinsa@example.jp" });
    const himeji = await applicant("姫路 花子");
    const a1 = await start(callId, academyTrack.id, himeji.cookie);
    await apply(a1, himeji.cookie, complete(academyTrack.id, "282014"));
    const ashikita = await applicant("Ashikita Ken", "en");
    const a2 = await start(callId, academyTrack.id, ashikita.cookie);
    await apply(a2, ashikita.cookie, complete(academyTrack.id, "434825"));
    await prisma.call.update({ where: { id: callId }, data: { deadlineAt: new Date(Date.now() - 1000) } });

    const criteria = await prisma.callCriterion.findMany({ where: { callId }, orderBy: { position: "asc" } });
    const score = (cookie: string, appId: string, values: number[], comment = "") =>
      caught(reviewAction({ request: formRequest(`/manage/calls/${callId}/applications/${appId}`, { intent: "score", comment, ...Object.fromEntries(criteria.map((c, i) => [`score.${c.id}`, String(values[i] ?? "")])) }, { cookie }), params: { callId, applicationId: appId }, context }));
    const view = (cookie: string, appId: string) => caught(reviewLoader({ request: getRequest(`/manage/calls/${callId}/applications/${appId}`, { cookie }), params: { callId, applicationId: appId }, context }));
    const ranked = async (cookie: string) => (await caught(rankedLoader({ request: getRequest(`/manage/calls/${callId}/applications`, { cookie }), params: { callId }, context }))).data.ranked;

    expect((await view(outsider, a1)).status).toBe(403);
    expect((await score(coordinator, a1, [5, 5, 4, 4], "課題が明確")).status).toBe(302);
    expect((await score(coordinator, a2, [3, 3, 3, 3])).status).toBe(302);
    // the reviewer has not scored yet: the coordinator's scores are hidden from them
    expect((await view(reviewer, a1)).data.app.scores).toEqual([]);
    expect((await ranked(reviewer)).every((r: { score: number | null }) => r.score === null)).toBe(true);
    const partial = await score(reviewer, a1, [4, 0, 9]);
    expect(partial.status).toBe(400);
    expect(Object.keys(partial.data.fieldErrors)).toHaveLength(3);
    expect(await prisma.applicationScore.count({ where: { reviewerId: reviewerUser.id } })).toBe(0);
    await score(reviewer, a1, [4, 4, 4, 4]);
    expect((await view(reviewer, a1)).data.app.scores).toHaveLength(8);
    const list = await ranked(coordinator);
    expect(list.map((r: { id: string }) => r.id)).toEqual([a1, a2]);
    expect(list[0].names).toBe("姫路市");

    // reviewers do not decide; one place: the second "selected" is refused
    expect((await caught(reviewAction({ request: formRequest(`/manage/calls/${callId}/applications/${a1}`, { intent: "decide", decision: "selected" }, { cookie: reviewer }), params: { callId, applicationId: a1 }, context }))).status).toBe(403);
    const decide = (appId: string, decision: string) => caught(reviewAction({ request: formRequest(`/manage/calls/${callId}/applications/${appId}`, { intent: "decide", decision }, { cookie: coordinator }), params: { callId, applicationId: appId }, context }));
    expect((await decide(a1, "selected")).status).toBe(302);
    expect((await decide(a2, "selected")).data.reason).toBe("call.error.placesFilled");
    expect((await decide(a2, "waitlisted")).status).toBe(302);

    // mailed once each, in the applicant's language
    const mail = () => caught(rankedAction({ request: formRequest(`/manage/calls/${callId}/applications`, { intent: "mail" }, { cookie: coordinator }), params: { callId }, context }));
    await mail();
    await mail();
    const users = await prisma.user.findMany({ where: { id: { in: [himeji.user.id, ashikita.user.id] } }, select: { email: true } });
    const mails = await prisma.mailMessage.findMany({ where: { to: { in: users.map((u) => u.email) } }, orderBy: { to: "asc" } });
    expect(mails).toHaveLength(2);
    expect(mails.map((m) => m.text).join("\n")).toContain("選定されました");
    expect(mails.map((m) => m.text).join("\n")).toContain("waiting list");

    // the public result: names of the selected governments, nothing personal
    await caught(rankedAction({ request: formRequest(`/manage/calls/${callId}/applications`, { intent: "publishResults" }, { cookie: coordinator }), params: { callId }, context }));
    const pub = await caught(publicCallLoader({ request: getRequest(`/calls/${callId}`), params: { callId }, context }));
    expect(pub.data.call.results).toEqual([{ trackId: academyTrack.id, names: "姫路市" }]);
    const json = JSON.stringify(pub.data);
    for (const secret of ["姫路 花子", "079-221-2111", "健康福祉局", "芦北町", ...users.map((u) => u.email)]) expect(json).not.toContain(secret);

    // the selected academy application becomes a region, an academy and its team, once
    const made = await caught(reviewAction({ request: formRequest(`/manage/calls/${callId}/applications/${a1}`, { intent: "academy" }, { cookie: coordinator }), params: { callId, applicationId: a1 }, context }));
    expect(made.status).toBe(302);
    const academyId = made.headers.get("Location")!.split("/").pop()!;
    const academy = await prisma.academy.findUniqueOrThrow({ where: { id: academyId }, include: { region: { include: { members: true } }, teams: { include: { members: { include: { enrollment: true } } } }, stages: true } });
    expect(academy).toMatchObject({ fiscalYear: 2027, status: "planning", name: "姫路市データアカデミー", region: { members: [{ municipalityCode: "282014" }] } });
    expect(academy.teams[0]).toMatchObject({ themeTitle: "特定健診の受診率が低い", leadId: himeji.user.id });
    expect(academy.teams[0]!.members[0]!.enrollment).toMatchObject({ userId: himeji.user.id, role: "participant" });
    expect(academy.stages.length).toBeGreaterThanOrEqual(6);
    expect((await caught(reviewAction({ request: formRequest(`/manage/calls/${callId}/applications/${a1}`, { intent: "academy" }, { cookie: coordinator }), params: { callId, applicationId: a1 }, context }))).data.reason).toBe("call.error.notEligible");
    expect((await decide(a1, "not_selected")).data.reason).toBe("call.error.academyMade");
    // staff pages are for coordinators and the call's reviewers
    expect((await caught(staffListLoader({ request: getRequest("/manage/calls", { cookie: outsider }), params: {}, context }))).status).toBe(403);
    expect((await caught(staffListLoader({ request: getRequest("/manage/calls", { cookie: reviewer }), params: {}, context }))).data.calls).toHaveLength(1);
  });
});
