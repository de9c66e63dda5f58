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
