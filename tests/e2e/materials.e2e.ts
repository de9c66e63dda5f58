import { execFileSync } from "node:child_process";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { DEMO, expectAccessible, hydrated, signIn, useBrowser } from "./browser";
import { lastMailTo, linkIn } from "../support/mail";

const browser = useBrowser();

describe("materials released stage by stage", () => {
  it("participant sees nothing before release, then the first stages; downloads a worksheet; pre-learning progress and download log", async () => {
    // The coordinator puts a new participant into the recruiting 福岡市圏域 academy (sessions two months away).
    const coordinator = await browser.newPage();
    await signIn(coordinator, DEMO.coordinator);
    await coordinator.goto("/academies");
    await coordinator.getByRole("link", { name: "福岡市圏域データアカデミー" }).click();
    await coordinator.getByRole("heading", { level: 1, name: "福岡市圏域データアカデミー" }).waitFor();
    const academyUrl = coordinator.url().replace(/\?.*$/, "");
    await coordinator.getByRole("link", { name: "チームを追加" }).click();
    await coordinator.getByLabel("チーム名").fill("福岡 子育て支援チーム");
    await coordinator.getByLabel("テーマ").fill("子育て世帯の転出を防ぐ");
    await coordinator.getByRole("checkbox", { name: "福岡市" }).check();
    await coordinator.getByRole("button", { name: "追加する" }).click();
    await coordinator.getByRole("heading", { level: 1, name: "福岡 子育て支援チーム" }).waitFor();
    await coordinator.getByLabel("氏名").fill("德永 陽子");
    await coordinator.getByLabel("メールアドレス").fill("tokunaga@example.lg.jp");
    await coordinator.getByLabel("所属部署").fill("こども未来局");
    await coordinator.getByRole("button", { name: "追加して招待する" }).click();
    await coordinator.getByText("德永 陽子さんをチームに追加し、招待メールを送りました。").waitFor();
    await coordinator.getByRole("rowheader", { name: /德永 陽子/ }).waitFor();

    const link = linkIn(lastMailTo("tokunaga@example.lg.jp").text, "invitations");
    const participant = await browser.newPage();
    await participant.goto(link!);
    await participant.getByLabel("新しいパスワード", { exact: true }).fill("tokunaga-pass-2026");
    await participant.getByLabel("新しいパスワード（確認）").fill("tokunaga-pass-2026");
    await participant.getByRole("button", { name: "利用を開始する" }).click();
    await participant.getByRole("heading", { name: "マイチーム" }).waitFor();

    // Before the release time: nothing, and a guessed URL of a facilitator guide is a 404.
    await participant.goto(`${academyUrl}/materials`);
    await participant.getByText("公開されている教材はまだありません").waitFor();

    // The coordinator releases the pre-learning and problem-definition stages now, one action each
    // (asked to confirm first).
    await coordinator.goto(`${academyUrl}/materials`);
    await hydrated(coordinator);
    for (const [stage, count] of [["事前学習", 2], ["課題の設定", 3]] as const) {
      const section = coordinator.locator("section", { has: coordinator.getByRole("heading", { level: 2, name: new RegExp(`^${stage}`) }) });
      await section.getByRole("button", { name: `未公開の${count}件を今すぐ公開` }).click();
      await section.getByRole("button", { name: "はい、実行する" }).click();
      await coordinator.getByText(`${count}件の教材を公開しました。`).waitFor();
      await hydrated(coordinator);
    }
    const guideHref = await coordinator.getByRole("link", { name: "第1回 課題の設定・整理（講師用ガイド）" }).getAttribute("href");
    // Session 2's handout still waits for its time, 7 days before session 2.
    const session2 = coordinator.locator("li", { has: coordinator.getByRole("heading", { name: "第2回 データの収集・加工（参加者用テキスト）" }) });
    expect(await session2.getByText("未公開").count()).toBe(1);
    // in plain words: which session, how many days before
    expect(await session2.textContent()).toContain("第2回の7日前");

    await participant.goto(`${academyUrl}/materials`);
    await participant.getByRole("heading", { level: 2, name: /^課題の設定/ }).waitFor();
    expect(await participant.getByRole("link", { name: "第1回 課題の設定・整理（参加者用テキスト）" }).count()).toBe(1);
    expect(await participant.getByRole("link", { name: /講師用ガイド/ }).count()).toBe(0);
    expect(await participant.getByRole("link", { name: /第2回/ }).count()).toBe(0);
    await expectAccessible(participant);
    const guessed = await participant.goto(guideHref!);
    expect(guessed?.status()).toBe(404);

    // One material released now, ahead of its schedule, in one click
    await session2.getByRole("button", { name: "「第2回 データの収集・加工（参加者用テキスト）」をいま公開する" }).click();
    await coordinator.getByText("教材を公開しました。参加者に見えるようになりました。").waitFor();
    expect(await session2.getByText("未公開").count()).toBe(0);
    await participant.goto(`${academyUrl}/materials`);
    expect(await participant.getByRole("link", { name: "第2回 データの収集・加工（参加者用テキスト）" }).count()).toBe(1);

    // Download the worksheet and open it as a workbook.
    await participant.goto(`${academyUrl}/materials`);
    const sheetItem = participant.locator("li", { has: participant.getByRole("heading", { name: "課題設定シート" }) });
    const [download] = await Promise.all([participant.waitForEvent("download"), sheetItem.getByRole("link", { name: "ダウンロード" }).click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["課題設定", "ロジックツリー", "仮説と必要なデータ"]);

    // The handout as a PDF from its page: opened by poppler, the Japanese text is there.
    await participant.getByRole("link", { name: "第1回 課題の設定・整理（参加者用テキスト）" }).click();
    await participant.getByRole("link", { name: "印刷用の表示" }).waitFor();
    const [pdf] = await Promise.all([participant.waitForEvent("download"), participant.getByRole("link", { name: "PDFでダウンロード" }).click()]);
    expect(pdf.suggestedFilename()).toBe("第1回 課題の設定・整理（参加者用テキスト）.pdf");
    expect(execFileSync("pdftotext", [(await pdf.path())!, "-"], { encoding: "utf8" })).toContain("ロジックツリーで分解する");
    await participant.goto(`${academyUrl}/materials`);

    // Mark the pre-learning done.
    await participant.getByRole("button", { name: "完了にする" }).click();
    await participant.getByText("完了", { exact: true }).waitFor();
    await participant.goto("/dashboard");
    await participant.getByText("事前学習：すべて完了しました").waitFor();

    // The facilitator of the academy sees the team's progress.
    const facilitator = await browser.newPage();
    await signIn(facilitator, { email: "facilitator2@example.jp", password: DEMO.facilitator.password });
    await facilitator.goto(`${academyUrl}/materials`);
    const row = facilitator.getByRole("row", { name: /福岡 子育て支援チーム/ });
    expect(await row.textContent()).toContain("1 / 1名");

    // The coordinator sees the download in the log: who took which version, and the counts.
    await coordinator.goto(`${academyUrl}/materials/log`);
    const entry = coordinator.getByRole("row", { name: /德永 陽子.*課題設定シート/ });
    // the time heads the row; the rest are its cells
    expect(await entry.getByRole("rowheader").textContent()).toMatch(/\d{4}/);
    expect(await entry.getByRole("cell").allTextContents()).toEqual(["德永 陽子", "課題設定シート", "第1版", "ダウンロード"]);
    const counts = coordinator.getByRole("table", { name: "教材ごとの件数" }).getByRole("row", { name: /課題設定シート/ });
    expect(await counts.getByRole("cell").allTextContents()).toEqual(["0", "1"]);
    // the PDF counts as a download of the handout
    expect(await coordinator.getByRole("row", { name: /德永 陽子.*第1回 課題の設定・整理.*ダウンロード/ }).count()).toBe(1);
  });
});
