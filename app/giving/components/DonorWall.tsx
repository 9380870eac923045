import type { WallEntry } from "~/giving/donor-wall.data.server";
import { useLanguage, useT } from "~/i18n/language-context";

/** Building an Intl.DateTimeFormat is costly: one per locale. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string): Intl.DateTimeFormat {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
    dateFormats.set(locale, format);
  }
  return format;
}

/** Recent gifts: names (or "Anonymous") and public comments, nothing private. */
export function DonorWall({ entries }: { entries: WallEntry[] }) {
  const { t } = useT();
  const { locale } = useLanguage();
  return (
    <section aria-labelledby="wall-heading" className="mt-10">
      <h2 id="wall-heading" className="text-2xl font-semibold text-brand-800">
        {t("campaign.wallHeading")}
      </h2>
      {entries.length === 0 ? (
        <p className="mt-3 text-slate-700">{t("campaign.wallEmpty")}</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-200">
          {entries.map((entry) => (
            <li key={entry.id} className="py-3">
              <p className="font-semibold text-slate-900">
                {entry.name}
                <span className="ml-2 text-sm font-normal text-slate-600">
                  {entry.monthly ? t("campaign.wallMonthly") : ""}
                  <time dateTime={entry.givenAt}>{dateFormat(locale).format(new Date(entry.givenAt))}</time>
                </span>
              </p>
              {entry.comment ? <p className="mt-1 text-slate-800">{entry.comment}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
