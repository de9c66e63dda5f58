import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO, expectAccessible, signIn, useBrowser } from "./browser";

const browser = useBrowser();
const PHONE = { width: 390, height: 844 };

/** The page itself never scrolls sideways; wide content scrolls inside its own box. */
async function fitsTheScreen(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

describe("one person, different parts in different academies", () => {
  it("小林 由美 facilitates the current 播磨 academy and is a participant of 2025: each page shows what that part allows", async () => {
    const page = await browser.newPage();
    await signIn(page, { email: "himeji.data@example.jp", password: DEMO.participant.password });
    await page.getByRole("heading", { name: "担当しているアカデミー" }).waitFor();
    await page.getByRole("heading", { name: "参加しているアカデミー" }).waitFor();
    expect(await page.getByRole("heading", { name: "姫路市 健康づくりチーム" }).count()).toBe(1);
    // what needs action now first: her current facilitation before the finished 2025 participation
    const order = await page.evaluate(() => [...document.querySelectorAll("h2")].map((h) => h.id).filter((id) => id === "as-staff" || id === "as-participant"));
    expect(order).toEqual(["as-staff", "as-participant"]);
    // each team card: its name first, then its next workshop, and a way into the team's page
    const card = page.locator("article", { has: page.getByRole("heading", { name: "姫路市 健康づくりチーム" }) });
    const inCard = await card.evaluate((el) => [...el.querySelectorAll("h2, [data-next-session]")].map((n) => (n.tagName === "H2" ? "team" : "next")));
    expect(inCard).toEqual(["team", "next"]);
    expect(await card.getByRole("link", { name: /チームのページを開く/ }).count()).toBe(1);

    // As a facilitator (current fiscal year): every team, sessions can be edited, e-mail addresses shown.
    await page.goto("/academies");
    await page.getByRole("link", { name: /^播磨圏域データアカデミー 20(2[6-9]|[3-9]\d)$/ }).click();
    await page.getByRole("heading", { level: 2, name: "チーム" }).waitFor();
    expect(await page.getByRole("link", { name: "第1回を編集" }).count()).toBe(1);
    expect(await page.getByRole("link", { name: "加古川市・高砂市 防災データチーム" }).count()).toBe(1);
    expect(await page.getByRole("link", { name: "チームを追加" }).count()).toBe(0);
    await page.getByRole("link", { name: "姫路市 受診率向上チーム" }).click();
    await page.getByRole("rowheader", { name: /participant@example\.jp/ }).waitFor();

    // As a participant (2025): only her own team, no editing, no one's e-mail address.
    await page.goto("/academies");
    await page.getByRole("link", { name: "播磨圏域データアカデミー 2025" }).click();
    await page.getByRole("heading", { level: 2, name: "チーム" }).waitFor();
    expect(await page.getByRole("link", { name: "姫路市 健康づくりチーム" }).count()).toBe(1);
    expect(await page.getByRole("link", { name: "加古川市・高砂市 合同チーム" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: /第\d回を編集/ }).count()).toBe(0);
    await page.getByRole("link", { name: "姫路市 健康づくりチーム" }).click();
    await page.getByRole("heading", { level: 1, name: "姫路市 健康づくりチーム" }).waitFor();
    expect(await page.getByText("@example.jp").count()).toBe(0);
    await expectAccessible(page);
  });
});

describe("on a phone (390 px)", () => {
  it("the coordinator's header folds into a menu, and wide pages do not scroll sideways", async () => {
    const page = await browser.newPage("ja-JP", { viewport: PHONE });
    await signIn(page, DEMO.coordinator);
    const menu = page.locator("summary", { hasText: "メニュー" });
    await menu.waitFor();
    // The header is one line: the page title starts near the top.
    const heading = await page.getByRole("heading", { level: 1 }).boundingBox();
    expect(heading!.y).toBeLessThan(200);
    await menu.click();
    await page.getByRole("link", { name: "地域" }).click();
    await page.waitForURL("**/regions");
    expect(await fitsTheScreen(page)).toBe(true);
    for (const path of ["/dashboard", "/academies", "/materials", "/audit", "/audit?tab=signins", "/regions/new", "/academies/new", "/calendar"]) {
      await page.goto(path);
      expect(await fitsTheScreen(page), path).toBe(true);
    }
    await page.goto("/academies");
    await page.getByRole("link", { name: "芦北町データアカデミー" }).first().click();
    await page.getByRole("heading", { level: 2, name: "ステップ" }).waitFor();
    expect(await fitsTheScreen(page), "academy page").toBe(true);
    await page.goto(`${page.url()}/materials`);
    expect(await fitsTheScreen(page), "academy materials").toBe(true);
    await page.goto("/calendar");
    // The calendar's month opens as a list: the grid is not shown.
    expect(await page.getByRole("table").isVisible().catch(() => false)).toBe(false);
    await expectAccessible(page);
  });

  it("the English team page fits, members shown as cards", async () => {
    const page = await browser.newPage("en-US", { viewport: PHONE });
    await page.goto("/login");
    await page.getByLabel("E-mail").fill(DEMO.coordinator.email);
    await page.getByLabel("Password", { exact: true }).fill(DEMO.coordinator.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/dashboard");
    await page.goto("/academies");
    await page.getByRole("link", { name: "播磨圏域データアカデミー 2025" }).click();
    await page.getByRole("link", { name: "姫路市 健康づくりチーム" }).click();
    await page.getByRole("heading", { level: 1, name: "姫路市 健康づくりチーム" }).waitFor();
    expect(await fitsTheScreen(page)).toBe(true);
    const cards = page.getByRole("list", { name: "Members" });
    expect(await cards.getByRole("listitem").count()).toBe(3);
  });
});

describe("the header on a desktop", () => {
  it("the coordinator's header holds six items and one grouped menu that Escape closes; the phone menu closes by Escape too", async () => {
    const page = await browser.newPage("ja-JP", { viewport: { width: 1280, height: 900 } });
    await signIn(page, DEMO.coordinator);
    const nav = page.getByRole("navigation", { name: "メインメニュー" });
    // the items of the row: links directly in the list, and the menu's button
    const rowItems = await nav.locator(":scope > ul > li").count();
    expect(rowItems).toBeLessThanOrEqual(6);
    const more = nav.locator("summary", { hasText: "管理・その他" });
    // tab stops before the content: far fewer than the 21 of one link per page
    let before = 0;
    await page.locator("body").focus();
    while (before < 40 && !(await page.evaluate(() => !!document.activeElement?.closest("main")))) {
      await page.keyboard.press("Tab");
      before += 1;
    }
    expect(before - 1).toBeLessThanOrEqual(13);
    await more.click();
    await nav.getByRole("heading", { name: "管理" }).waitFor();
    await page.keyboard.press("Escape");
    expect(await nav.locator("details").first().evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain("管理・その他");
    await more.click();
    await nav.getByRole("link", { name: "操作履歴" }).click();
    await page.waitForURL("**/audit");
    await expectAccessible(page);

    const phone = await browser.newPage("ja-JP", { viewport: PHONE });
    await signIn(phone, DEMO.coordinator);
    const menu = phone.locator("summary", { hasText: "メニュー" });
    await menu.click();
    await phone.getByRole("heading", { name: "報告・事例" }).waitFor();
    await phone.keyboard.press("Escape");
    expect(await phone.getByRole("link", { name: "操作履歴" }).isVisible()).toBe(false);
  });
});

describe("a refused file or certificate", () => {
  it("answers with the app's own page, not a bare Not Found", async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.participant);
    for (const path of ["/academies/no-such-academy/certificates/no-such-certificate", "/academies/no-such-academy/teams/x/files/y"]) {
      const response = await page.goto(path);
      expect(response!.status()).toBe(404);
      expect(page.url()).toContain("/unavailable/404");
      await page.getByRole("heading", { level: 1, name: "ページが見つかりません" }).waitFor();
      // the app's header is there, with a way on
      expect(await page.getByRole("link", { name: "データアカデミー運営" }).count()).toBe(1);
    }
  });
});
