import { Link } from "@remix-run/react";

export interface Fact {
  label: string;
  value: string;
  /** A link for the value (inside the site). */
  href?: string;
  /** Ids and numbers that read better in a fixed-width font. */
  code?: boolean;
}

/** A titled list of label and value pairs; `id` names it in the page (the title may be in any language). */
export function Facts({ id: name, title, facts }: { id?: string; title: string; facts: Fact[] }) {
  const id = `facts-${(name ?? title).toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 p-4">
      <h2 id={id} className="text-lg font-semibold text-brand-800">
        {title}
      </h2>
      <dl className="mt-3 grid gap-x-4 gap-y-2 sm:grid-cols-[12rem_minmax(0,1fr)]">
        {facts.map((fact) => (
          <div key={fact.label} className="contents">
            <dt className="text-sm font-semibold text-slate-700">{fact.label}</dt>
            <dd className={`mb-2 break-words sm:mb-0 ${fact.code ? "font-mono text-sm" : ""}`}>
              {fact.href ? (
                <Link to={fact.href} className="text-brand-700 underline">
                  {fact.value}
                </Link>
              ) : (
                fact.value
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
