import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO, expectAccessible, hydrated, signIn, useBrowser } from "./browser";

// Running the sessions: a facilitator and a participant run a KPT retrospective in two browsers
// with live updates; the action reaches the team workspace and the next retrospective;
// attendance decides completion; the survey charts draw real answers.

const browser = useBrowser();

async function openAcademy(page: Page, name: RegExp) {
  await page.goto("/academies");
  await page.getByRole("link", { name }).first().click();
  await page.getByRole("heading", { level: 1, name }).waitFor();
}

const phaseIs = (page: Page, phase: string) => page.getByText(`現在のフェーズ：${phase}`).waitFor({ timeout: 5000 });

async function nextPhase(page: Page, phase: string) {
  await page.getByRole("button", { name: `「${phase}」へ進む` }).click();
  await phaseIs(page, phase);
}

describe("running the sessions", () => {
  it("a KPT retrospective in two browsers: live phases and cards, votes, an action that is followed up", async () => {
    const facilitator = await browser.newPage();
    await signIn(facilitator, DEMO.facilitator);
    await openAcademy(facilitator, /播磨圏域データアカデミー 2026/);
    await facilitator.getByRole("link", { name: /^第1回(?!の出欠)/ }).first().click();
    await facilitator.getByRole("heading", { level: 1, name: /第1回/ }).waitFor();
    await facilitator.getByRole("link", { name: "振り返りを始める" }).click();
    await facilitator.getByLabel("対象").selectOption({ label: "姫路市 受診率向上チーム" });
    await facilitator.getByRole("button", { name: "ボードを作成" }).click();
    await phaseIs(facilitator, "前回アクションの確認");
    await hydrated(facilitator);
    await facilitator.getByText("自動更新中").waitFor();
    const boardUrl = facilitator.url();

    // the participant opens the board from the team workspace
    const participant = await browser.newPage();
    await signIn(participant, DEMO.participant);
    await participant.getByRole("heading", { name: "このチームの振り返り" }).waitFor();
    await participant.locator("section", { has: participant.getByRole("heading", { name: "振り返りのアクション" }) }).getByRole("link", { name: "第1回", exact: true }).click();
    await phaseIs(participant, "前回アクションの確認");
    await hydrated(participant);
    await participant.getByText("自動更新中").waitFor();
    expect(participant.url()).toBe(boardUrl);
    // a participant has no controls to steer the board
    expect(await participant.getByRole("button", { name: /へ進む/ }).count()).toBe(0);

    // the facilitator starts the reflect phase with a timer: the participant's page follows without reloading
    await facilitator.getByLabel("タイマー（分）").fill("5");
    await nextPhase(facilitator, "書き出し");
    await phaseIs(participant, "書き出し");
    await participant.getByRole("timer").waitFor();

    const keep = participant.getByRole("form", { name: "「Keep（続けること）」にカードを追加" });
    await keep.getByLabel("Keep（続けること）に書くこと").fill("地区別に集計すると違いが見えた");
    await keep.getByRole("button", { name: "カードを追加" }).click();
    await participant.getByText("地区別に集計すると違いが見えた").waitFor();
    // the facilitator sees that a card exists, not what it says
    await facilitator.getByText("ほかの人のカード 1枚（公開前）").waitFor({ timeout: 5000 });
    expect(await facilitator.getByText("地区別に集計すると違いが見えた").count()).toBe(0);
    const tryForm = facilitator.getByRole("form", { name: "「Try（次に試すこと）」にカードを追加" });
    await tryForm.getByLabel("Try（次に試すこと）に書くこと").fill("データの出典を先にそろえる");
    await tryForm.getByRole("button", { name: "カードを追加" }).click();
    await facilitator.getByText("データの出典を先にそろえる").waitFor();
    // the participant says they are done writing: the facilitator's count follows, live
    await facilitator.getByText(/書き終えた人：\d+人中0人/).waitFor();
    await participant.getByRole("button", { name: "書き終えた", pressed: false }).click();
    await participant.getByRole("button", { name: "書き終えた", pressed: true }).waitFor();
    await facilitator.getByText(/書き終えた人：\d+人中1人/).waitFor({ timeout: 5000 });
    await expectAccessible(participant);

    // reveal and group, the keyboard way (choose the card's group)
    await nextPhase(facilitator, "グループ化");
    await participant.getByText("データの出典を先にそろえる").waitFor({ timeout: 5000 });
    const addGroup = participant.getByRole("form", { name: "グループを追加" });
    await addGroup.getByLabel("グループ名").fill("次回に向けて");
    await addGroup.getByRole("button", { name: "グループを追加" }).click();
    await participant.getByRole("heading", { name: "次回に向けて" }).waitFor();
    const card = participant.getByRole("listitem").filter({ hasText: "データの出典を先にそろえる" });
    await card.getByRole("combobox").selectOption({ label: "次回に向けて" });
    await card.getByRole("button", { name: "移動" }).click();
    // the facilitator's page shows the card in the group without reloading
    await facilitator
      .locator("div.rounded-8", { has: facilitator.getByRole("heading", { name: "次回に向けて" }) })
      .getByText("データの出典を先にそろえる")
      .waitFor({ timeout: 5000 });
    await expectAccessible(participant);

    // vote within the budget
    await nextPhase(facilitator, "投票");
    await phaseIs(participant, "投票");
    await participant.getByRole("button", { name: "「次回に向けて」に1票入れる" }).click();
    await participant.getByText("残りの票：2／3").waitFor();
    await participant.getByRole("button", { name: "「次回に向けて」に1票入れる" }).click();
    await participant.getByText("残りの票：1／3").waitFor();
    await participant.getByRole("button", { name: "「次回に向けて」に1票入れる" }).click();
    await participant.getByRole("alert").filter({ hasText: "上限" }).waitFor();
    // the refusal goes once the next vote counts
    await participant.getByRole("button", { name: "「次回に向けて」から1票戻す" }).click();
    await participant.getByText("残りの票：2／3").waitFor();
    expect(await participant.getByRole("alert").filter({ hasText: "上限" }).count()).toBe(0);
    await participant.getByRole("button", { name: "「次回に向けて」に1票入れる" }).click();
    await participant.getByText("残りの票：1／3").waitFor();

    await nextPhase(facilitator, "話し合い");
    await facilitator.getByText("2票").first().waitFor();
    // the Keep / Problem / Try columns stay, each card with its group
    const columns = facilitator.getByRole("group").filter({ hasText: "カード（書き出した欄ごと）" });
    expect(await columns.getByRole("list", { name: /Try/ }).getByText("データの出典を先にそろえる").count()).toBe(1);
    await nextPhase(facilitator, "アクション");
    await phaseIs(participant, "アクション");
    const addAction = participant.getByRole("form", { name: "アクションを追加" });
    await addAction.getByLabel("アクションの内容").fill("駅の乗降客数と健診会場の出典を一覧にする");
    await addAction.getByLabel("担当者").selectOption({ label: "髙橋 誠" });
    await addAction.getByRole("button", { name: "アクションを追加" }).click();
    await facilitator.getByText("駅の乗降客数と健診会場の出典を一覧にする").waitFor({ timeout: 5000 });
    await nextPhase(facilitator, "終了");
    await phaseIs(participant, "終了");
    // a closed board: no timer, no "live"
    expect(await participant.getByRole("timer").count()).toBe(0);
    expect(await participant.getByText("自動更新中").count()).toBe(0);

    // the action waits on the team workspace
    await participant.goto("/");
    await participant.getByRole("heading", { name: "振り返りのアクション" }).waitFor();
    await participant.getByText("駅の乗降客数と健診会場の出典を一覧にする").waitFor();

    // … and at the start of the next retrospective, where it is carried over
    await facilitator.goto(boardUrl.replace(/\/retros\/[^/]+$/, "/retros/new"));
    await facilitator.getByLabel("対象").selectOption({ label: "姫路市 受診率向上チーム" });
    await facilitator.getByRole("button", { name: "ボードを作成" }).click();
    await phaseIs(facilitator, "前回アクションの確認");
    await hydrated(facilitator);
    const previous = facilitator.getByRole("form", { name: "「駅の乗降客数と健診会場の出典を一覧にする」の結果" });
    await previous.getByRole("button", { name: "持ち越し" }).click();
    await previous.getByRole("button", { name: "持ち越し", pressed: true }).waitFor();
  });

  it("attendance taken in the room decides who completed (研修履修)", async () => {
    const facilitator = await browser.newPage();
    await signIn(facilitator, DEMO.facilitator);
    await openAcademy(facilitator, /播磨圏域データアカデミー 2025/);
    await facilitator.getByRole("link", { name: "修了状況（研修履修）" }).click();
    await facilitator.getByRole("heading", { level: 1, name: "修了状況（研修履修）" }).waitFor();
    const completionUrl = facilitator.url();
    const notYet = facilitator.getByRole("row").filter({ hasText: "未修了" }).first();
    const name = (await notYet.getByRole("rowheader").textContent())!.trim();
    const before = await facilitator.getByText(/修了 \d+人／受講者 \d+人/).textContent();

    // on a tablet, the first session: the person was absent; the facilitator corrects it with one tap
    const tablet = await browser.newPage("ja-JP", { viewport: { width: 820, height: 1180 } });
    await signIn(tablet, DEMO.facilitator);
    await openAcademy(tablet, /播磨圏域データアカデミー 2025/);
    await tablet.getByRole("link", { name: "第1回の出欠" }).click();
    await hydrated(tablet);
    const person = tablet.getByRole("group", { name });
    await person.getByRole("button", { name: "出席", exact: true }).click();
    await person.getByRole("button", { name: "出席", exact: true, pressed: true }).waitFor();
    await expectAccessible(tablet);

    await facilitator.goto(completionUrl);
    await facilitator.getByRole("row").filter({ hasText: name }).filter({ hasText: "修了" }).first().waitFor();
    const after = await facilitator.getByText(/修了 \d+人／受講者 \d+人/).textContent();
    expect(Number(after!.match(/修了 (\d+)/)![1])).toBe(Number(before!.match(/修了 (\d+)/)![1]) + 1);
  });

  it("a participant answers a session's survey; the staff see the charts with tables", async () => {
    const participant = await browser.newPage();
    await signIn(participant, DEMO.participant);
    await openAcademy(participant, /播磨圏域データアカデミー 2026/);
    await participant.getByRole("link", { name: /^第1回/ }).first().click();
    await participant.getByRole("link", { name: "この回のアンケートに答える" }).click();
    await hydrated(participant);
    await participant.getByRole("button", { name: "回答を送信" }).click();
    await participant.getByText("1〜5のいずれかを選んでください。").first().waitFor();
    await participant.getByRole("group", { name: "この回の満足度" }).getByLabel(/^4/).check();
    await participant.getByRole("group", { name: "業務に役立つと思う" }).getByLabel(/^5/).check();
    await participant.getByLabel("ご意見・ご感想（任意）").fill("ロジックツリーの演習が役に立った");
    await participant.getByRole("button", { name: "回答を送信" }).click();
    await participant.getByText("回答を受け付けました", { exact: false }).waitFor();
    await participant.getByText(/回答済み/).first().waitFor();

    const facilitator = await browser.newPage();
    await signIn(facilitator, DEMO.facilitator);
    await openAcademy(facilitator, /播磨圏域データアカデミー 2025/);
    await facilitator.getByRole("link", { name: "アンケート" }).click();
    await facilitator.getByRole("figure", { name: /スキル自己評価の平均/ }).waitFor();
    await hydrated(facilitator);
    // three charts drawn by recharts, each with its table of the same numbers
    await facilitator.locator(".recharts-wrapper").nth(2).waitFor();
    expect(await facilitator.locator(".recharts-wrapper").count()).toBe(3);
    expect(await facilitator.locator(".recharts-bar-rectangle").count()).toBeGreaterThan(10);
    const table = facilitator.getByRole("table", { name: "スキル自己評価の平均（表）" });
    expect(await table.getByRole("row").count()).toBe(8);
    expect(await table.getByRole("row").nth(1).textContent()).toMatch(/\d\.\d\d.*\d\.\d\d.*\+\d\.\d\d/);
    await expectAccessible(facilitator);
  });
});
