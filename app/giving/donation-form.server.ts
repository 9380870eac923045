import type { TFunction } from "i18next";
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
import { translator } from "~/i18n/i18n";
import { parseForm, type FieldErrors } from "~/utils/forms.server";
import { currencyLabel, formatMoney, readMoneyInput } from "~/utils/money";
import { MULTI_LINE_MESSAGE, multiLineText, SINGLE_LINE_MESSAGE, singleLineText } from "~/utils/text";

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

/** The schema's messages are catalogue keys, written in the donor's language by translateErrors(). */
const DonationSchema = z.object({
  amount: z.string().trim().min(1, "formErrors.amountRequired"),
  customAmount: z.string().trim(),
  frequency: z.enum(["once", "monthly", "yearly"], { error: "formErrors.frequency" }),
  coverFee: z.string(),
  name: text(200).min(1, "formErrors.nameRequired"),
  email: text(254).min(1, "formErrors.emailRequired").pipe(z.email("formErrors.emailFormat")),
  anonymous: z.string(),
  dedicationKind: z.enum(["", "honour", "memory"], { error: "formErrors.dedicationKind" }),
  dedicationName: text(200),
  comment: multiLineText().trim().max(COMMENT_MAX, "formErrors.commentTooLong"),
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
function crossFieldErrors(values: DonationValues, currency: string, settings: GivingSettings, t: TFunction): FieldErrors<DonationField> {
  const errors: FieldErrors<DonationField> = {};
  const { field, raw, amount, otherCurrency } = chosenAmount(values, currency);
  if (field === "customAmount" && raw === "") {
    errors.customAmount = t("formErrors.customAmountRequired");
  } else if (otherCurrency) {
    errors.customAmount = t("formErrors.otherCurrency", { currency: currencyLabel(currency, t("language.locale")) });
  } else if (raw !== "" && amount === null) {
    errors[field] = t("formErrors.amountFormat");
  } else if (amount !== null && (amount < settings.minAmount || amount > settings.maxAmount)) {
    const locale = t("language.locale");
    errors[field] = t("formErrors.amountRange", {
      min: formatMoney(settings.minAmount, currency, locale),
      max: formatMoney(settings.maxAmount, currency, locale),
    });
  }
  const dedicationKind = values.dedicationKind.trim();
  if ((dedicationKind === "honour" || dedicationKind === "memory") && values.dedicationName.trim() === "") {
    errors.dedicationName = t(dedicationKind === "honour" ? "formErrors.dedicationNameHonour" : "formErrors.dedicationNameMemory");
  }
  return errors;
}

/** The shared text rule's messages, as catalogue keys. */
const TEXT_RULE_KEYS: Record<string, string> = {
  [SINGLE_LINE_MESSAGE]: "formErrors.singleLine",
  [MULTI_LINE_MESSAGE]: "formErrors.multiLine",
};

/** The schema's keys (and the text rule's sentences) in the donor's language; anything else as it is. */
function translateErrors(errors: DonationErrors, t: TFunction): DonationErrors {
  const translated: DonationErrors = {};
  for (const [field, message] of Object.entries(errors) as Array<[keyof DonationErrors, string]>) {
    const key = message.startsWith("formErrors.") ? message : TEXT_RULE_KEYS[message];
    translated[field] = key ? t(key, { max: COMMENT_MAX }) : message;
  }
  return translated;
}

/**
 * Validates a posted donation form against a campaign's currency and limits.
 * Every problem is reported against its own field, in words a donor can act
 * on, in the language of `t` (the page's).
 */
export function parseDonationForm(
  form: FormData,
  campaign: { currency: string; presetAmounts: number[] },
  settings: GivingSettings,
  t: TFunction = translator("en"),
): DonationParse {
  const parsed = parseForm(form, {
    fields: DONATION_FIELDS,
    schema: DonationSchema,
    check: (values) => crossFieldErrors(values, campaign.currency, settings, t),
  });
  parsed.errors = translateErrors(parsed.errors, t);
  const honeypot = form.get(HONEYPOT_FIELD);
  if (typeof honeypot === "string" && honeypot.trim() !== "") {
    return {
      ok: false,
      errors: { form: t("formErrors.bot") },
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
