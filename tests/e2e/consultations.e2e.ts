import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { clickNav, DEMO, expectAccessible, hydrated, signIn, useBrowser } from "./browser";
import { lastMailTo } from "../support/mail";

// Issue 13, expert consultations (相談会): a government asks, the coordinator sets the meeting
// with an expert, the expert records the points and the advice with a follow-up action, and
// the government reports where the action stands.

const browser = useBrowser();
const REQUESTER = { email: "ashikita.kikaku@example.jp", password: "demo-pass-participant" };
const EXPERT = { email: "expert@example.jp", password: "demo-pass-facilitator" };
const TITLE = "住民アンケートの自由記述を集計したい";

/** A Tokyo date and times for a meeting that began two hours ago (so it can be recorded). */
function earlierToday() {
  const start = new Date(Date.now() - 2 * 3600_000 + 9 * 3600_000);
  const end = new Date(start.getTime() + 3600_000);
  const hm = (d: Date) => d.toISOString().slice(11, 16);
  // keep the meeting inside one Tokyo day
  const sameDay = start.toISOString().slice(0, 10) === end.toISOString().slice(0, 10);
  return sameDay ? { date: start.toISOString().slice(0, 10), start: hm(start), end: hm(end) } : { date: start.toISOString().slice(0, 10), start: hm(start), end: "23:59" };
}

async function open(page: Page) {
  await clickNav(page, "専門家相談会");
  await page.getByRole("heading", { level: 1, name: "専門家相談会" }).waitFor();
  await page.getByRole("link", { name: TITLE }).click();
  await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
  await hydrated(page);
}

describe("an expert consultation", () => {
  it("is requested, held and recorded, then followed up", async () => {
    // the government asks
    const requester = await browser.newPage();
    await signIn(requester, REQUESTER);
    await clickNav(requester, "専門家相談会");
    await requester.getByRole("link", { name: "相談を依頼する" }).click();
    await requester.getByRole("heading", { level: 1, name: "専門家への相談を依頼する" }).waitFor();
    await hydrated(requester);
    await expect(requester.getByLabel("相談する団体（全国地方公共団体コード）").inputValue()).resolves.toBe("434825");
    await requester.getByLabel("相談分野").selectOption({ label: "アンケートの活用" });
    await requester.getByLabel("件名").fill(TITLE);
    await requester.getByRole("button", { name: "依頼する" }).click();
    // the question is missing: said where, and the subject is kept
    await requester.getByText("入力してください").first().waitFor();
    await expect(requester.getByLabel("件名").inputValue()).resolves.toBe(TITLE);
    await requester.getByLabel("相談したいこと").fill("町民アンケートの自由記述（約800件）を、少ない職員で分類する方法を知りたい。");
    await requester.getByLabel("背景（保有するデータ、これまでの取組）").fill("企画財政課が毎年実施。選択式は集計済み。");
    await expectAccessible(requester);
    await requester.getByRole("button", { name: "依頼する" }).click();
    await requester.getByText("相談を依頼しました").waitFor();
    await requester.getByText("依頼受付").first().waitFor();

    // the coordinator sets the meeting with the analyst, online
    const coordinator = await browser.newPage();
    await signIn(coordinator, DEMO.coordinator);
    await open(coordinator);
    await coordinator.getByLabel(/岡本 統/).check();
    const when = earlierToday();
    await coordinator.getByLabel("日付").fill(when.date);
    await coordinator.getByLabel("開始時刻").fill(when.start);
    await coordinator.getByLabel("終了時刻").fill(when.end);
    await coordinator.getByLabel("開催方法").selectOption({ label: "オンライン" });
    await coordinator.getByLabel("オンライン会議のURL").fill("https://meet.example.jp/ashikita-survey");
    await expectAccessible(coordinator);
    await coordinator.getByRole("button", { name: "この日程で決定し、知らせる" }).click();
    // a time already past (as here: the meeting is recorded as held below), a weekend or a holiday asks once first
    const confirm = coordinator.getByLabel("上記を確認したうえで保存する");
    await confirm.waitFor();
    expect(await coordinator.getByText("すでに過ぎた日時です。").count()).toBeGreaterThan(0);
    expect(await coordinator.getByLabel("オンライン会議のURL").inputValue()).toBe("https://meet.example.jp/ashikita-survey");
    await coordinator.getByLabel(/岡本 統/).check();
    await confirm.check();
    await coordinator.getByRole("button", { name: "この日程で決定し、知らせる" }).click();
    await coordinator.getByText("日程を決定し、依頼者と専門家にメールで知らせました。").waitFor();
    expect(lastMailTo("expert2@example.jp").text).toContain("https://meet.example.jp/ashikita-survey");
    expect(lastMailTo(REQUESTER.email).subject).toContain(TITLE);

    // the meeting was held: the expert records it
    const expert = await browser.newPage();
    await signIn(expert, { email: "expert2@example.jp", password: EXPERT.password });
    await open(expert);
    await expert.getByLabel("論点").fill("・自由記述の分類の手順\n・少人数での作業分担");
    await expert.getByLabel("助言", { exact: true }).fill("まず100件を2人で読み、分類の見出しを決めてから残りを振り分ける。表計算ソフトのフィルタで十分です。");
    await expert.getByRole("button", { name: "記録する" }).first().click();
    await expert.getByText("助言を記録しました。").waitFor();
    await expert.getByText("実施済み").first().waitFor();
    await expert.getByLabel("取組の内容").fill("100件で分類の見出しを決める");
    await expert.getByLabel("担当", { exact: true }).fill("企画財政課");
    await expert.getByLabel("期限").fill("2027-03-31");
    await expert.getByRole("button", { name: "追加する" }).click();
    await expert.getByText("取組を追加しました。").waitFor();
    await expectAccessible(expert);

    // months later the government says where it stands
    await requester.reload();
    await requester.getByText("まず100件を2人で読み").waitFor();
    await requester.getByLabel("状況", { exact: true }).selectOption({ label: "取組中" });
    await requester.getByRole("button", { name: "状況を更新" }).click();
    await requester.getByText("取組の状況を更新しました。").waitFor();
    await expect(requester.getByLabel("状況", { exact: true }).inputValue()).resolves.toBe("in_progress");
    await requester.getByLabel("いまの状況").fill("見出しを12個に決め、残りを振り分け中。");
    await requester.getByRole("button", { name: "記録する" }).click();
    await requester.getByText("その後の状況を記録しました。").waitFor();
    await requester.getByText("見出しを12個に決め、残りを振り分け中。").waitFor();
    await expectAccessible(requester);
    expect(lastMailTo(REQUESTER.email).subject).toContain("助言の記録");

    // the coordinator's list shows it held with one open action
    await coordinator.goto("/consultations?status=held");
    const row = coordinator.getByRole("row", { name: new RegExp(TITLE) });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain("実施済み");
  });
});

describe("a form checked before it is sent (ActionForm, issue 26)", () => {
  it("names the empty field in a summary that takes focus, sends nothing, and sends once it is filled", async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.coordinator);
    await page.goto("/consultations/topics");
    await hydrated(page);
    const posted: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST") posted.push(r.url());
    });
    const form = page.locator("form", { has: page.locator('input[name="intent"][value="create"]') });
    await form.getByRole("button", { name: "追加する" }).click();
    const summary = form.locator("[data-error-summary]");
    await summary.waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await summary.textContent()).toContain("分野名");
    expect(await form.getByLabel("分野名", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    expect(posted).toEqual([]);
    // the summary's link takes the person to the field
    await summary.getByRole("link").click();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe("label");
    await page.keyboard.type("データ利活用の体制");
    // checked again as it changes: the message goes once the field is right
    await form.locator('input[name="label"]:not([aria-invalid])').waitFor();
    await form.getByRole("button", { name: "追加する" }).click();
    await page.locator('input[name="label"][value="データ利活用の体制"]').waitFor();
    expect(posted).toHaveLength(1);
    await expectAccessible(page);
  });
});
