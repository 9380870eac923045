import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { Alert } from "~/components/ui/Alert";
import { answerMonthlyInvitation, invitationPage } from "~/giving/invitation.server";
import { translator } from "~/i18n/i18n";
import { useLanguage, useT } from "~/i18n/language-context";
import { requestLanguage } from "~/i18n/language.server";
import type { loader as rootLoader } from "~/root";
import { parseForm } from "~/utils/forms.server";
import { privatePageMeta } from "~/utils/meta";
import { readForm } from "~/utils/request.server";

const ParamsSchema = z.object({ pledgeId: z.uuid() });
const AnswerSchema = z.object({ answer: z.enum(["accept", "decline"], { error: "invitation.choose" }) });

function pledgeIdOf(params: LoaderFunctionArgs["params"]): string {
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw data(null, { status: 404 });
  return parsed.data.pledgeId;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  return { page: await invitationPage(request, pledgeIdOf(params)) };
}

/** Yes: Checkout for the monthly gift; no: straight to Checkout for the one-time gift. One click either way. */
export async function action({ request, params }: ActionFunctionArgs) {
  const pledgeId = pledgeIdOf(params);
  const parsed = parseForm(await readForm(request), { fields: ["answer"], schema: AnswerSchema });
  if (!parsed.ok) return data({ problem: translator(requestLanguage(request).lang)("invitation.choose") }, { status: parsed.status });
  const answered = await answerMonthlyInvitation(request, pledgeId, parsed.data.answer === "accept");
  if (answered.ok) return redirect(answered.url, 303);
  return data({ problem: answered.message }, { status: answered.status });
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ matches }) =>
  privatePageMeta(translator(matches.find((m) => m.id === "root")?.data?.language.lang ?? "en")("invitation.title"));

export default function MonthlyInvitation() {
  const { page } = useLoaderData<typeof loader>();
  const after = useActionData<typeof action>();
  const { t } = useT();
  const { href } = useLanguage();
  if (!page || after) {
    return (
      <section className="mx-auto max-w-lg">
        <Alert tone="warning">{after?.problem ?? t("invitation.gone")}</Alert>
        <p className="mt-4">
          <Link to={href("/")} className="font-semibold text-brand-700 underline">
            {t("invitation.home")}
          </Link>
        </p>
      </section>
    );
  }
  return (
    <section className="mx-auto max-w-lg">
      <h1 className="text-3xl font-bold text-brand-800">{page.title}</h1>
      <p className="mt-4 text-slate-700">{page.body}</p>
      <Form method="post" className="mt-6 flex flex-col gap-3 sm:flex-row">
        <button
          type="submit"
          name="answer"
          value="accept"
          className="rounded-md bg-brand-700 px-5 py-2 font-bold text-white hover:bg-brand-800"
        >
          {page.accept}
        </button>
        <button
          type="submit"
          name="answer"
          value="decline"
          className="rounded-md border border-slate-400 px-5 py-2 font-semibold text-slate-800 hover:bg-slate-50"
        >
          {page.decline}
        </button>
      </Form>
    </section>
  );
}
