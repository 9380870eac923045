import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useRouteLoaderData } from "@remix-run/react";

import { StaffLayout } from "~/staff/components/StaffLayout";
import { Alert } from "~/components/ui/Alert";
import { TextField } from "~/components/ui/Field";
import type { loader as rootLoader } from "~/root";
import { currentStaff, safeNextPath } from "~/staff/auth.server";
import { staffHeaders } from "~/staff/headers";
import { staffCookie } from "~/staff/session-cookie.server";
import { useT } from "~/i18n/language-context";
import { mismatchMessage, signIn, signInSchema } from "~/staff/sign-in.server";
import { staffTranslator } from "~/staff/staff-language.server";
import { metaTranslator } from "~/staff/staff-text";
import { parseForm } from "~/utils/forms.server";
import { privatePageMeta } from "~/utils/meta";
import { clientIp, readForm } from "~/utils/request.server";
import { useIsPending } from "~/utils/use-is-pending";
import { HYDRATE } from "~/utils/page-handle";

/** Outside the staff layout, so it says itself that it hydrates (decision 029). */
export const handle = HYDRATE;

/** Outside the staff layout (it needs no account), so it sends the staff headers itself. */
export const headers = staffHeaders;

export const meta: MetaFunction = ({ matches }) => privatePageMeta(metaTranslator(matches)("staff.signIn.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const next = safeNextPath(new URL(request.url).searchParams.get("next"));
  if (await currentStaff(request)) throw redirect(next, { status: 303 });
  return { next };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const t = staffTranslator();
  const parsed = parseForm(await readForm(request), { fields: ["email", "password", "next"], schema: signInSchema(t) });
  const next = safeNextPath(parsed.values.next);
  const email = parsed.values.email.slice(0, 254);
  // One message at the top: the first problem, as the form has no summary.
  if (!parsed.ok) return data({ error: Object.values(parsed.errors)[0] ?? mismatchMessage(t), email }, { status: parsed.status });
  const result = await signIn(parsed.data, { ip: clientIp(context), userAgent: request.headers.get("User-Agent") });
  if (!result.ok) {
    if (result.reason === "rate_limited") {
      const minutes = Math.max(1, Math.ceil((result.retryAfterSeconds ?? 60) / 60));
      return data(
        { error: t("staff.signIn.rateLimited", { count: minutes }), email },
        { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds ?? 60) } },
      );
    }
    return data({ error: mismatchMessage(t), email }, { status: 401 });
  }
  throw redirect(next, { status: 303, headers: { "Set-Cookie": await staffCookie().serialize(result.token) } });
}

export default function SignIn() {
  const { next } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useIsPending({ state: "submitting" });
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const { t } = useT();
  return (
    <StaffLayout staff={null} organisationName={root?.organisation.name ?? "Lantern"}>
      <section className="mx-auto max-w-sm rounded-lg border border-slate-300 bg-white p-6">
        <h1 className="text-2xl font-bold text-brand-800">{t("staff.signIn.title")}</h1>
        {result?.error ? (
          <Alert tone="error" id="sign-in-error" className="mt-4 text-sm font-semibold">
            {result.error}
          </Alert>
        ) : null}
        <Form method="post" className="mt-4 space-y-4" aria-describedby={result?.error ? "sign-in-error" : undefined}>
          <input type="hidden" name="next" value={next} />
          <TextField
            name="email"
            label={t("staff.signIn.email")}
            type="email"
            autoComplete="username"
            required
            defaultValue={result?.email}
          />
          <TextField name="password" label={t("staff.signIn.password")} type="password" autoComplete="current-password" required />
          <button
            type="submit"
            disabled={busy}
            className="w-full rounded-md bg-brand-700 px-5 py-2 font-bold text-white hover:bg-brand-800"
          >
            {busy ? t("staff.signIn.busy") : t("staff.signIn.submit")}
          </button>
        </Form>
      </section>
    </StaffLayout>
  );
}
