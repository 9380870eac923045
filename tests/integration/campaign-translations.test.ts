import { beforeAll, describe, expect, it } from "vitest";

import { db } from "~/db/db.server";
import { action, loader } from "~/routes/admin.campaigns_.$campaignId.translations";
import { loader as campaignPageLoader } from "~/routes/_site.campaigns.$slug";

import { createCampaign } from "../support/factories";
import { formRequest, loaderArgs, outcome, pageData, thrownStatus } from "../support/requests";
import { signedInStaff, type SignedInStaff } from "../support/staff";

type Reply = { values: Record<string, string>; errors: Record<string, string>; previewHtml: string | null };

let admin: SignedInStaff;
let viewer: SignedInStaff;

beforeAll(async () => {
  admin = await signedInStaff("admin");
  viewer = await signedInStaff("viewer");
});

async function post(id: string, fields: Record<string, string>, staff = admin) {
  return outcome<Reply>(
    await action({
      request: formRequest(`/admin/campaigns/${id}/translations`, fields, staff.headers),
      params: { campaignId: id },
      context: {},
    }),
  );
}

async function spanishPage(slug: string) {
  return pageData(await campaignPageLoader(loaderArgs(`/es/campaigns/${slug}`, { slug, lang: "es" }))).campaign;
}

describe("translating a campaign (staff)", () => {
  it("shows the published words beside each other language's, previews without saving, and saves what the Spanish page shows", async () => {
    const campaign = await createCampaign({ title: "Safe homes", story: "## Why\n\nBecause." });
    const page = pageData(
      await loader({
        ...loaderArgs(`/admin/campaigns/${campaign.id}/translations`, { campaignId: campaign.id }, { headers: admin.headers }),
      }),
    );
    expect(page.languages).toEqual([{ lang: "es", name: "Español" }]);
    expect(page.campaign.storyHtml).toContain("<h2>Why</h2>");
    expect(page.values.es).toEqual({ lang: "es", title: "", summary: "", story: "" });

    const spanish = { lang: "es", title: "Hogares seguros", summary: "Un techo seguro.", story: "## Por qué\n\nPorque sí." };
    const preview = await post(campaign.id, { ...spanish, intent: "preview" });
    expect(preview.status).toBe(200);
    expect(preview.data?.previewHtml).toContain("<h2>Por qué</h2>");
    expect((await spanishPage(campaign.slug)).translated).toBe(false);

    const saved = await post(campaign.id, { ...spanish, intent: "save" });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`/admin/campaigns/${campaign.id}/translations?saved=saved`);
    expect(await spanishPage(campaign.slug)).toMatchObject({ title: "Hogares seguros", lang: "es", translated: true });
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "campaign.translate", targetId: campaign.id } });
    expect(audit.details).toMatchObject({ language: "es", removed: false });

    // Saved again as it is: nothing changes.
    expect((await post(campaign.id, { ...spanish, intent: "save" })).headers.get("location")).toMatch(/saved=unchanged$/);
    // All three emptied: the translation is removed and the page falls back, saying so.
    await post(campaign.id, { lang: "es", title: "", summary: "", story: "", intent: "save" });
    expect(await spanishPage(campaign.slug)).toMatchObject({ title: "Safe homes", lang: "en", translated: false });
  });

  it("refuses half a translation, a language the site does not have, and control characters", async () => {
    const campaign = await createCampaign();
    const half = await post(campaign.id, { lang: "es", title: "Solo título", summary: "", story: "", intent: "save" });
    expect(half.status).toBe(422);
    expect(Object.keys(half.data?.errors ?? {})).toEqual(["summary", "story"]);
    const english = await post(campaign.id, { lang: "en", title: "T", summary: "S", story: "S", intent: "save" });
    expect(english.status).toBe(422);
    expect(english.data?.errors.lang).toMatch(/other languages/);
    const control = await post(campaign.id, { lang: "es", title: "T\u0007", summary: "S", story: "S", intent: "save" });
    expect(control.status).toBe(400);
    const stored = await db().campaign.findUniqueOrThrow({ where: { id: campaign.id } });
    expect(stored.translations).toEqual({});
  });

  it("is for admins only", async () => {
    const campaign = await createCampaign();
    expect(await thrownStatus(() => post(campaign.id, { lang: "es", title: "T", summary: "S", story: "S" }, viewer))).toBe(403);
  });
});
