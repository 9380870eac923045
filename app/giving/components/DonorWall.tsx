import type { WallEntry } from "~/giving/donor-wall.data.server";

const dateFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

/** Recent gifts: names (or "Anonymous") and public comments, nothing private. */
export function DonorWall({ entries }: { entries: WallEntry[] }) {
  return (
    <section aria-labelledby="wall-heading" className="mt-10">
      <h2 id="wall-heading" className="text-2xl font-semibold text-brand-800">
        Recent gifts
      </h2>
      {entries.length === 0 ? (
        <p className="mt-3 text-slate-700">Be the first to give to this campaign.</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-200">
          {entries.map((entry) => (
            <li key={entry.id} className="py-3">
              <p className="font-semibold text-slate-900">
                {entry.name}
                <span className="ml-2 text-sm font-normal text-slate-600">
                  {entry.monthly ? "gives monthly · " : ""}
                  <time dateTime={entry.givenAt}>{dateFormat.format(new Date(entry.givenAt))}</time>
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
