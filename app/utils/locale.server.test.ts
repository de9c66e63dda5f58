import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, resolveLocale } from "./locale.server";
import { getRequest } from "../../tests/support/requests";

describe("choosing the language", () => {
  it("defaults to Japanese", async () => {
    expect(await resolveLocale(getRequest("/"), null)).toBe("ja");
    expect(await resolveLocale(getRequest("/", { acceptLanguage: "fr-FR,de;q=0.8" }), null)).toBe("ja");
  });

  it("follows Accept-Language by quality", () => {
    expect(localeFromAcceptLanguage("en-US,en;q=0.9,ja;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("fr;q=1,ja;q=0.5,en;q=0.4")).toBe("ja");
  });

  it("puts the user's saved preference above the browser", async () => {
    const request = getRequest("/", { acceptLanguage: "en" });
    expect(await resolveLocale(request, { locale: "ja" })).toBe("ja");
    expect(await resolveLocale(request, { locale: null })).toBe("en");
  });
});
