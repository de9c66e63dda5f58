import { chromium } from "playwright-core";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage();
page.on("pageerror", (e) => console.log("pageerror", e.message.slice(0, 600)));
const r = await page.goto("http://localhost:3111/login");
console.log(r.status());
await page.waitForTimeout(2000);
console.log(await page.locator("body").innerText());
await browser.close();
