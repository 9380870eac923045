import { z } from "zod";

import {
  COMMENT_MAX,
  DONATION_FIELDS,
  HONEYPOT_FIELD,
  type DonationErrors,
  type DonationField,
  type DonationValues,
} from "~/giving/donation-fields";
import type { GivingSettings } from "~/giving/settings.server";
import { parseForm, type FieldErrors } from "~/utils/forms.server";
import { currencyLabel, formatMoney, readMoneyInput } from "~/utils/money";
import { multiLineText, singleLineText } from "~/utils/text";

export interface DonationRequest {
  amount: number;
  frequency: "once" | "monthly" | "yearly";
  coverFee: boolean;
  name: string;
  email: string;
  anonymous: boolean;
  dedicationKind: "honour" | "memory" | null;
  dedicationName: string | null;
  comment: string | null;
  /** A pledge from an earlier attempt at the same gift (its Checkout failed). */
  retryPledgeId: string | null;
}

export type DonationParse =
  | { ok: true; value: DonationRequest; values: DonationValues }
  | { ok: false; errors: DonationErrors; values: DonationValues; bot: boolean; status: 400 | 422 };

const text = (max: number) => singleLineText().max(max);

const DonationSchema = z.object({
  amount: z.string().trim().min(1, "Choose an amount."),
  customAmount: z.string().trim(),
  frequency: z.enum(["once", "monthly", "yearly"], { error: "Choose once, monthly or yearly." }),
  coverFee: z.string(),
  name: text(200).min(1, "Enter your name, as it should appear on your receipt."),
  email: text(254).min(1, "Enter your email address, for your receipt.").pipe(z.email("Enter an email address like name@example.org.")),
  anonymous: z.string(),
  dedicationKind: z.enum(["", "honour", "memory"], { error: "Choose a kind of dedication." }),
  dedicationName: text(200),
  comment: multiLineText().trim().max(COMMENT_MAX, `Keep your comment to ${COMMENT_MAX} characters or fewer.`),
  pledgeId: z.union([z.literal(""), z.uuid()]).catch(""),
});

/** The amount chosen, in minor units: a preset (already minor units) or "other" with the amount typed. */
function chosenAmount(
  values: DonationValues,
  currency: string,
): { field: "amount" | "customAmount"; raw: string; amount: number | null; otherCurrency: boolean } {
  const choice = values.amount.trim();
  if (choice === "other") {
    const raw = values.customAmount.trim();
    const typed = readMoneyInput(raw, currency);
    return {
      field: "customAmount",
      raw,
      amount: typed.ok ? typed.amount : null,
      otherCurrency: !typed.ok && typed.reason === "other_currency",
    };
  }
  return { field: "amount", raw: choice, amount: /^\d{1,12}$/.test(choice) ? Number(choice) : null, otherCurrency: false };
}

/** The rules that look at several fields: the amount against the campaign's limits, a dedication's name. */
function crossFieldErrors(values: DonationValues, currency: string, settings: GivingSettings): FieldErrors<DonationField> {
  const errors: FieldErrors<DonationField> = {};
  const { field, raw, amount, otherCurrency } = chosenAmount(values, currency);
  if (field === "customAmount" && raw === "") {
    errors.customAmount = "Enter the amount you would like to give.";
  } else if (otherCurrency) {
    errors.customAmount = `This campaign takes gifts in ${currencyLabel(currency)} only: enter the amount without another currency's sign, like 50 or 50.00.`;
  } else if (raw !== "" && amount === null) {
    errors[field] = "Enter an amount like 50 or 50.00.";
  } else if (amount !== null && (amount < settings.minAmount || amount > settings.maxAmount)) {
    errors[field] = `Give between ${formatMoney(settings.minAmount, currency)} and ${formatMoney(settings.maxAmount, currency)}.`;
  }
  const dedicationKind = values.dedicationKind.trim();
  if ((dedicationKind === "honour" || dedicationKind === "memory") && values.dedicationName.trim() === "") {
    errors.dedicationName = `Enter the name of the person this gift is ${dedicationKind === "honour" ? "in honour" : "in memory"} of.`;
  }
  return errors;
}

/**
 * Validates a posted donation form against a campaign's currency and limits.
 * Every problem is reported against its own field, in words a donor can act on.
 */
export function parseDonationForm(
  form: FormData,
  campaign: { currency: string; presetAmounts: number[] },
  settings: GivingSettings,
): DonationParse {
  const parsed = parseForm(form, {
    fields: DONATION_FIELDS,
    schema: DonationSchema,
    check: (values) => crossFieldErrors(values, campaign.currency, settings),
  });
  const honeypot = form.get(HONEYPOT_FIELD);
  if (typeof honeypot === "string" && honeypot.trim() !== "") {
    return {
      ok: false,
      errors: { form: "We could not accept this form. Please try again." },
      values: parsed.values,
      bot: true,
      status: 400,
    };
  }
  const { amount } = chosenAmount(parsed.values, campaign.currency);
  if (!parsed.ok) return { ok: false, errors: parsed.errors, values: parsed.values, bot: false, status: parsed.status };
  if (amount === null) return { ok: false, errors: parsed.errors, values: parsed.values, bot: false, status: 422 };
  const input = parsed.data;
  return {
    ok: true,
    values: parsed.values,
    value: {
      amount,
      frequency: input.frequency,
      coverFee: input.coverFee === "on" || input.coverFee === "true",
      name: input.name,
      email: input.email.toLowerCase(),
      anonymous: input.anonymous === "on" || input.anonymous === "true",
      dedicationKind: input.dedicationKind === "" ? null : input.dedicationKind,
      dedicationName: input.dedicationKind === "" ? null : input.dedicationName,
      comment: input.comment === "" ? null : input.comment,
      retryPledgeId: input.pledgeId === "" ? null : input.pledgeId,
    },
  };
}
