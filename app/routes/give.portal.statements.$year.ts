import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";

import { pdfResponse, statementPdf } from "~/portal/documents.server";
import { requirePortalDonor } from "~/portal/portal-session.server";

const ParamsSchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

/** The session donor's statement of a year's giving as a PDF (404 for a year without gifts). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const donor = await requirePortalDonor(request);
  const parsed = ParamsSchema.safeParse(params);
  const file = parsed.success ? await statementPdf(donor, parsed.data.year) : null;
  if (!file) throw new Response("No statement for that year.", { status: 404, headers: { "Cache-Control": "private, no-store" } });
  return pdfResponse(file);
}
