import { db } from "~/db.server";

/** The Stripe customer of a donor who has given before, by email. */
export async function stripeCustomerFor(email: string): Promise<string | null> {
  const donor = await db().donor.findUnique({ where: { email: email.trim().toLowerCase() }, select: { stripeCustomerId: true } });
  return donor?.stripeCustomerId ?? null;
}
