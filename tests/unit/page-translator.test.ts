import { describe, expect, it } from "vitest";

import { KNOWN_LANGUAGES } from "~/i18n/catalogues";
import { pageTranslator, translator } from "~/i18n/i18n";

describe("pageTranslator", () => {
  it("answers as i18next does, in each language, for keys alone, values and plurals, asked once or again", () => {
    for (const lang of KNOWN_LANGUAGES) {
      const t = pageTranslator(lang);
      const direct = translator(lang);
      for (let round = 0; round < 2; round++) {
        expect(t("form.submit")).toBe(direct("form.submit"));
        expect(t("campaign.progressValue", { percent: 42 })).toBe(direct("campaign.progressValue", { percent: 42 }));
        expect(t("campaign.progressValue", { percent: 7 })).toBe(direct("campaign.progressValue", { percent: 7 }));
        expect(t("campaign.donors", { count: 1 })).toBe(direct("campaign.donors", { count: 1 }));
        expect(t("campaign.donors", { count: 5 })).toBe(direct("campaign.donors", { count: 5 }));
      }
      expect(t("campaign.donors", { count: 1 })).not.toBe(t("campaign.donors", { count: 5 }));
    }
    expect(pageTranslator("es")("form.submit")).not.toBe(pageTranslator("en")("form.submit"));
  });

  it("keeps a number and the same digits as a string apart", () => {
    const t = pageTranslator("en");
    expect(t("campaign.donors", { count: 1 })).toBe(translator("en")("campaign.donors", { count: 1 }));
    expect(t("campaign.donors", { count: "1" })).toBe(translator("en")("campaign.donors", { count: "1" }));
  });
});
