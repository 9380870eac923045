import type { DonationDetailView } from "~/donations/donation-detail-view.server";

const cell = "px-3 py-2 align-top";

/** The Stripe events that touched one gift, oldest first. */
export function DonationEvents({ events }: { events: DonationDetailView["events"] }) {
  return (
    <section aria-labelledby="events-heading" className="space-y-2">
      <h2 id="events-heading" className="text-lg font-semibold text-brand-800">
        Stripe events
      </h2>
      {events.length === 0 ? (
        <p className="text-slate-700">No Stripe event about this gift has been received.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200" role="region" aria-labelledby="events-heading" tabIndex={0}>
          <table className="w-full min-w-[44rem] border-collapse text-left text-sm">
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className={cell}>
                  Sent by Stripe
                </th>
                <th scope="col" className={cell}>
                  Type
                </th>
                <th scope="col" className={cell}>
                  Object
                </th>
                <th scope="col" className={cell}>
                  Event
                </th>
                <th scope="col" className={cell}>
                  Outcome
                </th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id} className="border-t border-slate-200">
                  <td className={`${cell} whitespace-nowrap`}>{event.createdAt}</td>
                  <td className={`${cell} font-mono`}>{event.type}</td>
                  <td className={`${cell} break-all font-mono`}>{event.objectId ?? "—"}</td>
                  <td className={`${cell} break-all font-mono`}>{event.id}</td>
                  <td className={cell}>{event.outcome}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
