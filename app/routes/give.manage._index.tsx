import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { ManageEmailSchema } from "~/giving/page-inputs.server";
import { requestManageLink } from "~/models/manage.server";
import { clientIp, readForm } from "~/utils/request.server";
import { invalidFormStatus } from "~/utils/text";


export async function loader({ request }: LoaderFunctionArgs) {
  return { done: new URL(request.url).searchParams.get("done") === "1" };
}

/** Always the same answer, whether or not the address has given. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = Object.fromEntries(await readForm(request));
  const parsed = ManageEmailSchema.safeParse(form);
  if (!parsed.success) {
    return data({ sent: false, error: parsed.error.issues[0]?.message ?? "Enter your email address.", email: String(form.email ?? "") }, { status: invalidFormStatus(parsed.error.issues) });
  }
  const allowed = await requestManageLink(parsed.data.email, clientIp(context));
  if (!allowed) {
    return data({ sent: false, error: "Too many requests. Please wait a few minutes and try again.", email: parsed.data.email }, { status: 429 });
  }
  return { sent: true, error: null, email: "" };
}

export const meta: MetaFunction = () => [{ title: "Manage your monthly gift" }, { name: "robots", content: "noindex" }];

export default function ManageGift() {
  const { done } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="mx-auto max-w-lg">
      <h1 className="text-3xl font-bold text-brand-800">Manage your monthly gift</h1>
      {done ? <p className="mt-4 rounded-md bg-green-50 p-3 text-green-900">Your changes are saved. Thank you for your support.</p> : null}
      {result?.sent ? (
        <p role="status" className="mt-4 rounded-md bg-green-50 p-3 text-green-900">
          If that address has a monthly gift with us, we have emailed it a link to update the card or cancel. The link works
          once, for 30 minutes.
        </p>
      ) : (
        <Form method="post" noValidate className="mt-6 space-y-4">
          <p className="text-slate-700">
            Enter the email address you give with. We will email you a link to update your card or cancel; no account needed.
          </p>
          <div>
            <label htmlFor="email" className="block text-sm font-semibold text-slate-900">
              Email
            </label>
            <input
              id="email"
              name="email"
              type="email"
              autoComplete="email"
              defaultValue={result?.email}
              aria-invalid={result?.error ? true : undefined}
              aria-describedby={result?.error ? "email-error" : undefined}
              className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2"
            />
            {result?.error ? (
              <p id="email-error" role="alert" className="mt-1 text-sm font-semibold text-red-800">
                {result.error}
              </p>
            ) : null}
          </div>
          <button type="submit" className="rounded-md bg-brand-700 px-5 py-2 font-bold text-white hover:bg-brand-800">
            Email me a link
          </button>
        </Form>
      )}
    </section>
  );
}
