import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import holidayJp from "@holiday-jp/holiday_jp";
import { describe, expect, it } from "vitest";
import { DEMO, signIn, useBrowser, expectAccessible } from "./browser";
import { lastMailTo, linkIn } from "../support/mail";
import { municipalRosterXlsx } from "../fixtures/municipal-roster";

const browser = useBrowser();
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** A public holiday on a weekday at least four weeks ahead, so the test works on any day. */
function upcomingWeekdayHoliday(): Date {
  const from = new Date(Date.now() + 28 * 86400_000);
  const to = new Date(Date.now() + 400 * 86400_000);
  const holiday = holidayJp.between(from, to).find((h) => ![0, 6].includes(new Date(h.date).getUTCDay()));
  if (!holiday) throw new Error("no weekday holiday within a year");
  return new Date(holiday.date);
}

/** "2026年12月11日(金) 13:30〜17:00" to "2026-12-11". */
function dateFromJapanese(text: string) {
  const m = text.match(/(\d{4})年(\d{1,2})月(\d{1,2})日/);
  if (!m) throw new Error(`no date in ${text}`);
  return `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
}

describe("a coordinator plans an academy end to end", () => {
  it("region → academy with holiday warning → blocked double-booking → CP932 roster → invited member sees the schedule and the iCal feed", async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.coordinator);

    // The demo academy's session 3 time, to double-book 佐藤 健一 against it later.
    await page.goto("/academies");
    const demoAcademy = page.getByRole("link", { name: /^播磨圏域データアカデミー 20\d\d$/ }).first();
    await demoAcademy.click();
    await page.getByRole("heading", { name: /第3回/ }).waitFor();
    const busyText = (await page.locator("li", { has: page.getByRole("heading", { name: /第3回/ }) }).first().textContent()) ?? "";
    const busyDate = dateFromJapanese(busyText);

    // 1. Region from the municipality register.
    await page.goto("/regions/new");
    await page.getByLabel("地域名").fill("東播磨テスト圏域");
    // Enter in the search box adds the first match; it never submits the half-chosen region.
    await page.getByLabel("団体を検索").fill("姫路");
    await page.getByRole("button", { name: /姫路市/ }).waitFor();
    await page.getByLabel("団体を検索").press("Enter");
    await page.getByRole("button", { name: "姫路市を外す" }).waitFor();
    expect(page.url()).toMatch(/\/regions\/new$/);
    await page.getByLabel("団体を検索").fill("たかさご");
    await page.getByRole("button", { name: /高砂市/ }).click();
    await page.getByRole("button", { name: "作成する" }).click();
    await page.getByRole("heading", { level: 1, name: "東播磨テスト圏域" }).waitFor();

    // 2. Academy for 2026年度, session 2 on a public holiday.
    const holiday = upcomingWeekdayHoliday();
    const first = new Date(holiday.getTime() - 14 * 86400_000);
    await page.goto("/academies/new");
    await page.getByLabel("地域", { exact: true }).selectOption({ label: "東播磨テスト圏域" });
    await page.getByLabel("年度").selectOption({ label: "2026年度（令和8年度）" });
    await page.getByLabel("アカデミー名").fill("東播磨テスト データアカデミー");
    await page.getByLabel("第1回の日付").fill(iso(first));
    await page.getByRole("button", { name: "作成する" }).click();
    // Warnings hold the first save, as when editing a session; what was typed stays.
    await page.getByText("日程に確認が必要な点があります").waitFor();
    expect(await page.getByText(/第2回: 祝日（.+）です/).count()).toBeGreaterThan(0);
    expect(await page.getByLabel("アカデミー名").inputValue()).toBe("東播磨テスト データアカデミー");
    await page.getByLabel("上記を確認したうえで保存する").check();
    await page.getByRole("button", { name: "作成する" }).click();
    await page.getByText("アカデミーを作成しました").waitFor();
    expect(await page.locator("li[data-level=warning]", { hasText: /祝日（.+）です/ }).count()).toBe(1);
    const academyUrl = page.url().replace(/\?.*$/, "");

    // 3. Assign 佐藤 健一, then try to put session 1 on his busy afternoon: blocked.
    await page.getByRole("link", { name: "アカデミーの編集" }).click();
    await page.getByRole("group", { name: "講師" }).getByRole("checkbox", { name: "佐藤 健一" }).check();
    await page.getByRole("button", { name: "保存する" }).click();
    await page.getByText("アカデミーを保存しました。").waitFor();
    await page.getByRole("link", { name: "第1回を編集" }).click();
    await page.getByLabel("日付").fill(busyDate);
    await page.getByRole("checkbox", { name: "佐藤 健一" }).check();
    await page.getByRole("button", { name: "保存する" }).click();
    await page.getByText("保存できません").waitFor();
    expect(await page.getByRole("alert").textContent()).toMatch(/佐藤 健一さんは同じ時間に「播磨圏域データアカデミー 20\d\d」第3回を担当しています/);
    expect(await page.getByLabel("日付").inputValue()).toBe(busyDate);

    // 4. Roster: the CP932 file with bad rows, then the fixed one.
    await page.goto(`${academyUrl}/roster`);
    await page.getByLabel("名簿ファイル").setInputFiles(path.resolve("tests/fixtures/roster-cp932.csv"));
    await page.getByRole("button", { name: "内容を確認する" }).click();
    await page.getByRole("heading", { name: "エラーのある行" }).waitFor();
    expect(await page.getByText(/Shift_JIS/).count()).toBeGreaterThan(0);
    expect(await page.getByText("検査数字が違います（入力「5」、正しくは「4」）。").count()).toBe(1);
    expect(await page.getByText(/数式として実行される/).count()).toBe(1);
    expect(await page.getByRole("cell", { name: "髙橋 﨑子", exact: true }).count()).toBe(1);
    await page.getByLabel("名簿ファイル").setInputFiles(path.resolve("tests/fixtures/roster-cp932-fixed.csv"));
    await page.getByRole("button", { name: "内容を確認する" }).click();
    await page.getByRole("button", { name: /件を登録する/ }).waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: /件を登録する/ }).click();
    await page.getByText(/名簿を取り込みました/).waitFor();
    expect(await page.getByRole("link", { name: "受診率向上チーム①" }).count()).toBe(1);

    // 4b. The roster as the prefecture keeps it in Excel: title rows, 姓/名 and ｾｲ/ﾒｲ in separate
    // columns, notes, blank rows. One address is mistyped and is fixed in the preview itself.
    const municipal = path.join(os.tmpdir(), `参加者名簿-${process.pid}.xlsx`);
    fs.writeFileSync(municipal, await municipalRosterXlsx());
    await page.goto(`${academyUrl}/roster`);
    await page.getByLabel("名簿ファイル").setInputFiles(municipal);
    await page.getByRole("button", { name: "内容を確認する" }).click();
    await page.getByRole("heading", { name: "エラーのある行" }).waitFor();
    expect(await page.getByRole("cell", { name: "髙橋 誠", exact: true }).count()).toBe(1);
    expect(await page.getByRole("cell", { name: "タカハシ マコト", exact: true }).count()).toBe(1);
    const badAddress = page.getByLabel("7行目のメールアドレス");
    expect(await badAddress.inputValue()).toBe("aya.yamamoto@");
    await badAddress.fill("aya.yamamoto@example.lg.jp");
    await page.getByRole("button", { name: "直した内容で確認し直す" }).click();
    await page.getByRole("cell", { name: "山本 彩", exact: true }).waitFor();
    expect(await page.getByRole("heading", { name: "エラーのある行" }).count()).toBe(0);
    await expectAccessible(page);
    await page.getByRole("button", { name: "3件を登録する" }).click();
    await page.getByText(/名簿を取り込みました/).waitFor();
    expect(await page.getByRole("link", { name: "健診受診率チーム" }).count()).toBe(1);
    expect(lastMailTo("aya.yamamoto@example.lg.jp").text).toContain("山本 彩");

    // 5. The invitation in the outbox; the member accepts and sees the schedule.
    // The outbox records it without the link; the link reaches only the member.
    await page.goto("/outbox");
    await page.getByText("takahashi.sakiko@example.lg.jp").first().click();
    expect((await page.locator("details[open] pre").textContent()) ?? "").not.toContain("/invitations/");
    const link = linkIn(lastMailTo("takahashi.sakiko@example.lg.jp").text, "invitations");
    expect(link).toBeTruthy();

    const member = await browser.newPage();
    await member.goto(link!);
    expect(await member.getByLabel("氏名").inputValue()).toBe("髙橋 﨑子");
    await member.getByLabel("新しいパスワード", { exact: true }).fill("sakiko-password-2026");
    await member.getByLabel("新しいパスワード（確認）").fill("sakiko-password-2026");
    await member.getByRole("button", { name: "利用を開始する" }).click();
    await member.getByRole("heading", { name: "マイチーム" }).waitFor();
    expect(await member.getByRole("heading", { name: "受診率向上チーム①" }).count()).toBe(1);
    expect(await member.getByText("第1回").count()).toBeGreaterThan(0);

    // 6. Calendar list and personal iCal feed.
    await member.goto("/calendar?view=list");
    expect(await member.getByRole("link", { name: /東播磨テスト データアカデミー 第2回/ }).count()).toBe(1);
    expect(await member.getByText(/播磨圏域データアカデミー 20\d\d 第/).count()).toBe(0);
    await member.getByRole("button", { name: "配信URLを発行する" }).click();
    const feedUrl = await member.getByLabel("配信URL").inputValue();
    const feed = await (await member.request.get(feedUrl)).text();
    expect(feed).toContain("BEGIN:VCALENDAR");
    expect(feed.match(/BEGIN:VEVENT/g)).toHaveLength(4);
    expect(feed).toContain(`DTSTART:${iso(holiday).replace(/-/g, "")}T0430`);
  });
});
