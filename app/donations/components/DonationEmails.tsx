import type { DonationDetailView } from "~/donations/donation-detail-view.server";

const cell = "px-3 py-2 align-top";

/** The emails queued about one gift, newest first, with where each one stands. */
export function DonationEmails({ emails }: { emails: DonationDetailView["emails"] }) {
  return (
    <section aria-labelledby="emails-heading" className="space-y-2">
      <h2 id="emails-heading" className="text-lg font-semibold text-brand-800">
        Emails
      </h2>
      {emails.length === 0 ? (
        <p className="text-slate-700">No email has been queued for this gift.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200" role="region" aria-labelledby="emails-heading" tabIndex={0}>
          <table className="w-full min-w-[44rem] border-collapse text-left text-sm">
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className={cell}>
                  Queued
                </th>
                <th scope="col" className={cell}>
                  Kind
                </th>
                <th scope="col" className={cell}>
                  To
                </th>
                <th scope="col" className={cell}>
                  Subject
                </th>
                <th scope="col" className={cell}>
                  Status
                </th>
              </tr>
            </thead>
            <tbody>
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
                      <span className="block text-slate-600">{email.attempts} attempts</span>
                    ) : null}
                    {email.lastError && email.status !== "sent" ? <span className="block text-red-800">{email.lastError}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
