/**
 * The donation form's fields as named in the HTML, in the order the form
 * shows them (and its error summary lists them): the one list the form
 * component, the server's check and the refill after Stripe's "cancel" share.
 */
export const DONATION_FIELDS = [
  "frequency",
  "amount",
  "customAmount",
  "coverFee",
  "name",
  "email",
  "anonymous",
  "dedicationKind",
  "dedicationName",
  "comment",
  "pledgeId",
] as const;
export type DonationField = (typeof DONATION_FIELDS)[number];

/** What the donor typed or chose, field by field (a checkbox that is ticked reads "on"). */
export type DonationValues = Record<DonationField, string>;
export type DonationErrors = Partial<Record<DonationField | "form", string>>;

/** The honeypot: hidden from people, filled in by naive bots. */
export const HONEYPOT_FIELD = "website";

export const COMMENT_MAX = 500;
