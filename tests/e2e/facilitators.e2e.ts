import { describe, expect, it } from "vitest";
import { DEMO, expectAccessible, hydrated, signIn, useBrowser } from "./browser";

// Issue 13, growing local facilitators: the coordinator moves a trainee on, records who took
// which part in a session, and finds the trainee in the facilitator pool when staffing.

const browser = useBrowser();

describe("local facilitators", () => {
  it("are trained in an academy and found in the pool", async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.coordinator);
    await page.goto("/academies");
    const tokyo = new Date(Date.now() + 9 * 3600_000);
    const fiscalYear = tokyo.getUTCMonth() >= 3 ? tokyo.getUTCFullYear() : tokyo.getUTCFullYear() - 1;
    await page.getByRole("link", { name: `播磨圏域データアカデミー ${fiscalYear}`, exact: true }).first().click();
    await page.getByRole("link", { name: "講師の育成と担当" }).click();
    await page.getByRole("heading", { level: 1, name: "講師の育成と担当" }).waitFor();
    await hydrated(page);
    await expectAccessible(page);

    // 小林 由美 co-facilitates; she leads session 4
    await page.getByLabel("小林 由美さんの第4回の役割").selectOption({ label: "メイン" });
    await page.getByRole("button", { name: "担当を保存する" }).click();
    await page.getByText("各回の担当を保存しました。").waitFor();
    await expect(page.getByLabel("小林 由美さんの第4回の役割").inputValue()).resolves.toBe("lead");
    await page.getByLabel("小林 由美さんの育成段階").selectOption({ label: "メイン" });
    await page.locator("li", { has: page.getByLabel("小林 由美さんの育成段階") }).getByRole("button", { name: "保存する" }).click();
    await page.getByText("育成段階を保存しました。").waitFor();
    await page.getByText("育成中：メイン").waitFor();

    // the pool finds her among the trained, with the sessions she took part in
    await page.goto("/facilitators?level=trained");
    await page.getByRole("heading", { level: 1, name: "講師人材" }).waitFor();
    await expectAccessible(page);
    const row = page.getByRole("row", { name: /小林 由美/ });
    await expect(row.textContent()).resolves.toContain("メイン");
    await row.getByRole("link", { name: "小林 由美" }).click();
    await page.getByRole("heading", { level: 1, name: "小林 由美" }).waitFor();
    await page.getByRole("cell", { name: "メイン" }).first().waitFor();
    await expectAccessible(page);
  });
});
