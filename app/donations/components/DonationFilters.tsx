import { Form, Link } from "@remix-run/react";

import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { controlProps, Field } from "~/components/ui/Field";
import { Input, Select } from "~/components/ui/Input";
import { DONATION_STATUSES, donationLabels, FREQUENCIES } from "~/donations/donation-labels";
import { useT } from "~/i18n/language-context";

export type FilterField = "q" | "campaign" | "frequency" | "status" | "from" | "to";
const FILTER_FIELDS: readonly string[] = ["q", "campaign", "frequency", "status", "from", "to"] satisfies FilterField[];

interface Props {
  values: Partial<Record<FilterField, string>>;
  problems: Array<{ field: string; message: string }>;
  campaigns: Array<{ id: string; title: string }>;
}

/**
 * The search and filters of the donations list: a GET form, so it works with
 * JavaScript off and every result page has its own address. Its controls'
 * ids start with "filter-"; a problem with the page link (after, before) has
 * no control to go to.
 */
export function DonationFilters({ values, problems, campaigns }: Props) {
  const { t } = useT();
  const labels = donationLabels(t);
  const text = (key: string) => t(`staff.donationFilters.${key}`);
  const errors = Object.fromEntries(problems.map((problem) => [problem.field, problem.message])) as Partial<Record<string, string>>;
  const control = (field: FilterField, hint = false) => controlProps(field, { id: `filter-${field}`, error: errors[field], hint });

  return (
    <Form method="get" className="rounded-lg border border-slate-200 bg-slate-50 p-4" aria-labelledby="filters-heading">
      <h2 id="filters-heading" className="sr-only">
        {text("heading")}
      </h2>
      <div className="mb-4 empty:hidden">
        <ErrorSummary
          errors={errors}
          title={text("problems")}
          targetOf={(field) => (FILTER_FIELDS.includes(field) ? `filter-${field}` : null)}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <div className="sm:col-span-2 lg:col-span-3">
          <Field name="q" id="filter-q" label={text("search")} hint={text("searchHint")} error={errors.q}>
            <Input {...control("q", true)} type="search" defaultValue={values.q ?? ""} maxLength={200} className="mt-1 text-base" />
          </Field>
        </div>
        <Field name="campaign" id="filter-campaign" label={text("campaign")} error={errors.campaign}>
          <Select {...control("campaign")} defaultValue={values.campaign ?? ""} className="mt-1 text-base">
            <option value="">{text("allCampaigns")}</option>
            {campaigns.map((campaign) => (
              <option key={campaign.id} value={campaign.id}>
                {campaign.title}
              </option>
            ))}
          </Select>
        </Field>
        <Field name="frequency" id="filter-frequency" label={text("frequency")} error={errors.frequency}>
          <Select {...control("frequency")} defaultValue={values.frequency ?? ""} className="mt-1 text-base">
            <option value="">{text("both")}</option>
            {FREQUENCIES.map((value) => (
              <option key={value} value={value}>
                {labels.frequency(value)}
              </option>
            ))}
          </Select>
        </Field>
        <Field name="status" id="filter-status" label={text("status")} error={errors.status}>
          <Select {...control("status")} defaultValue={values.status ?? ""} className="mt-1 text-base">
            <option value="">{text("anyStatus")}</option>
            {DONATION_STATUSES.map((value) => (
              <option key={value} value={value}>
                {labels.status(value)}
              </option>
            ))}
          </Select>
        </Field>
        <Field name="from" id="filter-from" label={text("from")} error={errors.from}>
          <Input {...control("from")} type="date" defaultValue={values.from ?? ""} className="mt-1 text-base" />
        </Field>
        <Field name="to" id="filter-to" label={text("to")} error={errors.to}>
          <Input {...control("to")} type="date" defaultValue={values.to ?? ""} className="mt-1 text-base" />
        </Field>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {text("submit")}
        </button>
        <Link to="/admin/donations" className="text-brand-700 underline">
          {text("clear")}
        </Link>
      </div>
    </Form>
  );
}
