import type { TFunction } from "i18next";

import { inTransaction } from "~/db/transaction.data.server";
import { claimLinkOnce } from "~/db/used-links.data.server";
import { donorListQuery, parseDonorListParams, type DonorSearch } from "~/donors/donor-list-params.server";
import { eachDonorPage, type DonorListRow } from "~/donors/donors.data.server";
import { recordAudit, type Actor } from "~/staff/audit.data.server";
import { CSV_BOM, csvNumber, csvRecord, type CsvCell } from "~/utils/csv.server";
import { sessionSecret } from "~/utils/env.server";
import { toDecimalString } from "~/utils/money";
import { createSignedToken, verifySignedToken } from "~/utils/signed-link.server";

/**
 * The donors CSV, started and downloaded as the donations export is
 * (donation-export.server.ts): a POST writes the audit row and answers with a
 * signed link that works once, for five minutes, in that staff member's session.
 */
const PURPOSE = "donors-export";
const LINK_TTL_MS = 5 * 60_000;

export async function startDonorsExport(actor: Actor, search: DonorSearch): Promise<string> {
  await inTransaction((tx) =>
    recordAudit(tx, {
      ...actor,
      action: "donors.export",
      target: { type: "donors", id: "csv" },
      details: { filters: donorListQuery(search) },
    }),
  );
  return createSignedToken(PURPOSE, `${actor.actorId ?? ""}?${donorListQuery(search)}`, LINK_TTL_MS, sessionSecret()).token;
}

export async function openDonorsExport(
  token: string,
  staffId: string,
  t: TFunction,
): Promise<{ ok: true; search: DonorSearch } | { ok: false; reason: "invalid" | "expired" | "used" }> {
  const check = verifySignedToken(token, PURPOSE, sessionSecret());
  if (!check.ok) return check;
  const separator = check.payload.subject.indexOf("?");
  const params = parseDonorListParams(new URLSearchParams(check.payload.subject.slice(separator + 1)), t);
  if (separator < 0 || check.payload.subject.slice(0, separator) !== staffId || !params.ok) return { ok: false, reason: "invalid" };
  if (!(await claimLinkOnce(check.payload.nonce))) return { ok: false, reason: "used" };
  return { ok: true, search: params.search };
}

const COLUMNS: Array<[string, (row: DonorListRow) => CsvCell]> = [
  ["donor_id", (row) => row.id],
  ["name", (row) => row.name],
  ["email", (row) => row.email],
  ["lifetime", (row) => row.lifetime.map((entry) => `${toDecimalString(entry.amount, entry.currency)} ${entry.currency}`).join("; ")],
  ["gifts", (row) => csvNumber(row.gifts)],
  ["first_gift_at", (row) => row.firstGiftAt?.toISOString()],
  ["last_gift_at", (row) => row.lastGiftAt?.toISOString()],
  ["active_monthly_gifts", (row) => csvNumber(row.activeMonthly)],
];

export const DONORS_CSV_HEADER = COLUMNS.map(([header]) => header);

/** Every donor of the search as CSV (formula-safe cells), streamed a page at a time. */
export function donorsCsvStream(search: DonorSearch): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let pages: AsyncGenerator<DonorListRow[]> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(CSV_BOM + csvRecord(DONORS_CSV_HEADER)));
      },
      async pull(controller) {
        pages ??= eachDonorPage(search);
        const next = await pages.next();
        if (next.done) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(next.value.map((row) => csvRecord(COLUMNS.map(([, cell]) => cell(row)))).join("")));
      },
      async cancel() {
        await pages?.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}
