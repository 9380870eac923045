/**
 * The offline gift form's fields and choices, shared by the form (browser)
 * and the rules that check it (server).
 */
export const OFFLINE_METHODS = ["cheque", "cash", "bank_transfer", "other"] as const;
export type OfflineMethodValue = (typeof OFFLINE_METHODS)[number];

/** Recording a gift: the gift, then who gave it (an existing donor by email, a new one, or one without an email). */
export const RECORD_FIELDS = [
  "campaignId",
  "method",
  "receivedOn",
  "amount",
  "currency",
  "reference",
  "note",
  "email",
  "name",
  "address",
  "sendReceipt",
] as const;
export type RecordField = (typeof RECORD_FIELDS)[number];

/** Correcting a gift: the gift's own facts (the donor is changed on the donor's page). */
export const CORRECT_FIELDS = ["campaignId", "method", "receivedOn", "amount", "currency", "reference", "note", "sendReceipt"] as const;
export type CorrectField = (typeof CORRECT_FIELDS)[number];

export const VOID_FIELDS = ["reason", "tellDonor"] as const;
export type VoidField = (typeof VOID_FIELDS)[number];

export const REFERENCE_MAX = 100;
export const NOTE_MAX = 1_000;
export const NAME_MAX = 200;
export const ADDRESS_MAX = 500;
