import type { TFunction } from "i18next";
import { z } from "zod";

import { offlineGiftRules } from "~/offline-gifts/offline-gift-rules.server";
import { NAME_MAX } from "~/offline-gifts/fields";
import { parseForm } from "~/utils/forms.server";
import { singleLineText } from "~/utils/text";

/** The donor page's forms: contact details, merge, erase; their messages in the language of `t`. */
export const DONOR_EDIT_FIELDS = ["name", "email", "address"] as const;
export const MERGE_FIELDS = ["otherEmail"] as const;
export const ERASE_FIELDS = ["confirm"] as const;

const line = (t: TFunction) => singleLineText(t("formErrors.singleLine"));

export function parseDonorEdit(form: FormData, t: TFunction) {
  const rules = offlineGiftRules(t);
  return parseForm(form, {
    fields: DONOR_EDIT_FIELDS,
    schema: z.object({
      name: line(t)
        .min(1, t("staff.donors.errors.nameRequired"))
        .max(NAME_MAX, t("staff.donors.errors.tooLong", { max: NAME_MAX })),
      email: rules.optionalEmail,
      address: rules.optionalAddress,
    }),
  });
}

export function parseMerge(form: FormData, t: TFunction) {
  return parseForm(form, {
    fields: MERGE_FIELDS,
    schema: z.object({
      otherEmail: line(t)
        .transform((value) => value.toLowerCase())
        .pipe(z.email(t("staff.donors.errors.otherEmail"))),
    }),
  });
}

export function parseErase(form: FormData, t: TFunction) {
  return parseForm(form, {
    fields: ERASE_FIELDS,
    schema: z.object({ confirm: line(t).refine((value) => value === "ERASE", t("staff.donors.errors.eraseConfirm")) }),
  });
}
