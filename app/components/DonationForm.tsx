import { Form, useNavigation } from "@remix-run/react";
import { useState, type FormEvent } from "react";

import { FieldError } from "~/components/FieldError";
import { coveredFeeFor, type FeePolicy } from "~/giving/fees";
import { formatMoney, formatMoneyShort, parseMoneyInput } from "~/utils/money";

type Field =
  | "amount"
  | "customAmount"
  | "frequency"
  | "coverFee"
  | "name"
  | "email"
  | "anonymous"
  | "dedicationKind"
  | "dedicationName"
  | "comment"
  | "pledgeId";

export interface DonationFormProps {
  currency: string;
  presetAmounts: number[];
  fee: FeePolicy;
  minAmount: number;
  maxAmount: number;
  commentMax: number;
  values: Partial<Record<Field, string>>;
  errors: Partial<Record<Field | "form", string>>;
}

/**
 * The donation form. A plain HTML form posted to the campaign route's action:
 * it works completely without JavaScript. With JavaScript, the fee and the
 * total update as the donor chooses.
 */
export function DonationForm(props: DonationFormProps) {
  const { currency, presetAmounts, fee, values, errors } = props;
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formMethod === "POST";
  const defaultAmount = values.amount || String(presetAmounts[1] ?? presetAmounts[0] ?? "other");
  const [live, setLive] = useState<{ amount: number | null; coverFee: boolean; monthly: boolean } | null>(null);

  function onChange(event: FormEvent<HTMLFormElement>) {
    const data = new FormData(event.currentTarget);
    const choice = String(data.get("amount") ?? "");
    const amount = choice === "other" ? parseMoneyInput(String(data.get("customAmount") ?? ""), currency) : Number(choice) || null;
    setLive({ amount, coverFee: data.get("coverFee") === "on", monthly: data.get("frequency") === "monthly" });
  }

  const describedBy = (field: Field, ...more: string[]) =>
    [errors[field] ? `${field}-error` : null, ...more].filter(Boolean).join(" ") || undefined;

  const liveFee = live?.amount ? coveredFeeFor(live.amount, fee) : null;

  return (
    <Form method="post" noValidate onChange={onChange} aria-labelledby="give-heading" className="space-y-5">
      {!errors.form && Object.keys(errors).length > 0 ? (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          <p className="font-semibold">
            {Object.keys(errors).length === 1 ? "There is a problem with your gift:" : "There are problems with your gift:"}
          </p>
          <ul className="mt-1 list-disc pl-5">
            {Object.entries(errors).map(([field, message]) => (
              <li key={field}>
                <a href={`#${field === "amount" ? "amount-error" : field}`} className="underline">
                  {message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {errors.form ? (
        <div role="alert" id="form-error" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {errors.form}
        </div>
      ) : null}

      <fieldset aria-describedby={describedBy("frequency")}>
        <legend className="text-sm font-semibold text-slate-900">How often</legend>
        <div className="mt-2 grid grid-cols-2 gap-2">
          {(["once", "monthly"] as const).map((frequency) => (
            <label key={frequency} className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-2 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
              <input type="radio" name="frequency" value={frequency} defaultChecked={(values.frequency || "once") === frequency} />
              {frequency === "once" ? "Once" : "Monthly"}
            </label>
          ))}
        </div>
        <FieldError field="frequency" message={errors.frequency} />
      </fieldset>

      <fieldset aria-describedby={describedBy("amount")}>
        <legend className="text-sm font-semibold text-slate-900">Amount ({currency})</legend>
        <div className="mt-2 grid grid-cols-2 gap-2">
          {presetAmounts.map((preset) => (
            <label key={preset} className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-2 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
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
          <input
            id="customAmount"
            name="customAmount"
            inputMode="decimal"
            autoComplete="transaction-amount"
            defaultValue={values.customAmount}
            aria-invalid={errors.customAmount ? true : undefined}
            aria-describedby={describedBy("customAmount")}
            className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2"
          />
          <FieldError field="customAmount" message={errors.customAmount} />
        </div>
      </fieldset>

      <div>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="coverFee" defaultChecked={values.coverFee === "on"} className="mt-1" />
          <span>
            Cover the processing fee ({formatPercent(fee.percentBps)} + {formatMoney(fee.fixed, currency)}) so that all of my gift goes to the work.
            {presetAmounts.length > 0 ? (
              <span className="mt-1 block text-slate-700">
                {presetAmounts.map((preset) => `${formatMoneyShort(preset, currency)} adds ${formatMoney(coveredFeeFor(preset, fee), currency)}`).join(" · ")}
              </span>
            ) : null}
          </span>
        </label>
        <p aria-live="polite" className="mt-2 text-sm font-semibold text-slate-900" data-testid="live-total">
          {live && live.amount
            ? `Total ${formatMoney(live.amount + (live.coverFee && liveFee ? liveFee : 0), currency)}${live.monthly ? " each month" : ""}${
                live.coverFee && liveFee ? ` (includes ${formatMoney(liveFee, currency)} for fees)` : ""
              }`
            : null}
        </p>
      </div>

      <TextField label="Your name" name="name" autoComplete="name" values={values} errors={errors} />
      <TextField label="Email, for your receipt" name="email" type="email" autoComplete="email" values={values} errors={errors} />

      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="anonymous" defaultChecked={values.anonymous === "on"} className="mt-1" />
        <span>Give anonymously: your name is not shown publicly (we still send your receipt).</span>
      </label>

      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-slate-900">Dedication (optional)</legend>
        <label htmlFor="dedicationKind" className="sr-only">
          Kind of dedication
        </label>
        <select
          id="dedicationKind"
          name="dedicationKind"
          defaultValue={values.dedicationKind ?? ""}
          aria-describedby={describedBy("dedicationKind")}
          className="block w-full rounded-md border border-slate-400 px-3 py-2"
        >
          <option value="">No dedication</option>
          <option value="honour">In honour of</option>
          <option value="memory">In memory of</option>
        </select>
        <FieldError field="dedicationKind" message={errors.dedicationKind} />
        <TextField label="Name of the person" name="dedicationName" values={values} errors={errors} />
      </fieldset>

      <div>
        <label htmlFor="comment" className="block text-sm font-semibold text-slate-900">
          Public comment (optional)
        </label>
        <textarea
          id="comment"
          name="comment"
          rows={3}
          maxLength={props.commentMax}
          defaultValue={values.comment}
          aria-invalid={errors.comment ? true : undefined}
          aria-describedby={describedBy("comment", "comment-hint")}
          className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2"
        />
        <p id="comment-hint" className="text-xs text-slate-700">
          Shown with your gift on this page; at most {props.commentMax} characters.
        </p>
        <FieldError field="comment" message={errors.comment} />
      </div>

      {/* Honeypot: hidden from people and from assistive technology. */}
      <div aria-hidden="true" className="absolute left-[-10000px] h-px w-px overflow-hidden">
        <label htmlFor="website">Leave this field empty</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
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
  return `${Math.floor(bps / 100)}${bps % 100 ? `.${String(bps % 100).padStart(2, "0").replace(/0$/, "")}` : ""}%`;
}

function TextField({
  label,
  name,
  type = "text",
  autoComplete,
  values,
  errors,
}: {
  label: string;
  name: Field;
  type?: string;
  autoComplete?: string;
  values: Partial<Record<Field, string>>;
  errors: Partial<Record<Field | "form", string>>;
}) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-semibold text-slate-900">
        {label}
      </label>
      <input
        id={name}
        name={name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={values[name]}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `${name}-error` : undefined}
        className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2"
      />
      <FieldError field={name} message={errors[name]} />
    </div>
  );
}
