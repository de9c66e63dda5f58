import { holidayOn } from "~/modules/schedule/rules";
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { fromTokyo } from "~/utils/dates";
import { action as requestAction, loader as requestLoader } from "./consultations.new";
import { loader as listLoader } from "./consultations._index";
import { action as consultationAction, loader as consultationLoader } from "./consultations.$consultationId";
import { action as expertsAction, loader as expertsLoader } from "./consultations.experts._index";
import { action as expertAction } from "./consultations.experts.$expertId";
import { action as topicsAction, loader as topicsLoader } from "./consultations.topics";
import { action as sessionAction } from "./academies.$academyId.sessions.$sessionId.edit";
import { action as reviewAction, loader as reviewLoader } from "./manage.calls.$callId.applications.$applicationId";
import { loader as dashboardLoader } from "./dashboard";
import { createAcademy, createRegion, createUser } from "../../tests/support/factories";
import { caught, context, formRequest, getRequest, sessionCookieFor } from "../../tests/support/requests";

// Expert consultations (相談会): a government asks, the coordinator finds experts and a time
// (no expert or room in two places: sessions and consultations), the advice is recorded and
// followed up; only the coordinators, the requester and the consultation's experts see it.

async function world() {
  const coordinatorUser = await createUser("coordinator");
  const requester = await createUser("participant", { displayName: "芦北 企画", municipalityCode: "434825" });
  const expertUser = await createUser("facilitator", { displayName: "弁護士 個人", email: "bengoshi@example.jp" });
  const topics = await prisma.consultationTopic.findMany({ orderBy: { position: "asc" } });
  const expert = await prisma.expert.create({ data: { userId: expertUser.id, kind: "lawyer", affiliation: "法律事務所", fields: "個人情報保護法", topics: { create: [{ topicId: topics[2]!.id }] } } });
  return {
    topics,
    expert,
    expertUser,
    requester,
    coordinator: await sessionCookieFor(coordinatorUser.id),
    asRequester: await sessionCookieFor(requester.id),
    asExpert: await sessionCookieFor(expertUser.id),
    asStranger: await sessionCookieFor((await createUser("participant")).id),
  };
}

type World = Awaited<ReturnType<typeof world>>;
const ask = (cookie: string, fields: Record<string, string>) => caught(requestAction({ request: formRequest("/consultations/new", fields, { cookie }), params: {}, context }));
const post = (cookie: string, id: string, fields: Record<string, string>) => caught(consultationAction({ request: formRequest(`/consultations/${id}`, fields, { cookie }), params: { consultationId: id }, context }));
const view = (cookie: string, id: string) => caught(consultationLoader({ request: getRequest(`/consultations/${id}`, { cookie }), params: { consultationId: id }, context }));
const list = async (cookie: string, query = "") => (await caught(listLoader({ request: getRequest(`/consultations${query}`, { cookie }), params: {}, context }))).data;

async function requested(w: World) {
  const r = await ask(w.asRequester, { municipalityCode: "434825", topicId: w.topics[2]!.id, title: "保有期間を過ぎたデータの扱い", question: "保存年限を過ぎた相談記録を分析に使えるか。", background: "福祉課が保有" });
  expect(r.status).toBe(302);
  return (await prisma.consultation.findFirstOrThrow({ where: { title: "保有期間を過ぎたデータの扱い" } })).id;
}

// A Wednesday in Tokyo, 14:00–15:30
/** A Wednesday two weeks or more ahead that is no public holiday, and the Saturday after it (dates never go stale). */
function upcoming(weekday: number, from: Date) {
  const d = new Date(from);
  while (d.getUTCDay() !== weekday || holidayOn(d)) d.setUTCDate(d.getUTCDate() + 1);
  return d;
}
const WEDNESDAY = upcoming(3, new Date(Date.now() + 14 * 86400_000));
const SATURDAY = new Date(WEDNESDAY.getTime() + 3 * 86400_000).toISOString().slice(0, 10);
const WED = { date: WEDNESDAY.toISOString().slice(0, 10), startTime: "14:00", endTime: "15:30" };

describe("expert consultations", () => {
  it("takes a request from a government, keeping what was typed when it is refused, and shows it only to those involved", async () => {
    const w = await world();
    const form = (await caught(requestLoader({ request: getRequest("/consultations/new", { cookie: w.asRequester }), params: {}, context }))).data;
    expect(form.own).toEqual({ code: "434825", name: "芦北町" });
    expect(form.topics.map((t: { label: string }) => t.label)).toEqual(["アンケートの活用", "データ分析基盤", "データ保有期間", "小規模団体のデータ活用", "体制・人材育成", "特定分野"]);

    const empty = await ask(w.asRequester, { municipalityCode: "434825", topicId: w.topics[0]!.id, title: "アンケートの設問", question: "" });
    expect(empty.status).toBe(400);
    expect(empty.data.fieldErrors.question).toBe("validation.required");
    expect(empty.data.values.title).toBe("アンケートの設問");
    const digit = await ask(w.asRequester, { municipalityCode: "434826", topicId: w.topics[0]!.id, title: "アンケートの設問", question: "設問の作り方" });
    expect(digit.data.fieldErrors.municipalityCode).toBe("lgCode.badCheckDigit");
    expect(digit.data.values.question).toBe("設問の作り方");
    await prisma.consultationTopic.update({ where: { id: w.topics[5]!.id }, data: { archivedAt: new Date() } });
    expect((await ask(w.asRequester, { municipalityCode: "434825", topicId: w.topics[5]!.id, title: "x", question: "y" })).data.fieldErrors.topicId).toBe("consultation.error.noSuchTopic");
    expect(await prisma.consultation.count()).toBe(0);

    const id = await requested(w);
    // the same form sent twice (a double click) is one request
    expect((await ask(w.asRequester, { municipalityCode: "434825", topicId: w.topics[2]!.id, title: "保有期間を過ぎたデータの扱い", question: "保存年限を過ぎた相談記録を分析に使えるか。", background: "福祉課が保有" })).status).toBe(302);
    expect(await prisma.consultation.count()).toBe(1);
    const mine = await view(w.asRequester, id);
    expect(mine.data.c.status).toBe("requested");
    expect(mine.data.c.municipality.name).toBe("芦北町");
    expect(mine.data.c.can).toMatchObject({ schedule: false, withdraw: true, record: false });
    expect((await view(w.asStranger, id)).status).toBe(404);
    // the expert is not on it yet
    expect((await view(w.asExpert, id)).status).toBe(404);
    expect((await list(w.asStranger)).total).toBe(0);
    expect((await list(w.asRequester)).consultations.map((c: { id: string }) => c.id)).toEqual([id]);
    const all = await list(w.coordinator, "?status=requested");
    expect(all.total).toBe(1);
    expect(all.counts).toMatchObject({ requested: 1 });
    expect((await list(w.coordinator, "?status=held")).total).toBe(0);
    expect((await list(w.coordinator, "?q=芦北")).total).toBe(1);
    expect((await list(w.coordinator, "?q=%25")).total).toBe(0);
    expect(await list(w.coordinator, "?page=7")).toMatchObject({ consultations: [], total: 1, pages: 1 });
    expect((await list(w.coordinator)).consultations[0]).toMatchObject({ title: "保有期間を過ぎたデータの扱い", municipality: { name: "芦北町", prefecture: { name: "熊本県" } }, topic: { label: "データ保有期間" }, experts: [] });
    // it waits on the coordinator's 要対応 list and on the requester's dashboard
    const dashboard = async (cookie: string) => (await caught(dashboardLoader({ request: getRequest("/dashboard", { cookie }), params: {}, context }))).data;
    expect((await dashboard(w.coordinator)).coordinator.attention.filter((i: { kind: string }) => i.kind === "consultationRequested").map((i: { academyId: string; academyName: string }) => [i.academyId, i.academyName])).toEqual([[id, "保有期間を過ぎたデータの扱い"]]);
    expect((await dashboard(w.asRequester)).consultations).toMatchObject([{ id, status: "requested", asExpert: false }]);
    expect((await dashboard(w.asStranger)).consultations).toEqual([]);
    // a stranger cannot act on it either
    expect((await post(w.asStranger, id, { intent: "withdraw", reason: "x" })).status).toBe(404);
    // the requester cannot schedule it
    expect((await post(w.asRequester, id, { intent: "schedule", expertIds: w.expert.id, mode: "online", onlineUrl: "https://meet.example.jp/a", ...WED })).status).toBe(403);
  });

  it("schedules a meeting only where the experts and the room are free, across sessions and consultations, and mails requester and experts", async () => {
    const w = await world();
    const id = await requested(w);
    // the expert also facilitates an academy session that afternoon
    const academy = await createAcademy({ regionId: (await createRegion("芦北圏域", ["434825"])).id, facilitatorIds: [w.expertUser.id], sessionStarts: [fromTokyo(WEDNESDAY.getUTCFullYear(), WEDNESDAY.getUTCMonth() + 1, WEDNESDAY.getUTCDate(), 13, 0)] });
    await prisma.workshopSession.updateMany({ where: { academyId: academy.id }, data: { venueName: "芦北町役場 大会議室" } });
    const session = await prisma.workshopSession.findFirstOrThrow({ where: { academyId: academy.id } });
    await prisma.sessionFacilitator.create({ data: { sessionId: session.id, userId: w.expertUser.id } });
    const schedule = (fields: Record<string, string>) => post(w.coordinator, id, { intent: "schedule", ...fields });

    const noUrl = await schedule({ expertIds: w.expert.id, mode: "online", onlineUrl: "", ...WED });
    expect(noUrl.data.fieldErrors.onlineUrl).toBe("consultation.validation.urlRequired");
    const none = await schedule({ mode: "online", onlineUrl: "https://meet.example.jp/a", ...WED });
    expect(none.data.fieldErrors.expertIds).toBe("consultation.validation.expertRequired");
    const clash = await schedule({ expertIds: w.expert.id, mode: "online", onlineUrl: "https://meet.example.jp/a", ...WED });
    expect(clash.status).toBe(400);
    expect(clash.data.issues.map((i: { code: string }) => i.code)).toEqual(["facilitatorDoubleBooked"]);
    expect(clash.data.values.onlineUrl).toBe("https://meet.example.jp/a");
    expect(clash.data.lists.expertIds).toEqual([w.expert.id]);
    // the other expert is free, but the room is the session's
    const other = await prisma.expert.create({ data: { userId: (await createUser("participant", { displayName: "分析 専門" })).id, kind: "analyst" } });
    const room = await schedule({ expertIds: other.id, mode: "venue", venueName: "芦北町役場　大会議室", ...WED });
    expect(room.data.issues.map((i: { code: string }) => i.code)).toEqual(["venueDoubleBooked"]);
    expect((await prisma.consultation.findUniqueOrThrow({ where: { id } })).status).toBe("requested");

    // a date that has passed is asked about (the mail would invite people to it)
    const passed = await schedule({ expertIds: w.expert.id, mode: "online", onlineUrl: "https://meet.example.jp/a", date: new Date(Date.now() - 9 * 86400_000).toISOString().slice(0, 10), startTime: "10:00", endTime: "11:30" });
    expect(passed.data.needsAcknowledgement).toBe(true);
    expect(passed.data.issues.map((i: { code: string }) => i.code)).toContain("inPast");
    // a Saturday is a warning to confirm
    const saturday = await schedule({ expertIds: w.expert.id, mode: "online", onlineUrl: "https://meet.example.jp/a", date: SATURDAY, startTime: "10:00", endTime: "11:30" });
    expect(saturday.data.needsAcknowledgement).toBe(true);
    const before = await prisma.mailMessage.count();
    const ok = await schedule({ expertIds: w.expert.id, mode: "online", onlineUrl: "https://meet.example.jp/a", date: SATURDAY, startTime: "10:00", endTime: "11:30", acknowledgeWarnings: "yes" });
    expect(ok.status).toBe(302);
    const mails = await prisma.mailMessage.findMany({ orderBy: { createdAt: "asc" }, skip: before });
    expect(mails.map((m) => m.to).sort()).toEqual(["bengoshi@example.jp", w.requester.email].sort());
    expect(mails[0]!.subject).toContain("保有期間を過ぎたデータの扱い");
    expect(mails[0]!.text).toContain("https://meet.example.jp/a");
    // now the expert sees it, on the page and on their dashboard
    expect((await view(w.asExpert, id)).data.c.status).toBe("scheduled");
    expect((await caught(dashboardLoader({ request: getRequest("/dashboard", { cookie: w.asExpert }), params: {}, context }))).data.consultations).toMatchObject([{ id, status: "scheduled", asExpert: true }]);
    // pressing the button again changes nothing and mails nobody again
    const mailsNow = await prisma.mailMessage.count();
    expect((await schedule({ expertIds: w.expert.id, mode: "online", onlineUrl: "https://meet.example.jp/a", date: SATURDAY, startTime: "10:00", endTime: "11:30", acknowledgeWarnings: "yes" })).status).toBe(302);
    expect(await prisma.mailMessage.count()).toBe(mailsNow);

    // a second consultation cannot take the same expert at that time
    const second = await prisma.consultation.create({ data: { fiscalYear: 2026, municipalityCode: "434825", requesterId: w.requester.id, topicId: w.topics[0]!.id, title: "別の相談", question: "q" } });
    const taken = await post(w.coordinator, second.id, { intent: "schedule", expertIds: w.expert.id, mode: "online", onlineUrl: "https://meet.example.jp/b", date: SATURDAY, startTime: "11:00", endTime: "12:00", acknowledgeWarnings: "yes" });
    expect(taken.data.issues.filter((i: { level: string }) => i.level === "error").map((i: { code: string }) => i.code)).toEqual(["facilitatorInConsultation"]);
    // and the academy cannot move its session onto the consultation
    const moved = await caught(
      sessionAction({
        request: formRequest("/x", { kind: "workshop", date: SATURDAY, startTime: "09:30", endTime: "12:30", facilitatorIds: w.expertUser.id, acknowledgeWarnings: "yes" }, { cookie: w.coordinator }),
        params: { academyId: academy.id, sessionId: session.id },
        context,
      }),
    );
    expect(moved.status).toBe(400);
    expect(moved.data.issues.map((i: { code: string }) => i.code)).toContain("facilitatorInConsultation");
  });

  it("records the advice once the meeting has begun, then follows the actions up with the government", async () => {
    const w = await world();
    const id = await requested(w);
    expect((await post(w.coordinator, id, { intent: "schedule", expertIds: w.expert.id, mode: "online", onlineUrl: "https://meet.example.jp/a", ...WED })).status).toBe(302);
    const advice = { intent: "record", issues: "保存年限の起算点\n分析目的の再利用", advice: "個人情報保護条例の目的外利用の規定を確認し、匿名加工したうえで使う。" };
    expect((await post(w.asExpert, id, advice)).data.reason).toBe("consultation.error.notYetHeld");
    // the meeting took place
    await prisma.consultation.update({ where: { id }, data: { startsAt: new Date(Date.now() - 2 * 3600_000), endsAt: new Date(Date.now() - 3600_000) } });
    expect((await post(w.asRequester, id, advice)).data.reason).toBe("consultation.error.notRecordable");
    const blank = await post(w.asExpert, id, { ...advice, advice: "" });
    expect(blank.data.fieldErrors.advice).toBe("validation.required");
    expect(blank.data.values.issues.replace(/\r\n/g, "\n")).toBe(advice.issues);
    expect((await post(w.asExpert, id, advice)).status).toBe(302);
    const held = await view(w.asRequester, id);
    expect(held.data.c).toMatchObject({ status: "held", advice: advice.advice });
    expect(await prisma.mailMessage.count({ where: { to: w.requester.email, subject: { contains: "助言" } } })).toBe(1);

    // the experts and the coordinator agree actions; the government reports on them
    expect((await post(w.asRequester, id, { intent: "addAction", description: "規程案を作る", owner: "総務課", dueOn: "2027-03-31" })).data.reason).toBe("consultation.error.notHeld");
    const badDate = await post(w.asExpert, id, { intent: "addAction", description: "規程案を作る", owner: "総務課", dueOn: "2027-02-30" });
    expect(badDate.data.fieldErrors.dueOn).toBe("validation.date");
    expect(badDate.data.values.description).toBe("規程案を作る");
    expect((await post(w.asExpert, id, { intent: "addAction", description: "規程案を作る", owner: "総務課", dueOn: "2027-03-31" })).status).toBe(302);
    expect((await post(w.asExpert, id, { intent: "addAction", description: "規程案を作る", owner: "総務課", dueOn: "2027-03-31" })).status).toBe(302);
    expect(await prisma.consultationAction.count({ where: { consultationId: id } })).toBe(1);
    const action = await prisma.consultationAction.findFirstOrThrow({ where: { consultationId: id } });
    expect((await post(w.asRequester, id, { intent: "actionStatus", actionId: action.id, status: "finished" })).status).toBe(400);
    expect((await post(w.asRequester, id, { intent: "actionStatus", actionId: action.id, status: "in_progress" })).status).toBe(302);
    expect((await post(w.asRequester, id, { intent: "followUp", note: "規程案を作成し、文書担当課と協議中。" })).status).toBe(302);
    expect((await post(w.asRequester, id, { intent: "followUp", note: "規程案を作成し、文書担当課と協議中。" })).status).toBe(302);
    expect(await prisma.consultationFollowUp.count({ where: { consultationId: id } })).toBe(1);
    expect((await post(w.asStranger, id, { intent: "followUp", note: "x" })).status).toBe(404);
    // another consultation's action cannot be reached through this one
    const other = await prisma.consultation.create({ data: { fiscalYear: 2026, municipalityCode: "434825", requesterId: w.requester.id, topicId: w.topics[0]!.id, title: "別", question: "q", status: "held", actions: { create: [{ description: "d", owner: "o", dueOn: "2027-01-01" }] } } });
    const foreign = await prisma.consultationAction.findFirstOrThrow({ where: { consultationId: other.id } });
    expect((await post(w.asRequester, id, { intent: "actionStatus", actionId: foreign.id, status: "done" })).data.reason).toBe("consultation.error.noSuchAction");
    expect((await prisma.consultationAction.findUniqueOrThrow({ where: { id: foreign.id } })).status).toBe("open");

    const later = (await view(w.asRequester, id)).data.c;
    expect(later.actions).toMatchObject([{ description: "規程案を作る", owner: "総務課", status: "in_progress" }]);
    expect(later.followUps).toMatchObject([{ note: "規程案を作成し、文書担当課と協議中。", author: { displayName: "芦北 企画" } }]);
    // the requester's e-mail is not shown to a requester (only to staff and experts)
    expect((await view(w.asExpert, id)).data.c.requester.email).toBe(w.requester.email);
    expect((await list(w.coordinator)).consultations[0]).toMatchObject({ openActions: 1 });
  });

  it("declines, cancels and withdraws with a reason, and nothing can be scheduled afterwards", async () => {
    const w = await world();
    const id = await requested(w);
    expect((await post(w.asRequester, id, { intent: "withdraw", reason: "" })).data.fieldErrors.reason).toBe("validation.required");
    expect((await post(w.asExpert, id, { intent: "close", reason: "x" })).status).toBe(404);
    expect((await post(w.coordinator, id, { intent: "close", reason: "今年度の相談枠が埋まったため" })).status).toBe(302);
    expect((await prisma.consultation.findUniqueOrThrow({ where: { id } })).status).toBe("declined");
    expect(await prisma.mailMessage.count({ where: { to: w.requester.email, text: { contains: "今年度の相談枠が埋まったため" } } })).toBe(1);
    expect((await post(w.coordinator, id, { intent: "schedule", expertIds: w.expert.id, mode: "online", onlineUrl: "https://meet.example.jp/a", ...WED })).data.reason).toBe("consultation.error.notSchedulable");
    expect((await post(w.asRequester, id, { intent: "withdraw", reason: "x" })).data.reason).toBe("consultation.error.notClosable");
  });

  it("lets only coordinators manage experts and topics; a new expert is invited, a known one is not duplicated", async () => {
    const w = await world();
    const add = (cookie: string, fields: Record<string, string>) => caught(expertsAction({ request: formRequest("/consultations/experts", fields, { cookie }), params: {}, context }));
    expect((await add(w.asRequester, { displayName: "x", email: "x@example.jp", kind: "analyst" })).status).toBe(403);
    expect((await caught(expertsLoader({ request: getRequest("/consultations/experts", { cookie: w.asExpert }), params: {}, context }))).status).toBe(403);
    const badKind = await add(w.coordinator, { displayName: "統計 太郎", email: "toukei@univ.example.ac.jp", kind: "wizard", affiliation: "統計大学" });
    expect(badKind.data.fieldErrors.kind).toBe("consultation.validation.expertKind");
    expect(badKind.data.values.affiliation).toBe("統計大学");
    const ok = await add(w.coordinator, { displayName: "統計 太郎", email: "toukei@univ.example.ac.jp", kind: "researcher", affiliation: "統計大学", fields: "標本調査, アンケート設計", topicIds: w.topics[0]!.id });
    expect(ok.status).toBe(302);
    expect(await prisma.mailMessage.count({ where: { to: "toukei@univ.example.ac.jp", subject: { contains: "専門家" } } })).toBe(1);
    expect((await add(w.coordinator, { displayName: "統計 太郎", email: "TOUKEI@univ.example.ac.jp", kind: "researcher" })).data.fieldErrors.email).toBe("consultation.error.alreadyExpert");
    const search = async (q: string) => (await caught(expertsLoader({ request: getRequest(`/consultations/experts?${q}`, { cookie: w.coordinator }), params: {}, context }))).data;
    expect((await search("q=アンケート")).experts.map((e: { user: { displayName: string } }) => e.user.displayName)).toEqual(["統計 太郎"]);
    expect((await search(`topic=${w.topics[2]!.id}`)).experts.map((e: { user: { displayName: string } }) => e.user.displayName)).toEqual(["弁護士 個人"]);
    expect((await search("kind=lawyer")).total).toBe(1);
    // a retired expert cannot be chosen for a meeting
    expect((await caught(expertAction({ request: formRequest("/x", { intent: "retire" }, { cookie: w.coordinator }), params: { expertId: w.expert.id }, context }))).status).toBe(302);
    expect((await search("")).total).toBe(1);
    const id = await requested(w);
    expect((await post(w.coordinator, id, { intent: "schedule", expertIds: w.expert.id, mode: "online", onlineUrl: "https://meet.example.jp/a", ...WED })).data.fieldErrors.expertIds).toBe("consultation.error.noSuchExpert");

    const topic = (cookie: string, fields: Record<string, string>) => caught(topicsAction({ request: formRequest("/consultations/topics", fields, { cookie }), params: {}, context }));
    expect((await topic(w.asRequester, { intent: "create", label: "オープンデータ" })).status).toBe(403);
    expect((await topic(w.coordinator, { intent: "create", label: "データ保有期間" })).data.fieldErrors.label).toBe("consultation.error.topicExists");
    expect((await topic(w.coordinator, { intent: "create", label: "オープンデータ", labelEn: "Open data" })).status).toBe(302);
    expect((await topic(w.coordinator, { intent: "update", topicId: w.topics[0]!.id, label: "", labelEn: "Surveys" })).data.values.labelEn).toBe("Surveys");
    expect((await topic(w.coordinator, { intent: "update", topicId: w.topics[0]!.id, label: "アンケート・意識調査の活用", labelEn: "Surveys" })).status).toBe(302);
    expect((await topic(w.coordinator, { intent: "down", topicId: w.topics[0]!.id })).status).toBe(302);
    expect((await topic(w.coordinator, { intent: "archive", topicId: w.topics[5]!.id })).status).toBe(302);
    const labels = (await caught(requestLoader({ request: getRequest("/consultations/new", { cookie: w.asRequester }), params: {}, context }))).data.topics.map((t: { label: string }) => t.label);
    expect(labels).toEqual(["データ分析基盤", "アンケート・意識調査の活用", "データ保有期間", "小規模団体のデータ活用", "体制・人材育成", "オープンデータ"]);
    const all = (await caught(topicsLoader({ request: getRequest("/consultations/topics", { cookie: w.coordinator }), params: {}, context }))).data.topics;
    expect(all).toHaveLength(7);
  });

  it("turns a selected application of the consultation track into a request, once", async () => {
    const w = await world();
    const call = await prisma.call.create({ data: { fiscalYear: 2027, title: "令和9年度 募集", deadlineAt: new Date(Date.now() - 86400_000), publishedAt: new Date(), tracks: { create: [{ kind: "consultation", label: "（ア）相談会", places: 10, position: 0 }] } }, include: { tracks: true } });
    const app = await prisma.application.create({
      data: { callId: call.id, trackId: call.tracks[0]!.id, applicantId: w.requester.id, status: "submitted", decision: "selected", leadMunicipalityCode: "434825", problem: "小さな町でできるデータ活用\n職員が少ない", dataHeld: "住民アンケート", dataDepartment: "企画課", submittedAt: new Date() },
    });
    const params = { callId: call.id, applicationId: app.id };
    const page = (await caught(reviewLoader({ request: getRequest("/x", { cookie: w.coordinator }), params, context }))).data;
    expect(page.consultationStep).toBe(true);
    expect(page.consultation).toBeNull();
    const make = () => caught(reviewAction({ request: formRequest("/x", { intent: "consultation", topicId: w.topics[3]!.id }, { cookie: w.coordinator }), params, context }));
    expect((await make()).status).toBe(302);
    const c = await prisma.consultation.findFirstOrThrow({ where: { applicationId: app.id } });
    expect(c).toMatchObject({ fiscalYear: 2027, municipalityCode: "434825", requesterId: w.requester.id, title: "小さな町でできるデータ活用", status: "requested", topicId: w.topics[3]!.id });
    expect((await make()).data.reason).toBe("call.error.notEligible");
    expect(await prisma.consultation.count()).toBe(1);
    // the applicant finds it among their consultations
    expect((await list(w.asRequester)).total).toBe(1);
  });
});
