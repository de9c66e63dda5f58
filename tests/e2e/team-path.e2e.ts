import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO, expectAccessible, signIn, useBrowser } from "./browser";

// The heart of the product in one run: a participant writes the problem definition, uploads a
// table, is warned of personal data and confirms it, is refused a My Number, submits; the
// facilitator asks for a revision from the review queue; the team resubmits; the facilitator
// accepts; the team's path moves on to data collection.

const browser = useBrowser();
const MY_NUMBER = "123456789018"; // check-digit-valid, not anyone's

const csvFile = (name: string, text: string) => ({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });

async function openProblemDefinition(page: Page) {
  await page.getByRole("heading", { name: "次にやること" }).waitFor();
  await page.getByRole("link", { name: "課題の設定" }).first().click();
  await page.getByRole("heading", { level: 1, name: "課題の設定" }).waitFor();
}

async function upload(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  await page.getByLabel("ファイルを追加").setInputFiles(file);
  await page.getByRole("button", { name: "アップロードする" }).click();
}

describe("the team's path", () => {
  it("problem definition: scan warning, My Number refused, revision, resubmission, accepted", async () => {
    const team = await browser.newPage();
    await signIn(team, DEMO.participant);
    await openProblemDefinition(team);
    const stageUrl = team.url();
    // three levels deep: where the page sits, each level a link, the page itself current
    const crumbs = team.getByRole("navigation", { name: "パンくずリスト" });
    const levels = await crumbs.getByRole("link").allTextContents();
    expect(levels[0]).toBe("アカデミー");
    expect(levels[1]).toMatch(/^播磨圏域データアカデミー 20\d\d$/);
    expect(levels[2]).toBe("姫路市 受診率向上チーム");
    expect(await crumbs.locator("[aria-current=page]").textContent()).toBe("課題の設定");

    // submitting before anything is written says what is missing: the summary comes into view and takes focus
    await team.getByRole("button", { name: "提出する" }).click();
    await team.getByRole("alert").first().waitFor();
    expect(await team.getByRole("alert").first().textContent()).toMatch(/課題|仮説|入力/);
    await team.waitForFunction(() => document.activeElement?.hasAttribute("data-error-summary"));
    const box = await team.locator("[data-error-summary]").boundingBox();
    const viewport = team.viewportSize()!;
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(viewport.height);
    // each missing field is a link that moves focus to it
    await team.locator("[data-error-summary] a").filter({ hasText: "解決したい課題" }).first().click();
    expect(await team.evaluate(() => (document.activeElement as HTMLTextAreaElement | null)?.name)).toBe("problemStatement");

    await team.getByLabel("解決したい課題").fill("働き盛り世代の特定健診受診率が県平均より低い");
    await team.getByLabel("仮説 1").fill("平日の日中は受診しにくい");
    await team.getByRole("button", { name: "下書きを保存する" }).click();
    await team.getByText("入力内容を保存しました", { exact: false }).first().waitFor();
    expect(await team.getByLabel("解決したい課題").inputValue()).toBe("働き盛り世代の特定健診受診率が県平均より低い");

    // a table with a phone column: stored, flagged, and the team must say why it may be used
    await upload(team, csvFile("受診状況_連絡先.csv", "地区,連絡先\n中央,079-221-1234\n北部,079-222-5678\n"));
    await team.getByText("個人情報チェック：要確認").first().waitFor();
    await team.getByRole("button", { name: "提出する" }).click();
    await team.getByRole("alert").first().waitFor();
    await team.getByLabel(/受診状況_連絡先\.csv を使ってよい理由/).fill("担当課の代表番号であり個人の番号ではないことを確認した");
    await team.getByRole("button", { name: "確認して登録する" }).click();
    await team.getByText("個人情報チェック：確認済み").first().waitFor();

    // a My Number: refused, with the row and the column
    await upload(team, csvFile("名簿.csv", `番号,地区\n1,中央\n${MY_NUMBER},北部\n`));
    const refusal = team.getByRole("alert").filter({ hasText: "マイナンバー" }).first();
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/3\s*行目/);
    expect(await team.getByRole("link", { name: "名簿.csv" }).count()).toBe(0);

    await team.getByLabel("講師へのひとこと（任意）").fill("第1版です。ご確認ください。");
    await team.getByRole("button", { name: "提出する" }).click();
    await team.getByText("第 1 版を提出しました", { exact: false }).first().waitFor();
    await expectAccessible(team);

    // the facilitator finds it in the review queue and asks for a revision
    const facilitator = await browser.newPage();
    await signIn(facilitator, DEMO.facilitator);
    await facilitator.goto("/reviews");
    await facilitator.getByRole("link", { name: "姫路市 受診率向上チーム" }).click();
    await facilitator.getByRole("heading", { level: 1, name: "課題の設定" }).waitFor();
    expect(await facilitator.getByText("担当課の代表番号", { exact: false }).count()).toBeGreaterThan(0);
    await facilitator.getByRole("button", { name: "修正を依頼する" }).click();
    await facilitator.getByText("直してほしい点をコメントに書いてください", { exact: false }).first().waitFor();
    await facilitator.getByLabel("コメント（修正依頼では必須）").fill("仮説をあと2つ考え、必要なデータを書いてください。");
    await facilitator.getByRole("button", { name: "修正を依頼する" }).click();
    await facilitator.getByText("修正を依頼しました", { exact: false }).first().waitFor();

    // the team sees the request (and a notification), revises and resubmits
    await team.goto("/notifications");
    await team.getByText("修正の依頼があります", { exact: false }).first().waitFor();
    await team.goto(stageUrl);
    expect(await team.getByText("仮説をあと2つ考え", { exact: false }).count()).toBeGreaterThan(0);
    // the draft saves itself while typing: still there after a reload
    await team.getByLabel("仮説 2").fill("健診会場が遠い地区では受診率が低い");
    await team.getByText("下書きを自動保存しました", { exact: false }).waitFor();
    await team.reload();
    expect(await team.getByLabel("仮説 2").inputValue()).toBe("健診会場が遠い地区では受診率が低い");
    // typed and handed in at once, without saving first
    await team.getByLabel("データ 1").fill("地区別・年齢階級別の受診率（国保データベース）");
    await team.getByRole("button", { name: "提出する" }).click();
    await team.getByText("第 2 版を提出しました", { exact: false }).first().waitFor();
    expect(await team.getByLabel("データ 1").inputValue()).toBe("地区別・年齢階級別の受診率（国保データベース）");

    // accepted: the team's path moves on to data collection
    await facilitator.reload();
    await facilitator.getByRole("button", { name: "承認する" }).click();
    await facilitator.getByText("承認しました", { exact: false }).first().waitFor();
    await team.goto("/");
    const next = team.locator("section", { has: team.getByRole("heading", { name: "次にやること" }) });
    await next.waitFor();
    expect(await next.textContent()).toContain("データの収集・加工");
    // the next workshop is on the team's own page too
    expect(await next.locator("[data-next-session]").textContent()).toMatch(/次回のワークショップ第\d+回/);
    await expectAccessible(team);
  });
});
