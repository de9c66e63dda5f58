#!/usr/bin/env node
// Developer aid: sign in (optionally) and save screenshots of pages.
// node tests/e2e/screenshot.mjs <baseUrl> <email|-> <password|-> <outDir> <path>...
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./chromium.mjs";

const [baseUrl, email, password, outDir, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
// SHOT_WIDTH=390 for a phone.
const width = Number(process.env.SHOT_WIDTH ?? 1280);
const page = await browser.newPage({ viewport: { width, height: width < 768 ? 844 : 900 }, locale: process.env.SHOT_LOCALE ?? "ja-JP" });
if (email && email !== "-") {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/メールアドレス|E-mail/).fill(email);
  await page.getByLabel(/^パスワード|^Password/).fill(password);
  await page.getByRole("button", { name: /ログイン|Sign in/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}
for (const [i, p] of paths.entries()) {
  await page.goto(`${baseUrl}${p}`);
  await page.screenshot({ path: `${outDir}/shot-${i}.png`, fullPage: true });
}
await browser.close();
