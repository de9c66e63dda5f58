import { describe, expect, it } from "vitest";
import { clickNav, DEMO, expectAccessible, headerNav, signIn, useBrowser } from "./browser";
import { lastMailTo, linkIn } from "../support/mail";

const browser = useBrowser();

describe("signing in", () => {
  it("serves the sign-in page in Japanese by default, accessibly", async () => {
    const page = await browser.newPage();
    await page.goto("/");
    await expect.poll(() => page.url()).toMatch(/\/login$/);
    expect(await page.getAttribute("html", "lang")).toBe("ja");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("ログイン");
    await expectAccessible(page);
  });

  it("shows an error for a wrong password and keeps the e-mail typed", async () => {
    const page = await browser.newPage();
    await page.goto("/login");
    await page.getByLabel("メールアドレス").fill(DEMO.coordinator.email);
    await page.getByLabel("パスワード", { exact: true }).fill("wrong-password-here");
    await page.getByRole("button", { name: "ログイン" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("メールアドレスまたはパスワードが正しくありません");
    expect(await page.getByLabel("メールアドレス").inputValue()).toBe(DEMO.coordinator.email);
  });

  it("explains empty fields before anything is sent, but not while someone only tabs through", async () => {
    const page = await browser.newPage();
    await page.goto("/login");
    await page.getByLabel("メールアドレス").focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.getByText("入力してください。").count()).toBe(0);
    await page.getByRole("button", { name: "ログイン" }).click();
    // each field says it, and the error summary above them names both and takes focus
    const errors = page.getByText("入力してください。", { exact: true });
    await errors.first().waitFor();
    expect(await errors.count()).toBe(2);
    const summary = page.locator("[data-error-summary]");
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await summary.getByRole("link").allTextContents()).toEqual(["メールアドレス：入力してください。", "パスワード：入力してください。"]);
  });
});

describe("response headers", () => {
  it("signed-in pages are never cached; a request id is echoed only when it looks like one", async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.coordinator);
    const res = await page.request.get("/dashboard", { headers: { "X-Request-Id": "x".repeat(5000) } });
    expect(res.headers()["cache-control"]).toBe("private, no-store");
    expect(res.headers()["permissions-policy"]).toContain("camera=()");
    expect(res.headers()["cross-origin-opener-policy"]).toBe("same-origin");
    expect(res.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await page.request.get("/dashboard", { headers: { "X-Request-Id": "proxy-1234" } });
    expect(kept.headers()["x-request-id"]).toBe("proxy-1234");
    const html = await res.text();
    const asset = html.match(/\/assets\/[^"]+\.js/)![0];
    expect((await page.request.get(asset)).headers()["cache-control"]).toContain("immutable");
    // a download sets the same headers itself: each is sent once
    const download = await page.request.get("/cases/export/csv");
    expect(download.status()).toBe(200);
    const names = download.headersArray().map((h) => h.name.toLowerCase());
    expect(names.filter((n) => n === "cache-control")).toHaveLength(1);
    expect(names.filter((n) => n === "x-content-type-options")).toHaveLength(1);
  });
});

describe("dashboards", () => {
  it("coordinator sees academies by region and status", async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.coordinator);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("事務局ダッシュボード");
    const table = page.getByRole("table");
    // This fiscal year's academies; earlier ones are a click away on the paginated list.
    expect(await table.getByRole("rowheader", { name: "福岡市圏域データアカデミー" }).count()).toBe(1);
    expect(await table.getByText("播磨圏域", { exact: true }).count()).toBeGreaterThan(0);
    expect(await table.getByRole("rowheader", { name: "芦北町データアカデミー" }).count()).toBe(0);
    await page.getByRole("link", { name: "すべてのアカデミー" }).click();
    await page.getByRole("rowheader", { name: "芦北町データアカデミー" }).waitFor();
    await page.goto("/dashboard");
    expect(await headerNav(page).locator("a", { hasText: "送信メール" }).count()).toBe(1);
    await expectAccessible(page);
  });

  it("facilitator sees only assigned academies and next sessions", async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.facilitator);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("講師ダッシュボード");
    const body = await page.textContent("main");
    expect(body).toContain("播磨圏域データアカデミー");
    expect(body).not.toContain("千代田区データアカデミー");
    expect(await headerNav(page).locator("a", { hasText: "送信メール" }).count()).toBe(0);
    await expectAccessible(page);
  });

  it("participant lands on the team workspace, and the dashboard shows their team, theme and next session", async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.participant);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("姫路市 受診率向上チーム");
    expect(await page.getByRole("heading", { name: "次にやること" }).count()).toBe(1);
    await expectAccessible(page);
    await page.goto("/dashboard");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("マイチーム");
    expect(await page.getByRole("heading", { name: "姫路市 受診率向上チーム" }).count()).toBe(1);
    expect(await page.getByRole("heading", { name: "次回のワークショップ" }).first().count()).toBe(1);
    await expectAccessible(page);
  });

  it("a participant opening a coordinator page gets the 403 page", async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.participant);
    const response = await page.goto("/outbox");
    expect(response?.status()).toBe(403);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("このページを表示する権限がありません");
  });

  it("an unknown address gets the 404 page in the app's style", async () => {
    const page = await browser.newPage();
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("ページが見つかりません");
  });
});

describe("language", () => {
  it("switches to English and remembers it for the user", async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.facilitator);
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "Facilitator dashboard" }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await page.goto("/dashboard");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Facilitator dashboard");
    await page.getByRole("button", { name: "日本語" }).click();
    await page.getByRole("heading", { name: "講師ダッシュボード" }).waitFor();
  });

  it("follows an English browser before anyone signs in", async () => {
    const page = await browser.newPage("en-US");
    await page.goto("/login");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Sign in");
  });

  it("a page loads its own strings, not the whole catalogue, and the next page brings its own", async () => {
    const page = await browser.newPage();
    const loaded: string[] = [];
    const reading: Promise<void>[] = [];
    page.on("response", (res) => {
      // read each script as it arrives; a page navigated away from may take its bodies along (ignored: each phase is read before the next navigation)
      if (/\/assets\/.*\.js$/.test(res.url())) reading.push(res.text().then((text) => void loaded.push(text), () => undefined));
    });
    const settled = async () => {
      await page.waitForLoadState("networkidle");
      await Promise.all(reading);
    };
    await page.goto("/calls");
    await page.waitForFunction(() => document.documentElement.dataset.hydrated === "true");
    await settled();
    const shipped = () => loaded.join("\n");
    // the public calls' strings are there; the consultation pages' and the English ones are not
    expect(shipped()).toContain("いま公開している募集はありません。");
    expect(shipped()).not.toContain("該当する相談はありません。");
    expect(shipped()).not.toContain("Calls for applications");
    await signIn(page, DEMO.coordinator);
    await settled();
    const before = loaded.length;
    // moving within the app: the consultations page brings its strings, nothing shows as a raw key
    await page.goto("/dashboard");
    await page.waitForFunction(() => document.documentElement.dataset.hydrated === "true");
    await clickNav(page, "専門家相談会");
    await page.waitForURL(/\/consultations/);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await settled();
    expect(loaded.slice(before).join("\n")).toContain("該当する相談はありません。");
    expect(await page.locator("main").innerText()).not.toMatch(/\b(consultation|table|form|nav)\.[a-z]\w*/);
  });
});

describe("password reset through the outbox", () => {
  it("a participant resets the password with the mailed link; the old one stops working", async () => {
    const anon = await browser.newPage();
    await anon.goto("/forgot-password");
    await anon.getByLabel("メールアドレス").fill("participant2@example.jp");
    await anon.getByRole("button", { name: "再設定メールを送る" }).click();
    await anon.getByText("再設定用のメールを送りました").waitFor();

    const coordinator = await browser.newPage();
    await signIn(coordinator, DEMO.coordinator);
    // The coordinator sees that the mail went out, but not the link in it.
    await coordinator.goto("/outbox");
    await coordinator.getByText("participant2@example.jp").first().click();
    const shown = (await coordinator.locator("details[open] pre").textContent()) ?? "";
    expect(shown).toContain("［本人宛てのリンク（非表示）］");
    expect(shown).not.toContain("/reset-password/");
    // The link reaches only the recipient (here: the mail-drop folder the server's operator reads).
    const link = linkIn(lastMailTo("participant2@example.jp").text, "reset-password");
    expect(link).toBeTruthy();

    await anon.goto(link!);
    await anon.getByLabel("新しいパスワード", { exact: true }).fill("my-new-password-2026");
    await anon.getByLabel("新しいパスワード（確認）").fill("my-new-password-2026");
    await anon.getByRole("button", { name: "パスワードを設定する" }).click();
    await anon.getByText("パスワードを変更しました").waitFor();
    await signIn(anon, { email: "participant2@example.jp", password: "my-new-password-2026" });

    await anon.goto(link!);
    expect(await anon.getByRole("alert").textContent()).toContain("すでに使用されています");
  });
});

describe("without JavaScript", () => {
  it("forms arrive filled in and saving keeps what was there", async () => {
    const page = await browser.newPage("ja-JP", { javaScriptEnabled: false });
    await signIn(page, DEMO.coordinator);
    await page.goto("/academies");
    await page.getByRole("link", { name: "芦北町データアカデミー" }).click();
    await page.getByRole("link", { name: "第1回を編集" }).click();
    expect(await page.getByLabel("日付").inputValue()).toBe("2025-09-04");
    expect(await page.getByLabel("会場名").inputValue()).toBe("芦北町役場 大会議室");
    await page.getByLabel("開始時刻").fill("17:00");
    await page.getByLabel("終了時刻").fill("13:00");
    await page.getByRole("button", { name: "保存する" }).click();
    await page.getByText("終了時刻は開始時刻より後にしてください。").first().waitFor();
    expect(await page.getByLabel("開始時刻").inputValue()).toBe("17:00");
    expect(await page.getByLabel("会場名").inputValue()).toBe("芦北町役場 大会議室");
  });
});
