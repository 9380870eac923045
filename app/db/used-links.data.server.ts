import { db } from "~/db/db.server";

/**
 * One-time links (signed tokens: a donor's manage link, a staff member's CSV
 * download) are used up by writing their nonce into UsedLink.
 */

/** Whether the link with this nonce has been used already. */
export async function isLinkUsed(nonce: string): Promise<boolean> {
  const used = await db().usedLink.findUnique({ where: { nonce } });
  return used !== null;
}

/**
 * Uses the link up. False when it was used already: the nonce is unique, so
 * of two requests at the same moment only one gets true.
 */
export async function claimLinkOnce(nonce: string): Promise<boolean> {
  const { count } = await db().usedLink.createMany({ data: [{ nonce }], skipDuplicates: true });
  return count > 0;
}
