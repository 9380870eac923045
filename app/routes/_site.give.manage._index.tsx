import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { Alert } from "~/components/ui/Alert";
import { TextField } from "~/components/ui/Field";
import { ManageEmailSchema } from "~/giving/page-inputs.server";
import { translator } from "~/i18n/i18n";
import { requestLanguage } from "~/i18n/language.server";
import { requestManageLink } from "~/manage/manage-link-requests.server";
import { parseForm } from "~/utils/forms.server";
import { SINGLE_LINE_MESSAGE } from "~/utils/text";
import { privatePageMeta } from "~/utils/meta";
import { clientIp, readForm } from "~/utils/request.server";
import type { loader as rootLoader } from "~/root";
import { useT } from "~/i18n/language-context";

export async function loader({ request }: LoaderFunctionArgs) {
  const search = new URL(request.url).searchParams;
  return { done: search.get("done") === "1", ended: search.get("ended") === "1", signedOut: search.get("signed-out") === "1" };
}

/**
 * Always the same answer, after the same work, whether or not the address has
 * given: the link itself is emailed later by the outbox sender.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const { lang } = requestLanguage(request);
  const t = translator(lang);
  const parsed = parseForm(await readForm(request), { fields: ["email"], schema: ManageEmailSchema });
  if (!parsed.ok) {
    // The schema's two messages, in the page's language.
    const error = parsed.errors.email
      ? t(parsed.errors.email === SINGLE_LINE_MESSAGE ? "formErrors.singleLine" : "formErrors.emailFormat")
      : t("manage.emailRequired");
    return data({ sent: false, error, email: parsed.values.email }, { status: parsed.status });
  }
  const allowed = await requestManageLink(parsed.data.email, clientIp(context));
  if (!allowed) {
    return data({ sent: false, error: t("manage.tooMany"), email: parsed.data.email }, { status: 429 });
  }
  return { sent: true, error: null, email: "" };
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ matches }) =>
  privatePageMeta(translator(matches.find((m) => m.id === "root")?.data?.language.lang ?? "en")("manage.title"));

export default function ManageGift() {
  const { done, ended, signedOut } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useT();
  return (
    <section className="mx-auto max-w-lg">
      <h1 className="text-3xl font-bold text-brand-800">{t("manage.title")}</h1>
      {done ? (
        <Alert tone="success" announce={false} className="mt-4">
          {t("manage.saved")}
        </Alert>
      ) : null}
      {(ended || signedOut) && !result ? (
        <Alert tone={signedOut ? "success" : "warning"} announce={false} className="mt-4">
          {t(signedOut ? "portal.signedOut" : "portal.ended")}
        </Alert>
      ) : null}
      {result?.sent ? (
        <Alert tone="success" className="mt-4">
          {t("manage.sent")}
        </Alert>
      ) : (
        <Form method="post" noValidate className="mt-6 space-y-4">
          <p className="text-slate-700">{t("manage.intro")}</p>
          <TextField
            name="email"
            label={t("manage.email")}
            type="email"
            autoComplete="email"
            defaultValue={result?.email}
            error={result?.error ?? undefined}
            announceError
          />
          <button type="submit" className="rounded-md bg-brand-700 px-5 py-2 font-bold text-white hover:bg-brand-800">
            {t("manage.submit")}
          </button>
        </Form>
      )}
    </section>
  );
}
