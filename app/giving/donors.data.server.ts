import { db } from "~/db/db.server";

/** The Stripe customer of a donor who has given before, by email. */
export async function stripeCustomerFor(email: string): Promise<string | null> {
  const donor = await db().donor.findUnique({ where: { email: email.trim().toLowerCase() }, select: { stripeCustomerId: true } });
  return donor?.stripeCustomerId ?? null;
}

/**
 * Stripe no longer has this customer (deleted in its dashboard, or an id of
 * the other mode): the donor keeps their gifts, and their next Checkout
 * starts from their email and makes a new customer when one is needed.
 */
export async function forgetStripeCustomer(stripeCustomerId: string): Promise<void> {
  await db().donor.updateMany({ where: { stripeCustomerId }, data: { stripeCustomerId: null } });
}
