import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";

import { pdfResponse, receiptPdf } from "~/portal/documents.server";
import { requirePortalDonor } from "~/portal/portal-session.server";

const ParamsSchema = z.object({ donationId: z.uuid() });

/** A gift's receipt as a PDF, for the donor of the session only (anyone else's, or none: 404). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const donor = await requirePortalDonor(request);
  const parsed = ParamsSchema.safeParse(params);
  const file = parsed.success ? await receiptPdf(donor, parsed.data.donationId) : null;
  if (!file) throw new Response("No such receipt.", { status: 404, headers: { "Cache-Control": "private, no-store" } });
  return pdfResponse(file);
}
