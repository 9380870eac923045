import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { OlderPageLink } from "~/staff/components/OlderPageLink";
import { SelectFilter } from "~/staff/components/SelectFilter";
import { StaffTable } from "~/staff/components/StaffTable";
import { Alert } from "~/components/ui/Alert";
import { EMAIL_STATUSES, outboxPage, retryFailedEmail } from "~/email/outbox-admin.data.server";
import { requireAdmin, staffActor } from "~/staff/auth.server";
import { formatUtc } from "~/utils/datetime";
import { encodeKeyset, KeysetSchema } from "~/utils/keyset.server";
import { readForm } from "~/utils/request.server";
import { z } from "~/utils/zod";
import { staffPageMeta } from "~/utils/meta";

const StatusFilter = z.union([z.literal("").transform(() => undefined), z.enum(EMAIL_STATUSES)]).optional();
const SearchSchema = z.object({
  status: StatusFilter,
  before: KeysetSchema.optional(),
  retried: z.literal("1").optional().catch(undefined),
});
const RetrySchema = z.object({ intent: z.literal("retry"), emailId: z.uuid(), status: StatusFilter.catch(undefined) });

export const meta: MetaFunction = () => staffPageMeta("Email outbox");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const search = SearchSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!search.success) throw data({ message: "That filter or page does not exist." }, { status: 400 });
  const { status, before, retried } = search.data;
  const page = await outboxPage({ status, before });
  const last = page.rows.at(-1);
  return {
    status: status ?? "",
    paged: Boolean(before),
    retried: Boolean(retried),
    nextCursor: page.hasMore && last ? encodeKeyset(last) : null,
    emails: page.rows.map((email) => ({
      id: email.id,
      kind: email.kind,
      to: email.toAddress,
      subject: email.subject,
      status: email.status,
      attempts: email.attempts,
      lastError: email.lastError,
      createdAt: formatUtc(email.createdAt),
      nextAttemptAt: email.status === "pending" || email.status === "sending" ? formatUtc(email.nextAttemptAt) : null,
      sentAt: email.sentAt ? formatUtc(email.sentAt) : null,
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireAdmin(request);
  const form = RetrySchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!form.success) throw data({ message: "That request was not understood." }, { status: 400 });
  const result = await retryFailedEmail(form.data.emailId, staffActor(staff, context));
  if (result === "not_found") throw data({ message: "There is no such email." }, { status: 404 });
  if (result === "not_failed") {
    return data(
      { message: "Only a failed email can be retried; this one is not failed (it may have been retried already)." },
      { status: 409 },
    );
  }
  const back = new URLSearchParams({ ...(form.data.status ? { status: form.data.status } : {}), retried: "1" });
  return redirect(`/admin/outbox?${back}`, { status: 303 });
}

const STATUS_STYLES: Record<(typeof EMAIL_STATUSES)[number], string> = {
  pending: "bg-amber-100 text-amber-900",
  sending: "bg-brand-100 text-brand-800",
  sent: "bg-green-100 text-green-900",
  failed: "bg-red-100 text-red-900",
};

export default function Outbox() {
  const { emails, status, paged, retried, nextCursor } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  return (
    <section>
      <h1 className="text-2xl font-bold text-brand-800">Email outbox</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        Every email the site sends is queued here first and retried with increasing delays. A failed email can be sent again once the cause
        (for example the mail server) is fixed: it gets one more attempt.
      </p>
      {retried ? (
        <Alert tone="success" className="mt-4">
          The email is queued again and will be sent within a few seconds.
        </Alert>
      ) : null}
      {refused?.message ? (
        <Alert tone="error" className="mt-4">
          {refused.message}
        </Alert>
      ) : null}

      <SelectFilter name="status" label="Status" allLabel="All" options={EMAIL_STATUSES} value={status} />

      {emails.length === 0 ? (
        <p className="mt-6 text-slate-700">No emails{status ? ` with status ${status}` : ""}.</p>
      ) : (
        <StaffTable
          label="Emails"
          caption="Emails, newest first"
          minWidth="min-w-[44rem]"
          columns={["Email", "Status", "Last error", "Action"]}
        >
          {emails.map((email) => (
            <tr key={email.id} className="border-b border-slate-200 align-top">
              <th scope="row" className="py-2 pr-3 font-normal">
                <span className="block font-semibold">{email.subject}</span>
                <span className="block break-all text-slate-700">to {email.to}</span>
                <span className="block text-slate-700">
                  {email.kind}, queued {email.createdAt}
                </span>
              </th>
              <td className="py-2 pr-3">
                <span className={`rounded px-2 py-0.5 font-semibold ${STATUS_STYLES[email.status]}`}>{email.status}</span>
                <span className="mt-1 block text-slate-700">
                  {email.attempts} {email.attempts === 1 ? "attempt" : "attempts"}
                </span>
                {email.nextAttemptAt ? <span className="block text-slate-700">next {email.nextAttemptAt}</span> : null}
                {email.sentAt ? <span className="block text-slate-700">sent {email.sentAt}</span> : null}
              </td>
              <td className="max-w-xs py-2 pr-3 break-words text-slate-800">{email.lastError ?? "—"}</td>
              <td className="py-2">
                {email.status === "failed" ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="retry" />
                    <input type="hidden" name="emailId" value={email.id} />
                    <input type="hidden" name="status" value={status} />
                    <button type="submit" className="rounded-md bg-brand-700 px-3 py-1 font-semibold text-white hover:bg-brand-800">
                      Retry
                      <span className="sr-only">
                        {" "}
                        “{email.subject}” to {email.to}
                      </span>
                    </button>
                  </Form>
                ) : null}
              </td>
            </tr>
          ))}
        </StaffTable>
      )}
      <OlderPageLink path="/admin/outbox" params={{ status }} nextCursor={nextCursor} paged={paged} />
    </section>
  );
}
