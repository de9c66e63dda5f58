import { describe, expect, it } from "vitest";
import ja from "~/locales/ja/common.json";
import en from "~/locales/en/common.json";
import { createI18n, registerCatalogue } from "./i18n";

describe("the translator", () => {
  it("speaks the app's catalogues: plurals, placeholders, both languages", () => {
    registerCatalogue("ja", ja);
    registerCatalogue("en", en);
    const { t } = createI18n("en");
    expect(t("progress.daysAgo", { count: 1 })).toBe("1 day ago");
    expect(t("progress.daysAgo", { count: 3 })).toBe("3 days ago");
    expect(t("progress.daysAgo", { count: 0 })).toBe("0 days ago");
    expect(t("invitation.sendTo", { name: "髙橋 一郎" })).toBe("Send an invitation to 髙橋 一郎");
    expect(createI18n("ja").t("progress.daysAgo", { count: 1 })).toBe(ja.progress.daysAgo_other.replace("{{count}}", "1"));
    expect(createI18n("ja").t("app.name")).toBe(ja.app.name);
    expect(createI18n("en").language).toBe("en");
  });

  it("falls back to Japanese, then to the default value, then to the key itself (already translated text passes through)", () => {
    registerCatalogue("ja", { only: { here: "日本語だけ" }, greet: "こんにちは {{name}} さん", n_other: "{{count}} 件" });
    registerCatalogue("en", { greet: "Hello {{name}}", n_one: "one item", n_other: "{{count}} items" });
    const { t } = createI18n("en");
    expect(t("only.here")).toBe("日本語だけ");
    expect(t("missing.key", { defaultValue: "upload" })).toBe("upload");
    expect(t("保存しました。")).toBe("保存しました。");
    expect(t("only")).toBe("only"); // a branch of the catalogue is not a message
    expect(t("n", { count: 1 })).toBe("one item");
    expect(t("n", { count: 2 })).toBe("2 items");
    expect(createI18n("ja").t("n", { count: 1 })).toBe("1 件");
  });

  it("fills placeholders as i18next did: not given stays, null or undefined becomes empty, values become text", () => {
    registerCatalogue("ja", { a: "{{x}}-{{ y }}-{{z}}" });
    const { t } = createI18n("ja");
    expect(t("a")).toBe("{{x}}-{{ y }}-{{z}}");
    expect(t("a", { x: 1, y: null })).toBe("1--{{z}}");
    expect(t("a", { x: "$&", y: undefined, z: 0 })).toBe("$&--0");
    registerCatalogue("ja", ja);
    registerCatalogue("en", en);
  });
});
