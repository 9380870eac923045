import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";

import { Alert } from "~/components/ui/Alert";
import { checkCardLink, redeemCardLink } from "~/portal/card-link.server";
import { portalMessages } from "~/portal/messages";
import { privatePageMeta } from "~/utils/meta";
import { clientIp } from "~/utils/request.server";

const m = portalMessages.cardLink;

/** The failed-payment notice's link: a button first, so that only the donor's press opens anything. */
export async function loader({ params }: LoaderFunctionArgs) {
  const state = checkCardLink(params.token ?? "");
  return { problem: state.ok ? null : state.reason === "expired" ? m.expired : m.invalid };
}

export async function action({ params, context }: ActionFunctionArgs) {
  const result = await redeemCardLink(params.token ?? "", clientIp(context));
  if (result.ok) return redirect(result.to, { status: 303, headers: { "Set-Cookie": result.setCookie } });
  return data({ problem: result.reason === "expired" ? m.expired : m.invalid }, { status: result.reason === "expired" ? 410 : 400 });
}

export const meta: MetaFunction = () => privatePageMeta(m.title, { name: "referrer", content: "same-origin" });

export default function CardLink() {
  const { problem } = useLoaderData<typeof loader>();
  return (
    <section className="mx-auto max-w-lg">
      <h1 className="text-3xl font-bold text-brand-800">{m.title}</h1>
      {problem ? (
        <>
          <Alert tone="warning" className="mt-4">
            {problem}
          </Alert>
          <p className="mt-4">
            <Link to="/give/manage" className="font-semibold text-brand-700 underline">
              {m.askAgain}
            </Link>
          </p>
        </>
      ) : (
        <Form method="post" className="mt-6">
          <p className="text-slate-700">{m.intro}</p>
          <button type="submit" className="mt-4 rounded-md bg-brand-700 px-5 py-2 font-bold text-white hover:bg-brand-800">
            {portalMessages.cardButton}
          </button>
        </Form>
      )}
    </section>
  );
}
