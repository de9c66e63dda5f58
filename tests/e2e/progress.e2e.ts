import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BASE_URL, clickNav, DEMO, expectAccessible, hydrated, signIn, useBrowser } from "./browser";

// Issue 12's path with the demo data: the coordinator's first screen and the progress board,
// a certificate downloaded and read back by poppler, the facilitator's review queue, and an API
// token that opens the JSON API.

const browser = useBrowser();

describe("progress and KPIs", () => {
  it("a coordinator sees what needs doing, the charts with their tables, and the board down to a team", async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.coordinator);
    await page.goto("/dashboard");
    await page.getByRole("heading", { level: 2, name: "要対応" }).waitFor();
    // what the review queue counts is on top as a link to it (other tests may have changed the demo data)
    const attention = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "要対応" }) }).last();
    await page.goto("/reviews");
    const waiting = Number((await page.getByText(/判定を待っている提出が/).textContent().catch(() => ""))?.match(/(\d+) 件/)?.[1] ?? 0);
    await page.goto("/dashboard");
    await attention.waitFor();
    if (waiting > 0) await attention.getByRole("link", { name: `レビュー待ち ${waiting} 件` }).waitFor();
    for (const href of await attention.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""))) expect(href).toMatch(/^\/(academies|progress|reviews|consultations)/);
    // charts: a caption, the bars once recharts has arrived, and the numbers as a table
    const sessions = page.getByRole("figure", { name: "月別のワークショップ（予定と実施済み）" });
    await sessions.waitFor();
    await hydrated(page);
    await sessions.locator(".recharts-surface").first().waitFor();
    // the table is one click away (a disclosure), not a second page of charts
    expect(await sessions.getByRole("columnheader", { name: "実施済み" }).count()).toBe(0);
    await sessions.getByText("数値を表で見る").click();
    await expect(sessions.getByRole("columnheader", { name: "実施済み" }).count()).resolves.toBe(1);
    await expectAccessible(page);

    await page.getByRole("link", { name: "進捗", exact: true }).first().click();
    await page.getByRole("heading", { level: 1, name: /進捗ボード/ }).waitFor();
    const table = page.getByRole("table", { name: /チームとステップの進み具合/ });
    await table.waitFor();
    // every state is written, not only coloured
    await expect(table.getByText("取り組み中").or(table.getByText("確認待ち")).first().isVisible()).resolves.toBe(true);
    await expectAccessible(page);
    const teamLink = table.getByRole("rowheader").first().getByRole("link").first();
    const teamName = (await teamLink.textContent())!.trim();
    await teamLink.click();
    await page.getByRole("heading", { level: 1, name: teamName }).waitFor();
  });

  it("a coordinator downloads a completion certificate whose Japanese text renders", async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.coordinator);
    await page.goto("/academies");
    await page.getByRole("link", { name: "播磨圏域データアカデミー 2025" }).first().click();
    await page.getByRole("link", { name: "修了証" }).click();
    await page.getByRole("heading", { level: 1, name: "修了証" }).waitFor();
    await expectAccessible(page);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /髙橋 誠 さんの修了証/ }).click()]);
    expect(download.suggestedFilename()).toBe("修了証_2025-0001_髙橋誠.pdf");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-certificate-"));
    const file = path.join(dir, "c.pdf");
    fs.copyFileSync((await download.path())!, file);
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
    expect(text).toContain("修了証");
    expect(text).toContain("髙橋誠殿");
    expect(text).toContain("播磨圏域データアカデミー実行委員会");
    execFileSync("pdftoppm", ["-png", "-r", "40", "-singlefile", file, path.join(dir, "page")]);
    expect(fs.statSync(path.join(dir, "page.png")).size).toBeGreaterThan(2000);

    const [zip] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /すべての修了証をZIPでダウンロード/ }).click()]);
    expect(zip.suggestedFilename()).toMatch(/\.zip$/);
    const listing = execFileSync("python3", ["-c", "import sys,zipfile;print('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))", (await zip.path())!], { encoding: "utf8" });
    expect(listing.trim().split("\n")).toHaveLength(4);
    expect(listing).toContain("修了証_2025-0001_髙橋誠.pdf");
  });

  it("a facilitator sees the review queue on the first screen and opens a submission", async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.facilitator);
    await page.goto("/dashboard");
    await page.getByRole("heading", { level: 2, name: /レビュー待ち/ }).waitFor();
    await page.getByRole("table", { name: "レビュー待ちの提出物" }).getByRole("rowheader").first().getByRole("link").click();
    await page.waitForURL(/\/stages\//);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await expectAccessible(page);
  });

  it("a coordinator creates an API token that opens the JSON API, and revokes it", async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.coordinator);
    await clickNav(page, "API");
    await page.getByLabel("トークンの名前（連携先）").fill("県オープンデータカタログ");
    await page.getByRole("button", { name: "トークンを作る" }).click();
    const token = await page.getByLabel("トークン", { exact: true }).inputValue();
    expect(token).toMatch(/^dam_/);
    await expectAccessible(page);
    const res = await fetch(`${BASE_URL}/api/v1/academies?fiscal_year=2025`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { name: string }[] };
    expect(body.data.map((a) => a.name)).toContain("播磨圏域データアカデミー 2025");
    await page.goto("/settings/api-tokens");
    await hydrated(page);
    await page.getByRole("button", { name: "「県オープンデータカタログ」のトークンを取り消す" }).click();
    await page.getByRole("group", { name: /県オープンデータカタログ/ }).getByRole("button", { name: "はい" }).click();
    await page.getByText("トークンを取り消しました。").waitFor();
    expect((await fetch(`${BASE_URL}/api/v1/academies`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401);
  });
});
