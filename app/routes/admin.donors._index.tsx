import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";

import { Alert } from "~/components/ui/Alert";
import { Input, Select } from "~/components/ui/Input";
import { formatUtc } from "~/donations/donation-labels";
import { DONOR_FILTERS, DONOR_SORTS } from "~/donors/donor-list-fields";
import { donorListQuery, parseDonorListParams } from "~/donors/donor-list-params.server";
import { lifetimeText } from "~/donors/donor-view";
import { findDonors } from "~/donors/donors.data.server";
import { localeOf } from "~/i18n/catalogues";
import { translator } from "~/i18n/i18n";
import { useT } from "~/i18n/language-context";
import { requestLanguage } from "~/i18n/language.server";
import { metaTranslator } from "~/staff/staff-text";
import { StaffTable } from "~/staff/components/StaffTable";
import { canEdit, requireStaff } from "~/staff/auth.server";
import { staffPageMeta } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => staffPageMeta(metaTranslator(matches)("staff.donors.list.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const lang = requestLanguage(request).lang;
  const t = translator(lang);
  const params = parseDonorListParams(new URL(request.url).searchParams, t);
  const canExport = canEdit(staff);
  if (!params.ok) return data({ values: params.values, problems: params.problems, canExport, result: null }, { status: 400 });
  const page = await findDonors(params.search, params.after);
  const filters = donorListQuery(params.search);
  return {
    values: params.values,
    problems: [] as Array<{ field: string; message: string }>,
    canExport,
    result: {
      exportFields: [...new URLSearchParams(filters)],
      firstHref: params.after ? `/admin/donors${filters ? `?${filters}` : ""}` : null,
      nextHref: page.next ? `/admin/donors?${donorListQuery(params.search, page.next)}` : null,
      rows: page.rows.map((row) => ({
        id: row.id,
        name: row.name,
        email: row.email ?? "—",
        lifetime: lifetimeText(row.lifetime, localeOf(lang)),
        gifts: row.gifts,
        lastGift: row.lastGiftAt ? formatUtc(row.lastGiftAt) : "—",
        monthly: t(row.activeMonthly > 0 ? "staff.donors.list.yes" : "staff.donors.list.no"),
      })),
    },
  };
}

export default function DonorsList() {
  const { t } = useT();
  const { values, problems, canExport, result } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-3xl font-bold tracking-tight text-brand-800">{t("staff.donors.list.title")}</h1>
        {canExport && result ? (
          <Form method="post" action="/admin/donors/export.csv" reloadDocument>
            {result.exportFields.map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <button type="submit" className="rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50">
              {t("staff.donors.list.export")}
            </button>
          </Form>
        ) : null}
      </div>
      <Form method="get" className="grid gap-3 rounded-lg border border-slate-300 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6">
        <label className="text-sm font-semibold sm:col-span-2">
          {t("staff.donors.list.search")}
          <Input name="q" defaultValue={values.q ?? ""} className="mt-1" />
        </label>
        <label className="text-sm font-semibold">
          {t("staff.donors.list.show")}
          <Select name="filter" defaultValue={values.filter ?? "all"} className="mt-1">
            {DONOR_FILTERS.map((filter) => (
              <option key={filter} value={filter}>
                {t(`staff.donors.list.filters.${filter}`)}
              </option>
            ))}
          </Select>
        </label>
        <label className="text-sm font-semibold">
          {t("staff.donors.list.from")}
          <Input name="from" type="date" defaultValue={values.from ?? ""} className="mt-1" />
        </label>
        <label className="text-sm font-semibold">
          {t("staff.donors.list.to")}
          <Input name="to" type="date" defaultValue={values.to ?? ""} className="mt-1" />
        </label>
        <label className="text-sm font-semibold">
          {t("staff.donors.list.sortBy")}
          <Select name="sort" defaultValue={values.sort ?? "lifetime"} className="mt-1">
            {DONOR_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(`staff.donors.list.sorts.${sort}`)}
              </option>
            ))}
          </Select>
        </label>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t("staff.donors.list.submit")}
        </button>
      </Form>
      {problems.length ? (
        <Alert tone="error">
          {problems.map((problem) => (
            <p key={problem.field}>{problem.message}</p>
          ))}
        </Alert>
      ) : null}
      {result ? (
        <>
          <StaffTable
            label={t("staff.donors.list.tableLabel")}
            caption={t("staff.donors.list.caption")}
            minWidth="min-w-[48rem]"
            columns={[
              t("staff.donors.list.columns.name"),
              t("staff.donors.list.columns.email"),
              t("staff.donors.list.columns.lifetime"),
              { label: t("staff.donors.list.columns.gifts"), align: "right" },
              t("staff.donors.list.columns.lastGift"),
              t("staff.donors.list.columns.monthly"),
            ]}
          >
            {result.rows.map((row) => (
              <tr key={row.id} className="border-b border-slate-200">
                <td className="py-2 pr-3">
                  <Link to={`/admin/donors/${row.id}`} className="font-semibold text-brand-700 underline">
                    {row.name}
                  </Link>
                </td>
                <td className="py-2 pr-3">{row.email}</td>
                <td className="py-2 pr-3 tabular-nums">{row.lifetime}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{row.gifts}</td>
                <td className="py-2 pr-3">{row.lastGift}</td>
                <td className="py-2">{row.monthly}</td>
              </tr>
            ))}
          </StaffTable>
          {result.rows.length === 0 ? <p className="text-slate-700">{t("staff.donors.list.none")}</p> : null}
          <nav aria-label={t("staff.donors.list.pages")} className="flex gap-4">
            {result.firstHref ? (
              <Link to={result.firstHref} className="text-brand-700 underline">
                {t("staff.donors.list.firstPage")}
              </Link>
            ) : null}
            {result.nextHref ? (
              <Link to={result.nextHref} className="text-brand-700 underline">
                {t("staff.donors.list.nextPage")}
              </Link>
            ) : null}
          </nav>
        </>
      ) : null}
    </div>
  );
}
