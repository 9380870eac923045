import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { Alert } from "~/components/ui/Alert";
import { checkManageLink, redeemManageLink } from "~/manage/manage.server";
import { privatePageMeta } from "~/utils/meta";

const MESSAGES = {
  invalid: "This link is not valid. Ask for a new one below.",
  expired: "This link has expired (links work for 30 minutes). Ask for a new one below.",
  used: "This link has already been used (each link works once). Ask for a new one below.",
  no_gift: "We could not find your gifts. If you think this is wrong, please write to us.",
} as const;

const STATUS: Record<keyof typeof MESSAGES, number> = { invalid: 400, expired: 410, used: 409, no_gift: 404 };

/**
 * Opening the emailed link shows a button; only pressing it uses the link,
 * so mail scanners that fetch links cannot use it up.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const state = await checkManageLink(params.token ?? "");
  return { problem: state.ok ? null : MESSAGES[state.reason] };
}

export async function action({ params }: ActionFunctionArgs) {
  const result = await redeemManageLink(params.token ?? "");
  if (result.ok) return redirect("/give/portal", { status: 303, headers: { "Set-Cookie": result.setCookie } });
  return data({ problem: MESSAGES[result.reason], retry: false }, { status: STATUS[result.reason] });
}

export const meta: MetaFunction = () => privatePageMeta("Your giving", { name: "referrer", content: "same-origin" });

export default function ManageLink() {
  const { problem } = useLoaderData<typeof loader>();
  const after = useActionData<typeof action>();
  const message = after?.problem ?? problem;
  // After a failure on the payment processor's side the link is still good: offer the button again.
  const usable = !problem && (!after || after.retry);
  return (
    <section className="mx-auto max-w-lg">
      <h1 className="text-3xl font-bold text-brand-800">Your giving</h1>
      {message ? (
        <Alert tone="warning" className="mt-4">
          {message}
        </Alert>
      ) : null}
      {usable ? (
        <Form method="post" className="mt-6">
          <p className="text-slate-700">See your gifts and receipts, and change, pause or cancel a monthly or yearly gift.</p>
          <button type="submit" className="mt-4 rounded-md bg-brand-700 px-5 py-2 font-bold text-white hover:bg-brand-800">
            {after?.retry ? "Try again" : "Open my giving page"}
          </button>
        </Form>
      ) : (
        <p className="mt-4">
          <Link to="/give/manage" className="font-semibold text-brand-700 underline">
            Ask for a new link
          </Link>
        </p>
      )}
    </section>
  );
}
