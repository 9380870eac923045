import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";

import { parseDonorListParams } from "~/donors/donor-list-params.server";
import { donorsCsvStream, openDonorsExport, startDonorsExport } from "~/donors/donors-export.server";
import { requireAdmin, staffActor } from "~/staff/auth.server";
import { STAFF_HEADERS } from "~/staff/headers";
import { readForm } from "~/utils/request.server";

const DOWNLOAD_HEADERS = { "Cache-Control": "no-store", "X-Robots-Tag": STAFF_HEADERS["X-Robots-Tag"] };
const EXPORT_PATH = "/admin/donors/export.csv";
const DownloadSchema = z.object({ download: z.string().min(1).max(4_000) });

function plainText(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...DOWNLOAD_HEADERS, "Content-Type": "text/plain; charset=utf-8" } });
}

/** POST with the list's filters: starts an export (admins only, audited) and answers 303 to its one-time link. */
export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireAdmin(request);
  const fields = new URLSearchParams();
  for (const [key, value] of await readForm(request)) if (typeof value === "string") fields.set(key, value);
  const params = parseDonorListParams(fields);
  if (!params.ok)
    return plainText(400, `These filters could not be used:\n${params.problems.map((p) => `${p.field}: ${p.message}`).join("\n")}\n`);
  const token = await startDonorsExport(staffActor(staff, context), params.search);
  return redirect(`${EXPORT_PATH}?${new URLSearchParams({ download: token })}`, { status: 303, headers: DOWNLOAD_HEADERS });
}

/** GET ?download=<token>: the CSV, once. */
export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireAdmin(request);
  const query = DownloadSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return plainText(400, "Exports start from the donors page (Export as CSV); this address only downloads one.\n");
  const opened = await openDonorsExport(query.data.download, staff.id);
  if (!opened.ok) {
    const why = { invalid: "is not valid", expired: "has expired", used: "has already been used" }[opened.reason];
    return plainText(opened.reason === "invalid" ? 400 : 410, `This download link ${why}. Start the export again from the donors page.\n`);
  }
  return new Response(donorsCsvStream(opened.search), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      ...DOWNLOAD_HEADERS,
      "Content-Disposition": `attachment; filename="donors-${new Date().toISOString().slice(0, 10)}.csv"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
