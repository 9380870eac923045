import { describe, expect, it } from "vitest";

import { languageRedirect, preferredLanguage, switchLanguage } from "~/i18n/language.server";
import { carriesLanguage, localisedPath, splitLanguage } from "~/i18n/paths";

const config = { LANGUAGES: ["en", "es"] as ("en" | "es")[], DEFAULT_LANGUAGE: "en" as const };

describe("addresses that carry a language", () => {
  it("prefixes every language but the default one, and reads the prefix back", () => {
    expect(localisedPath("/campaigns/x", "es", "en")).toBe("/es/campaigns/x");
    expect(localisedPath("/", "es", "en")).toBe("/es");
    expect(localisedPath("/campaigns/x", "en", "en")).toBe("/campaigns/x");
    expect(splitLanguage("/es/campaigns/x", ["en", "es"], "en")).toEqual({ lang: "es", path: "/campaigns/x", prefixed: true });
    expect(splitLanguage("/es", ["en", "es"], "en")).toEqual({ lang: "es", path: "/", prefixed: true });
    // The default language's own code and unknown codes are no prefix.
    expect(splitLanguage("/en/campaigns/x", ["en", "es"], "en").prefixed).toBe(false);
    expect(splitLanguage("/fr/campaigns/x", ["en", "es"], "en")).toMatchObject({ lang: "en", prefixed: false });
    expect(carriesLanguage("/campaigns/x")).toBe(true);
    expect(carriesLanguage("/admin/campaigns")).toBe(false);
    expect(carriesLanguage("/webhooks/stripe")).toBe(false);
  });
});

describe("the language a visitor prefers", () => {
  it("takes the switch's cookie first, then Accept-Language with its weights, then the default", () => {
    expect(preferredLanguage({ cookie: "a=1; lang=es", acceptLanguage: "en-US" }, config)).toBe("es");
    expect(preferredLanguage({ cookie: "lang=fr", acceptLanguage: "es-MX,es;q=0.9,en;q=0.5" }, config)).toBe("es");
    expect(preferredLanguage({ acceptLanguage: "en;q=0.4, es;q=0.8" }, config)).toBe("es");
    expect(preferredLanguage({ acceptLanguage: "de-DE,fr;q=0.8" }, config)).toBe("en");
    expect(preferredLanguage({}, config)).toBe("en");
  });

  it("sends an unprefixed public page to its prefixed address, says it varies, and leaves everything else alone", () => {
    const get = { method: "GET", search: "?a=1", acceptLanguage: "es" };
    expect(languageRedirect({ ...get, path: "/campaigns/x" }, config)).toEqual({ vary: true, location: "/es/campaigns/x?a=1" });
    expect(languageRedirect({ ...get, path: "/campaigns/x", cookie: "lang=en" }, config)).toEqual({ vary: true });
    expect(languageRedirect({ ...get, method: "POST", path: "/campaigns/x" }, config)).toEqual({ vary: true });
    expect(languageRedirect({ ...get, path: "/es/campaigns/x" }, config)).toEqual({ vary: false });
    expect(languageRedirect({ ...get, path: "/admin" }, config)).toEqual({ vary: false });
    expect(languageRedirect({ ...get, path: "/campaigns/x.data" }, config)).toEqual({ vary: false });
    expect(languageRedirect({ ...get, path: "/campaigns/x" }, { ...config, LANGUAGES: ["en"] })).toEqual({ vary: false });
  });
});

describe("the language switch", () => {
  it("goes to the same page in the chosen language, and only ever to a page of this site", () => {
    expect(switchLanguage("es", "/campaigns/x?pledge=1", config)).toEqual({ lang: "es", location: "/es/campaigns/x?pledge=1" });
    expect(switchLanguage("en", "/es/campaigns/x", config)).toEqual({ lang: "en", location: "/campaigns/x" });
    expect(switchLanguage("es", "/es", config)).toEqual({ lang: "es", location: "/es" });
    for (const elsewhere of ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", null]) {
      expect(switchLanguage("es", elsewhere, config)?.location).toBe("/es");
    }
    expect(switchLanguage("fr", "/", config)).toBeUndefined();
  });
});
