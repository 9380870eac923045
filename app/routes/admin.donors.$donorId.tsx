import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { Alert } from "~/components/ui/Alert";
import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { controlProps, Field, TextField } from "~/components/ui/Field";
import { TextArea } from "~/components/ui/Input";
import { formatUtc } from "~/donations/donation-labels";
import { DonorChangeRefused, DonorNotFound, eraseDonor, mergeDonors, updateDonor } from "~/donors/donor-admin.data.server";
import { parseDonorEdit, parseErase, parseMerge } from "~/donors/donor-forms.server";
import { lifetimeText } from "~/donors/donor-view";
import { donorIdByEmail, findDonorDetail } from "~/donors/donors.data.server";
import { localeOf } from "~/i18n/catalogues";
import { translator } from "~/i18n/i18n";
import { useT } from "~/i18n/language-context";
import { requestLanguage } from "~/i18n/language.server";
import { metaTranslator } from "~/staff/staff-text";
import { translateTexts } from "~/i18n/text-key";
import { StaffTable } from "~/staff/components/StaffTable";
import { canEdit, requireAdmin, requireStaff, staffActor } from "~/staff/auth.server";
import { staffPageMeta } from "~/utils/meta";
import { formatMoney } from "~/utils/money";
import { readForm } from "~/utils/request.server";
import { z } from "~/utils/zod";

const ParamsSchema = z.object({ donorId: z.uuid() });
const IntentSchema = z.enum(["update", "merge", "erase"]);
const DoneSchema = z.object({ done: z.enum(["updated", "merged", "erased"]).optional().catch(undefined) });

function donorIdFrom(params: LoaderFunctionArgs["params"]): string {
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw data(null, { status: 404 });
  return parsed.data.donorId.toLowerCase();
}

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) => {
  const t = metaTranslator(matches);
  return staffPageMeta(page ? t("staff.donors.page.title", { name: page.donor.name }) : t("staff.donors.page.fallbackTitle"));
};

/** A code's words from the catalogue group `group` (a status, a kind), or the code itself for one the catalogue does not know. */
function said(t: ReturnType<typeof translator>, group: string, code: string): string {
  return t(`${group}.${code}`, { defaultValue: code.replace(/_/g, " ") });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const lang = requestLanguage(request).lang;
  const t = translator(lang);
  const locale = localeOf(lang);
  const detail = await findDonorDetail(donorIdFrom(params));
  if (!detail) throw data(null, { status: 404 });
  const { done } = DoneSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { donor } = detail;
  return {
    canEdit: canEdit(staff) && !donor.erasedAt,
    done: done ? t(`staff.donors.page.done.${done}`) : null,
    donor: {
      id: donor.id,
      name: donor.name,
      email: donor.email ?? "",
      address: donor.address ?? "",
      stripeCustomerId: donor.stripeCustomerId,
      erasedAt: donor.erasedAt ? formatUtc(donor.erasedAt) : null,
      since: formatUtc(donor.createdAt),
    },
    lifetime: lifetimeText(detail.lifetime, locale),
    firstGift: detail.firstGiftAt ? formatUtc(detail.firstGiftAt) : "—",
    lastGift: detail.lastGiftAt ? formatUtc(detail.lastGiftAt) : "—",
    gifts: detail.gifts.map((gift) => ({
      id: gift.id,
      paidAt: formatUtc(gift.paidAt),
      campaign: gift.campaign.title,
      amount: formatMoney(gift.grossAmount, gift.currency, locale),
      how:
        gift.source === "offline"
          ? said(t, "staff.offlineGifts.methods", gift.offlineMethod ?? "other")
          : gift.frequency === "monthly" || gift.frequency === "yearly"
            ? t(`staff.donors.page.how.${gift.frequency}`)
            : t("staff.donors.page.how.online"),
      status: said(t, "staff.donors.page.giftStatus", gift.voidedAt ? "voided" : gift.status),
      receipt: gift.receiptNumber ?? "—",
    })),
    monthly: detail.recurringGifts.map((gift) => ({
      id: gift.id,
      campaign: gift.campaign.title,
      amount: formatMoney(gift.amount, gift.currency, locale),
      status: said(t, "staff.donors.page.monthlyStatus", gift.status),
      started: formatUtc(gift.createdAt),
      canceled: gift.canceledAt ? formatUtc(gift.canceledAt) : "—",
    })),
    emails: detail.emails.map((email) => ({
      id: email.id,
      at: formatUtc(email.createdAt),
      kind: said(t, "staff.donors.page.emailKinds", email.kind),
      to: email.toAddress || "—",
      subject: email.subject,
      status: said(t, "staff.donors.page.emailStatus", email.status),
    })),
    audit: detail.audit.map((row) => ({
      id: row.id,
      at: formatUtc(row.createdAt),
      action: row.action,
      by: row.actor?.name ?? t("staff.donors.page.commandLine"),
    })),
  };
}

type Reply = { intent: "update" | "merge" | "erase"; values: Partial<Record<string, string>>; errors: Partial<Record<string, string>> };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const staff = await requireAdmin(request);
  const t = translator(requestLanguage(request).lang);
  const donorId = donorIdFrom(params);
  const form = await readForm(request);
  const intent = IntentSchema.safeParse(form.get("intent"));
  if (!intent.success)
    return data({ intent: "update", values: {}, errors: { form: t("staff.donors.errors.unknownAction") } } satisfies Reply, {
      status: 400,
    });
  const actor = staffActor(staff, context);
  const refused = (values: Partial<Record<string, string>>, errors: Partial<Record<string, string>>, status: number) =>
    data({ intent: intent.data, values, errors } satisfies Reply, { status });
  try {
    if (intent.data === "update") {
      const parsed = parseDonorEdit(form, t);
      if (!parsed.ok) return refused(parsed.values, parsed.errors, parsed.status);
      await updateDonor(donorId, parsed.data, actor);
      return redirect(`/admin/donors/${donorId}?done=updated`, 303);
    }
    if (intent.data === "merge") {
      const parsed = parseMerge(form, t);
      if (!parsed.ok) return refused(parsed.values, parsed.errors, parsed.status);
      const otherId = await donorIdByEmail(parsed.data.otherEmail);
      if (!otherId) return refused(parsed.values, { otherEmail: t("staff.donors.errors.noDonorWithEmail") }, 422);
      await mergeDonors(donorId, otherId, actor);
      return redirect(`/admin/donors/${donorId}?done=merged`, 303);
    }
    const parsed = parseErase(form, t);
    if (!parsed.ok) return refused(parsed.values, parsed.errors, parsed.status);
    await eraseDonor(donorId, actor);
    return redirect(`/admin/donors/${donorId}?done=erased`, 303);
  } catch (error) {
    if (error instanceof DonorNotFound) throw data(null, { status: 404 });
    if (error instanceof DonorChangeRefused) return refused({}, translateTexts(error.problems, t), 422);
    throw error;
  }
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-300 bg-white p-4">
      <h2 className="text-lg font-semibold text-brand-800">{title}</h2>
      {children}
    </section>
  );
}

export default function DonorPage() {
  const { t } = useT();
  const page = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as Reply | undefined;
  const errorsOf = (intent: Reply["intent"]) => (reply?.intent === intent ? reply.errors : {});
  const valuesOf = (intent: Reply["intent"]) => (reply?.intent === intent ? reply.values : {});
  const edit = { values: { ...page.donor, ...valuesOf("update") }, errors: errorsOf("update") };
  return (
    <div className="space-y-6">
      <p>
        <Link to="/admin/donors" className="text-brand-700 underline">
          {t("staff.donors.page.back")}
        </Link>
      </p>
      <h1 className="text-3xl font-bold tracking-tight text-brand-800">{page.donor.name}</h1>
      {page.done ? <Alert tone="success">{page.done}</Alert> : null}
      {page.donor.erasedAt ? <Alert tone="info">{t("staff.donors.page.erasedNote", { date: page.donor.erasedAt })}</Alert> : null}
      <Section title={t("staff.donors.page.giving")}>
        <dl className="mt-2 grid gap-2 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-700">{t("staff.donors.page.lifetime")}</dt>
            <dd className="font-semibold" data-figure="lifetime">
              {page.lifetime}
            </dd>
          </div>
          <div>
            <dt className="text-slate-700">{t("staff.donors.page.firstGift")}</dt>
            <dd className="font-semibold">{page.firstGift}</dd>
          </div>
          <div>
            <dt className="text-slate-700">{t("staff.donors.page.lastGift")}</dt>
            <dd className="font-semibold">{page.lastGift}</dd>
          </div>
        </dl>
        {page.canEdit ? (
          <p className="mt-3">
            <Link to={`/admin/offline-gifts/new?donor=${page.donor.id}`} className="font-semibold text-brand-700 underline">
              {t("staff.donors.page.recordGift")}
            </Link>
          </p>
        ) : null}
      </Section>
      <Section title={t("staff.donors.page.contact")}>
        {page.canEdit ? (
          <Form method="post" noValidate className="mt-3 max-w-xl space-y-4">
            <ErrorSummary errors={edit.errors} title={t("staff.donors.page.notSaved")} />
            <input type="hidden" name="intent" value="update" />
            <TextField name="name" label={t("staff.donors.page.name")} defaultValue={edit.values.name} error={edit.errors.name} />
            <TextField
              name="email"
              label={t("staff.donors.page.email")}
              hint={t("staff.donors.page.emailHint")}
              type="email"
              defaultValue={edit.values.email}
              error={edit.errors.email}
            />
            <Field name="address" label={t("staff.donors.page.address")} error={edit.errors.address}>
              <TextArea
                {...controlProps("address", { error: edit.errors.address })}
                defaultValue={edit.values.address}
                rows={3}
                className="mt-1"
              />
            </Field>
            <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              {t("staff.donors.page.save")}
            </button>
          </Form>
        ) : (
          <dl className="mt-2 space-y-1 text-sm">
            <div>
              <dt className="inline text-slate-700">{t("staff.donors.page.emailShown")} </dt>
              <dd className="inline">{page.donor.email || "—"}</dd>
            </div>
            <div>
              <dt className="inline text-slate-700">{t("staff.donors.page.addressShown")} </dt>
              <dd className="inline whitespace-pre-line">{page.donor.address || "—"}</dd>
            </div>
          </dl>
        )}
        <p className="mt-2 text-sm text-slate-700">
          {t("staff.donors.page.since", {
            date: page.donor.since,
            customer: page.donor.stripeCustomerId ?? t("staff.donors.page.noCustomer"),
          })}
        </p>
      </Section>
      <Section title={t("staff.donors.page.gifts")}>
        <StaffTable
          label={t("staff.donors.page.gifts")}
          caption={t("staff.donors.page.giftsCaption")}
          minWidth="min-w-[44rem]"
          columns={(["date", "campaign", "amount", "how", "status", "receipt"] as const).map((column) =>
            t(`staff.donors.page.giftColumns.${column}`),
          )}
        >
          {page.gifts.map((gift) => (
            <tr key={gift.id} className="border-b border-slate-200">
              <td className="py-2 pr-3">
                <Link to={`/admin/donations/${gift.id}`} className="text-brand-700 underline">
                  {gift.paidAt}
                </Link>
              </td>
              <td className="py-2 pr-3">{gift.campaign}</td>
              <td className="py-2 pr-3 tabular-nums">{gift.amount}</td>
              <td className="py-2 pr-3">{gift.how}</td>
              <td className="py-2 pr-3">{gift.status}</td>
              <td className="py-2">{gift.receipt}</td>
            </tr>
          ))}
        </StaffTable>
      </Section>
      <Section title={t("staff.donors.page.monthly")}>
        {page.monthly.length === 0 ? <p className="mt-2 text-sm text-slate-700">{t("staff.donors.page.noMonthly")}</p> : null}
        <ul className="mt-2 space-y-1 text-sm">
          {page.monthly.map((gift) => (
            <li key={gift.id}>{t("staff.donors.page.monthlyLine", gift)}</li>
          ))}
        </ul>
      </Section>
      <Section title={t("staff.donors.page.emails")}>
        <ul className="mt-2 space-y-1 text-sm">
          {page.emails.map((email) => (
            <li key={email.id}>{t("staff.donors.page.emailLine", email)}</li>
          ))}
        </ul>
      </Section>
      <Section title={t("staff.donors.page.audit")}>
        <ul className="mt-2 space-y-1 text-sm">
          {page.audit.map((row) => (
            <li key={row.id}>{t("staff.donors.page.auditLine", row)}</li>
          ))}
        </ul>
      </Section>
      {page.canEdit ? (
        <>
          <Section title={t("staff.donors.page.mergeTitle")}>
            <Form method="post" noValidate className="mt-3 max-w-xl space-y-3">
              <ErrorSummary errors={errorsOf("merge")} title={t("staff.donors.page.notMerged")} />
              <input type="hidden" name="intent" value="merge" />
              <TextField
                name="otherEmail"
                label={t("staff.donors.page.otherEmail")}
                hint={t("staff.donors.page.otherEmailHint")}
                defaultValue={valuesOf("merge").otherEmail ?? ""}
                error={errorsOf("merge").otherEmail}
              />
              <button type="submit" className="rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-800">
                {t("staff.donors.page.merge")}
              </button>
            </Form>
          </Section>
          <Section title={t("staff.donors.page.eraseTitle")}>
            <Form method="post" noValidate className="mt-3 max-w-xl space-y-3">
              <ErrorSummary errors={errorsOf("erase")} title={t("staff.donors.page.notErased")} />
              <input type="hidden" name="intent" value="erase" />
              <p className="text-sm text-slate-700">{t("staff.donors.page.eraseExplained")}</p>
              <TextField name="confirm" label={t("staff.donors.page.eraseConfirm")} defaultValue="" error={errorsOf("erase").confirm} />
              <button type="submit" className="rounded-md border border-red-700 px-4 py-2 font-semibold text-red-800">
                {t("staff.donors.page.erase")}
              </button>
            </Form>
          </Section>
        </>
      ) : null}
    </div>
  );
}
