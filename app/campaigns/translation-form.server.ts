import type { TFunction } from "i18next";
import { z } from "zod";

import { campaignTranslations } from "~/campaigns/campaign-language";
import { STORY_MAX, SUMMARY_MAX, TITLE_MAX } from "~/campaigns/fields";
import { languageInfo, type Language } from "~/i18n/catalogues";
import { staffLocale, staffTranslator } from "~/staff/staff-language.server";
import { parseForm, type FieldErrors, type FormValues } from "~/utils/forms.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { env } from "~/utils/env.server";
import { multiLineText, singleLineText } from "~/utils/text";

/** The translation editor's fields (one language at a time), in the order the page shows them. */
export const TRANSLATION_FIELDS = ["lang", "title", "summary", "story"] as const;
export type TranslationField = (typeof TRANSLATION_FIELDS)[number];
export type TranslationValues = FormValues<TranslationField>;
export type TranslationErrors = FieldErrors<TranslationField>;

const IntentSchema = z.enum(["save", "preview"]);

/** The site's languages other than the default: the ones a campaign is translated into. */
export function translationLanguages(): Language[] {
  const { LANGUAGES, DEFAULT_LANGUAGE } = env();
  return LANGUAGES.filter((lang) => lang !== DEFAULT_LANGUAGE);
}

function schemaFor(languages: Language[], t: TFunction, locale: string) {
  const tooLong = (max: number) => t("staff.campaignErrors.tooLong", { max: max.toLocaleString(locale) });
  return z
    .object({
      lang: z.enum(languages as [Language, ...Language[]], { error: t("staff.campaignTranslations.errors.lang") }),
      title: singleLineText(t("formErrors.singleLine")).max(TITLE_MAX, tooLong(TITLE_MAX)),
      summary: multiLineText(t("formErrors.multiLine")).trim().max(SUMMARY_MAX, tooLong(SUMMARY_MAX)),
      story: multiLineText(t("formErrors.multiLine")).max(STORY_MAX, tooLong(STORY_MAX)),
    })
    .superRefine((text, ctx) => {
      // All three, or none (which removes the translation: the page then shows the default language and says so).
      const filled = { title: text.title !== "", summary: text.summary !== "", story: text.story.trim() !== "" };
      if (Object.values(filled).some(Boolean)) {
        for (const [field, ok] of Object.entries(filled)) {
          if (!ok) ctx.addIssue({ code: "custom", path: [field], message: t("staff.campaignTranslations.errors.allOrNone") });
        }
      }
    });
}

/** Each language's stored words, as the editor shows them. */
export function translationValues(stored: unknown): Record<string, TranslationValues> {
  const texts = campaignTranslations(stored);
  return Object.fromEntries(
    translationLanguages().map((lang) => [
      lang,
      { lang, title: texts[lang]?.title ?? "", summary: texts[lang]?.summary ?? "", story: texts[lang]?.story ?? "" },
    ]),
  );
}

export function languageName(lang: Language): string {
  return languageInfo(lang).name;
}

export type TranslationPost =
  | { kind: "preview"; values: TranslationValues; previewHtml: string }
  | { kind: "invalid"; values: TranslationValues; errors: TranslationErrors; status: 400 | 422 }
  | { kind: "save"; lang: Language; text: { title: string; summary: string; story: string } | null; values: TranslationValues };

/** A post of the translation editor: preview the story (nothing saved), or check one language's words. */
export function parseTranslationPost(form: FormData, t: TFunction = staffTranslator()): TranslationPost {
  const intent = IntentSchema.safeParse(form.get("intent") ?? "save");
  const parsed = parseForm(form, { fields: TRANSLATION_FIELDS, schema: schemaFor(translationLanguages(), t, staffLocale()) });
  if (!intent.success)
    return { kind: "invalid", values: parsed.values, errors: { form: t("staff.campaignEditor.unknownAction") }, status: 400 };
  if (!parsed.ok) return { kind: "invalid", values: parsed.values, errors: parsed.errors, status: parsed.status };
  if (intent.data === "preview") return { kind: "preview", values: parsed.values, previewHtml: renderMarkdown(parsed.data.story) };
  const { lang, title, summary, story } = parsed.data;
  return { kind: "save", lang, text: title === "" ? null : { title, summary, story }, values: parsed.values };
}
