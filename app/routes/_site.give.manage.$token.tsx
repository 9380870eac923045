import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { Alert } from "~/components/ui/Alert";
import { checkManageLink, redeemManageLink } from "~/manage/manage.server";
import { translator } from "~/i18n/i18n";
import { useLanguage, useT } from "~/i18n/language-context";
import { requestLanguage } from "~/i18n/language.server";
import { localisedPath } from "~/i18n/paths";
import type { loader as rootLoader } from "~/root";
import { privatePageMeta } from "~/utils/meta";

type Problem = "invalid" | "expired" | "used" | "no_gift" | "unavailable";

/** The problem in the page's words (manage.<problem> in the catalogue). */
function message(request: Request, problem: Problem): string {
  return translator(requestLanguage(request).lang)(`manage.${problem}`);
}

/** Stripe could not be reached or failed: the upstream is at fault, not the donor's link. */
const STATUS: Record<Problem, number> = { invalid: 400, expired: 410, used: 409, no_gift: 404, unavailable: 502 };

/**
 * Opening the emailed link shows a button; only pressing it uses the link,
 * so mail scanners that fetch links cannot use it up.
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const state = await checkManageLink(params.token ?? "");
  return { problem: state.ok ? null : message(request, state.reason) };
}

export async function action({ params, request }: ActionFunctionArgs) {
  const result = await redeemManageLink(params.token ?? "");
  if (result.ok) {
    // The giving page in the language the link was opened in (the donor's: the email's link carries it).
    const { lang, defaultLanguage } = requestLanguage(request);
    return redirect(localisedPath("/give/portal", lang, defaultLanguage), { status: 303, headers: { "Set-Cookie": result.setCookie } });
  }
  return data({ problem: message(request, result.reason), retry: false }, { status: STATUS[result.reason] });
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ matches }) =>
  privatePageMeta(translator(matches.find((m) => m.id === "root")?.data?.language.lang ?? "en")("manage.title"), {
    name: "referrer",
    content: "same-origin",
  });

export default function ManageLink() {
  const { problem } = useLoaderData<typeof loader>();
  const after = useActionData<typeof action>();
  const message = after?.problem ?? problem;
  // After a failure on the payment processor's side the link is still good: offer the button again.
  const usable = !problem && (!after || after.retry);
  const { t } = useT();
  const { href } = useLanguage();
  return (
    <section className="mx-auto max-w-lg">
      <h1 className="text-3xl font-bold text-brand-800">{t("manage.title")}</h1>
      {message ? (
        <Alert tone="warning" className="mt-4">
          {message}
        </Alert>
      ) : null}
      {usable ? (
        <Form method="post" className="mt-6">
          <p className="text-slate-700">{t("manage.secureNext")}</p>
          <button type="submit" className="mt-4 rounded-md bg-brand-700 px-5 py-2 font-bold text-white hover:bg-brand-800">
            {t(after?.retry ? "manage.tryAgain" : "manage.update")}
          </button>
        </Form>
      ) : (
        <p className="mt-4">
          <Link to={href("/give/manage")} className="font-semibold text-brand-700 underline">
            {t("manage.askAgain")}
          </Link>
        </p>
      )}
    </section>
  );
}
