import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./chromium.mjs";

// Not BASE_URL: Vitest sets that one to Vite's base path.
export const BASE_URL = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000";

export const DEMO = {
  coordinator: { email: "coordinator@example.jp", password: "demo-pass-coordinator" },
  facilitator: { email: "facilitator@example.jp", password: "demo-pass-facilitator" },
  participant: { email: "participant@example.jp", password: "demo-pass-participant" },
} as const;

/** One browser per test file; each test gets a fresh context (no shared cookies). */
export function useBrowser() {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH as string, args: CHROMIUM_ARGS as string[] });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async newPage(locale = "ja-JP", options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {}): Promise<Page> {
      const context = await browser.newContext({ baseURL: BASE_URL, locale, ...options });
      return context.newPage();
    },
  };
}

/** The header's navigation on a wide screen (the phone drawer holds a second one). */
export function headerNav(page: Page) {
  return page.getByRole("navigation", { name: /メインメニュー|Main menu/ }).first();
}

/** A header link by its exact name, wherever it is: in the row, or in the grouped menu (opened first). */
export async function clickNav(page: Page, name: string) {
  const nav = headerNav(page);
  const link = nav.locator("a").filter({ hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) }).first();
  if (!(await link.isVisible())) await nav.locator("summary").first().click();
  await link.click();
}

export async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("メールアドレス").fill(who.email);
  await page.getByLabel("パスワード", { exact: true }).fill(who.password);
  await page.getByRole("button", { name: "ログイン" }).click();
  // staff land on the dashboard, a participant on their team's workspace
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  // On a phone the sign-out button sits in the folded menu: wait for it to exist, not to show.
  await page.getByRole("button", { name: "ログアウト", includeHidden: true }).first().waitFor({ state: "attached" });
}


/** No serious or critical accessibility violation on the current page. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const bad = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(bad).toEqual([]);
}

/** Wait until React has hydrated the page (controls that ask before acting need it). */
export async function hydrated(page: Page) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}
