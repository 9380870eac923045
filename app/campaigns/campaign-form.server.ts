import { z } from "zod";

import {
  CAMPAIGN_CURRENCIES,
  CAMPAIGN_FIELDS,
  CAMPAIGN_STATUSES,
  MONTHLY_INVITATIONS,
  PRESETS_MAX,
  STORY_MAX,
  SUMMARY_MAX,
  TITLE_MAX,
  type CampaignCurrency,
  type CampaignField,
  type CampaignFormErrors,
  type CampaignFormValues,
  type CampaignStatusValue,
} from "~/campaigns/fields";
import { isCampaignSlug, SLUG_MAX } from "~/campaigns/slug";
import type { Campaign } from "~/generated/prisma/client";
import { givingSettings } from "~/giving/settings.server";
import { parseUtcInput, toUtcInputValue } from "~/utils/datetime";
import { parseForm, readFormValues } from "~/utils/forms.server";
import { currencyLabel, formatMoney, readMoneyInput, toDecimalString } from "~/utils/money";
import { multiLineText, singleLineText } from "~/utils/text";

/** A campaign as staff entered it, checked and in the units the database keeps. */
export interface CampaignInput {
  title: string;
  /** Null: suggest one from the title. */
  slug: string | null;
  summary: string;
  story: string;
  goalAmount: number;
  currency: CampaignCurrency;
  presetAmounts: number[];
  monthlyInvitation: (typeof MONTHLY_INVITATIONS)[number];
  startsAt: Date | null;
  endsAt: Date | null;
  status: CampaignStatusValue;
}

export type CampaignFormParse =
  | { ok: true; value: CampaignInput; values: CampaignFormValues }
  | { ok: false; errors: CampaignFormErrors; values: CampaignFormValues; status: 400 | 422 };

/** Goals are stored as 32-bit integers of minor units: 20,000,000.00 fits with room to spare. */
export const GOAL_MAX_MINOR = 2_000_000_000;
const GOAL_MIN_MINOR = 100;
const INT32_MAX = 2_147_483_647;

/** Longest value kept of a posted field: the story, with room to say it is too long. */
const VALUE_MAX = STORY_MAX + 1_000;

/** The posted fields as typed (kept to fill the form in again). */
export function campaignFormValues(form: FormData): CampaignFormValues {
  return readFormValues(form, CAMPAIGN_FIELDS, VALUE_MAX);
}

/** A stored campaign as the editor shows it. */
export function campaignToFormValues(campaign: Campaign): CampaignFormValues {
  return {
    title: campaign.title,
    slug: campaign.slug,
    summary: campaign.summary,
    story: campaign.story,
    goal: toDecimalString(campaign.goalAmount, campaign.currency),
    currency: campaign.currency,
    presetAmounts: campaign.presetAmounts.map((amount) => toDecimalString(amount, campaign.currency)).join(", "),
    monthlyInvitation: campaign.monthlyInvitation,
    startsAt: toUtcInputValue(campaign.startsAt),
    endsAt: toUtcInputValue(campaign.endsAt),
    status: campaign.status,
  };
}

const CurrencySchema = z.enum(CAMPAIGN_CURRENCIES, { error: `Choose one of ${CAMPAIGN_CURRENCIES.join(", ")}.` });

const DateSchema = z
  .string()
  .trim()
  .transform((value, ctx) => {
    if (value === "") return null;
    const date = parseUtcInput(value);
    if (!date || date.getUTCFullYear() < 2000 || date.getUTCFullYear() > 2100) {
      ctx.addIssue({ code: "custom", message: "Enter a date and time like 2027-03-01 09:00 (UTC), or leave it blank." });
      return z.NEVER;
    }
    return date;
  });

function otherCurrency(currency: CampaignCurrency): string {
  return `The campaign's currency is ${currencyLabel(currency)}: write amounts without another currency's sign or code.`;
}

function required(what: string, max: number, text: z.ZodString) {
  return text.min(1, `Enter ${what}.`).max(max, `Use at most ${max.toLocaleString("en-US")} characters.`);
}

function fieldSchemas(currency: CampaignCurrency) {
  const { minAmount, maxAmount } = givingSettings(currency);
  const min = formatMoney(minAmount, currency);
  const max = formatMoney(Math.min(maxAmount, INT32_MAX), currency);
  return {
    title: required("a title", TITLE_MAX, singleLineText()),
    slug: singleLineText()
      .max(SLUG_MAX, `Use at most ${SLUG_MAX} characters.`)
      .refine(
        (slug) => slug === "" || isCampaignSlug(slug),
        "Use lowercase letters a–z, digits and single hyphens between words, like safe-housing-2027.",
      )
      .transform((slug) => (slug === "" ? null : slug)),
    summary: required("a summary", SUMMARY_MAX, multiLineText().trim()),
    // Leading spaces are Markdown (indented code), so the story is not trimmed.
    story: multiLineText()
      .max(STORY_MAX, `Use at most ${STORY_MAX.toLocaleString("en-US")} characters.`)
      .refine((story) => story.trim() !== "", "Write the campaign's story."),
    goal: z
      .string()
      .trim()
      .min(1, "Enter the goal, like 50000.00.")
      .transform((goal, ctx) => {
        const read = readMoneyInput(goal, currency);
        if (!read.ok) {
          ctx.addIssue({
            code: "custom",
            message: read.reason === "other_currency" ? otherCurrency(currency) : "Enter the goal as an amount like 50000 or 50000.00.",
          });
          return z.NEVER;
        }
        const amount = read.amount;
        if (amount < GOAL_MIN_MINOR || amount > GOAL_MAX_MINOR) {
          ctx.addIssue({
            code: "custom",
            message: `Set a goal between ${formatMoney(GOAL_MIN_MINOR, currency)} and ${formatMoney(GOAL_MAX_MINOR, currency)}.`,
          });
          return z.NEVER;
        }
        return amount;
      }),
    currency: z.string().trim().pipe(CurrencySchema),
    presetAmounts: z.string().transform((list, ctx) => {
      const parts = list
        .split(",")
        .map((part) => part.trim())
        .filter((part) => part !== "");
      if (parts.length === 0 || parts.length > PRESETS_MAX) {
        ctx.addIssue({ code: "custom", message: `Enter 1 to ${PRESETS_MAX} amounts separated by commas, like 25, 50, 100.` });
        return z.NEVER;
      }
      const amounts: number[] = [];
      for (const part of parts) {
        const read = readMoneyInput(part, currency);
        if (!read.ok) {
          const message =
            read.reason === "other_currency"
              ? otherCurrency(currency)
              : `“${part}” is not an amount. Write amounts like 25 or 25.50, without thousands separators.`;
          ctx.addIssue({ code: "custom", message });
          return z.NEVER;
        }
        const amount = read.amount;
        if (amount < minAmount || amount > Math.min(maxAmount, INT32_MAX)) {
          ctx.addIssue({ code: "custom", message: `Each amount must be between ${min} and ${max}; “${part}” is not.` });
          return z.NEVER;
        }
        if (amounts.includes(amount)) {
          ctx.addIssue({ code: "custom", message: `${formatMoney(amount, currency)} is listed twice.` });
          return z.NEVER;
        }
        amounts.push(amount);
      }
      return amounts;
    }),
    // Left out of a post (a form from before the setting existed): off.
    monthlyInvitation: z
      .string()
      .trim()
      .transform((value) => value || "off")
      .pipe(z.enum(MONTHLY_INVITATIONS, { error: "Choose whether to invite one-time donors to give monthly." })),
    startsAt: DateSchema,
    endsAt: DateSchema,
    status: z.enum(CAMPAIGN_STATUSES, { error: "Choose draft, published or archived." }),
  } satisfies Record<CampaignField, z.ZodType>;
}

/**
 * Checks a posted campaign form. Every problem is reported against its own
 * field at once; amounts are read in the chosen currency (US dollars while
 * the currency itself is not valid, so the other fields still get checked).
 */
export function parseCampaignForm(form: FormData): CampaignFormParse {
  const parsed = parseForm(form, {
    fields: CAMPAIGN_FIELDS,
    maxLength: VALUE_MAX,
    schema: (values) => z.object(fieldSchemas(CurrencySchema.safeParse(values.currency.trim()).data ?? "USD")),
    check: (values): CampaignFormErrors => {
      const startsAt = DateSchema.safeParse(values.startsAt).data;
      const endsAt = DateSchema.safeParse(values.endsAt).data;
      return startsAt && endsAt && endsAt.getTime() <= startsAt.getTime() ? { endsAt: "The end must come after the start." } : {};
    },
  });
  if (!parsed.ok) return { ok: false, errors: parsed.errors, values: parsed.values, status: parsed.status };
  const { goal, ...rest } = parsed.data;
  return { ok: true, value: { ...rest, goalAmount: goal }, values: parsed.values };
}
