import { z } from "zod";

import { CORRECT_FIELDS, RECORD_FIELDS, VOID_FIELDS } from "~/offline-gifts/fields";
import type { NewOfflineGift, OfflineGiftFacts } from "~/offline-gifts/offline-gifts.data.server";
import {
  amountSchema,
  CheckboxSchema,
  CurrencySchema,
  MethodSchema,
  NoteSchema,
  OptionalAddressSchema,
  OptionalEmailSchema,
  OptionalNameSchema,
  receivedOnSchema,
  ReferenceSchema,
} from "~/offline-gifts/offline-gift-rules.server";
import { parseForm } from "~/utils/forms.server";
import { singleLineText } from "~/utils/text";

/** The posted offline gift forms, checked with the shared rules (offline-gift-rules). */

function factSchemas(currencyTyped: string, now: Date) {
  const currency = CurrencySchema.safeParse(currencyTyped).data ?? "USD";
  return {
    campaignId: z.uuid({ error: "Choose a campaign from the list." }),
    method: MethodSchema,
    receivedOn: receivedOnSchema(now),
    amount: amountSchema(currency),
    currency: CurrencySchema,
    reference: ReferenceSchema,
    note: NoteSchema,
    sendReceipt: CheckboxSchema,
  };
}

function toFacts(data: {
  campaignId: string;
  method: OfflineGiftFacts["method"];
  receivedOn: Date;
  amount: number;
  currency: string;
  reference: string | null;
  note: string | null;
}): OfflineGiftFacts {
  return {
    campaignId: data.campaignId.toLowerCase(),
    method: data.method,
    paidAt: data.receivedOn,
    amount: data.amount,
    currency: data.currency,
    reference: data.reference,
    note: data.note,
  };
}

/** The record form: the gift, and the donor (by email, new, or without an email). */
export function parseRecordForm(form: FormData, options: { donorId?: string | null; now?: Date } = {}) {
  const now = options.now ?? new Date();
  const parsed = parseForm(form, {
    fields: RECORD_FIELDS,
    schema: (values) =>
      z.object({
        ...factSchemas(values.currency, now),
        email: OptionalEmailSchema,
        name: OptionalNameSchema,
        address: OptionalAddressSchema,
      }),
    check: (values) => {
      if (options.donorId) return {};
      const noEmail = values.email.trim() === "";
      return {
        ...(noEmail && values.name.trim() === "" ? { name: "Enter the donor's name (or the email of a donor who gave before)." } : {}),
        ...(noEmail && CheckboxSchema.parse(values.sendReceipt)
          ? { sendReceipt: "A receipt goes by email: enter the donor's email, or untick it." }
          : {}),
      };
    },
  });
  if (!parsed.ok) return parsed;
  const { email, name, address, sendReceipt, ...facts } = parsed.data;
  const gift: NewOfflineGift = {
    ...toFacts(facts),
    sendReceipt,
    donor: options.donorId ? { donorId: options.donorId } : { email, name, address },
  };
  return { ...parsed, gift };
}

/** The correct form: the gift's facts. */
export function parseCorrectForm(form: FormData, now = new Date()) {
  const parsed = parseForm(form, { fields: CORRECT_FIELDS, schema: (values) => z.object(factSchemas(values.currency, now)) });
  if (!parsed.ok) return parsed;
  const { sendReceipt, ...facts } = parsed.data;
  return { ...parsed, correction: { ...toFacts(facts), sendReceipt } };
}

/** The void form: why, and whether to tell the donor. */
export function parseVoidForm(form: FormData) {
  return parseForm(form, {
    fields: VOID_FIELDS,
    schema: z.object({
      reason: singleLineText()
        .min(1, "Say why the gift is voided (a bounced cheque, entered twice).")
        .max(300, "Use at most 300 characters."),
      tellDonor: CheckboxSchema,
    }),
  });
}
