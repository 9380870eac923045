import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useRouteLoaderData } from "@remix-run/react";

import { StaffLayout } from "~/components/staff/StaffLayout";
import type { loader as rootLoader } from "~/root";
import { currentStaff, safeNextPath } from "~/staff/auth.server";
import { STAFF_HEADERS } from "~/staff/headers";
import { staffCookie } from "~/staff/session-cookie.server";
import { MISMATCH_MESSAGE, signIn, SignInSchema } from "~/staff/sign-in.server";
import { clientIp, readForm } from "~/utils/request.server";
import { invalidFormStatus } from "~/utils/text";

export const headers: HeadersFunction = ({ actionHeaders, loaderHeaders }) => ({
  ...STAFF_HEADERS,
  ...Object.fromEntries(actionHeaders),
  ...Object.fromEntries(loaderHeaders),
});

export const meta: MetaFunction = () => [{ title: "Staff sign-in" }, { name: "robots", content: "noindex, nofollow" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const next = safeNextPath(new URL(request.url).searchParams.get("next"));
  if (await currentStaff(request)) throw redirect(next, { status: 303 });
  return { next };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = Object.fromEntries(await readForm(request));
  const next = safeNextPath(typeof form.next === "string" ? form.next : null);
  const email = typeof form.email === "string" ? form.email.slice(0, 254) : "";
  const parsed = SignInSchema.safeParse(form);
  if (!parsed.success) {
    return data({ error: parsed.error.issues[0]?.message ?? MISMATCH_MESSAGE, email }, { status: invalidFormStatus(parsed.error.issues) });
  }
  const result = await signIn(parsed.data, { ip: clientIp(context), userAgent: request.headers.get("User-Agent") });
  if (!result.ok) {
    if (result.reason === "rate_limited") {
      const minutes = Math.max(1, Math.ceil((result.retryAfterSeconds ?? 60) / 60));
      return data(
        { error: `Too many sign-in attempts. Wait ${minutes} ${minutes === 1 ? "minute" : "minutes"} and try again.`, email },
        { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds ?? 60) } },
      );
    }
    return data({ error: MISMATCH_MESSAGE, email }, { status: 401 });
  }
  throw redirect(next, { status: 303, headers: { "Set-Cookie": await staffCookie().serialize(result.token) } });
}

export default function SignIn() {
  const { next } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const root = useRouteLoaderData<typeof rootLoader>("root");
  return (
    <StaffLayout staff={null} organisationName={root?.organisation.name ?? "Lantern"}>
      <section className="mx-auto max-w-sm rounded-lg border border-slate-300 bg-white p-6">
        <h1 className="text-2xl font-bold text-brand-800">Staff sign-in</h1>
        {result?.error ? (
          <p id="sign-in-error" role="alert" className="mt-4 rounded-md border border-red-300 bg-red-50 p-3 text-sm font-semibold text-red-900">
            {result.error}
          </p>
        ) : null}
        <Form method="post" className="mt-4 space-y-4" aria-describedby={result?.error ? "sign-in-error" : undefined}>
          <input type="hidden" name="next" value={next} />
          <div>
            <label htmlFor="email" className="block text-sm font-semibold text-slate-900">
              Email
            </label>
            <input
              id="email"
              name="email"
              type="email"
              autoComplete="username"
              required
              defaultValue={result?.email}
              className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2"
            />
          </div>
          <div>
            <label htmlFor="password" className="block text-sm font-semibold text-slate-900">
              Password
            </label>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2"
            />
          </div>
          <button type="submit" disabled={busy} className="w-full rounded-md bg-brand-700 px-5 py-2 font-bold text-white hover:bg-brand-800">
            {busy ? "Signing in…" : "Sign in"}
          </button>
        </Form>
      </section>
    </StaffLayout>
  );
}
