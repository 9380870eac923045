/**
 * The campaign editor's fields, shared by the form component (browser) and
 * the rules that check it (server).
 */

/**
 * Currencies a campaign may take gifts in. Each has two decimal places (the
 * donation form's amounts, GIFT_MIN/GIFT_MAX and FEE_FIXED are read as major
 * units with cents) and is one Stripe Checkout charges in directly.
 */
export const CAMPAIGN_CURRENCIES = ["USD", "CAD", "EUR", "GBP"] as const;
export type CampaignCurrency = (typeof CAMPAIGN_CURRENCIES)[number];

export const CAMPAIGN_STATUSES = ["draft", "published", "archived"] as const;
export type CampaignStatusValue = (typeof CAMPAIGN_STATUSES)[number];

export const TITLE_MAX = 120;
export const SUMMARY_MAX = 300;
export const STORY_MAX = 50_000;
export const PRESETS_MAX = 6;

/** In the order the form shows them (and its error summary lists them). */
export const CAMPAIGN_FIELDS = [
  "title",
  "slug",
  "summary",
  "goal",
  "currency",
  "presetAmounts",
  "monthlyInvitation",
  "startsAt",
  "endsAt",
  "status",
  "story",
] as const;
export type CampaignField = (typeof CAMPAIGN_FIELDS)[number];

export type CampaignFormValues = Record<CampaignField, string>;
export type CampaignFormErrors = Partial<Record<CampaignField | "form", string>>;

export const EMPTY_CAMPAIGN_VALUES: CampaignFormValues = {
  title: "",
  slug: "",
  summary: "",
  story: "",
  goal: "",
  currency: "USD",
  presetAmounts: "",
  monthlyInvitation: "off",
  startsAt: "",
  endsAt: "",
  status: "draft",
};

/** The invitation to give monthly, before Checkout: off, or a suggestion of a third of the one-time amount. */
export const MONTHLY_INVITATIONS = ["off", "third"] as const;
