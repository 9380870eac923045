import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { OlderPageLink } from "~/staff/components/OlderPageLink";
import { SelectFilter } from "~/staff/components/SelectFilter";
import { StaffTable } from "~/staff/components/StaffTable";
import { Alert } from "~/components/ui/Alert";
import { EMAIL_STATUSES, outboxPage, retryFailedEmail } from "~/email/outbox-admin.data.server";
import { useT } from "~/i18n/language-context";
import { requireAdmin, staffActor } from "~/staff/auth.server";
import { staffTranslator } from "~/staff/staff-language.server";
import { staffMeta } from "~/staff/staff-text";
import { formatUtc } from "~/utils/datetime";
import { encodeKeyset, KeysetSchema } from "~/utils/keyset.server";
import { readForm } from "~/utils/request.server";
import { z } from "~/utils/zod";

const StatusFilter = z.union([z.literal("").transform(() => undefined), z.enum(EMAIL_STATUSES)]).optional();
const SearchSchema = z.object({
  status: StatusFilter,
  before: KeysetSchema.optional(),
  retried: z.literal("1").optional().catch(undefined),
});
const RetrySchema = z.object({ intent: z.literal("retry"), emailId: z.uuid(), status: StatusFilter.catch(undefined) });

export const meta: MetaFunction = ({ matches }) => staffMeta(matches, (t) => t("staff.outbox.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const search = SearchSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!search.success) throw data({ message: staffTranslator()("staff.lists.badFilter") }, { status: 400 });
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
  const t = staffTranslator();
  const form = RetrySchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!form.success) throw data({ message: t("staff.outbox.badRequest") }, { status: 400 });
  const result = await retryFailedEmail(form.data.emailId, staffActor(staff, context));
  if (result === "not_found") throw data({ message: t("staff.outbox.noSuchEmail") }, { status: 404 });
  if (result === "not_failed") return data({ message: t("staff.outbox.notFailed") }, { status: 409 });
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
  const { t } = useT();
  const text = (key: string, values?: Record<string, unknown>) => t(`staff.outbox.${key}`, values);
  const statusLabel = (value: string) => text(`statuses.${value}`);
  return (
    <section>
      <h1 className="text-2xl font-bold text-brand-800">{text("title")}</h1>
      <p className="mt-1 max-w-3xl text-slate-700">{text("intro")}</p>
      {retried ? (
        <Alert tone="success" className="mt-4">
          {text("retried")}
        </Alert>
      ) : null}
      {refused?.message ? (
        <Alert tone="error" className="mt-4">
          {refused.message}
        </Alert>
      ) : null}

      <SelectFilter
        name="status"
        label={text("status")}
        allLabel={text("all")}
        options={EMAIL_STATUSES}
        optionLabel={statusLabel}
        value={status}
      />

      {emails.length === 0 ? (
        <p className="mt-6 text-slate-700">{status ? text("noneWith", { status: statusLabel(status) }) : text("none")}</p>
      ) : (
        <StaffTable
          label={text("tableLabel")}
          caption={text("caption")}
          minWidth="min-w-[44rem]"
          columns={(["email", "status", "lastError", "action"] as const).map((column) => text(`columns.${column}`))}
        >
          {emails.map((email) => (
            <tr key={email.id} className="border-b border-slate-200 align-top">
              <th scope="row" className="py-2 pr-3 font-normal">
                <span className="block font-semibold">{email.subject}</span>
                <span className="block break-all text-slate-700">{text("to", { to: email.to })}</span>
                <span className="block text-slate-700">{text("queued", { kind: email.kind, at: email.createdAt })}</span>
              </th>
              <td className="py-2 pr-3">
                <span className={`rounded px-2 py-0.5 font-semibold ${STATUS_STYLES[email.status]}`}>{statusLabel(email.status)}</span>
                <span className="mt-1 block text-slate-700">{text("attempts", { count: email.attempts })}</span>
                {email.nextAttemptAt ? <span className="block text-slate-700">{text("next", { at: email.nextAttemptAt })}</span> : null}
                {email.sentAt ? <span className="block text-slate-700">{text("sent", { at: email.sentAt })}</span> : null}
              </td>
              <td className="max-w-xs py-2 pr-3 break-words text-slate-800">{email.lastError ?? t("staff.labels.none")}</td>
              <td className="py-2">
                {email.status === "failed" ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="retry" />
                    <input type="hidden" name="emailId" value={email.id} />
                    <input type="hidden" name="status" value={status} />
                    <button type="submit" className="rounded-md bg-brand-700 px-3 py-1 font-semibold text-white hover:bg-brand-800">
                      {text("retry")}
                      <span className="sr-only">{text("retryHidden", { subject: email.subject, to: email.to })}</span>
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
