import { Form, Link } from "@remix-run/react";

import { FieldError } from "~/components/FieldError";
import { FREQUENCY_LABELS, STATUS_LABELS } from "~/staff/donation-labels";

export type FilterField = "q" | "campaign" | "frequency" | "status" | "from" | "to";

interface Props {
  values: Partial<Record<FilterField, string>>;
  problems: Array<{ field: string; message: string }>;
  campaigns: Array<{ id: string; title: string }>;
}

const inputClass = "mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 text-base aria-[invalid=true]:border-red-700";
const labelClass = "block text-sm font-semibold text-slate-800";

/**
 * The search and filters of the donations list: a GET form, so it works with
 * JavaScript off and every result page has its own address.
 */
export function DonationFilters({ values, problems, campaigns }: Props) {
  const problemFor = (field: FilterField) => problems.find((problem) => problem.field === field)?.message;
  const invalid = (field: FilterField) =>
    problemFor(field) ? { "aria-invalid": true as const, "aria-describedby": `${field}-error` } : {};
  const generalProblems = problems.filter((problem) => !["q", "campaign", "frequency", "status", "from", "to"].includes(problem.field));

  return (
    <Form method="get" className="rounded-lg border border-slate-200 bg-slate-50 p-4" aria-labelledby="filters-heading">
      <h2 id="filters-heading" className="sr-only">
        Search and filters
      </h2>
      {problems.length > 0 ? (
        <div role="alert" className="mb-4 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          <p className="font-semibold">These filters could not be used:</p>
          <ul className="mt-1 list-disc pl-5">
            {problems.map((problem) => (
              <li key={`${problem.field}-${problem.message}`}>
                {generalProblems.includes(problem) ? problem.message : <a href={`#filter-${problem.field}`} className="underline">{problem.message}</a>}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <div className="sm:col-span-2 lg:col-span-3">
          <label htmlFor="filter-q" className={labelClass}>
            Search
          </label>
          <p id="filter-q-hint" className="text-sm text-slate-600">
            A receipt number (2026-000042), or the start of the donor&apos;s email or of a word of their name.
          </p>
          <input
            id="filter-q"
            name="q"
            type="search"
            defaultValue={values.q ?? ""}
            maxLength={200}
            className={inputClass}
            {...invalid("q")}
            aria-describedby={["filter-q-hint", problemFor("q") ? "q-error" : null].filter(Boolean).join(" ")}
          />
          <FieldError field="q" message={problemFor("q")} />
        </div>
        <div>
          <label htmlFor="filter-campaign" className={labelClass}>
            Campaign
          </label>
          <select id="filter-campaign" name="campaign" defaultValue={values.campaign ?? ""} className={inputClass} {...invalid("campaign")}>
            <option value="">All campaigns</option>
            {campaigns.map((campaign) => (
              <option key={campaign.id} value={campaign.id}>
                {campaign.title}
              </option>
            ))}
          </select>
          <FieldError field="campaign" message={problemFor("campaign")} />
        </div>
        <div>
          <label htmlFor="filter-frequency" className={labelClass}>
            Once or monthly
          </label>
          <select id="filter-frequency" name="frequency" defaultValue={values.frequency ?? ""} className={inputClass} {...invalid("frequency")}>
            <option value="">Both</option>
            {Object.entries(FREQUENCY_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <FieldError field="frequency" message={problemFor("frequency")} />
        </div>
        <div>
          <label htmlFor="filter-status" className={labelClass}>
            Status
          </label>
          <select id="filter-status" name="status" defaultValue={values.status ?? ""} className={inputClass} {...invalid("status")}>
            <option value="">Any status</option>
            {Object.entries(STATUS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <FieldError field="status" message={problemFor("status")} />
        </div>
        <div>
          <label htmlFor="filter-from" className={labelClass}>
            Paid from (UTC)
          </label>
          <input id="filter-from" name="from" type="date" defaultValue={values.from ?? ""} className={inputClass} {...invalid("from")} />
          <FieldError field="from" message={problemFor("from")} />
        </div>
        <div>
          <label htmlFor="filter-to" className={labelClass}>
            Paid to (UTC, included)
          </label>
          <input id="filter-to" name="to" type="date" defaultValue={values.to ?? ""} className={inputClass} {...invalid("to")} />
          <FieldError field="to" message={problemFor("to")} />
        </div>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          Show donations
        </button>
        <Link to="/admin/donations" className="text-brand-700 underline">
          Clear filters
        </Link>
      </div>
    </Form>
  );
}
