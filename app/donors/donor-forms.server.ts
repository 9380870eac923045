import { z } from "zod";

import { OptionalAddressSchema, OptionalEmailSchema } from "~/offline-gifts/offline-gift-rules.server";
import { NAME_MAX } from "~/offline-gifts/fields";
import { parseForm } from "~/utils/forms.server";
import { singleLineText } from "~/utils/text";

/** The donor page's forms: contact details, merge, erase. */
export const DONOR_EDIT_FIELDS = ["name", "email", "address"] as const;
export const MERGE_FIELDS = ["otherEmail"] as const;
export const ERASE_FIELDS = ["confirm"] as const;

export function parseDonorEdit(form: FormData) {
  return parseForm(form, {
    fields: DONOR_EDIT_FIELDS,
    schema: z.object({
      name: singleLineText().min(1, "Enter the donor's name.").max(NAME_MAX, `Use at most ${NAME_MAX} characters.`),
      email: OptionalEmailSchema,
      address: OptionalAddressSchema,
    }),
  });
}

export function parseMerge(form: FormData) {
  return parseForm(form, {
    fields: MERGE_FIELDS,
    schema: z.object({
      otherEmail: singleLineText()
        .transform((value) => value.toLowerCase())
        .pipe(z.email("Enter the email of the other donor record.")),
    }),
  });
}

export function parseErase(form: FormData) {
  return parseForm(form, {
    fields: ERASE_FIELDS,
    schema: z.object({ confirm: singleLineText().refine((value) => value === "ERASE", "Type ERASE to confirm.") }),
  });
}
