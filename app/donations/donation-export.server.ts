import { inTransaction } from "~/db/transaction.data.server";
import { claimLinkOnce } from "~/db/used-links.data.server";
import { recordAudit, type Actor } from "~/staff/audit.data.server";
import { listQuery, parseListParams, type DonationFilters } from "~/donations/donation-list-params.server";
import type { DonationSearch } from "~/donations/donation-search.data.server";
import { sessionSecret } from "~/utils/env.server";
import { createSignedToken, verifySignedToken } from "~/utils/signed-link.server";

/**
 * A CSV export is started by a POST (so another site's link or image cannot
 * start one: the origin check refuses a cross-site POST) and downloaded by a
 * GET carrying a one-time token. The token is signed with SESSION_SECRET and
 * names the staff member and the filters; it works once, for a few minutes,
 * and only in that staff member's session.
 */
const PURPOSE = "donations-export";
export const EXPORT_LINK_TTL_MS = 5 * 60_000;

/**
 * Notes the export in the audit log (with its filters) and returns the
 * one-time token of its download. The row is written when the export is
 * asked for, before any byte of it exists.
 */
export async function startDonationsExport(actor: Actor, filters: DonationFilters): Promise<string> {
  await inTransaction((tx) =>
    recordAudit(tx, {
      ...actor,
      action: "donations.export",
      target: { type: "donations", id: "csv" },
      details: { filters: { ...filters } },
    }),
  );
  return createSignedToken(PURPOSE, `${actor.actorId ?? ""}?${listQuery(filters)}`, EXPORT_LINK_TTL_MS, sessionSecret()).token;
}

export type ExportDownload = { ok: true; search: DonationSearch } | { ok: false; reason: "invalid" | "expired" | "used" };

/**
 * Checks a download token for the signed-in staff member and uses it up (the
 * nonce's row in UsedLink makes it work once, even for two requests at the
 * same moment). Returns the search to stream.
 */
export async function openDonationsExport(token: string, staffId: string): Promise<ExportDownload> {
  const check = verifySignedToken(token, PURPOSE, sessionSecret());
  if (!check.ok) return check;
  const separator = check.payload.subject.indexOf("?");
  const owner = check.payload.subject.slice(0, separator);
  const params = parseListParams(new URLSearchParams(check.payload.subject.slice(separator + 1)));
  if (separator < 0 || owner !== staffId || !params.ok) return { ok: false, reason: "invalid" };
  if (!(await claimLinkOnce(check.payload.nonce))) return { ok: false, reason: "used" };
  return { ok: true, search: params.search };
}
