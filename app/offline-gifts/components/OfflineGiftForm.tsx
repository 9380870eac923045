import { Form } from "@remix-run/react";
import type { ReactNode } from "react";

import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { controlProps, Field, TextField } from "~/components/ui/Field";
import { FieldError } from "~/components/ui/FieldError";
import { Select, TextArea } from "~/components/ui/Input";
import { useT } from "~/i18n/language-context";
import { ADDRESS_MAX, NAME_MAX, NOTE_MAX, OFFLINE_METHODS, REFERENCE_MAX } from "~/offline-gifts/fields";
import { useIsPending } from "~/utils/use-is-pending";

type Values = Partial<Record<string, string>>;

/**
 * The record and correct forms of an offline gift: a plain form that works
 * without JavaScript. The donor's fields show only when recording a gift for
 * a donor not chosen yet.
 */
export function OfflineGiftForm({
  action,
  values,
  errors,
  campaigns,
  withDonor,
  receiptLabel,
  submitLabel,
  children,
}: {
  action: string;
  values: Values;
  errors: Partial<Record<string, string>>;
  campaigns: Array<{ id: string; title: string; currency: string }>;
  withDonor: boolean;
  receiptLabel: string;
  submitLabel: string;
  children?: ReactNode;
}) {
  const busy = useIsPending();
  const { t } = useT();
  const control = (field: string, hint = false) => controlProps(field, { error: errors[field], hint });
  return (
    <Form method="post" action={action} noValidate className="max-w-2xl space-y-5">
      <ErrorSummary errors={errors} title={t("staff.offlineGifts.form.notSaved")} />
      {children}
      <Field name="campaignId" label={t("staff.offlineGifts.form.campaign")} error={errors.campaignId}>
        <Select {...control("campaignId")} defaultValue={values.campaignId ?? ""} className="mt-1">
          <option value="">{t("staff.offlineGifts.form.chooseCampaign")}</option>
          {campaigns.map((campaign) => (
            <option key={campaign.id} value={campaign.id}>
              {t("staff.offlineGifts.form.campaignChoice", { title: campaign.title, currency: campaign.currency })}
            </option>
          ))}
        </Select>
      </Field>
      <Field name="method" label={t("staff.offlineGifts.form.method")} error={errors.method}>
        <Select {...control("method")} defaultValue={values.method ?? "cheque"} className="mt-1">
          {OFFLINE_METHODS.map((method) => (
            <option key={method} value={method}>
              {t(`staff.offlineGifts.methods.${method}`)}
            </option>
          ))}
        </Select>
      </Field>
      <TextField
        name="receivedOn"
        label={t("staff.offlineGifts.form.receivedOn")}
        hint={t("staff.offlineGifts.form.receivedOnHint")}
        type="date"
        defaultValue={values.receivedOn ?? ""}
        error={errors.receivedOn}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="amount"
          label={t("staff.offlineGifts.form.amount")}
          hint={t("staff.offlineGifts.form.amountHint")}
          inputMode="decimal"
          defaultValue={values.amount ?? ""}
          error={errors.amount}
        />
        <TextField
          name="currency"
          label={t("staff.offlineGifts.form.currency")}
          hint={t("staff.offlineGifts.form.currencyHint")}
          defaultValue={values.currency ?? "USD"}
          maxLength={3}
          error={errors.currency}
        />
      </div>
      <TextField
        name="reference"
        label={t("staff.offlineGifts.form.reference")}
        hint={t("staff.offlineGifts.form.referenceHint")}
        defaultValue={values.reference ?? ""}
        maxLength={REFERENCE_MAX}
        error={errors.reference}
      />
      <Field name="note" label={t("staff.offlineGifts.form.note")} error={errors.note}>
        <TextArea {...control("note")} defaultValue={values.note ?? ""} maxLength={NOTE_MAX} rows={2} className="mt-1" />
      </Field>
      {withDonor ? (
        <fieldset className="space-y-4 rounded border border-slate-300 p-4">
          <legend className="px-1 font-semibold text-slate-900">{t("staff.offlineGifts.form.donor")}</legend>
          <TextField
            name="email"
            label={t("staff.offlineGifts.form.email")}
            hint={t("staff.offlineGifts.form.emailHint")}
            type="email"
            defaultValue={values.email ?? ""}
            error={errors.email}
          />
          <TextField
            name="name"
            label={t("staff.offlineGifts.form.name")}
            hint={t("staff.offlineGifts.form.nameHint")}
            defaultValue={values.name ?? ""}
            maxLength={NAME_MAX}
            error={errors.name}
          />
          <Field name="address" label={t("staff.offlineGifts.form.address")} error={errors.address}>
            <TextArea {...control("address")} defaultValue={values.address ?? ""} maxLength={ADDRESS_MAX} rows={3} className="mt-1" />
          </Field>
        </fieldset>
      ) : null}
      <div>
        <label className="flex items-center gap-2 text-sm font-semibold text-slate-900">
          <input type="checkbox" {...control("sendReceipt")} defaultChecked={values.sendReceipt === "on"} />
          {receiptLabel}
        </label>
        <FieldError field="sendReceipt" message={errors.sendReceipt} />
      </div>
      <button
        type="submit"
        disabled={busy}
        className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {submitLabel}
      </button>
    </Form>
  );
}
