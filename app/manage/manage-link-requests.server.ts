import crypto from "node:crypto";

import { inTransaction } from "~/db/transaction.data.server";
import { publicUrl, siteLanguage } from "~/i18n/language.server";
import { manageLinkEmail } from "~/email/templates/manage-link.server";
import { claimManageLinkRequests, givingDonorsByEmail, recordManageLinkRequest } from "~/manage/manage-link-requests.data.server";
import { MANAGE_LINK_PURPOSE, MANAGE_LINK_TTL_MS } from "~/manage/manage.server";
import { getOrganisation } from "~/organisation/organisation.data.server";
import { queueEmail } from "~/email/outbox.data.server";
import { hitRateLimit, windowStartOf } from "~/db/rate-limit.data.server";
import { env, sessionSecret } from "~/utils/env.server";
import { createSignedToken } from "~/utils/signed-link.server";

/**
 * Asking for a "manage my monthly gift" link happens in two steps, so that
 * the form's answer says nothing about the address, not even by its timing:
 * 1. the form (`requestManageLink`) does the same work for every email: the
 *    per-address limit, then one row in ManageLinkRequest; it never looks the
 *    email up;
 * 2. the outbox sender (`queueRequestedManageLinks`, before it sends) looks
 *    each requested email up and, for a donor who has given, queues the link
 *    email (the link opens their giving pages, app/portal).
 *
 * One link per donor per window: the link email's dedupe key names the donor
 * and the window the request fell in. Extra requests (the donor's or anyone
 * else's) queue nothing more, so nobody can fill a donor's inbox, and nobody
 * can stop the donor getting their link either: the link of a window always
 * goes to the donor's own inbox and stays valid past the window's end
 * (MANAGE_LINK_TTL_MS ≥ MANAGE_LINK_WINDOW_MS).
 */
export const MANAGE_LINK_WINDOW_MS = 15 * 60_000;
const PER_ADDRESS_WINDOW_MS = 15 * 60_000;
const BATCH_SIZE = 100;

/** Rate-limit keys hold a hash, never the visitor's address. */
function addressKey(clientIp: string): string {
  return `manage-ip:${crypto.createHash("sha256").update(clientIp).digest("hex").slice(0, 32)}`;
}

/**
 * Records a request for a link to `email`. Returns false only when the
 * client's address has asked too often (its own limit, whatever the email).
 */
export async function requestManageLink(email: string, clientIp: string): Promise<boolean> {
  const byAddress = await hitRateLimit(addressKey(clientIp), env().MANAGE_LINK_RATE_LIMIT, PER_ADDRESS_WINDOW_MS);
  if (!byAddress.allowed) return false;
  await recordManageLinkRequest(email.trim().toLowerCase());
  return true;
}

/**
 * Turns waiting requests into link emails, a batch at a time, each batch in
 * one transaction: requests are claimed with SKIP LOCKED (several instances
 * never take the same one) and deleted as their emails are queued, so a
 * failure leaves both as they were. Returns how many requests were handled.
 */
export async function queueRequestedManageLinks(now = new Date()): Promise<number> {
  let handled = 0;
  for (;;) {
    const organisation = await getOrganisation();
    const claimed = await inTransaction(async (tx) => {
      const requests = await claimManageLinkRequests(tx, BATCH_SIZE);
      if (requests.length === 0) return 0;
      const donors = await givingDonorsByEmail(tx, [...new Set(requests.map((request) => request.email))]);
      const byEmail = new Map(donors.map((donor) => [donor.email, donor]));
      for (const request of requests) {
        const donor = byEmail.get(request.email);
        if (!donor) continue;
        const { token } = createSignedToken(MANAGE_LINK_PURPOSE, donor.id, MANAGE_LINK_TTL_MS, sessionSecret(), now.getTime());
        // In the donor's language (that of their last gift), and the link opens the page in it.
        const lang = siteLanguage(donor.language);
        await queueEmail(
          tx,
          manageLinkEmail({
            lang,
            window: windowStartOf(request.requestedAt, MANAGE_LINK_WINDOW_MS),
            to: donor.email,
            donorId: donor.id,
            donorName: donor.name,
            url: publicUrl(`/give/manage/${token}`, lang),
            organisationName: organisation.name,
          }),
        );
      }
      return requests.length;
    });
    handled += claimed;
    if (claimed < BATCH_SIZE) return handled;
  }
}
