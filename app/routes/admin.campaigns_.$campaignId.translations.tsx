import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { findCampaignForStaff, saveCampaignTranslation } from "~/campaigns/campaign-admin.data.server";
import { CampaignTranslationEditor } from "~/campaigns/components/CampaignTranslationEditor";
import { languageName, parseTranslationPost, translationLanguages, translationValues } from "~/campaigns/translation-form.server";
import { Alert } from "~/components/ui/Alert";
import { requireAdmin, staffActor } from "~/staff/auth.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { staffPageMeta } from "~/utils/meta";
import { readForm } from "~/utils/request.server";
import { z } from "~/utils/zod";

const ParamsSchema = z.object({ campaignId: z.uuid() });
const SearchSchema = z.object({ saved: z.enum(["saved", "unchanged"]).optional().catch(undefined) });

function campaignIdFrom(params: LoaderFunctionArgs["params"]): string {
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw data({ message: "There is no such campaign." }, { status: 404 });
  return parsed.data.campaignId;
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) =>
  staffPageMeta(page ? `Translations of ${page.campaign.title}` : "Campaign translations");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const found = await findCampaignForStaff(campaignIdFrom(params));
  if (!found) throw data({ message: "There is no such campaign." }, { status: 404 });
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
  const id = campaignIdFrom(params);
  const post = parseTranslationPost(await readForm(request));
  if (post.kind === "preview") return { values: post.values, errors: {}, previewHtml: post.previewHtml };
  if (post.kind === "invalid") return data({ values: post.values, errors: post.errors, previewHtml: null }, { status: post.status });
  const outcome = await saveCampaignTranslation(id, post.lang, post.text, staffActor(staff, context));
  if (outcome === "notFound") throw data({ message: "There is no such campaign." }, { status: 404 });
  return redirect(`/admin/campaigns/${id}/translations?saved=${outcome}`, { status: 303 });
}

export default function CampaignTranslations() {
  const { campaign, languages, values, saved } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <section>
      <p>
        <Link to={`/admin/campaigns/${campaign.id}`} className="text-sm text-brand-700 underline">
          Back to the campaign
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold text-brand-800">Translations of “{campaign.title}”</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        Each language&apos;s title, summary and story, beside the published ones. A language left empty shows the default language&apos;s
        words, with a note that the campaign is not yet translated.
      </p>
      {saved && !reply ? (
        <Alert tone="success" className="mt-4">
          {saved === "saved" ? "Translation saved. The public pages show it now." : "Nothing had changed, so nothing was saved."}
        </Alert>
      ) : null}
      {languages.length === 0 ? <p className="mt-6">The site has one language (LANGUAGES): there is nothing to translate.</p> : null}
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
