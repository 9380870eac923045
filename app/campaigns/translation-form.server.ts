import { z } from "zod";

import { campaignTranslations } from "~/campaigns/campaign-language";
import { STORY_MAX, SUMMARY_MAX, TITLE_MAX } from "~/campaigns/fields";
import { languageInfo, type Language } from "~/i18n/catalogues";
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

function schemaFor(languages: Language[]) {
  return z
    .object({
      lang: z.enum(languages as [Language, ...Language[]], { error: "Choose one of the site's other languages." }),
      title: singleLineText().max(TITLE_MAX, `Use at most ${TITLE_MAX} characters.`),
      summary: multiLineText().trim().max(SUMMARY_MAX, `Use at most ${SUMMARY_MAX} characters.`),
      story: multiLineText().max(STORY_MAX, `Use at most ${STORY_MAX.toLocaleString("en-US")} characters.`),
    })
    .superRefine((text, ctx) => {
      // All three, or none (which removes the translation: the page then shows the default language and says so).
      const filled = { title: text.title !== "", summary: text.summary !== "", story: text.story.trim() !== "" };
      if (Object.values(filled).some(Boolean)) {
        for (const [field, ok] of Object.entries(filled)) {
          if (!ok)
            ctx.addIssue({ code: "custom", path: [field], message: "Fill in the title, summary and story, or leave all three empty." });
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
export function parseTranslationPost(form: FormData): TranslationPost {
  const intent = IntentSchema.safeParse(form.get("intent") ?? "save");
  const parsed = parseForm(form, { fields: TRANSLATION_FIELDS, schema: schemaFor(translationLanguages()) });
  if (!intent.success) return { kind: "invalid", values: parsed.values, errors: { form: "Unknown form action." }, status: 400 };
  if (!parsed.ok) return { kind: "invalid", values: parsed.values, errors: parsed.errors, status: parsed.status };
  if (intent.data === "preview") return { kind: "preview", values: parsed.values, previewHtml: renderMarkdown(parsed.data.story) };
  const { lang, title, summary, story } = parsed.data;
  return { kind: "save", lang, text: title === "" ? null : { title, summary, story }, values: parsed.values };
}
