import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";

import { DonationFilters } from "~/donations/components/DonationFilters";
import { DonationTable, type DonationTableRow } from "~/donations/components/DonationTable";
import { campaignChoices, countDonations, findDonations, prepareSearch, type DonationRow } from "~/donations/donation-search.data.server";
import { canEdit, requireStaff } from "~/staff/auth.server";
import { DISPUTE_LABELS, FREQUENCY_LABELS, OFFLINE_METHOD_LABELS, STATUS_LABELS, formatUtc } from "~/donations/donation-labels";
import { listQuery, parseListParams, type DonationFilters as Filters } from "~/donations/donation-list-params.server";
import { staffPageMeta } from "~/utils/meta";
import { formatMoney } from "~/utils/money";

export const meta: MetaFunction = () => staffPageMeta("Donations");

function withQuery(path: string, query: string): string {
  return query ? `${path}?${query}` : path;
}

function tableRow(row: DonationRow, backQuery: string): DonationTableRow {
  return {
    id: row.id,
    href: withQuery(`/admin/donations/${row.id}`, backQuery),
    paidAt: formatUtc(row.paidAt),
    donorName: row.donorName,
    donorEmail: row.donorEmail,
    campaignTitle: row.campaignTitle,
    frequency: FREQUENCY_LABELS[row.frequency] ?? row.frequency,
    amount: formatMoney(row.grossAmount, row.currency),
    status: row.voidedAt
      ? "Voided"
      : `${STATUS_LABELS[row.status] ?? row.status}${row.source === "offline" ? ` (${OFFLINE_METHOD_LABELS[row.offlineMethod ?? "other"] ?? "offline"})` : ""}`,
    dispute: row.disputeStatus ? (DISPUTE_LABELS[row.disputeStatus] ?? row.disputeStatus) : null,
    receiptNumber: row.receiptNumber,
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const params = parseListParams(new URL(request.url).searchParams);
  const campaigns = await campaignChoices();
  const canExport = canEdit(staff);
  if (!params.ok) {
    return data({ campaigns, canExport, values: params.filters as Filters, problems: params.problems, result: null }, { status: 400 });
  }

  const search = await prepareSearch(params.search);
  const [page, total] = await Promise.all([findDonations(search, params.page), countDonations(search)]);
  const here = listQuery(params.filters, params.page);
  const filtersOnly = listQuery(params.filters);
  return {
    campaigns,
    canExport,
    values: params.filters,
    problems: [] as Array<{ field: string; message: string }>,
    result: {
      rows: page.rows.map((row) => tableRow(row, here)),
      total,
      filtered: filtersOnly !== "",
      // Starting an export is a POST (it writes an audit row); the form carries the filters.
      exportFields: Object.entries(params.filters).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
      firstHref: page.newer ? withQuery("/admin/donations", filtersOnly) : null,
      newerHref: page.newer ? withQuery("/admin/donations", listQuery(params.filters, { before: page.newer })) : null,
      olderHref: page.older ? withQuery("/admin/donations", listQuery(params.filters, { after: page.older })) : null,
    },
  };
}

function totalText(total: { count: number; more: boolean }, filtered: boolean): string {
  const what = filtered ? "matching donations" : "donations";
  if (total.more) return `More than ${total.count.toLocaleString("en-US")} ${what}`;
  return `${total.count.toLocaleString("en-US")} ${total.count === 1 ? what.replace("donations", "donation") : what}`;
}

export default function DonationsList() {
  const { campaigns, canExport, values, problems, result } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-3xl font-bold tracking-tight text-brand-800">Donations</h1>
        {canExport && result ? (
          <Form method="post" action="/admin/donations/export.csv" reloadDocument>
            {result.exportFields.map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <button type="submit" className="rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-700 hover:bg-brand-50">
              Export these as CSV
            </button>
          </Form>
        ) : null}
      </div>
      <DonationFilters values={values} problems={problems} campaigns={campaigns} />
      {result ? (
        <section aria-labelledby="results-heading" className="space-y-4">
          <h2 id="results-heading" className="text-xl font-semibold text-slate-900">
            {totalText(result.total, result.filtered)}
          </h2>
          {result.rows.length === 0 ? (
            <p className="text-slate-700">No donations match. Try fewer filters, or search for the start of a name or email.</p>
          ) : (
            <DonationTable rows={result.rows} caption="Newest first. Select a donor's name to see everything about that gift." />
          )}
          <nav aria-label="Pages of donations" className="flex flex-wrap gap-4">
            {result.firstHref ? (
              <Link to={result.firstHref} className="text-brand-700 underline">
                Newest
              </Link>
            ) : null}
            {result.newerHref ? (
              <Link to={result.newerHref} rel="prev" className="text-brand-700 underline">
                ← Newer
              </Link>
            ) : null}
            {result.olderHref ? (
              <Link to={result.olderHref} rel="next" className="text-brand-700 underline">
                Older →
              </Link>
            ) : null}
          </nav>
        </section>
      ) : null}
    </div>
  );
}
