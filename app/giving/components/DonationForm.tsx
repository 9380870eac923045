import { Form } from "@remix-run/react";

import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { FieldError } from "~/components/ui/FieldError";
import { Alert } from "~/components/ui/Alert";
import { controlProps, LABEL_CLASS, TextField } from "~/components/ui/Field";
import { Input, Select, TextArea } from "~/components/ui/Input";
import { HONEYPOT_FIELD, type DonationErrors, type DonationValues } from "~/giving/donation-fields";
import { coveredFeeFor, type FeePolicy } from "~/giving/fees";
import { liveTotalWords } from "~/giving/live-total-words";
import { useLanguage, useT } from "~/i18n/language-context";
import { formatMoney, formatMoneyShort } from "~/utils/money";

export interface DonationFormProps {
  currency: string;
  presetAmounts: number[];
  fee: FeePolicy;
  minAmount: number;
  maxAmount: number;
  commentMax: number;
  values: Partial<DonationValues>;
  errors: DonationErrors;
}

/**
 * The donation form. A plain HTML form posted to the campaign route's action:
 * it works completely without JavaScript. With JavaScript, the page module
 * donation-form (donation-form.module.ts) writes the total as the donor
 * chooses, from the currency and fee policy the form carries in data-
 * attributes, and keeps a second press of the button from sending it twice.
 */
export function DonationForm(props: DonationFormProps) {
  const { currency, presetAmounts, fee, values, errors } = props;
  const { t } = useT();
  const { locale } = useLanguage();
  const money = (amount: number) => formatMoney(amount, currency, locale);
  const moneyShort = (amount: number) => formatMoneyShort(amount, currency, locale);
  const defaultAmount = values.amount || String(presetAmounts[1] ?? presetAmounts[0] ?? "other");

  const errorOf = (field: keyof DonationErrors) => (errors[field] ? `${field}-error` : undefined);

  return (
    <Form
      method="post"
      noValidate
      aria-labelledby="give-heading"
      className="space-y-5"
      data-donation-form
      data-currency={currency}
      data-fee-percent-bps={fee.percentBps}
      data-fee-fixed={fee.fixed}
      data-total-words={JSON.stringify(liveTotalWords(t))}
      data-busy-text={t("form.submitting")}
    >
      {errors.form ? (
        <Alert tone="error" id="form-error" className="text-sm">
          {errors.form}
        </Alert>
      ) : (
        <ErrorSummary
          errors={errors}
          title={(count) => t("form.problems", { count })}
          // The amount is a group of radio buttons: its link goes to the group's message.
          targetOf={(field) => (field === "amount" ? "amount-error" : field)}
        />
      )}

      <fieldset aria-describedby={errorOf("frequency")}>
        <legend className="text-sm font-semibold text-slate-900">{t("form.howOften")}</legend>
        <div className="mt-2 grid grid-cols-3 gap-2">
          {(["once", "monthly", "yearly"] as const).map((frequency) => (
            <label
              key={frequency}
              className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-2 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
            >
              <input type="radio" name="frequency" value={frequency} defaultChecked={(values.frequency || "once") === frequency} />
              {t(frequency === "once" ? "form.once" : frequency === "monthly" ? "form.monthly" : "form.yearly")}
            </label>
          ))}
        </div>
        <FieldError field="frequency" message={errors.frequency} />
      </fieldset>

      <fieldset aria-describedby={errorOf("amount")}>
        <legend className="text-sm font-semibold text-slate-900">{t("form.amount", { currency })}</legend>
        <div className="mt-2 grid grid-cols-2 gap-2">
          {presetAmounts.map((preset) => (
            <label
              key={preset}
              className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-2 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
            >
              <input type="radio" name="amount" value={String(preset)} defaultChecked={defaultAmount === String(preset)} />
              {moneyShort(preset)}
            </label>
          ))}
          <label className="col-span-2 flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-2 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
            <input type="radio" name="amount" value="other" defaultChecked={defaultAmount === "other"} />
            {t("form.otherAmount")}
          </label>
        </div>
        <FieldError field="amount" message={errors.amount} />
        <div className="mt-2">
          <label htmlFor="customAmount" className="text-sm text-slate-800">
            {t("form.otherAmountBetween", { min: money(props.minAmount), max: money(props.maxAmount) })}
          </label>
          <Input
            {...controlProps("customAmount", { error: errors.customAmount })}
            inputMode="decimal"
            autoComplete="transaction-amount"
            defaultValue={values.customAmount}
            className="mt-1"
          />
          <FieldError field="customAmount" message={errors.customAmount} />
        </div>
      </fieldset>

      <div>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="coverFee" defaultChecked={values.coverFee === "on"} className="mt-1" />
          <span>
            {t("form.coverFee", { percent: formatPercent(fee.percentBps, locale), fixed: money(fee.fixed) })}
            {presetAmounts.length > 0 ? (
              <span className="mt-1 block text-slate-700">
                {presetAmounts
                  .map((preset) => t("form.presetAdds", { preset: moneyShort(preset), fee: money(coveredFeeFor(preset, fee)) }))
                  .join(" · ")}
              </span>
            ) : null}
          </span>
        </label>
        {/* Empty in the server's page: the total appears once the donor changes something. */}
        <p aria-live="polite" className="mt-2 text-sm font-semibold text-slate-900" data-testid="live-total" data-live-total />
      </div>

      <TextField label={t("form.name")} name="name" autoComplete="name" defaultValue={values.name} error={errors.name} />
      <TextField label={t("form.email")} name="email" type="email" autoComplete="email" defaultValue={values.email} error={errors.email} />

      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="anonymous" defaultChecked={values.anonymous === "on"} className="mt-1" />
        <span>{t("form.anonymous")}</span>
      </label>

      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-slate-900">{t("form.dedication")}</legend>
        <label htmlFor="dedicationKind" className="sr-only">
          {t("form.dedicationKind")}
        </label>
        <Select {...controlProps("dedicationKind", { error: errors.dedicationKind })} defaultValue={values.dedicationKind ?? ""}>
          <option value="">{t("form.noDedication")}</option>
          <option value="honour">{t("form.honour")}</option>
          <option value="memory">{t("form.memory")}</option>
        </Select>
        <FieldError field="dedicationKind" message={errors.dedicationKind} />
        <TextField
          label={t("form.dedicationName")}
          name="dedicationName"
          defaultValue={values.dedicationName}
          error={errors.dedicationName}
        />
      </fieldset>

      <div>
        <label htmlFor="comment" className={LABEL_CLASS}>
          {t("form.comment")}
        </label>
        <TextArea
          {...controlProps("comment", { error: errors.comment, describedBy: ["comment-hint"] })}
          rows={3}
          maxLength={props.commentMax}
          defaultValue={values.comment}
          className="mt-1"
        />
        <p id="comment-hint" className="text-xs text-slate-700">
          {t("form.commentHint", { max: props.commentMax })}
        </p>
        <FieldError field="comment" message={errors.comment} />
      </div>

      {/* Honeypot: hidden from people and from assistive technology. */}
      <div aria-hidden="true" className="absolute left-[-10000px] h-px w-px overflow-hidden">
        <label htmlFor={HONEYPOT_FIELD}>{t("form.honeypot")}</label>
        <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      {values.pledgeId ? <input type="hidden" name="pledgeId" value={values.pledgeId} /> : null}

      <button
        type="submit"
        className="w-full rounded-md bg-accent-600 px-4 py-3 text-lg font-bold text-white shadow hover:bg-accent-700 aria-disabled:opacity-70"
      >
        {t("form.submit")}
      </button>
      <p className="text-xs text-slate-700">{t("form.securePayment")}</p>
    </Form>
  );
}

/** Basis points as a percentage in the page's locale ("2.2%", "2,2 %"): Intl from an exact decimal string, no float. */
function formatPercent(bps: number, locale: string): string {
  const decimal = `${Math.floor(bps / 10000)}.${String(bps % 10000).padStart(4, "0")}`;
  return percentFormat(locale).format(decimal as unknown as number);
}

/** Building an Intl.NumberFormat costs more than rendering the rest of the form: one per locale. */
const percentFormats = new Map<string, Intl.NumberFormat>();
function percentFormat(locale: string): Intl.NumberFormat {
  let format = percentFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 });
    percentFormats.set(locale, format);
  }
  return format;
}
