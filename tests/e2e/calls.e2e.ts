import { describe, expect, it } from "vitest";
import { clickNav, DEMO, expectAccessible, hydrated, signIn, useBrowser } from "./browser";
import { lastMailTo, linkIn } from "../support/mail";

// Issue 13, the call for applications: a coordinator opens a call; a government applies from the
// public page (account by mail, draft, submission); after the deadline the coordinator scores,
// selects and turns the application into an academy with its team.

const browser = useBrowser();

describe("a call for applications", () => {
  it("goes from the public page to an academy", async () => {
    const coordinator = await browser.newPage();
    await signIn(coordinator, DEMO.coordinator);
    await clickNav(coordinator, "募集");
    await coordinator.getByRole("heading", { level: 1, name: "募集の管理" }).waitFor();
    await coordinator.getByLabel("募集の名称").fill("令和9年度 地域データアカデミー参加団体の募集");
    await coordinator.getByLabel("年度", { exact: true }).fill("2027");
    await coordinator.getByLabel("募集の内容（目的、対象、スケジュール、問い合わせ先など）").fill("庁内のデータで地域の課題を解決する職員研修の参加団体を募集します。");
    const deadline = new Date(Date.now() + 14 * 86_400_000 + 9 * 3600_000).toISOString().slice(0, 10);
    await coordinator.getByLabel("締切日").fill(deadline);
    await coordinator.getByRole("button", { name: "募集を作る（下書き）" }).click();
    await coordinator.getByRole("heading", { level: 1, name: "令和9年度 地域データアカデミー参加団体の募集" }).waitFor();
    // a question of this call beside the fixed fields
    await coordinator.getByLabel("質問", { exact: true }).fill("参加の形");
    await coordinator.getByLabel("答え方").selectOption({ label: "選択肢から選ぶ" });
    await coordinator.getByLabel("選択肢（1行に1つ）").fill("会場\nオンライン");
    await coordinator.getByRole("button", { name: "質問を追加する" }).click();
    await coordinator.getByText("質問を追加しました。").waitFor();
    expect(await coordinator.getByLabel("質問", { exact: true }).inputValue()).toBe("");
    await coordinator.getByRole("button", { name: "公開する（応募の受付を始める）" }).click();
    await coordinator.getByText("募集を公開しました。").waitFor();
    await expectAccessible(coordinator);
    const callUrl = coordinator.url();

    // a government, not signed in, finds the call on the public page and creates its account
    const applicant = await browser.newPage();
    await applicant.goto("/calls");
    await expectAccessible(applicant);
    await applicant.getByRole("link", { name: "令和9年度 地域データアカデミー参加団体の募集" }).click();
    await applicant.getByRole("link", { name: "アカウントを作って応募する" }).click();
    await applicant.getByLabel("メールアドレス").fill("dx@city.takasago.example.jp");
    await applicant.getByLabel("担当者の氏名").fill("高砂 みどり");
    await applicant.getByLabel("応募する団体の全国地方公共団体コード（6桁）").fill("282163");
    await applicant.getByLabel("募集区分").selectOption({ label: "（イ）データアカデミー" });
    await applicant.getByRole("button", { name: "アカウントを作る" }).click();
    const errorText = await applicant.getByText(/チェックディジット|検査数字|正しくありません/).first().textContent().catch(() => "");
    expect(errorText).not.toBe("");
    await expect(applicant.getByLabel("担当者の氏名").inputValue()).resolves.toBe("高砂 みどり");
    await applicant.getByLabel("応募する団体の全国地方公共団体コード（6桁）").fill("282162");
    await applicant.getByRole("button", { name: "アカウントを作る" }).click();
    await applicant.getByText(/メールを送りました/).waitFor();
    // nothing exists until the address is proven: the mail carries a sign-up link naming the call
    const mail = lastMailTo("dx@city.takasago.example.jp");
    expect(mail.text).toContain("令和9年度 地域データアカデミー参加団体の募集");
    expect(mail.text).not.toContain("ご招待");
    const link = linkIn(mail.text, "sign-up");
    expect(link).toBeTruthy();
    await applicant.goto(link!);
    await applicant.getByRole("heading", { level: 1, name: "応募登録の確認" }).waitFor();
    await expectAccessible(applicant);
    await applicant.getByLabel("新しいパスワード", { exact: true }).fill("takasago-pass-2027");
    await applicant.getByLabel("新しいパスワード（確認）").fill("takasago-pass-2027");
    await applicant.getByRole("button", { name: "パスワードを設定して応募を始める" }).click();
    await applicant.getByText("アカウントができました。応募の下書きを書き進めてください。").waitFor();
    await hydrated(applicant);
    // submitting too early says what is missing and keeps what was typed
    await applicant.getByLabel("取り組みたい地域の課題").fill("災害時の帰宅困難者を広域で支援したい。");
    await applicant.getByRole("button", { name: "提出する" }).click();
    await applicant.getByText("提出するには、未入力の項目を入力してください").waitFor();
    await expect(applicant.getByLabel("取り組みたい地域の課題").inputValue()).resolves.toBe("災害時の帰宅困難者を広域で支援したい。");
    // ...and a reload (or another day) still finds it: the refused submission kept the draft
    await applicant.reload();
    await expect(applicant.getByLabel("取り組みたい地域の課題").inputValue()).resolves.toBe("災害時の帰宅困難者を広域で支援したい。");
    await hydrated(applicant);
    await applicant.getByLabel("担当部署").fill("企画総務部 防災安全課");
    await applicant.getByLabel("担当者の氏名").fill("高砂 みどり");
    await applicant.getByLabel("保有しているデータ", { exact: true }).fill("避難所の収容人数、主要駅の乗降客数（2023年度）");
    await applicant.getByLabel("データを保有する部署").fill("防災安全課、都市計画課");
    await applicant.getByLabel("参加予定の職員数").fill("4");
    await applicant.getByLabel(/事例として公表することに同意します/).check();
    await applicant.getByLabel("参加の形").selectOption("オンライン");
    await applicant.getByRole("button", { name: "提出する" }).click();
    await applicant.getByText("応募を提出しました。").waitFor();
    await expectAccessible(applicant);

    // after the deadline: the coordinator moves it to yesterday, scores, selects, makes the academy
    await coordinator.goto(callUrl);
    const yesterday = new Date(Date.now() - 86_400_000 + 9 * 3600_000).toISOString().slice(0, 10);
    await coordinator.getByLabel("締切日").fill(yesterday);
    await coordinator.getByRole("button", { name: "保存する" }).first().click();
    // a deadline in the past is asked about once, the date typed kept
    await coordinator.getByText("締切がすでに過ぎた日時です。", { exact: false }).waitFor();
    expect(await coordinator.getByLabel("締切日").inputValue()).toBe(yesterday);
    await coordinator.getByLabel("上記を確認したうえで保存する").check();
    await coordinator.getByRole("button", { name: "保存する" }).first().click();
    await coordinator.getByText("保存しました。").waitFor();
    await coordinator.getByRole("link", { name: "応募と審査" }).click();
    await coordinator.getByRole("link", { name: "高砂市" }).click();
    await coordinator.getByRole("heading", { level: 2, name: "自分の採点" }).waitFor();
    // the answer to the call's question is part of what reviewers read
    expect(await coordinator.locator("dt", { hasText: "参加の形" }).locator("xpath=following-sibling::dd[1]").textContent()).toBe("オンライン");
    for (const select of await coordinator.getByRole("combobox", { name: /（重み/ }).all()) await select.selectOption("4");
    await coordinator.getByLabel("コメント").fill("広域の課題が明確で、データもそろっている。");
    await coordinator.getByRole("button", { name: "採点を保存" }).click();
    await coordinator.getByText("採点を保存しました。").waitFor();
    await coordinator.getByRole("combobox", { name: "選定", exact: true }).selectOption({ label: "選定" });
    await coordinator.getByRole("button", { name: "選定を保存" }).click();
    await coordinator.getByText("選定を保存しました。").waitFor();
    await expectAccessible(coordinator);
    await coordinator.getByRole("button", { name: /この応募からアカデミーを作る/ }).click();
    await coordinator.getByRole("heading", { level: 1, name: "高砂市データアカデミー" }).waitFor();
    await coordinator.getByRole("link", { name: "高砂市チーム" }).first().waitFor();
  });
});

describe("the case library", () => {
  it("turns a finished team's proposal into a public case that a filter finds", async () => {
    const coordinator = await browser.newPage();
    await signIn(coordinator, DEMO.coordinator);
    await coordinator.goto("/academies");
    await coordinator.getByRole("link", { name: "播磨圏域データアカデミー 2025" }).first().click();
    await coordinator.getByRole("link", { name: "姫路市 健康づくりチーム" }).first().click();
    await coordinator.getByRole("link", { name: "事例集への掲載" }).click();
    await coordinator.getByRole("heading", { level: 1, name: /の事例/ }).waitFor();
    // drafted from the team's work; the coordinator picks the theme and size and names the department
    await expect(coordinator.getByLabel("課題", { exact: true }).inputValue()).resolves.not.toBe("");
    await coordinator.getByLabel("事例の名称").fill("健診を受けない働き盛り世代に届く受診勧奨");
    await coordinator.getByLabel("テーマ").selectOption({ label: "健康・医療" });
    await coordinator.getByLabel("団体の規模").selectOption({ label: "人口20万人以上" });
    await coordinator.getByLabel("問い合わせ先（部署）").fill("健康福祉局 保健所 健康課 079-289-0000");
    await coordinator.getByRole("button", { name: "保存する" }).click();
    await coordinator.getByText("電話番号があります。事例集には載せられません。").waitFor();
    await coordinator.getByLabel("問い合わせ先（部署）").fill("健康福祉局 保健所 健康課");
    await coordinator.getByRole("button", { name: "保存する" }).click();
    await coordinator.getByText("事例を保存しました。").waitFor();
    await coordinator.getByRole("button", { name: "事務局として公開を承認する" }).click();
    await coordinator.getByText("公開への同意を記録しました。").waitFor();
    await expectAccessible(coordinator);
    const caseUrl = coordinator.url();

    const member = await browser.newPage();
    await signIn(member, DEMO.participant);
    await member.goto(caseUrl);
    await member.getByRole("button", { name: "チームとして公開に同意する" }).click();
    await member.getByRole("heading", { level: 2, name: "事例集に公開中" }).waitFor();

    const visitor = await browser.newPage();
    await visitor.goto("/cases");
    await hydrated(visitor);
    await visitor.getByLabel("テーマ").selectOption({ label: "健康・医療" });
    await visitor.getByLabel("都道府県").selectOption({ label: "兵庫県" });
    await visitor.getByRole("button", { name: "絞り込む" }).click();
    await visitor.getByRole("link", { name: "健診を受けない働き盛り世代に届く受診勧奨" }).click();
    await visitor.getByRole("heading", { level: 1, name: "健診を受けない働き盛り世代に届く受診勧奨" }).waitFor();
    await expectAccessible(visitor);
    const html = await visitor.content();
    for (const email of ["participant@example.jp", "himeji.data@example.jp", "coordinator@example.jp"]) expect(html).not.toContain(email);
  });
});
