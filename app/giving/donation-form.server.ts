import { z } from "zod";

import type { GivingSettings } from "~/giving/settings.server";
import { currencyLabel, formatMoney, readMoneyInput } from "~/utils/money";
import { invalidFormStatus, multiLineText, singleLineText } from "~/utils/text";

/** The donation form's fields, as named in the HTML. */
export const FIELDS = [
  "amount",
  "customAmount",
  "frequency",
  "coverFee",
  "name",
  "email",
  "anonymous",
  "dedicationKind",
  "dedicationName",
  "comment",
  "pledgeId",
] as const;
export type DonationField = (typeof FIELDS)[number];

/** The honeypot: hidden from people, filled in by naive bots. */
export const HONEYPOT_FIELD = "website";

export const COMMENT_MAX = 500;

export interface DonationRequest {
  amount: number;
  frequency: "once" | "monthly";
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

export type FieldErrors = Partial<Record<DonationField | "form", string>>;

export type DonationParse =
  | { ok: true; value: DonationRequest; values: Record<DonationField, string> }
  | { ok: false; errors: FieldErrors; values: Record<DonationField, string>; bot: boolean; status: 400 | 422 };

const text = (max: number) => singleLineText().max(max);

/** Reads the posted form into the donor's raw values (kept to refill the form). */
export function formValues(form: FormData): Record<DonationField, string> {
  const values = {} as Record<DonationField, string>;
  for (const field of FIELDS) {
    const value = form.get(field);
    values[field] = typeof value === "string" ? value.slice(0, 2_000) : "";
  }
  return values;
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
  const values = formValues(form);
  const honeypot = form.get(HONEYPOT_FIELD);
  if (typeof honeypot === "string" && honeypot.trim() !== "") {
    return { ok: false, errors: { form: "We could not accept this form. Please try again." }, values, bot: true, status: 400 };
  }

  const { currency } = campaign;
  const min = formatMoney(settings.minAmount, currency);
  const max = formatMoney(settings.maxAmount, currency);

  const schema = z.object({
    amount: z.string().trim().min(1, "Choose an amount."),
    customAmount: z.string().trim(),
    frequency: z.enum(["once", "monthly"], { error: "Choose once or monthly." }),
    coverFee: z.string(),
    name: text(200).min(1, "Enter your name, as it should appear on your receipt."),
    email: text(254)
      .min(1, "Enter your email address, for your receipt.")
      .pipe(z.email("Enter an email address like name@example.org.")),
    anonymous: z.string(),
    dedicationKind: z.enum(["", "honour", "memory"], { error: "Choose a kind of dedication." }),
    dedicationName: text(200),
    comment: multiLineText().trim().max(COMMENT_MAX, `Keep your comment to ${COMMENT_MAX} characters or fewer.`),
    pledgeId: z.union([z.literal(""), z.uuid()]).catch(""),
  });

  // Rules that look at several fields run whatever else is wrong, so the
  // donor sees every problem at once.
  const errors: FieldErrors = {};
  const choice = values.amount.trim();
  const raw = choice === "other" ? values.customAmount.trim() : choice;
  const amountField = choice === "other" ? "customAmount" : "amount";
  const typed = choice === "other" ? readMoneyInput(raw, currency) : null;
  const amount = typed ? (typed.ok ? typed.amount : null) : /^\d{1,12}$/.test(raw) ? Number(raw) : null;
  if (choice === "other" && raw === "") {
    errors.customAmount = "Enter the amount you would like to give.";
  } else if (typed && !typed.ok && typed.reason === "other_currency") {
    errors.customAmount = `This campaign takes gifts in ${currencyLabel(currency)} only: enter the amount without another currency's sign, like 50 or 50.00.`;
  } else if (choice !== "" && amount === null) {
    errors[amountField] = "Enter an amount like 50 or 50.00.";
  } else if (amount !== null && (amount < settings.minAmount || amount > settings.maxAmount)) {
    errors[amountField] = `Give between ${min} and ${max}.`;
  }
  const dedicationKind = values.dedicationKind.trim();
  if ((dedicationKind === "honour" || dedicationKind === "memory") && values.dedicationName.trim() === "") {
    errors.dedicationName = `Enter the name of the person this gift is ${dedicationKind === "honour" ? "in honour" : "in memory"} of.`;
  }

  const result = schema.safeParse(values);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = (issue.path[0] as DonationField | undefined) ?? "form";
      errors[field] ??= issue.message;
    }
  }
  if (!result.success || Object.keys(errors).length > 0 || amount === null) {
    return { ok: false, errors, values, bot: false, status: result.success ? 422 : invalidFormStatus(result.error.issues) };
  }
  const input = result.data;
  return {
    ok: true,
    values,
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
