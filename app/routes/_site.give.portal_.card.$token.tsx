import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";

import { Alert } from "~/components/ui/Alert";
import { translator } from "~/i18n/i18n";
import { useLanguage, useT } from "~/i18n/language-context";
import { requestLanguage } from "~/i18n/language.server";
import { checkCardLink, redeemCardLink } from "~/portal/card-link.server";
import type { loader as rootLoader } from "~/root";
import { privatePageMeta } from "~/utils/meta";
import { clientIp } from "~/utils/request.server";

function problemText(request: Request, reason: "invalid" | "expired"): string {
  return translator(requestLanguage(request).lang)(reason === "expired" ? "portal.cardLink.expired" : "portal.cardLink.invalid");
}

/** The failed-payment notice's link: a button first, so that only the donor's press opens anything. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const state = checkCardLink(params.token ?? "");
  return { problem: state.ok ? null : problemText(request, state.reason) };
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const result = await redeemCardLink(params.token ?? "", clientIp(context), requestLanguage(request).lang);
  if (result.ok) return redirect(result.to, { status: 303, headers: { "Set-Cookie": result.setCookie } });
  return data({ problem: problemText(request, result.reason) }, { status: result.reason === "expired" ? 410 : 400 });
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ matches }) =>
  privatePageMeta(translator(matches.find((m) => m.id === "root")?.data?.language.lang ?? "en")("portal.cardLink.title"), {
    name: "referrer",
    content: "same-origin",
  });

export default function CardLink() {
  const { problem } = useLoaderData<typeof loader>();
  const { t } = useT();
  const { href } = useLanguage();
  return (
    <section className="mx-auto max-w-lg">
      <h1 className="text-3xl font-bold text-brand-800">{t("portal.cardLink.title")}</h1>
      {problem ? (
        <>
          <Alert tone="warning" className="mt-4">
            {problem}
          </Alert>
          <p className="mt-4">
            <Link to={href("/give/manage")} className="font-semibold text-brand-700 underline">
              {t("portal.cardLink.askAgain")}
            </Link>
          </p>
        </>
      ) : (
        <Form method="post" className="mt-6">
          <p className="text-slate-700">{t("portal.cardLink.intro")}</p>
          <button type="submit" className="mt-4 rounded-md bg-brand-700 px-5 py-2 font-bold text-white hover:bg-brand-800">
            {t("portal.cardButton")}
          </button>
        </Form>
      )}
    </section>
  );
}
