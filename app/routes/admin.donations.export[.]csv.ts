import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";

import { openDonationsExport, startDonationsExport } from "~/donations/donation-export.server";
import { requireAdmin, staffActor } from "~/staff/auth.server";
import { parseListParams } from "~/donations/donation-list-params.server";
import { donationsCsvStream } from "~/donations/donations-csv.server";
import { STAFF_HEADERS } from "~/staff/headers";
import { staffTranslator } from "~/staff/staff-language.server";
import { readForm } from "~/utils/request.server";

/** A download is stored nowhere (no-store covers private caches too) and, like every staff response, never indexed. */
const DOWNLOAD_HEADERS = { "Cache-Control": "no-store", "X-Robots-Tag": STAFF_HEADERS["X-Robots-Tag"] };

const EXPORT_PATH = "/admin/donations/export.csv";

function plainText(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...DOWNLOAD_HEADERS, "Content-Type": "text/plain; charset=utf-8" } });
}

const DownloadSchema = z.object({ download: z.string().min(1).max(4_000) });

/**
 * POST /admin/donations/export.csv with the list's filters as form fields:
 * starts an export (admins only; recorded in the audit log) and answers 303
 * to its one-time download link.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireAdmin(request);
  const form = await readForm(request);
  const fields = new URLSearchParams();
  for (const [key, value] of form) if (typeof value === "string") fields.set(key, value);
  const params = parseListParams(fields);
  if (!params.ok) {
    const reasons = params.problems.map((problem) => `${problem.field}: ${problem.message}`).join("\n");
    return plainText(400, `${staffTranslator()("staff.donationExport.badFilters")}\n${reasons}\n`);
  }
  const token = await startDonationsExport(staffActor(staff, context), params.filters);
  return redirect(`${EXPORT_PATH}?${new URLSearchParams({ download: token })}`, { status: 303, headers: DOWNLOAD_HEADERS });
}

/** GET /admin/donations/export.csv?download=<token>: the CSV, streamed, once. */
export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireAdmin(request);
  const query = DownloadSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) {
    return plainText(400, `${staffTranslator()("staff.donationExport.noDownload")}\n`);
  }
  const opened = await openDonationsExport(query.data.download, staff.id);
  if (!opened.ok)
    return plainText(opened.reason === "invalid" ? 400 : 410, `${staffTranslator()(`staff.donationExport.refused.${opened.reason}`)}\n`);
  const filename = `donations-${new Date().toISOString().slice(0, 10)}.csv`;
  return new Response(donationsCsvStream(opened.search), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      ...DOWNLOAD_HEADERS,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
