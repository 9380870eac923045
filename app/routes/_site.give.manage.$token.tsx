import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { Alert } from "~/components/ui/Alert";
import { checkManageLink, redeemManageLink } from "~/manage/manage.server";
import { privatePageMeta } from "~/utils/meta";

const MESSAGES = {
  invalid: "This link is not valid. Ask for a new one below.",
  expired: "This link has expired (links work for 30 minutes). Ask for a new one below.",
  used: "This link has already been used (each link works once). Ask for a new one below.",
  no_gift:
    "We could not find a monthly gift for you with our payment processor, so there is nothing to change. If you think this is wrong, please write to us.",
  unavailable:
    "We could not open the page to manage your gift just now. Nothing has changed, and this link still works: please try again in a few minutes.",
} as const;

/** Stripe could not be reached or failed: the upstream is at fault, not the donor's link. */
const STATUS: Record<keyof typeof MESSAGES, number> = { invalid: 400, expired: 410, used: 409, no_gift: 404, unavailable: 502 };

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
  if (result.ok) return redirect(result.url, 303);
  return data({ problem: MESSAGES[result.reason], retry: result.reason === "unavailable" }, { status: STATUS[result.reason] });
}

export const meta: MetaFunction = () => privatePageMeta("Manage your monthly gift", { name: "referrer", content: "no-referrer" });

export default function ManageLink() {
  const { problem } = useLoaderData<typeof loader>();
  const after = useActionData<typeof action>();
  const message = after?.problem ?? problem;
  // After a failure on the payment processor's side the link is still good: offer the button again.
  const usable = !problem && (!after || after.retry);
  return (
    <section className="mx-auto max-w-lg">
      <h1 className="text-3xl font-bold text-brand-800">Manage your monthly gift</h1>
      {message ? (
        <Alert tone="warning" className="mt-4">
          {message}
        </Alert>
      ) : null}
      {usable ? (
        <Form method="post" className="mt-6">
          <p className="text-slate-700">You will go to our payment processor&apos;s secure page to update your card or cancel.</p>
          <button type="submit" className="mt-4 rounded-md bg-brand-700 px-5 py-2 font-bold text-white hover:bg-brand-800">
            {after?.retry ? "Try again" : "Update card or cancel"}
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
