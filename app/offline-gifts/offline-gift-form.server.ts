import type { TFunction } from "i18next";
import { z } from "zod";

import { CORRECT_FIELDS, RECORD_FIELDS, VOID_FIELDS } from "~/offline-gifts/fields";
import type { NewOfflineGift, OfflineGiftFacts } from "~/offline-gifts/offline-gifts.data.server";
import { CheckboxSchema, offlineGiftRules, type OfflineGiftRules } from "~/offline-gifts/offline-gift-rules.server";
import { parseForm } from "~/utils/forms.server";
import { singleLineText } from "~/utils/text";

/**
 * The posted offline gift forms, checked with the shared rules
 * (offline-gift-rules), their messages in the language of `t`.
 */

function factSchemas(rules: OfflineGiftRules, t: TFunction, currencyTyped: string, now: Date) {
  const currency = rules.currency.safeParse(currencyTyped).data ?? "USD";
  return {
    campaignId: z.uuid({ error: t("staff.offlineGifts.errors.campaign") }),
    method: rules.method,
    receivedOn: rules.receivedOn(now),
    amount: rules.amount(currency),
    currency: rules.currency,
    reference: rules.reference,
    note: rules.note,
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
export function parseRecordForm(form: FormData, t: TFunction, options: { donorId?: string | null; now?: Date } = {}) {
  const now = options.now ?? new Date();
  const rules = offlineGiftRules(t);
  const parsed = parseForm(form, {
    fields: RECORD_FIELDS,
    schema: (values) =>
      z.object({
        ...factSchemas(rules, t, values.currency, now),
        email: rules.optionalEmail,
        name: rules.optionalName,
        address: rules.optionalAddress,
      }),
    check: (values) => {
      if (options.donorId) return {};
      const noEmail = values.email.trim() === "";
      return {
        ...(noEmail && values.name.trim() === "" ? { name: t("staff.offlineGifts.errors.nameOrEmail") } : {}),
        ...(noEmail && CheckboxSchema.parse(values.sendReceipt) ? { sendReceipt: t("staff.offlineGifts.errors.receiptNeedsEmail") } : {}),
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
export function parseCorrectForm(form: FormData, t: TFunction, now = new Date()) {
  const rules = offlineGiftRules(t);
  const parsed = parseForm(form, {
    fields: CORRECT_FIELDS,
    schema: (values) => z.object(factSchemas(rules, t, values.currency, now)),
  });
  if (!parsed.ok) return parsed;
  const { sendReceipt, ...facts } = parsed.data;
  return { ...parsed, correction: { ...toFacts(facts), sendReceipt } };
}

/** The void form: why, and whether to tell the donor. */
export function parseVoidForm(form: FormData, t: TFunction) {
  return parseForm(form, {
    fields: VOID_FIELDS,
    schema: z.object({
      reason: singleLineText(t("formErrors.singleLine"))
        .min(1, t("staff.offlineGifts.errors.voidReason"))
        .max(300, t("staff.offlineGifts.errors.tooLong", { max: 300 })),
      tellDonor: CheckboxSchema,
    }),
  });
}
