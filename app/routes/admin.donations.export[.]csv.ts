import type { LoaderFunctionArgs } from "@remix-run/node";

import { recordDonationsExport } from "~/models/donation-export.server";
import { requireAdmin, staffActor } from "~/staff/auth.server";
import { parseListParams } from "~/staff/donation-list-params.server";
import { STAFF_HEADERS } from "~/staff/headers";

/** A download is stored nowhere (no-store covers private caches too) and, like every staff response, never indexed. */
const DOWNLOAD_HEADERS = { "Cache-Control": "no-store", "X-Robots-Tag": STAFF_HEADERS["X-Robots-Tag"] };
import { donationsCsvStream } from "~/staff/donations-csv.server";

function plainText(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...DOWNLOAD_HEADERS, "Content-Type": "text/plain; charset=utf-8" } });
}

/**
 * GET /admin/donations/export.csv?<the list's filters>: every matching
 * donation as CSV, streamed. Admins only; each export is in the audit log.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const staff = await requireAdmin(request);
  const params = parseListParams(new URL(request.url).searchParams);
  if (!params.ok) {
    const reasons = params.problems.map((problem) => `${problem.field}: ${problem.message}`).join("\n");
    return plainText(400, `These filters could not be used:\n${reasons}\n`);
  }
  await recordDonationsExport(staffActor(staff, context), { ...params.filters });
  const filename = `donations-${new Date().toISOString().slice(0, 10)}.csv`;
  return new Response(donationsCsvStream(params.search), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      ...DOWNLOAD_HEADERS,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
