import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { Alert } from "~/components/ui/Alert";
import { TextField } from "~/components/ui/Field";
import { ManageEmailSchema } from "~/giving/page-inputs.server";
import { requestManageLink } from "~/manage/manage-link-requests.server";
import { parseForm } from "~/utils/forms.server";
import { portalMessages } from "~/portal/messages";
import { privatePageMeta } from "~/utils/meta";
import { clientIp, readForm } from "~/utils/request.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const search = new URL(request.url).searchParams;
  return { done: search.get("done") === "1", ended: search.get("ended") === "1", signedOut: search.get("signed-out") === "1" };
}

/**
 * Always the same answer, after the same work, whether or not the address has
 * given: the link itself is emailed later by the outbox sender.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(await readForm(request), { fields: ["email"], schema: ManageEmailSchema });
  if (!parsed.ok) {
    return data(
      { sent: false, error: parsed.errors.email ?? "Enter your email address.", email: parsed.values.email },
      { status: parsed.status },
    );
  }
  const allowed = await requestManageLink(parsed.data.email, clientIp(context));
  if (!allowed) {
    return data(
      { sent: false, error: "Too many requests. Please wait a few minutes and try again.", email: parsed.data.email },
      { status: 429 },
    );
  }
  return { sent: true, error: null, email: "" };
}

export const meta: MetaFunction = () => privatePageMeta("Your giving");

export default function ManageGift() {
  const { done, ended, signedOut } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="mx-auto max-w-lg">
      <h1 className="text-3xl font-bold text-brand-800">Your giving</h1>
      {done ? (
        <Alert tone="success" announce={false} className="mt-4">
          Your changes are saved. Thank you for your support.
        </Alert>
      ) : null}
      {(ended || signedOut) && !result ? (
        <Alert tone={signedOut ? "success" : "warning"} announce={false} className="mt-4">
          {signedOut ? portalMessages.signedOut : portalMessages.ended}
        </Alert>
      ) : null}
      {result?.sent ? (
        <Alert tone="success" className="mt-4">
          If that address has given with us, we are emailing it a link to your giving page; it should arrive within a minute or two. The
          link works once, for 30 minutes. We send one link every 15 minutes at most: if one arrived a moment ago, use that one.
        </Alert>
      ) : (
        <Form method="post" noValidate className="mt-6 space-y-4">
          <p className="text-slate-700">
            Enter the email address you give with. We will email you a link to see your gifts and receipts and to change a monthly gift; no
            account needed.
          </p>
          <TextField
            name="email"
            label="Email"
            type="email"
            autoComplete="email"
            defaultValue={result?.email}
            error={result?.error ?? undefined}
            announceError
          />
          <button type="submit" className="rounded-md bg-brand-700 px-5 py-2 font-bold text-white hover:bg-brand-800">
            Email me a link
          </button>
        </Form>
      )}
    </section>
  );
}
