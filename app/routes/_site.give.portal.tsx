import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { Alert } from "~/components/ui/Alert";
import { translator } from "~/i18n/i18n";
import { useT } from "~/i18n/language-context";
import { requestLanguage } from "~/i18n/language.server";
import { runPortalAction } from "~/portal/portal-actions.server";
import { manageAddress, requirePortalDonor } from "~/portal/portal-session.server";
import { portalPage } from "~/portal/portal-view.server";
import { RecurringGiftCard } from "~/portal/components/RecurringGiftCard";
import { GiftList } from "~/portal/components/GiftList";
import { ReceiptPreferenceForm } from "~/portal/components/ReceiptPreferenceForm";
import type { loader as rootLoader } from "~/root";
import { privatePageMeta } from "~/utils/meta";
import { clientIp, readForm } from "~/utils/request.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const donor = await requirePortalDonor(request);
  const { lang } = requestLanguage(request);
  const page = await portalPage(donor, lang);
  if (!page) throw redirect(manageAddress(request, "?ended=1"), 303);
  const search = new URL(request.url).searchParams;
  const t = translator(lang);
  const notice = search.get("card") === "done" ? t("portal.done.card") : search.get("signed-out") === "1" ? t("portal.signedOut") : null;
  return { ...page, notice };
}

/** Every form of the page posts here; the outcome is shown at the top, next to the gift it was about. */
export async function action({ request, context }: ActionFunctionArgs) {
  const donor = await requirePortalDonor(request);
  const outcome = await runPortalAction(donor, await readForm(request), clientIp(context), requestLanguage(request).lang);
  if (outcome.kind === "redirect") return redirect(outcome.to, { status: 303, headers: outcome.headers });
  return data({ ok: outcome.ok, message: outcome.message, giftId: outcome.giftId }, { status: outcome.ok ? 200 : outcome.status });
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ matches }) =>
  privatePageMeta(translator(matches.find((m) => m.id === "root")?.data?.language.lang ?? "en")("portal.title"), {
    name: "referrer",
    content: "same-origin",
  });

export default function DonorPortal() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useT();
  return (
    <section className="mx-auto max-w-3xl">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-3xl font-bold text-brand-800">{t("portal.title")}</h1>
        <Form method="post">
          <input type="hidden" name="intent" value="sign-out" />
          <button type="submit" className="font-semibold text-brand-700 underline">
            {t("portal.signOut")}
          </button>
        </Form>
      </div>
      <p className="mt-2 text-slate-700">{t("portal.intro", { name: page.name })}</p>
      <p className="mt-1 text-sm text-slate-600">{page.sessionNote}</p>
      {result ? (
        <Alert tone={result.ok ? "success" : "error"} className="mt-4">
          {result.message}
        </Alert>
      ) : page.notice ? (
        <Alert tone="success" className="mt-4">
          {page.notice}
        </Alert>
      ) : null}

      <h2 className="mt-8 text-xl font-bold text-slate-900">{t("portal.recurringHeading")}</h2>
      {page.recurringGifts.length === 0 ? <p className="mt-2 text-slate-700">{t("portal.noRecurring")}</p> : null}
      <ul className="mt-3 space-y-4">
        {page.recurringGifts.map((gift) => (
          <li key={gift.id}>
            <RecurringGiftCard gift={gift} formKey={page.formKey} canUpdateCard={page.canUpdateCard} />
          </li>
        ))}
      </ul>
      {page.recurringGifts.length > 0 ? <ReceiptPreferenceForm preference={page.receiptPreference} /> : null}

      <h2 className="mt-8 text-xl font-bold text-slate-900">{t("portal.giftsHeading")}</h2>
      <GiftList gifts={page.gifts} statementYears={page.statementYears} />
    </section>
  );
}
