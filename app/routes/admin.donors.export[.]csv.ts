import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";

import { parseDonorListParams } from "~/donors/donor-list-params.server";
import { donorsCsvStream, openDonorsExport, startDonorsExport } from "~/donors/donors-export.server";
import { requestLanguage } from "~/i18n/language.server";
import { translator } from "~/i18n/i18n";
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
  const t = translator(requestLanguage(request).lang);
  const params = parseDonorListParams(fields, t);
  if (!params.ok) {
    const problems = params.problems.map((problem) => t("staff.donors.export.problem", problem));
    return plainText(400, `${[t("staff.donors.export.refused"), ...problems].join("\n")}\n`);
  }
  const token = await startDonorsExport(staffActor(staff, context), params.search);
  return redirect(`${EXPORT_PATH}?${new URLSearchParams({ download: token })}`, { status: 303, headers: DOWNLOAD_HEADERS });
}

/** GET ?download=<token>: the CSV, once. */
export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireAdmin(request);
  const t = translator(requestLanguage(request).lang);
  const query = DownloadSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return plainText(400, `${t("staff.donors.export.startFromPage")}\n`);
  const opened = await openDonorsExport(query.data.download, staff.id, t);
  if (!opened.ok) {
    const why = {
      invalid: t("staff.donors.export.invalid"),
      expired: t("staff.donors.export.expired"),
      used: t("staff.donors.export.used"),
    };
    return plainText(opened.reason === "invalid" ? 400 : 410, `${why[opened.reason]}\n`);
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
