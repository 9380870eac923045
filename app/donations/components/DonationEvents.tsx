import { DetailTable, detailCell as cell } from "~/donations/components/DetailTable";
import type { DonationDetailView } from "~/donations/donation-detail-view.server";

/** The Stripe events that touched one gift, oldest first. */
export function DonationEvents({ events }: { events: DonationDetailView["events"] }) {
  return (
    <DetailTable
      id="events"
      title="Stripe events"
      empty="No Stripe event about this gift has been received."
      columns={["Sent by Stripe", "Type", "Object", "Event", "Outcome"]}
      rowCount={events.length}
    >
      {events.map((event) => (
        <tr key={event.id} className="border-t border-slate-200">
          <td className={`${cell} whitespace-nowrap`}>{event.createdAt}</td>
          <td className={`${cell} font-mono`}>{event.type}</td>
          <td className={`${cell} break-all font-mono`}>{event.objectId ?? "—"}</td>
          <td className={`${cell} break-all font-mono`}>{event.id}</td>
          <td className={cell}>{event.outcome}</td>
        </tr>
      ))}
    </DetailTable>
  );
}
