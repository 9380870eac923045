import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";

import { DonationFilters } from "~/donations/components/DonationFilters";
import { DonationTable, type DonationTableRow } from "~/donations/components/DonationTable";
import { campaignChoices, countDonations, findDonations, prepareSearch, type DonationRow } from "~/donations/donation-search.data.server";
import { canEdit, requireStaff } from "~/staff/auth.server";
import { donationLabels, formatUtc } from "~/donations/donation-labels";
import { listQuery, parseListParams, type DonationFilters as Filters } from "~/donations/donation-list-params.server";
import { useLanguage, useT } from "~/i18n/language-context";
import { staffLocale, staffTranslator } from "~/staff/staff-language.server";
import { staffMeta } from "~/staff/staff-text";
import { formatMoney } from "~/utils/money";

export const meta: MetaFunction = ({ matches }) => staffMeta(matches, (t) => t("staff.donationList.title"));

function withQuery(path: string, query: string): string {
  return query ? `${path}?${query}` : path;
}

function tableRow(row: DonationRow, backQuery: string): DonationTableRow {
  const t = staffTranslator();
  const locale = staffLocale();
  const labels = donationLabels(t);
  const status = labels.status(row.status);
  return {
    id: row.id,
    href: withQuery(`/admin/donations/${row.id}`, backQuery),
    paidAt: formatUtc(row.paidAt, locale),
    donorName: row.donorName,
    donorEmail: row.donorEmail,
    campaignTitle: row.campaignTitle,
    frequency: labels.frequency(row.frequency),
    amount: formatMoney(row.grossAmount, row.currency, locale),
    status: row.voidedAt
      ? t("staff.donationList.voided")
      : row.source === "offline"
        ? t("staff.donationList.statusWithMethod", { status, method: labels.offlineMethod(row.offlineMethod) })
        : status,
    dispute: row.disputeStatus ? labels.dispute(row.disputeStatus) : null,
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

export default function DonationsList() {
  const { campaigns, canExport, values, problems, result } = useLoaderData<typeof loader>();
  const { t } = useT();
  const { locale } = useLanguage();
  const totalText = (total: { count: number; more: boolean }, filtered: boolean) => {
    const number = total.count.toLocaleString(locale);
    if (total.more) return t(filtered ? "staff.donationList.totalMoreMatching" : "staff.donationList.totalMore", { number });
    return t(filtered ? "staff.donationList.totalMatching" : "staff.donationList.total", { count: total.count, number });
  };
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-3xl font-bold tracking-tight text-brand-800">{t("staff.donationList.title")}</h1>
        {canExport && result ? (
          <Form method="post" action="/admin/donations/export.csv" reloadDocument>
            {result.exportFields.map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <button type="submit" className="rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-700 hover:bg-brand-50">
              {t("staff.donationList.export")}
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
            <p className="text-slate-700">{t("staff.donationList.none")}</p>
          ) : (
            <DonationTable rows={result.rows} caption={t("staff.donationList.caption")} />
          )}
          <nav aria-label={t("staff.donationList.pagesLabel")} className="flex flex-wrap gap-4">
            {result.firstHref ? (
              <Link to={result.firstHref} className="text-brand-700 underline">
                {t("staff.donationList.newest")}
              </Link>
            ) : null}
            {result.newerHref ? (
              <Link to={result.newerHref} rel="prev" className="text-brand-700 underline">
                {t("staff.donationList.newer")}
              </Link>
            ) : null}
            {result.olderHref ? (
              <Link to={result.olderHref} rel="next" className="text-brand-700 underline">
                {t("staff.donationList.older")}
              </Link>
            ) : null}
          </nav>
        </section>
      ) : null}
    </div>
  );
}
