import { z } from "zod";

import { singleLineText } from "~/utils/text";

/**
 * What the sandbox's checkout and billing-portal pages read (on the server
 * only). Messages are catalogue keys (`sandboxCheckout.errors.*`), written in
 * the page's language by its action.
 */

export const CheckoutParamsSchema = z.object({ sessionId: z.string().regex(/^cs_test_[A-Za-z0-9]{8,64}$/) });

export const SandboxPaySchema = z.object({
  email: singleLineText().max(254).pipe(z.email("sandboxCheckout.errors.emailFormat")),
  name: singleLineText().min(1, "sandboxCheckout.errors.nameRequired").max(200, "sandboxCheckout.errors.nameTooLong"),
  cardNumber: z
    .string()
    .transform((value) => value.replace(/[\s-]/g, ""))
    .pipe(z.string().regex(/^\d{12,19}$/, "sandboxCheckout.errors.cardIncomplete")),
  expiry: z
    .string()
    .trim()
    .regex(/^(0[1-9]|1[0-2])\s*\/\s*\d{2}$/, "sandboxCheckout.errors.expiryFormat"),
  cvc: z
    .string()
    .trim()
    .regex(/^\d{3,4}$/, "sandboxCheckout.errors.cvcIncomplete"),
});
export type SandboxPayInput = z.infer<typeof SandboxPaySchema>;
/** The pay form's fields, in the order the page shows them. */
export const SANDBOX_PAY_FIELDS = ["email", "name", "cardNumber", "expiry", "cvc"] as const satisfies ReadonlyArray<keyof SandboxPayInput>;

/** Paying by bank debit instead (`method=bank`): a test account number or IBAN instead of a card. */
export const SandboxBankPaySchema = SandboxPaySchema.pick({ email: true, name: true }).extend({
  bankAccount: z.string().trim().min(1, "sandboxCheckout.errors.bankAccountRequired").max(40, "sandboxCheckout.errors.bankAccountTooLong"),
});
export const SANDBOX_BANK_PAY_FIELDS = ["email", "name", "bankAccount"] as const;

export const PortalParamsSchema = z.object({ sessionId: z.string().regex(/^bps_[A-Za-z0-9]{8,64}$/) });
export const PortalActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("cancel"), subscription: z.string().startsWith("sub_") }),
  z.object({
    intent: z.literal("card"),
    subscription: z.string().startsWith("sub_"),
    cardNumber: z
      .string()
      .transform((v) => v.replace(/[\s-]/g, ""))
      .pipe(z.string().regex(/^4242424242424242$/, "sandboxPortal.cardOnly")),
  }),
]);
