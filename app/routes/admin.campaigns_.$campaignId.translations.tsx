import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { findCampaignForStaff, saveCampaignTranslation } from "~/campaigns/campaign-admin.data.server";
import { CampaignTranslationEditor } from "~/campaigns/components/CampaignTranslationEditor";
import { languageName, parseTranslationPost, translationLanguages, translationValues } from "~/campaigns/translation-form.server";
import { Alert } from "~/components/ui/Alert";
import { campaignIdFromParams, campaignNotFound } from "~/campaigns/staff-campaign-params.server";
import { requireAdmin, staffActor } from "~/staff/auth.server";
import { useT } from "~/i18n/language-context";
import { staffMeta } from "~/staff/staff-text";
import { renderMarkdown } from "~/utils/markdown.server";
import { readForm } from "~/utils/request.server";
import { z } from "~/utils/zod";

const SearchSchema = z.object({ saved: z.enum(["saved", "unchanged"]).optional().catch(undefined) });

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) =>
  staffMeta(matches, (t) =>
    page ? t("staff.campaignTranslations.metaTitle", { title: page.campaign.title }) : t("staff.campaignTranslations.metaFallback"),
  );

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const found = await findCampaignForStaff(campaignIdFromParams(params));
  if (!found) throw campaignNotFound();
  const { campaign } = found;
  const search = SearchSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return {
    campaign: { id: campaign.id, title: campaign.title, summary: campaign.summary, storyHtml: renderMarkdown(campaign.story) },
    languages: translationLanguages().map((lang) => ({ lang, name: languageName(lang) })),
    values: translationValues(campaign.translations),
    saved: search.saved ?? null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const staff = await requireAdmin(request);
  const id = campaignIdFromParams(params);
  const post = parseTranslationPost(await readForm(request));
  if (post.kind === "preview") return { values: post.values, errors: {}, previewHtml: post.previewHtml };
  if (post.kind === "invalid") return data({ values: post.values, errors: post.errors, previewHtml: null }, { status: post.status });
  const outcome = await saveCampaignTranslation(id, post.lang, post.text, staffActor(staff, context));
  if (outcome === "notFound") throw campaignNotFound();
  return redirect(`/admin/campaigns/${id}/translations?saved=${outcome}`, { status: 303 });
}

export default function CampaignTranslations() {
  const { campaign, languages, values, saved } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useT();
  const text = (key: string, values?: Record<string, unknown>) => t(`staff.campaignTranslations.${key}`, values);
  return (
    <section>
      <p>
        <Link to={`/admin/campaigns/${campaign.id}`} className="text-sm text-brand-700 underline">
          {text("back")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold text-brand-800">{text("title", { title: campaign.title })}</h1>
      <p className="mt-1 max-w-3xl text-slate-700">{text("intro")}</p>
      {saved && !reply ? (
        <Alert tone="success" className="mt-4">
          {text(saved === "saved" ? "saved" : "unchanged")}
        </Alert>
      ) : null}
      {languages.length === 0 ? <p className="mt-6">{text("oneLanguage")}</p> : null}
      {languages.map(({ lang, name }) => {
        const mine = reply && reply.values.lang === lang ? reply : null;
        return (
          <CampaignTranslationEditor
            key={mine ? `${lang}-reply` : lang}
            lang={lang}
            languageName={name}
            original={campaign}
            values={mine?.values ?? values[lang] ?? { lang, title: "", summary: "", story: "" }}
            errors={mine?.errors ?? {}}
            previewHtml={mine?.previewHtml ?? null}
          />
        );
      })}
    </section>
  );
}
