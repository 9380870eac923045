import { Form } from "@remix-run/react";
import { useState, type FormEvent } from "react";

import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { FieldError } from "~/components/ui/FieldError";
import { Alert } from "~/components/ui/Alert";
import { controlProps, LABEL_CLASS, TextField } from "~/components/ui/Field";
import { Input, Select, TextArea } from "~/components/ui/Input";
import { FREQUENCY_LABELS } from "~/donations/donation-labels";
import { HONEYPOT_FIELD, type DonationErrors, type DonationValues } from "~/giving/donation-fields";
import { coveredFeeFor, type FeePolicy } from "~/giving/fees";
import { liveTotalText, readGiftChoice } from "~/giving/live-total";
import { formatMoney, formatMoneyShort } from "~/utils/money";
import { useIsPending } from "~/utils/use-is-pending";

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
 * it works completely without JavaScript. With JavaScript, the fee and the
 * total update as the donor chooses.
 */
export function DonationForm(props: DonationFormProps) {
  const { currency, presetAmounts, fee, values, errors } = props;
  const busy = useIsPending();
  const defaultAmount = values.amount || String(presetAmounts[1] ?? presetAmounts[0] ?? "other");
  // Null until the donor changes something: the server's page shows no total.
  const [liveTotal, setLiveTotal] = useState<string | null>(null);

  function onChange(event: FormEvent<HTMLFormElement>) {
    setLiveTotal(liveTotalText(readGiftChoice(new FormData(event.currentTarget)), currency, fee));
  }

  const errorOf = (field: keyof DonationErrors) => (errors[field] ? `${field}-error` : undefined);

  return (
    <Form method="post" noValidate onChange={onChange} aria-labelledby="give-heading" className="space-y-5">
      {errors.form ? (
        <Alert tone="error" id="form-error" className="text-sm">
          {errors.form}
        </Alert>
      ) : (
        <ErrorSummary
          errors={errors}
          title={(count) => (count === 1 ? "There is a problem with your gift:" : "There are problems with your gift:")}
          // The amount is a group of radio buttons: its link goes to the group's message.
          targetOf={(field) => (field === "amount" ? "amount-error" : field)}
        />
      )}

      <fieldset aria-describedby={errorOf("frequency")}>
        <legend className="text-sm font-semibold text-slate-900">How often</legend>
        <div className="mt-2 grid grid-cols-3 gap-2">
          {(["once", "monthly", "yearly"] as const).map((frequency) => (
            <label
              key={frequency}
              className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-2 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
            >
              <input type="radio" name="frequency" value={frequency} defaultChecked={(values.frequency || "once") === frequency} />
              {FREQUENCY_LABELS[frequency]}
            </label>
          ))}
        </div>
        <FieldError field="frequency" message={errors.frequency} />
      </fieldset>

      <fieldset aria-describedby={errorOf("amount")}>
        <legend className="text-sm font-semibold text-slate-900">Amount ({currency})</legend>
        <div className="mt-2 grid grid-cols-2 gap-2">
          {presetAmounts.map((preset) => (
            <label
              key={preset}
              className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-2 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
            >
              <input type="radio" name="amount" value={String(preset)} defaultChecked={defaultAmount === String(preset)} />
              {formatMoneyShort(preset, currency)}
            </label>
          ))}
          <label className="col-span-2 flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-2 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
            <input type="radio" name="amount" value="other" defaultChecked={defaultAmount === "other"} />
            Other amount
          </label>
        </div>
        <FieldError field="amount" message={errors.amount} />
        <div className="mt-2">
          <label htmlFor="customAmount" className="text-sm text-slate-800">
            Other amount, between {formatMoney(props.minAmount, currency)} and {formatMoney(props.maxAmount, currency)}
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
            Cover the processing fee ({formatPercent(fee.percentBps)} + {formatMoney(fee.fixed, currency)}) so that all of my gift goes to
            the work.
            {presetAmounts.length > 0 ? (
              <span className="mt-1 block text-slate-700">
                {presetAmounts
                  .map((preset) => `${formatMoneyShort(preset, currency)} adds ${formatMoney(coveredFeeFor(preset, fee), currency)}`)
                  .join(" · ")}
              </span>
            ) : null}
          </span>
        </label>
        <p aria-live="polite" className="mt-2 text-sm font-semibold text-slate-900" data-testid="live-total">
          {liveTotal}
        </p>
      </div>

      <TextField label="Your name" name="name" autoComplete="name" defaultValue={values.name} error={errors.name} />
      <TextField
        label="Email, for your receipt"
        name="email"
        type="email"
        autoComplete="email"
        defaultValue={values.email}
        error={errors.email}
      />

      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="anonymous" defaultChecked={values.anonymous === "on"} className="mt-1" />
        <span>Give anonymously: your name is not shown publicly (we still send your receipt).</span>
      </label>

      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-slate-900">Dedication (optional)</legend>
        <label htmlFor="dedicationKind" className="sr-only">
          Kind of dedication
        </label>
        <Select {...controlProps("dedicationKind", { error: errors.dedicationKind })} defaultValue={values.dedicationKind ?? ""}>
          <option value="">No dedication</option>
          <option value="honour">In honour of</option>
          <option value="memory">In memory of</option>
        </Select>
        <FieldError field="dedicationKind" message={errors.dedicationKind} />
        <TextField label="Name of the person" name="dedicationName" defaultValue={values.dedicationName} error={errors.dedicationName} />
      </fieldset>

      <div>
        <label htmlFor="comment" className={LABEL_CLASS}>
          Public comment (optional)
        </label>
        <TextArea
          {...controlProps("comment", { error: errors.comment, describedBy: ["comment-hint"] })}
          rows={3}
          maxLength={props.commentMax}
          defaultValue={values.comment}
          className="mt-1"
        />
        <p id="comment-hint" className="text-xs text-slate-700">
          Shown with your gift on this page; at most {props.commentMax} characters.
        </p>
        <FieldError field="comment" message={errors.comment} />
      </div>

      {/* Honeypot: hidden from people and from assistive technology. */}
      <div aria-hidden="true" className="absolute left-[-10000px] h-px w-px overflow-hidden">
        <label htmlFor={HONEYPOT_FIELD}>Leave this field empty</label>
        <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      {values.pledgeId ? <input type="hidden" name="pledgeId" value={values.pledgeId} /> : null}

      <button
        type="submit"
        disabled={busy}
        className="w-full rounded-md bg-accent-600 px-4 py-3 text-lg font-bold text-white shadow hover:bg-accent-700 disabled:opacity-70"
      >
        {busy ? "Opening secure checkout…" : "Give now"}
      </button>
      <p className="text-xs text-slate-700">You will pay on Stripe&apos;s secure page; your card details never reach our server.</p>
    </Form>
  );
}

function formatPercent(bps: number): string {
  return `${Math.floor(bps / 100)}${
    bps % 100
      ? `.${String(bps % 100)
          .padStart(2, "0")
          .replace(/0$/, "")}`
      : ""
  }%`;
}
