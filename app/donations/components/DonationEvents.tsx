import { DetailTable, detailCell as cell } from "~/donations/components/DetailTable";
import type { DonationDetailView } from "~/donations/donation-detail-view.server";
import { useT } from "~/i18n/language-context";

/** The Stripe events that touched one gift, oldest first. */
export function DonationEvents({ events }: { events: DonationDetailView["events"] }) {
  const { t } = useT();
  return (
    <DetailTable
      id="events"
      title={t("staff.donation.events.title")}
      empty={t("staff.donation.events.empty")}
      columns={(["sent", "type", "object", "event", "outcome"] as const).map((column) => t(`staff.donation.events.columns.${column}`))}
      rowCount={events.length}
    >
      {events.map((event) => (
        <tr key={event.id} className="border-t border-slate-200">
          <td className={`${cell} whitespace-nowrap`}>{event.createdAt}</td>
          <td className={`${cell} font-mono`}>{event.type}</td>
          <td className={`${cell} break-all font-mono`}>{event.objectId ?? t("staff.labels.none")}</td>
          <td className={`${cell} break-all font-mono`}>{event.id}</td>
          <td className={cell}>{event.outcome}</td>
        </tr>
      ))}
    </DetailTable>
  );
}
