import { Form } from "@remix-run/react";
import type { ReactNode } from "react";

import {
  CAMPAIGN_CURRENCIES,
  CAMPAIGN_FIELDS,
  CAMPAIGN_STATUSES,
  MONTHLY_INVITATIONS,
  PRESETS_MAX,
  SUMMARY_MAX,
  TITLE_MAX,
  type CampaignField,
  type CampaignFormErrors,
  type CampaignFormValues,
} from "~/campaigns/fields";
import { SLUG_MAX } from "~/campaigns/slug";
import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { FieldError } from "~/components/ui/FieldError";
import { Alert } from "~/components/ui/Alert";
import { controlProps, Field as FormField } from "~/components/ui/Field";
import { Input, Select, TextArea } from "~/components/ui/Input";
import { useT } from "~/i18n/language-context";
import { useIsPending } from "~/utils/use-is-pending";

export interface CampaignFormProps {
  values: CampaignFormValues;
  errors: CampaignFormErrors;
  /** The story rendered by the server after "Preview story". */
  previewHtml: string | null;
  /** Set when the currency can no longer change (gifts exist). */
  currencyLockedReason: string | null;
  /** The gift limits, as decimals in the campaign's currency. */
  giftRange: { min: string; max: string };
  submitLabel: string;
  /** Where the form posts (the page's own path, without any status message in the query). */
  action: string;
}

/**
 * The campaign editor: a plain form (works without JavaScript). "Preview
 * story" posts it too; the server renders the Markdown and nothing is saved.
 */
export function CampaignForm({ values, errors, previewHtml, currencyLockedReason, giftRange, submitLabel, action }: CampaignFormProps) {
  const busy = useIsPending();
  const { t } = useT();
  const text = (key: string, values?: Record<string, unknown>) => t(`staff.campaignEditor.${key}`, values);
  const labels = Object.fromEntries(CAMPAIGN_FIELDS.map((field) => [field, text(`fields.${field}`)]));
  const control = (field: CampaignField, hint = false) => controlProps(field, { error: errors[field], hint });

  return (
    <Form method="post" action={action} noValidate className="space-y-6">
      <ErrorSummary errors={errors} labels={labels} title={text("notSaved")} />
      {previewHtml !== null ? (
        <Alert tone="info" className="text-sm">
          {text("previewNote")}{" "}
          <a href="#story-preview" className="underline">
            {text("previewLink")}
          </a>{" "}
          {text("previewWhere")}
        </Alert>
      ) : null}

      <Field field="title" errors={errors}>
        <Input {...control("title")} defaultValue={values.title} maxLength={TITLE_MAX} className="mt-1" />
      </Field>

      <Field field="slug" errors={errors} hint={text("hints.slug")}>
        <div className="mt-1 flex flex-wrap items-center gap-1">
          <span className="text-slate-700" aria-hidden="true">
            {"/campaigns/"}
          </span>
          <Input
            {...control("slug", true)}
            defaultValue={values.slug}
            maxLength={SLUG_MAX}
            autoCapitalize="none"
            spellCheck={false}
            inline
            className="block min-w-0 flex-1"
          />
        </div>
      </Field>

      <Field field="summary" errors={errors} hint={text("hints.summary", { max: SUMMARY_MAX })}>
        <TextArea {...control("summary", true)} rows={2} defaultValue={values.summary} className="mt-1" />
      </Field>

      <div className="grid gap-6 sm:grid-cols-2">
        <Field field="goal" errors={errors} hint={text("hints.goal")}>
          <Input {...control("goal", true)} inputMode="decimal" defaultValue={values.goal} className="mt-1" />
        </Field>
        <Field field="currency" errors={errors} hint={currencyLockedReason ?? text("hints.currency")}>
          <Select {...control("currency", true)} defaultValue={values.currency} className="mt-1">
            {CAMPAIGN_CURRENCIES.map((currency) => (
              <option key={currency} value={currency}>
                {currency}
              </option>
            ))}
          </Select>
        </Field>
      </div>

      <Field
        field="presetAmounts"
        errors={errors}
        hint={text("hints.presetAmounts", { max: PRESETS_MAX, min: giftRange.min, top: giftRange.max })}
      >
        <Input {...control("presetAmounts", true)} inputMode="decimal" defaultValue={values.presetAmounts} className="mt-1" />
      </Field>

      <Field field="monthlyInvitation" errors={errors}>
        <Select {...control("monthlyInvitation")} defaultValue={values.monthlyInvitation} className="mt-1">
          {MONTHLY_INVITATIONS.map((rule) => (
            <option key={rule} value={rule}>
              {text(`invitations.${rule}`)}
            </option>
          ))}
        </Select>
      </Field>

      <fieldset>
        <legend className="text-sm font-semibold text-slate-900">{text("dates")}</legend>
        <p id="dates-hint" className="text-sm text-slate-700">
          {text("datesHint")}
        </p>
        <div className="mt-2 grid gap-6 sm:grid-cols-2">
          {(["startsAt", "endsAt"] as const).map((field) => (
            <Field key={field} field={field} label={labels[field]} errors={errors}>
              <Input
                {...controlProps(field, { error: errors[field], describedBy: ["dates-hint"] })}
                type="datetime-local"
                defaultValue={values[field]}
                className="mt-1"
              />
            </Field>
          ))}
        </div>
      </fieldset>

      <fieldset aria-describedby={control("status")["aria-describedby"]}>
        <legend className="text-sm font-semibold text-slate-900">{labels.status}</legend>
        <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:flex-wrap">
          {CAMPAIGN_STATUSES.map((status, index) => (
            <label
              key={status}
              className="flex items-center gap-2 rounded-md border border-slate-300 px-3 py-2 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
            >
              <input
                type="radio"
                name="status"
                value={status}
                id={index === 0 ? "status" : undefined}
                defaultChecked={values.status === status}
              />
              {text(`statuses.${status}`)}
            </label>
          ))}
        </div>
        <FieldError field="status" message={errors.status} />
      </fieldset>

      <Field field="story" errors={errors} hint={text("hints.story")}>
        <TextArea {...control("story", true)} rows={16} defaultValue={values.story} className="mt-1 font-mono text-sm" />
      </Field>

      {previewHtml !== null ? (
        <section
          id="story-preview"
          aria-labelledby="story-preview-heading"
          tabIndex={-1}
          className="rounded-md border border-dashed border-brand-600 p-4"
        >
          <h2 id="story-preview-heading" className="text-sm font-semibold uppercase tracking-wide text-brand-700">
            {text("storyPreview")}
          </h2>
          <div className="prose-story" dangerouslySetInnerHTML={{ __html: previewHtml }} />
        </section>
      ) : null}

      <div className="flex flex-wrap gap-3">
        <button
          type="submit"
          name="intent"
          value="save"
          disabled={busy}
          className="rounded-md bg-brand-700 px-5 py-2 font-bold text-white hover:bg-brand-800 disabled:opacity-70"
        >
          {submitLabel}
        </button>
        <button
          type="submit"
          name="intent"
          value="preview"
          disabled={busy}
          className="rounded-md border border-brand-700 px-5 py-2 font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-70"
        >
          {text("preview")}
        </button>
      </div>
    </Form>
  );
}

/** A field of the editor, labelled from the catalogue (staff.campaignEditor.fields). */
function Field({
  field,
  label,
  errors,
  hint,
  children,
}: {
  field: CampaignField;
  label?: string;
  errors: CampaignFormErrors;
  hint?: string;
  children: ReactNode;
}) {
  const { t } = useT();
  return (
    <FormField name={field} label={label ?? t(`staff.campaignEditor.fields.${field}`)} hint={hint} error={errors[field]}>
      {children}
    </FormField>
  );
}
