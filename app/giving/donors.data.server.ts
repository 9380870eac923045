import { db } from "~/db/db.server";

/** The Stripe customer of a donor who has given before, by email. */
export async function stripeCustomerFor(email: string): Promise<string | null> {
  const donor = await db().donor.findUnique({ where: { email: email.trim().toLowerCase() }, select: { stripeCustomerId: true } });
  return donor?.stripeCustomerId ?? null;
}

/** A donor by id, with the Stripe customer their gifts were made as. */
export async function donorById(donorId: string): Promise<{ id: string; stripeCustomerId: string | null } | null> {
  return db().donor.findUnique({ where: { id: donorId }, select: { id: true, stripeCustomerId: true } });
}

/**
 * Stripe no longer has this customer (deleted in its dashboard, or an id of
 * the other mode): the donor keeps their gifts, and their next Checkout
 * starts from their email and makes a new customer when one is needed.
 */
export async function forgetStripeCustomer(stripeCustomerId: string): Promise<void> {
  await db().donor.updateMany({ where: { stripeCustomerId }, data: { stripeCustomerId: null } });
}
