import { Form } from "@remix-run/react";

import type { TranslationErrors, TranslationValues } from "~/campaigns/translation-form.server";
import { STORY_MAX, SUMMARY_MAX, TITLE_MAX } from "~/campaigns/fields";
import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { controlProps, Field, TextField } from "~/components/ui/Field";
import { TextArea } from "~/components/ui/Input";
import { useT } from "~/i18n/language-context";

/**
 * One language's words of a campaign, beside the default language's (read
 * only, as the public page shows them), with a preview of the story. A plain
 * form: Preview re-renders the page with the story as written, Save stores it.
 */
export function CampaignTranslationEditor({
  lang,
  languageName,
  original,
  values,
  errors,
  previewHtml,
}: {
  lang: string;
  languageName: string;
  original: { title: string; summary: string; storyHtml: string };
  values: TranslationValues;
  errors: TranslationErrors;
  previewHtml: string | null;
}) {
  const id = (field: string) => `${lang}-${field}`;
  const { t } = useT();
  const text = (key: string, values?: Record<string, unknown>) => t(`staff.campaignTranslations.${key}`, values);
  return (
    <section aria-labelledby={id("heading")} className="mt-8 border-t border-slate-200 pt-6">
      <h2 id={id("heading")} className="text-xl font-semibold text-brand-800">
        {languageName}
      </h2>
      <div className="mt-4 grid gap-6 lg:grid-cols-2">
        <div>
          <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-600">{text("original")}</h3>
          <p className="mt-2 font-semibold">{original.title}</p>
          <p className="mt-1 text-slate-700">{original.summary}</p>
          <div
            className="prose-story mt-3 max-h-[32rem] overflow-auto rounded border border-slate-200 p-3"
            dangerouslySetInnerHTML={{ __html: original.storyHtml }}
          />
        </div>
        <Form method="post" noValidate className="space-y-4" lang={lang}>
          <ErrorSummary errors={errors} title={(count) => text("problem", { count })} targetOf={(field) => id(field)} />
          <input type="hidden" name="lang" value={lang} />
          <TextField
            name="title"
            id={id("title")}
            label={text("fieldTitle")}
            maxLength={TITLE_MAX}
            defaultValue={values.title}
            error={errors.title}
          />
          <Field name="summary" id={id("summary")} label={text("fieldSummary")} error={errors.summary}>
            <TextArea
              {...controlProps("summary", { id: id("summary"), error: errors.summary })}
              rows={3}
              maxLength={SUMMARY_MAX}
              defaultValue={values.summary}
              className="mt-1"
            />
          </Field>
          <Field name="story" id={id("story")} label={text("fieldStory")} hint={text("storyHint")} error={errors.story}>
            <TextArea
              {...controlProps("story", { id: id("story"), error: errors.story, hint: true })}
              rows={14}
              maxLength={STORY_MAX}
              defaultValue={values.story}
              className="mt-1 font-mono text-sm"
            />
          </Field>
          {previewHtml !== null ? (
            <section aria-labelledby={id("preview")} className="rounded-md border border-dashed border-brand-600 p-4">
              <h3 id={id("preview")} className="text-sm font-semibold uppercase tracking-wide text-brand-700">
                {text("storyPreview")}
              </h3>
              <div className="prose-story" dangerouslySetInnerHTML={{ __html: previewHtml }} />
            </section>
          ) : null}
          <div className="flex flex-wrap gap-3">
            <button
              type="submit"
              name="intent"
              value="save"
              className="rounded-md bg-brand-700 px-5 py-2 font-bold text-white hover:bg-brand-800"
            >
              {text("save", { language: languageName })}
            </button>
            <button
              type="submit"
              name="intent"
              value="preview"
              className="rounded-md border border-brand-700 px-5 py-2 font-semibold text-brand-700 hover:bg-brand-50"
            >
              {text("preview")}
            </button>
          </div>
        </Form>
      </div>
    </section>
  );
}
