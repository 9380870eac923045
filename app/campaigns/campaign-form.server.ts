import type { TFunction } from "i18next";
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
import { staffLocale, staffTranslator } from "~/staff/staff-language.server";
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

const CurrencySchema = z.enum(CAMPAIGN_CURRENCIES);

/** The editor's words for its problems (staff.campaignErrors), in the language and locale of staff pages. */
interface Words {
  t: TFunction;
  locale: string;
}

function dateSchema({ t }: Words) {
  return z
    .string()
    .trim()
    .transform((value, ctx) => {
      if (value === "") return null;
      const date = parseUtcInput(value);
      if (!date || date.getUTCFullYear() < 2000 || date.getUTCFullYear() > 2100) {
        ctx.addIssue({ code: "custom", message: t("staff.campaignErrors.date") });
        return z.NEVER;
      }
      return date;
    });
}

function otherCurrency(currency: CampaignCurrency, { t, locale }: Words): string {
  return t("staff.campaignErrors.otherCurrency", { currency: currencyLabel(currency, locale) });
}

function tooLong(max: number, { t, locale }: Words): string {
  return t("staff.campaignErrors.tooLong", { max: max.toLocaleString(locale) });
}

function fieldSchemas(currency: CampaignCurrency, words: Words) {
  const { t, locale } = words;
  const { minAmount, maxAmount } = givingSettings(currency);
  const money = (amount: number) => formatMoney(amount, currency, locale);
  const min = money(minAmount);
  const max = money(Math.min(maxAmount, INT32_MAX));
  const singleLine = () => singleLineText(t("formErrors.singleLine"));
  const multiLine = () => multiLineText(t("formErrors.multiLine"));
  return {
    title: singleLine().min(1, t("staff.campaignErrors.titleRequired")).max(TITLE_MAX, tooLong(TITLE_MAX, words)),
    slug: singleLine()
      .max(SLUG_MAX, tooLong(SLUG_MAX, words))
      .refine((slug) => slug === "" || isCampaignSlug(slug), t("staff.campaignErrors.slug"))
      .transform((slug) => (slug === "" ? null : slug)),
    summary: multiLine().trim().min(1, t("staff.campaignErrors.summaryRequired")).max(SUMMARY_MAX, tooLong(SUMMARY_MAX, words)),
    // Leading spaces are Markdown (indented code), so the story is not trimmed.
    story: multiLine()
      .max(STORY_MAX, tooLong(STORY_MAX, words))
      .refine((story) => story.trim() !== "", t("staff.campaignErrors.storyRequired")),
    goal: z
      .string()
      .trim()
      .min(1, t("staff.campaignErrors.goalRequired"))
      .transform((goal, ctx) => {
        const read = readMoneyInput(goal, currency);
        if (!read.ok) {
          ctx.addIssue({
            code: "custom",
            message: read.reason === "other_currency" ? otherCurrency(currency, words) : t("staff.campaignErrors.goalFormat"),
          });
          return z.NEVER;
        }
        const amount = read.amount;
        if (amount < GOAL_MIN_MINOR || amount > GOAL_MAX_MINOR) {
          ctx.addIssue({
            code: "custom",
            message: t("staff.campaignErrors.goalRange", { min: money(GOAL_MIN_MINOR), max: money(GOAL_MAX_MINOR) }),
          });
          return z.NEVER;
        }
        return amount;
      }),
    currency: z
      .string()
      .trim()
      .pipe(z.enum(CAMPAIGN_CURRENCIES, { error: t("staff.campaignErrors.currency", { currencies: CAMPAIGN_CURRENCIES.join(", ") }) })),
    presetAmounts: z.string().transform((list, ctx) => {
      const parts = list
        .split(",")
        .map((part) => part.trim())
        .filter((part) => part !== "");
      if (parts.length === 0 || parts.length > PRESETS_MAX) {
        ctx.addIssue({ code: "custom", message: t("staff.campaignErrors.presetCount", { max: PRESETS_MAX }) });
        return z.NEVER;
      }
      const amounts: number[] = [];
      for (const part of parts) {
        const read = readMoneyInput(part, currency);
        if (!read.ok) {
          const message =
            read.reason === "other_currency" ? otherCurrency(currency, words) : t("staff.campaignErrors.presetFormat", { part });
          ctx.addIssue({ code: "custom", message });
          return z.NEVER;
        }
        const amount = read.amount;
        if (amount < minAmount || amount > Math.min(maxAmount, INT32_MAX)) {
          ctx.addIssue({ code: "custom", message: t("staff.campaignErrors.presetRange", { min, max, part }) });
          return z.NEVER;
        }
        if (amounts.includes(amount)) {
          ctx.addIssue({ code: "custom", message: t("staff.campaignErrors.presetTwice", { amount: money(amount) }) });
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
      .pipe(z.enum(MONTHLY_INVITATIONS, { error: t("staff.campaignErrors.monthlyInvitation") })),
    startsAt: dateSchema(words),
    endsAt: dateSchema(words),
    status: z.enum(CAMPAIGN_STATUSES, { error: t("staff.campaignErrors.status") }),
  } satisfies Record<CampaignField, z.ZodType>;
}

/**
 * Checks a posted campaign form. Every problem is reported against its own
 * field at once; amounts are read in the chosen currency (US dollars while
 * the currency itself is not valid, so the other fields still get checked).
 */
export function parseCampaignForm(form: FormData, words: Words = { t: staffTranslator(), locale: staffLocale() }): CampaignFormParse {
  const dates = dateSchema(words);
  const parsed = parseForm(form, {
    fields: CAMPAIGN_FIELDS,
    maxLength: VALUE_MAX,
    schema: (values) => z.object(fieldSchemas(CurrencySchema.safeParse(values.currency.trim()).data ?? "USD", words)),
    check: (values): CampaignFormErrors => {
      const startsAt = dates.safeParse(values.startsAt).data;
      const endsAt = dates.safeParse(values.endsAt).data;
      return startsAt && endsAt && endsAt.getTime() <= startsAt.getTime() ? { endsAt: words.t("staff.campaignErrors.endBeforeStart") } : {};
    },
  });
  if (!parsed.ok) return { ok: false, errors: parsed.errors, values: parsed.values, status: parsed.status };
  const { goal, ...rest } = parsed.data;
  return { ok: true, value: { ...rest, goalAmount: goal }, values: parsed.values };
}
