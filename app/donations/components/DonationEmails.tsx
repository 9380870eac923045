import { DetailTable, detailCell as cell } from "~/donations/components/DetailTable";
import type { DonationDetailView } from "~/donations/donation-detail-view.server";
import { useT } from "~/i18n/language-context";

/** The emails queued about one gift, newest first, with where each one stands. */
export function DonationEmails({ emails }: { emails: DonationDetailView["emails"] }) {
  const { t } = useT();
  return (
    <DetailTable
      id="emails"
      title={t("staff.donation.emails.title")}
      empty={t("staff.donation.emails.empty")}
      columns={(["queued", "kind", "to", "subject", "status"] as const).map((column) => t(`staff.donation.emails.columns.${column}`))}
      rowCount={emails.length}
    >
      {emails.map((email) => (
        <tr key={email.id} className="border-t border-slate-200">
          <td className={`${cell} whitespace-nowrap`}>{email.createdAt}</td>
          <td className={cell}>{email.kind}</td>
          <td className={`${cell} break-all`}>{email.to}</td>
          <td className={cell}>{email.subject}</td>
          <td className={cell}>
            {email.status}
            {email.sentAt ? <span className="block text-slate-600">{email.sentAt}</span> : null}
            {email.attempts > 0 && email.status !== "sent" ? (
              <span className="block text-slate-600">{t("staff.donation.emails.attempts", { count: email.attempts })}</span>
            ) : null}
            {email.lastError && email.status !== "sent" ? <span className="block text-red-800">{email.lastError}</span> : null}
          </td>
        </tr>
      ))}
    </DetailTable>
  );
}
