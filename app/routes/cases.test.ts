import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { action as caseAction, loader as caseLoader } from "./academies.$academyId.teams.$teamId.case";
import { loader as libraryLoader } from "./cases._index";
import { loader as publicCaseLoader } from "./cases.$caseId";
import { loader as exportLoader } from "./cases.export.$format";
import { loader as fileLoader } from "./cases.$caseId.files.$fileId";
import { createAcademy, createRegion, createTeam, createUser } from "../../tests/support/factories";
import { caught, context, formRequest, getRequest, sessionCookieFor } from "../../tests/support/requests";

// A finished team's proposal becomes a public case once the team and a coordinator approve it;
// anyone finds it by filter and downloads the library as open data, with no personal data in it.

async function world() {
  const facilitator = await createUser("facilitator");
  const academy = await createAcademy({ regionId: (await createRegion("播磨圏域", ["282014"])).id, fiscalYear: 2025, facilitatorIds: [facilitator.id] });
  const member = await createUser("participant", { displayName: "姫路 花子", email: "hanako@city.himeji.example.jp" });
  const teammate = await createUser("participant", { displayName: "姫路 次郎" });
  const team = await createTeam(academy.id, "受診率向上チーム", [member.id, teammate.id]);
  // the academy has finished; 姫路 花子 leads the team and gives its consent (decision 0019)
  await prisma.academy.update({ where: { id: academy.id }, data: { status: "finished" } });
  await prisma.team.update({ where: { id: team.id }, data: { problemStatement: "働き盛り世代の受診率が低い。", leadId: member.id } });
  await prisma.teamMunicipality.create({ data: { teamId: team.id, municipalityCode: "282014" } });
  const other = await createTeam(academy.id, "子育てチーム", [(await createUser("participant")).id]);
  return {
    academy,
    team,
    coordinator: await sessionCookieFor((await createUser("coordinator")).id),
    asFacilitator: await sessionCookieFor(facilitator.id),
    member,
    teammate,
    asMember: await sessionCookieFor(member.id),
    asTeammate: await sessionCookieFor(teammate.id),
    asOtherMember: await sessionCookieFor((await prisma.teamMember.findFirstOrThrow({ where: { teamId: other.id }, include: { enrollment: true } })).enrollment.userId),
  };
}

const valid = { intent: "save", title: "健康への関心が薄い層に届く受診勧奨", fiscalYear: "2025", municipalityCodes: "282014", themeCategory: "health", populationBand: "over_200k", problem: "働き盛り世代の受診率が低い。", dataUsed: "特定健診の受診記録（集計値）", method: "年齢・地区別に比較", result: "出張健診を提案", outcome: "予算化", contactDepartment: "健康福祉局 保健所" };

describe("the case library", () => {
  it("offers the case form only once the team's proposal is accepted or the academy has finished", async () => {
    const w = await world();
    await prisma.academy.update({ where: { id: w.academy.id }, data: { status: "running" } });
    const params = { academyId: w.academy.id, teamId: w.team.id };
    const page = await caught(caseLoader({ request: getRequest("/x", { cookie: w.coordinator }), params, context }));
    expect(page.data).toMatchObject({ canEdit: false, notReady: true, draft: null });
    const refused = await caught(caseAction({ request: formRequest("/x", valid, { cookie: w.coordinator }), params, context }));
    expect(refused.data.reason).toBe("case.error.notReady");
    expect(await prisma.case.count()).toBe(0);
    const proposal = await prisma.stage.findFirstOrThrow({ where: { academyId: w.academy.id, key: "proposal" } });
    await prisma.deliverable.create({ data: { teamId: w.team.id, stageId: proposal.id, status: "accepted", latestVersion: 1 } });
    expect((await caught(caseLoader({ request: getRequest("/x", { cookie: w.coordinator }), params, context }))).data.canEdit).toBe(true);
    expect((await caught(caseAction({ request: formRequest("/x", valid, { cookie: w.coordinator }), params, context }))).status).toBe(302);
  });

  it("publishes a team's case only when the team and a coordinator agree, refusing personal data", async () => {
    const w = await world();
    const params = { academyId: w.academy.id, teamId: w.team.id };
    const post = (cookie: string, fields: Record<string, string>) => caught(caseAction({ request: formRequest(`/academies/${w.academy.id}/teams/${w.team.id}/case`, fields, { cookie }), params, context }));
    const page = await caught(caseLoader({ request: getRequest("/x", { cookie: w.coordinator }), params, context }));
    expect(page.data.draft).toMatchObject({ title: "受診率向上チームのテーマ", problem: "働き盛り世代の受診率が低い。", municipalityCodes: "282014" });

    const phone = await post(w.coordinator, { ...valid, contactDepartment: "健康課 079-221-2111" });
    expect(phone.status).toBe(400);
    expect(phone.data.fieldErrors.contactDepartment).toBe("case.error.personal.phone");
    expect(phone.data.values.title).toBe(valid.title);
    const mail = await post(w.coordinator, { ...valid, result: "担当: hanako@city.himeji.example.jp" });
    expect(mail.data.fieldErrors.result).toBe("case.error.personal.email");
    expect((await post(w.coordinator, { ...valid, municipalityCodes: "282015" })).data.fieldErrors.municipalityCodes).toBe("lgCode.badCheckDigit");
    expect(await prisma.case.count()).toBe(0);
    expect((await post(w.asFacilitator, valid)).status).toBe(403);
    expect((await post(w.asMember, valid)).status).toBe(403);

    expect((await post(w.coordinator, valid)).status).toBe(302);
    // the whole team is told that the case waits for its consent
    const told = async (key: string) => (await prisma.notification.findMany({ where: { kind: "case", messageKey: key }, select: { userId: true } })).map((n) => n.userId).sort();
    expect(await told("caseAwaitsConsent")).toEqual([w.member.id, w.teammate.id].sort());
    const library = async (query = "") => (await caught(libraryLoader({ request: getRequest(`/cases${query}`), params: {}, context }))).data;
    expect((await library()).total).toBe(0);
    // the consent is the team's, given by its lead: another member cannot give it
    expect((await caught(caseLoader({ request: getRequest("/x", { cookie: w.asTeammate }), params, context }))).data).toMatchObject({ canApproveAsTeam: false, leadName: "姫路 花子" });
    expect((await post(w.asTeammate, { intent: "approveTeam" })).data.reason).toBe("case.error.notLead");
    expect((await prisma.case.findUniqueOrThrow({ where: { teamId: w.team.id } })).teamApprovedAt).toBeNull();
    expect((await post(w.asMember, { intent: "approveTeam" })).status).toBe(302);
    expect((await library()).total).toBe(0);
    expect((await post(w.coordinator, { intent: "approveCoordinator" })).status).toBe(302);
    const published = await library();
    expect(published.cases.map((c: { title: string }) => c.title)).toEqual([valid.title]);
    // another team's member does not see this team's case page; the public page is for anyone
    expect((await caught(caseLoader({ request: getRequest("/x", { cookie: w.asOtherMember }), params, context }))).status).toBe(404);
    expect((await caught(publicCaseLoader({ params: { caseId: published.cases[0].id }, request: getRequest("/x"), context }))).data.c.title).toBe(valid.title);

    // an edit takes the case off the library until both agree again, and the team is told
    await post(w.coordinator, { ...valid, outcome: "データヘルス計画に反映" });
    expect((await library()).total).toBe(0);
    expect(await told("caseConsentWithdrawn")).toEqual([w.member.id, w.teammate.id].sort());
    expect((await caught(publicCaseLoader({ params: { caseId: published.cases[0].id }, request: getRequest("/x"), context }))).status).toBe(404);
  });

  it("is found by theme, size, prefecture, data used and keyword, and exported as CSV and JSON without personal data", async () => {
    const w = await world();
    const params = { academyId: w.academy.id, teamId: w.team.id };
    const post = (fields: Record<string, string>, cookie = w.coordinator) => caught(caseAction({ request: formRequest("/x", fields, { cookie }), params, context }));
    await post(valid);
    await post({ intent: "approveTeam" }, w.asMember);
    await post({ intent: "approveCoordinator" });
    await prisma.case.create({ data: { fiscalYear: 2018, title: "帰宅困難者を広域で支える", themeCategory: "disaster_safety", populationBand: "designated_city", dataUsed: "駅の乗降客数", publishedAt: new Date(), municipalities: { create: [{ municipalityCode: "401307" }] } } });
    await prisma.case.create({ data: { fiscalYear: 2018, title: "まだ公開していない事例", themeCategory: "health", populationBand: "over_200k", municipalities: { create: [{ municipalityCode: "282014" }] } } });
    const titles = async (query: string) => (await caught(libraryLoader({ request: getRequest(`/cases?${query}`), params: {}, context }))).data.cases.map((c: { title: string }) => c.title);
    expect(await titles("")).toEqual([valid.title, "帰宅困難者を広域で支える"]);
    expect(await titles("theme=health")).toEqual([valid.title]);
    expect(await titles("population=designated_city")).toEqual(["帰宅困難者を広域で支える"]);
    expect(await titles("prefecture=40")).toEqual(["帰宅困難者を広域で支える"]);
    expect(await titles("data=健診")).toEqual([valid.title]);
    expect(await titles("q=姫路")).toEqual([valid.title]);
    // several words, separated by half- or full-width spaces, must all be found; place names by their reading
    expect(await titles("q=" + encodeURIComponent("姫路 受診勧奨"))).toEqual([valid.title]);
    expect(await titles("q=" + encodeURIComponent("姫路　帰宅困難"))).toEqual([]);
    expect(await titles("q=" + encodeURIComponent("ひめじ 健診"))).toEqual([valid.title]);
    expect(await titles("q=" + encodeURIComponent("ヒメジ"))).toEqual([valid.title]);
    expect(await titles("q=" + encodeURIComponent("ふくおか"))).toEqual(["帰宅困難者を広域で支える"]);
    expect(await titles("theme=<script>&page=-1")).toHaveLength(2);

    const csv = (await exportLoader({ request: getRequest("/cases/export/csv"), params: { format: "csv" }, context })) as Response;
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.startsWith("\uFEFFID,年度,事例の名称,団体コード,")).toBe(true);
    expect(text).toContain("282014,姫路市,健康・医療,人口20万人以上");
    const json = (await exportLoader({ request: getRequest("/cases/export/json?theme=disaster_safety"), params: { format: "json" }, context })) as Response;
    const body = (await json.json()) as { data: { title: string; governments: { code: string }[] }[] };
    expect(body.data.map((c) => [c.title, c.governments[0]!.code])).toEqual([["帰宅困難者を広域で支える", "401307"]]);
    for (const secret of ["姫路 花子", "hanako@city.himeji.example.jp", "まだ公開していない事例"]) expect(text).not.toContain(secret);
  });

  it("attaches slides to a case: checked by content, public only with the case, approvals taken back", async () => {
    const w = await world();
    const params = { academyId: w.academy.id, teamId: w.team.id };
    const post = (fields: Record<string, string | Blob>, cookie = w.coordinator) => caught(caseAction({ request: formRequest("/x", fields, { cookie }), params, context }));
    const pdf = () => new File(["%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"], "発表資料.pdf", { type: "application/pdf" });
    expect((await post({ intent: "upload", file: pdf() })).data.reason).toBe("case.error.noCase");
    await post(valid);
    await post({ intent: "approveTeam" }, w.asMember);
    await post({ intent: "approveCoordinator" });
    const c = await prisma.case.findUniqueOrThrow({ where: { teamId: w.team.id } });
    expect(c.publishedAt).not.toBeNull();
    // a member of the team may not attach; a text file named .pdf is refused; nothing is kept
    expect((await post({ intent: "upload", file: pdf() }, w.asMember)).status).toBe(403);
    expect((await post({ intent: "upload", file: new File(["氏名,電話\n"], "slides.pdf") })).data.reason).toBe("upload.unknownType");
    expect((await post({ intent: "upload", file: new File(["%PDF-1.7\n"], "slides.exe") })).data.reason).toBe("upload.extension");
    // too large: the message names the limit (「上限 30 MB」, not 「上限 {{mb}} MB」)
    const large = await post({ intent: "upload", file: new File([new Uint8Array(31 * 1024 * 1024)], "slides.pdf") });
    expect(large.data).toMatchObject({ reason: "upload.tooLarge", params: { mb: 30 } });
    expect(await prisma.caseFile.count()).toBe(0);
    expect((await prisma.case.findUniqueOrThrow({ where: { id: c.id } })).publishedAt).not.toBeNull();

    expect((await post({ intent: "upload", file: pdf() })).status).toBe(302);
    const file = await prisma.caseFile.findFirstOrThrow({ where: { caseId: c.id } });
    expect(file.fileName).toBe("発表資料.pdf");
    // the case left the library until both approve again; meanwhile only the team and staff download
    expect((await prisma.case.findUniqueOrThrow({ where: { id: c.id } })).publishedAt).toBeNull();
    const download = (cookie?: string) => caught(fileLoader({ request: getRequest("/x", cookie ? { cookie } : {}), params: { caseId: c.id, fileId: file.id }, context }));
    expect((await download()).status).toBe(404);
    expect((await download(w.asOtherMember)).status).toBe(404);
    expect((await download(w.asMember)).status).toBe(200);
    await post({ intent: "approveTeam" }, w.asMember);
    await post({ intent: "approveCoordinator" });
    const open = await download();
    expect(open.status).toBe(200);
    expect(open.headers.get("Content-Type")).toBe("application/pdf");
    const json = (await exportLoader({ request: getRequest("/cases/export/json"), params: { format: "json" }, context })) as Response;
    const body = (await json.json()) as { data: { slides: { name: string; url: string }[] }[] };
    expect(body.data[0]!.slides).toEqual([{ name: "発表資料.pdf", url: expect.stringMatching(new RegExp(`/cases/${c.id}/files/${file.id}$`)) }]);
    // another case's id with this file's id finds nothing
    expect((await caught(fileLoader({ request: getRequest("/x"), params: { caseId: "nope", fileId: file.id }, context }))).status).toBe(404);

    expect((await post({ intent: "removeFile", fileId: "nope" })).data.reason).toBe("case.error.noSuchFile");
    expect((await post({ intent: "removeFile", fileId: file.id })).status).toBe(302);
    expect(await prisma.caseFile.count()).toBe(0);
    expect((await prisma.case.findUniqueOrThrow({ where: { id: c.id } })).publishedAt).toBeNull();
  });
});
