import { lastMailTo } from "../../tests/support/mail";
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { action as boardAction, loader as boardLoader } from "./academies.$academyId.retros.$retroId._index";
import { action as newAction } from "./academies.$academyId.retros.new";
import { loader as exportLoader } from "./academies.$academyId.retros.$retroId.export.$format";
import { liveFigures, liveSettled } from "~/modules/retro/live.server";
import { receivedFromElsewhere } from "~/utils/change-bus.server";
import type { BoardView } from "~/modules/retro/board.server";
import { loader as eventsLoader } from "./academies.$academyId.retros.$retroId.events";
import { loader as teamLoader } from "./academies.$academyId.teams.$teamId._index";
import { createAcademy, createRegion, createTeam, createUser, enroll } from "../../tests/support/factories";
import { caught, context, getRequest, sessionCookieFor } from "../../tests/support/requests";

// A KPT board run through its action as the browsers drive it: hidden cards, phases only the
// facilitator may change, votes within the budget, actions that reach the team workspace and
// come back at the next board.

const DAY = 86400_000;

function urlencoded(url: string, fields: Record<string, string>, cookie: string) {
  return new Request(`http://localhost:3000${url}`, {
    method: "POST",
    body: new URLSearchParams(fields).toString(),
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
  });
}

async function world() {
  const region = await createRegion("播磨圏域", ["282014"]);
  const facilitator = await createUser("facilitator");
  const member = await createUser("participant");
  const teammate = await createUser("participant");
  const otherMember = await createUser("participant");
  const now = Date.now();
  const academy = await createAcademy({ regionId: region.id, facilitatorIds: [facilitator.id], sessionStarts: [new Date(now - DAY), new Date(now + 14 * DAY)] });
  const team = await createTeam(academy.id, "受診率向上チーム", [member.id, teammate.id]);
  const otherTeam = await createTeam(academy.id, "子育て支援チーム", [otherMember.id]);
  const session = await prisma.workshopSession.findFirstOrThrow({ where: { academyId: academy.id }, orderBy: { sequence: "asc" } });
  const cookies = {
    facilitator: await sessionCookieFor(facilitator.id),
    member: await sessionCookieFor(member.id),
    teammate: await sessionCookieFor(teammate.id),
    otherMember: await sessionCookieFor(otherMember.id),
  };
  type Who = keyof typeof cookies;
  const create = async (fields: Record<string, string>) => {
    const res = await caught(newAction({ request: urlencoded(`/academies/${academy.id}/retros/new`, fields, cookies.facilitator), params: { academyId: academy.id }, context }));
    expect(res.status).toBe(302);
    return res.headers.get("Location")!.split("/").pop()!;
  };
  const board = (retroId: string) => {
    const params = { academyId: academy.id, retroId };
    const url = `/academies/${academy.id}/retros/${retroId}`;
    return {
      post: (who: Who, fields: Record<string, string>) => caught(boardAction({ request: urlencoded(url, fields, cookies[who]), params, context })),
      get: (who: Who) => caught(boardLoader({ request: getRequest(url, { cookie: cookies[who] }), params, context })),
      exportAs: (who: Who, format: string) => caught(exportLoader({ request: getRequest(`${url}/export/${format}`, { cookie: cookies[who] }), params: { ...params, format }, context })),
    };
  };
  return { academy, team, otherTeam, session, users: { facilitator, member, teammate, otherMember }, cookies, create, board };
}

/**
 * A board's event stream read as the browser's EventSource would: every byte kept (`raw`), the
 * board views in it, and a way to read on until something has arrived.
 */
function watchBoard(cookie: string, academyId: string, retroId: string) {
  const controller = new AbortController();
  const response = eventsLoader({
    request: new Request("http://localhost:3000/e", { headers: { Cookie: cookie }, signal: controller.signal }),
    params: { academyId, retroId },
    context,
  }) as Promise<Response>;
  let raw = "";
  const decoder = new TextDecoder();
  const boards = () =>
    raw
      .split("\n\n")
      .filter((block) => block.startsWith("event: board\n"))
      .map((block) => JSON.parse(block.slice("event: board\ndata: ".length)) as BoardView);
  const read = async (arrived: () => boolean) => {
    const reader = (await response).body!.getReader();
    try {
      while (!arrived()) {
        const { value, done } = await reader.read();
        if (done) throw new Error("the stream ended");
        raw += decoder.decode(value);
      }
    } finally {
      reader.releaseLock();
    }
  };
  const until = async (check: (view: BoardView) => boolean) => {
    await read(() => boards().some(check));
    return boards().find(check)!;
  };
  return { response, read, until, raw: () => raw, close: () => controller.abort() };
}

describe("a KPT retrospective", () => {
  it("runs from reflect to closed with hidden cards, votes within the budget and actions", async () => {
    const w = await world();
    const id = await w.create({ sessionId: w.session.id, teamId: w.team.id, template: "kpt", anonymous: "on", voteBudget: "3", maxVotesPerGroup: "2" });
    const b = w.board(id);

    // a participant cannot steer the board
    const forced = await b.post("member", { intent: "phase", phase: "reflect" });
    expect(forced.status).toBe(403);
    expect(forced.data.reason).toBe("retro.error.onlyFacilitator");
    expect((await b.post("facilitator", { intent: "phase", phase: "reflect", minutes: "10" })).status).toBe(200);

    // cards are hidden from the others until the reflect phase ends
    expect((await b.post("member", { intent: "addCard", prompt: "keep", text: "地区別に集計できた" })).status).toBe(200);
    expect((await b.post("teammate", { intent: "addCard", prompt: "problem", text: "抽出に時間がかかった" })).status).toBe(200);
    expect((await b.post("teammate", { intent: "addCard", prompt: "try", text: "早めに個人情報の担当へ相談する" })).status).toBe(200);
    expect((await b.post("member", { intent: "addCard", prompt: "nonsense", text: "x" })).status).toBe(400);
    let seen = (await b.get("member")).data.view;
    expect(seen.cards.map((c: { text: string }) => c.text)).toEqual(["地区別に集計できた"]);
    expect(seen.hiddenCounts).toEqual({ problem: 1, try: 1 });
    expect(seen.retro.phaseEndsAt).not.toBeNull();

    // after the reveal: everyone sees every card, without names on an anonymous board
    await b.post("facilitator", { intent: "phase", phase: "group" });
    const late = await b.post("member", { intent: "addCard", prompt: "keep", text: "遅れて書いたカード" });
    expect(late.status).toBe(400);
    expect(late.data.reason).toBe("retro.error.reflectClosed");
    seen = (await b.get("member")).data.view;
    expect(seen.cards).toHaveLength(3);
    expect(seen.cards.every((c: { author: string | null }) => c.author === null)).toBe(true);
    const names = await b.post("facilitator", { intent: "anonymous", anonymous: "" });
    expect(names.data.reason).toBe("retro.error.keepAnonymous");

    // grouping (the keyboard way: choose the card's group)
    await b.post("member", { intent: "addGroup", title: "データ準備" });
    const group = (await b.get("member")).data.view.groups[0];
    const problemCard = seen.cards.find((c: { prompt: string }) => c.prompt === "problem");
    const tryCard = seen.cards.find((c: { prompt: string }) => c.prompt === "try");
    expect((await b.post("member", { intent: "move", cardId: problemCard.id, groupId: group.id })).status).toBe(200);
    expect((await b.post("member", { intent: "move", cardId: tryCard.id, groupId: group.id })).status).toBe(200);

    // voting: the loose card becomes a group of one; budget 3, at most 2 per group
    await b.post("facilitator", { intent: "phase", phase: "vote" });
    const groups = (await b.get("member")).data.view.groups;
    expect(groups.map((g: { title: string }) => g.title)).toEqual(["データ準備", "地区別に集計できた"]);
    const [data, keep] = groups;
    expect((await b.post("member", { intent: "vote", groupId: data.id, direction: "add" })).status).toBe(200);
    expect((await b.post("member", { intent: "vote", groupId: data.id, direction: "add" })).status).toBe(200);
    const third = await b.post("member", { intent: "vote", groupId: data.id, direction: "add" });
    expect(third.data.reason).toBe("retro.error.groupMax");
    // a double click on the last vote: both arrive together, only one is counted
    const double = await Promise.all([b.post("member", { intent: "vote", groupId: keep.id, direction: "add" }), b.post("member", { intent: "vote", groupId: keep.id, direction: "add" })]);
    expect(double.map((r) => r.status).sort()).toEqual([200, 400]);
    expect((await b.get("member")).data.view.myVotesUsed).toBe(3);
    expect(await prisma.retroVote.count({ where: { retroId: id, userId: w.users.member.id } })).toBe(3);
    expect((await b.post("teammate", { intent: "vote", groupId: keep.id, direction: "add" })).status).toBe(200);

    // discuss: groups by votes; only the facilitator takes notes
    await b.post("facilitator", { intent: "phase", phase: "discuss" });
    expect((await b.post("member", { intent: "notes", groupId: data.id, notes: "x" })).status).toBe(403);
    await b.post("facilitator", { intent: "notes", groupId: data.id, notes: "抽出の依頼は1か月前に" });
    seen = (await b.get("teammate")).data.view;
    expect(seen.groups.find((g: { id: string }) => g.id === data.id)).toMatchObject({ votes: 2, notes: "抽出の依頼は1か月前に" });

    // actions: an owner of the team, a Try linked to the next deliverable
    await b.post("facilitator", { intent: "phase", phase: "actions" });
    const stage = await prisma.stage.findFirstOrThrow({ where: { academyId: w.academy.id, key: "data_collection" } });
    const outsider = await b.post("member", { intent: "addAction", text: "x", ownerId: w.users.otherMember.id });
    expect(outsider.data.reason).toBe("retro.error.unknownOwner");
    // a due date already past: refused with the field named, nothing added
    const past = await b.post("member", { intent: "addAction", text: "過去の期限", dueDate: "2020-01-15" });
    expect(past.data.reason).toBe("retro.error.dueInPast");
    expect(await prisma.retroAction.count({ where: { text: "過去の期限" } })).toBe(0);
    expect((await b.post("member", { intent: "addAction", text: "個人情報の担当に相談する", ownerId: w.users.teammate.id, stageId: stage.id, dueDate: "2099-01-15", groupId: data.id })).status).toBe(200);
    // the owner is told, in the app and by mail; the refused action told nobody
    expect(await prisma.notification.findMany({ where: { kind: "action_assigned" }, select: { userId: true, messageKey: true } })).toEqual([{ userId: w.users.teammate.id, messageKey: "actionAssigned" }]);
    expect(lastMailTo(w.users.teammate.email).text).toContain("振り返りで、アクション「個人情報の担当に相談する」の担当になりました（期限 2099-01-15）。");
    // one's own action tells nobody; a long one is quoted cut to 80 characters
    expect((await b.post("member", { intent: "addAction", text: "自分で集計表を作る", ownerId: w.users.member.id })).status).toBe(200);
    expect(await prisma.notification.count({ where: { kind: "action_assigned" } })).toBe(1);
    const long = "あ".repeat(100);
    expect((await b.post("member", { intent: "addAction", text: long, ownerId: w.users.teammate.id })).status).toBe(200);
    const told = await prisma.notification.findMany({ where: { kind: "action_assigned", userId: w.users.teammate.id }, select: { params: true }, orderBy: { createdAt: "asc" } });
    expect(told.map((n) => JSON.parse(n.params).text)).toEqual(["個人情報の担当に相談する", `${"あ".repeat(80)}…`]);
    // (the two were only for the notices: taken off the board again)
    for (const extra of await prisma.retroAction.findMany({ where: { text: { in: ["自分で集計表を作る", long] } } })) {
      expect((await b.post("member", { intent: "deleteAction", actionId: extra.id })).status).toBe(200);
    }
    await b.post("facilitator", { intent: "phase", phase: "closed" });
    expect((await b.post("member", { intent: "addAction", text: "閉じた後", ownerId: "" })).data.reason).toBe("retro.error.closed");

    // exports: Markdown and CSV with a BOM, no author names on an anonymous board
    const mdRes = await exportLoader({ request: getRequest(`/x`, { cookie: w.cookies.member }), params: { academyId: w.academy.id, retroId: id, format: "md" }, context });
    const mdText = await (mdRes as Response).text();
    expect(mdText).toContain("## Keep（続けること）");
    expect(mdText).toContain("### データ準備（2票）");
    expect(mdText).toContain("- [ ] 個人情報の担当に相談する");
    // cards without their authors' names (an anonymous board)
    expect(mdText).toContain("- 地区別に集計できた\n");
    expect(mdText).toContain("- 抽出に時間がかかった\n");
    const csvRes = (await exportLoader({ request: getRequest(`/x`, { cookie: w.cookies.member }), params: { academyId: w.academy.id, retroId: id, format: "csv" }, context })) as Response;
    const csvBytes = new Uint8Array(await csvRes.arrayBuffer());
    expect(Array.from(csvBytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(csvRes.headers.get("Content-Type")).toContain("text/csv");
    expect(new TextDecoder().decode(csvBytes)).toContain("抽出に時間がかかった");

    // the action waits on the team workspace…
    const teamPage = await caught(teamLoader({ request: getRequest("/", { cookie: w.cookies.member }), params: { academyId: w.academy.id, teamId: w.team.id }, context }));
    expect(teamPage.data.workspace.actions.map((a: { text: string }) => a.text)).toEqual(["個人情報の担当に相談する"]);

    // …and comes back at the start of the next board, where it is carried over
    const next = w.board(await w.create({ teamId: w.team.id, template: "kpt", anonymous: "on" }));
    const review = (await next.get("member")).data.view;
    expect(review.retro.phase).toBe("review");
    expect(review.previousActions.map((a: { text: string }) => a.text)).toEqual(["個人情報の担当に相談する"]);
    expect((await next.post("member", { intent: "review", actionId: review.previousActions[0].id, decision: "carried" })).status).toBe(200);
    const after = (await next.get("member")).data.view;
    expect(after.actions).toMatchObject([{ text: "個人情報の担当に相談する", carried: true, status: "open" }]);
    expect(after.previousActions[0]).toMatchObject({ status: "carried", reviewedHere: true });
    // changing one's mind: done instead, the carried copy goes away
    await next.post("member", { intent: "review", actionId: review.previousActions[0].id, decision: "done" });
    expect((await next.get("member")).data.view.actions).toEqual([]);
  });

  it("keeps a team's board from other teams and refuses what does not belong to it", async () => {
    const w = await world();
    const id = await w.create({ teamId: w.team.id, template: "kpt", anonymous: "on" });
    const b = w.board(id);
    expect((await b.get("otherMember")).status).toBe(404);
    expect((await b.post("otherMember", { intent: "addCard", prompt: "keep", text: "x" })).status).toBe(404);
    expect((await b.exportAs("otherMember", "csv")).status).toBe(404);
    const events = await caught(eventsLoader({ request: getRequest("/", { cookie: w.cookies.otherMember }), params: { academyId: w.academy.id, retroId: id }, context }));
    expect(events.status).toBe(404);
    // a card id of another board
    const other = w.board(await w.create({ teamId: w.otherTeam.id, template: "kpt" }));
    await other.post("facilitator", { intent: "phase", phase: "reflect" });
    await other.post("otherMember", { intent: "addCard", prompt: "keep", text: "別チームのカード" });
    const foreign = await prisma.retroCard.findFirstOrThrow({ where: { text: "別チームのカード" } });
    await b.post("facilitator", { intent: "phase", phase: "reflect" });
    expect((await b.post("member", { intent: "deleteCard", cardId: foreign.id })).data.reason).toBe("retro.error.unknownCard");
    expect(await prisma.retroCard.count({ where: { id: foreign.id } })).toBe(1);
    // exports do not exist before the reveal
    expect((await b.exportAs("member", "md")).status).toBe(404);
    // a custom template needs its prompts
    const res = await caught(newAction({ request: urlencoded(`/academies/${w.academy.id}/retros/new`, { template: "custom", customPrompts: "" }, w.cookies.facilitator), params: { academyId: w.academy.id }, context }));
    expect(res.status).toBe(400);
    expect(res.data.fieldErrors.customPrompts).toBe("retro.error.customPrompts");
    expect(res.data.values.template).toBe("custom");
    expect(await prisma.retrospective.count({ where: { template: "custom" } })).toBe(0);
  });

  it("lets an observer read a team's board but write nothing on it", async () => {
    const w = await world();
    const observer = await createUser("participant");
    await enroll(w.academy.id, observer.id, "observer");
    const cookie = await sessionCookieFor(observer.id);
    const id = await w.create({ sessionId: w.session.id, teamId: w.team.id, template: "kpt" });
    const b = w.board(id);
    await b.post("facilitator", { intent: "phase", phase: "reflect", minutes: "10" });
    await b.post("member", { intent: "addCard", prompt: "keep", text: "地区別に集計できた" });
    const url = `/academies/${w.academy.id}/retros/${id}`;
    const asObserver = (fields: Record<string, string>) => caught(boardAction({ request: urlencoded(url, fields, cookie), params: { academyId: w.academy.id, retroId: id }, context }));
    expect((await caught(boardLoader({ request: getRequest(url, { cookie }), params: { academyId: w.academy.id, retroId: id }, context }))).status).toBe(200);
    const before = await Promise.all([prisma.retroCard.count(), prisma.retroGroup.count(), prisma.retroAction.count(), prisma.retrospective.findUniqueOrThrow({ where: { id }, select: { revision: true } })]);
    const writes: Record<string, string>[] = [
      { intent: "addCard", prompt: "keep", text: "見ているだけの人のカード" },
      { intent: "addGroup", title: "見ているだけの人のグループ" },
      { intent: "addAction", text: "見ているだけの人のアクション" },
      { intent: "phase", phase: "group" },
    ];
    for (const fields of writes) {
      const refused = await asObserver(fields);
      expect(refused.status, fields.intent).toBe(403);
    }
    expect(await Promise.all([prisma.retroCard.count(), prisma.retroGroup.count(), prisma.retroAction.count(), prisma.retrospective.findUniqueOrThrow({ where: { id }, select: { revision: true } })])).toEqual(before);
  });

  it("streams the board to each viewer as they may see it, never another person's unrevealed card", async () => {
    const w = await world();
    const id = await w.create({ teamId: w.team.id, template: "kpt" });
    const before = liveFigures().computations;
    const open = (who: "member" | "teammate" | "facilitator") => watchBoard(w.cookies[who], w.academy.id, id);
    const member = open("member");
    const teammate = open("teammate");
    const staff = open("facilitator");
    expect((await member.response).headers.get("Content-Type")).toContain("text/event-stream");
    // the current board at once, on connecting
    expect((await member.until((v) => v.retro.revision === 0)).retro.phase).toBe("review");
    await w.board(id).post("facilitator", { intent: "phase", phase: "reflect" });
    await member.until((v) => v.retro.phase === "reflect");
    await w.board(id).post("teammate", { intent: "addCard", prompt: "keep", text: "抽出条件を共有できた" });
    // the member learns that a card was written, not what it says
    const seen = await member.until((v) => (v.hiddenCounts.keep ?? 0) === 1);
    expect(seen.cards).toEqual([]);
    expect(seen.writers.count).toBe(1);
    // the author sees their card; staff see the count like everyone else until the reveal
    expect((await teammate.until((v) => v.cards.length === 1)).cards[0]).toMatchObject({ text: "抽出条件を共有できた", mine: true });
    expect((await staff.until((v) => (v.hiddenCounts.keep ?? 0) === 1)).cards).toEqual([]);
    expect(member.raw()).not.toContain("抽出条件を共有できた");
    expect(staff.raw()).not.toContain("抽出条件を共有できた");
    // after the reveal everyone reads it
    await w.board(id).post("facilitator", { intent: "phase", phase: "group" });
    expect((await member.until((v) => v.retro.phase === "group")).cards.map((c) => c.text)).toEqual(["抽出条件を共有できた"]);
    // three viewers, three changes: the board was read once per change, not once per viewer
    expect(liveFigures().computations - before).toBeLessThanOrEqual(5);
    await liveSettled();
    for (const s of [member, teammate, staff]) s.close();
  });

  it("says how many people have the board open, counting those on other servers", async () => {
    const w = await world();
    const id = await w.create({ teamId: w.team.id, template: "kpt" });
    const open = (who: "member" | "facilitator") => {
      const stream = watchBoard(w.cookies[who], w.academy.id, id);
      const counts = () => [...stream.raw().matchAll(/event: presence\ndata: \{"watching":(\d+)\}/g)].map((m) => Number(m[1]));
      return { until: (count: number) => stream.read(() => counts().at(-1) === count), close: stream.close };
    };
    const member = open("member");
    await member.until(1);
    const staff = open("facilitator");
    await member.until(2);
    await staff.until(2);
    // another server says someone watches there
    receivedFromElsewhere({ kind: "presence", retroId: id, process: "another-server", users: ["someone-else"] });
    await member.until(3);
    receivedFromElsewhere({ kind: "presence", retroId: id, process: "another-server", users: [] });
    await staff.until(2);
    member.close();
    await staff.until(1);
    await liveSettled();
    staff.close();
  });

  it("shows how many participants are done with the phase, names them on a named board, and starts afresh in the next phase", async () => {
    const w = await world();
    const id = await w.create({ teamId: w.team.id, template: "kpt" });
    const b = w.board(id);
    const ready = async (who: "member" | "teammate" | "facilitator" | "otherMember", on: boolean) => b.post(who, { intent: "ready", ready: on ? "on" : "" });

    // looking back at the last actions: nobody is asked yet
    expect((await b.get("member")).data.view.ready.asked).toBe(false);
    const early = await ready("member", true);
    expect(early.status).toBe(400);
    expect(early.data.reason).toBe("retro.error.readyClosed");

    await b.post("facilitator", { intent: "phase", phase: "reflect" });
    let seen = (await b.get("facilitator")).data.view.ready;
    expect(seen).toMatchObject({ asked: true, done: 0, of: 2, names: [] });
    expect((await ready("member", true)).status).toBe(200);
    // a double click says it once
    expect((await ready("member", true)).status).toBe(200);
    seen = (await b.get("facilitator")).data.view.ready;
    expect(seen.done).toBe(1);
    expect(seen.names).toEqual([w.users.member.displayName]);
    expect((await b.get("member")).data.view.ready.mine).toBe(true);
    expect((await b.get("teammate")).data.view.ready.mine).toBe(false);

    // staff steer instead; another team's member does not even see the board
    const staff = await ready("facilitator", true);
    expect(staff.status).toBe(403);
    expect(staff.data.reason).toBe("retro.error.notAllowed");
    expect([403, 404]).toContain((await ready("otherMember", true)).status);

    // taken back, then both done
    await ready("member", false);
    expect((await b.get("facilitator")).data.view.ready.done).toBe(0);
    await ready("member", true);
    await ready("teammate", true);
    expect((await b.get("teammate")).data.view.ready).toMatchObject({ done: 2, of: 2, mine: true });

    // the next phase asks again, from nobody
    await b.post("facilitator", { intent: "phase", phase: "group" });
    expect((await b.get("member")).data.view.ready).toMatchObject({ asked: true, done: 0, mine: false });
    // discussing does not ask
    await b.post("facilitator", { intent: "phase", phase: "discuss" });
    expect((await b.get("member")).data.view.ready.asked).toBe(false);
    expect((await ready("member", true)).data.reason).toBe("retro.error.readyClosed");
    expect(await prisma.retroReady.count({ where: { retroId: id } })).toBe(0);
  });
});
