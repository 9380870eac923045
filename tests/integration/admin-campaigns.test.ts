import { beforeAll, describe, expect, it } from "vitest";

import type { CampaignFormErrors, CampaignFormValues } from "~/campaigns/fields";
import { db } from "~/db/db.server";
import { action as editAction, loader as editLoader } from "~/routes/admin.campaigns.$campaignId";
import { loader as listLoader } from "~/routes/admin.campaigns._index";
import { action as newAction, loader as newLoader } from "~/routes/admin.campaigns.new";
import { loader as campaignPageLoader } from "~/routes/_site.campaigns.$slug";
import { loader as homeLoader } from "~/routes/_site._index";

import { createCampaign, createDonation, createDonor } from "../support/factories";
import { formRequest, loaderArgs, outcome, pageData, thrownStatus } from "../support/requests";
import { signedInStaff, type SignedInStaff } from "../support/staff";

type Reply = { values: CampaignFormValues; errors: CampaignFormErrors; previewHtml: string | null };

let admin: SignedInStaff;
let viewer: SignedInStaff;

beforeAll(async () => {
  admin = await signedInStaff("admin");
  viewer = await signedInStaff("viewer");
});

let counter = 0;
function validForm(overrides: Partial<Record<keyof CampaignFormValues | "intent", string>> = {}): Record<string, string> {
  counter += 1;
  return {
    title: `Safe homes ${counter}`,
    slug: `safe-homes-${counter}`,
    summary: "Safe housing for survivors.",
    story: "## Why\n\nBecause everyone needs a safe place.",
    goal: "50,000.00",
    currency: "USD",
    presetAmounts: "25, 50, 100.50",
    monthlyInvitation: "off",
    startsAt: "2026-01-01T00:00",
    endsAt: "2027-06-30T23:59",
    status: "draft",
    ...overrides,
  };
}

async function create(fields: Record<string, string>, staff = admin) {
  return outcome<Reply>(await newAction({ request: formRequest("/admin/campaigns/new", fields, staff.headers), params: {}, context: {} }));
}

async function edit(id: string, fields: Record<string, string>, staff = admin) {
  return outcome<Reply>(
    await editAction({ request: formRequest(`/admin/campaigns/${id}`, fields, staff.headers), params: { campaignId: id }, context: {} }),
  );
}

function createdId(location: string | null): string {
  const match = /^\/admin\/campaigns\/([0-9a-f-]{36})\?saved=created$/.exec(location ?? "");
  if (!match?.[1]) throw new Error(`unexpected redirect ${location}`);
  return match[1];
}

async function publicSlugs(): Promise<string[]> {
  return pageData(await homeLoader(loaderArgs("/"))).campaigns.map((c) => c.slug);
}

describe("who may use the campaign pages", () => {
  it("sends anonymous visitors to sign in, for pages and posts alike", async () => {
    const campaign = await createCampaign();
    const requests = [
      () => listLoader(loaderArgs("/admin/campaigns")),
      () => newLoader(loaderArgs("/admin/campaigns/new")),
      () => editLoader(loaderArgs(`/admin/campaigns/${campaign.id}`, { campaignId: campaign.id })),
    ];
    for (const request of requests) {
      try {
        await request();
        throw new Error("expected a redirect");
      } catch (thrown) {
        expect(thrown).toBeInstanceOf(Response);
        const response = thrown as Response;
        expect(response.status).toBe(303);
        expect(response.headers.get("Location")).toMatch(/^\/admin\/sign-in\?next=%2Fadmin%2Fcampaigns/);
      }
    }
    expect(
      await thrownStatus(() => newAction({ request: formRequest("/admin/campaigns/new", validForm()), params: {}, context: {} })),
    ).toBe(303);
  });

  it("refuses viewers: 403 on every page and post, and nothing changes", async () => {
    const campaign = await createCampaign({ title: "Untouched" });
    const before = await db().campaign.count();
    expect(await thrownStatus(() => listLoader(loaderArgs("/admin/campaigns", {}, { headers: viewer.headers })))).toBe(403);
    expect(await thrownStatus(() => newLoader(loaderArgs("/admin/campaigns/new", {}, { headers: viewer.headers })))).toBe(403);
    expect(
      await thrownStatus(() =>
        editLoader(loaderArgs(`/admin/campaigns/${campaign.id}`, { campaignId: campaign.id }, { headers: viewer.headers })),
      ),
    ).toBe(403);
    expect(await thrownStatus(() => create(validForm(), viewer))).toBe(403);
    expect(await thrownStatus(() => edit(campaign.id, validForm({ title: "Changed" }), viewer))).toBe(403);
    expect(await db().campaign.count()).toBe(before);
    expect((await db().campaign.findUniqueOrThrow({ where: { id: campaign.id } })).title).toBe("Untouched");
    expect(await db().auditLog.count({ where: { actorId: viewer.user.id } })).toBe(0);
  });
});

describe("creating a campaign", () => {
  it("stores a valid campaign in minor units and records who created it", async () => {
    const fields = validForm({
      title: "Survivor housing",
      slug: "survivor-housing-2027",
      goal: "50,000.00",
      presetAmounts: "25, 50, 100.50",
      monthlyInvitation: "third",
    });
    const result = await create(fields);
    expect(result.status).toBe(303);
    const id = createdId(result.headers.get("Location"));

    const stored = await db().campaign.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({
      slug: "survivor-housing-2027",
      title: "Survivor housing",
      goalAmount: 5_000_000,
      currency: "USD",
      presetAmounts: [2_500, 5_000, 10_050],
      monthlyInvitation: "third",
      status: "draft",
      startsAt: new Date("2026-01-01T00:00:00Z"),
      endsAt: new Date("2027-06-30T23:59:00Z"),
    });

    const audit = await db().auditLog.findMany({ where: { targetType: "campaign", targetId: id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "campaign.create", actorId: admin.user.id });
    expect((audit[0]!.details as { changed: string[] }).changed).toEqual(
      expect.arrayContaining(["title", "slug", "goalAmount", "currency", "presetAmounts", "status", "startsAt", "endsAt"]),
    );
  });

  it("suggests the address from the title when it is left blank, never taking one in use", async () => {
    const first = await create(validForm({ title: "Café & Shelter: Winter 2027!", slug: "" }));
    const second = await create(validForm({ title: "Café & Shelter: Winter 2027!", slug: "  " }));
    const slugs = await Promise.all(
      [first, second].map(
        async (r) => (await db().campaign.findUniqueOrThrow({ where: { id: createdId(r.headers.get("Location")) } })).slug,
      ),
    );
    expect(slugs).toEqual(["cafe-and-shelter-winter-2027", "cafe-and-shelter-winter-2027-2"]);
  });

  it("refuses an address another campaign uses", async () => {
    await createCampaign({ slug: "taken-address" });
    const result = await create(validForm({ slug: "taken-address" }));
    expect(result.status).toBe(422);
    expect(result.data?.errors.slug).toMatch(/already uses this address/);
  });

  const invalid: Array<[string, Partial<CampaignFormValues>, keyof CampaignFormErrors, RegExp]> = [
    ["no title", { title: "   " }, "title", /Enter a title/],
    ["a title too long", { title: "x".repeat(121) }, "title", /at most 120/],
    ["an address with capitals", { slug: "Safe-Homes" }, "slug", /lowercase/],
    ["an address with spaces", { slug: "safe homes" }, "slug", /lowercase/],
    ["an address with a double hyphen", { slug: "safe--homes" }, "slug", /single hyphens/],
    ["an address with a leading hyphen", { slug: "-safe" }, "slug", /single hyphens/],
    ["an address with a slash", { slug: "a/b" }, "slug", /lowercase/],
    ["an address too long", { slug: "a".repeat(101) }, "slug", /at most 100/],
    ["no summary", { summary: "" }, "summary", /Enter a summary/],
    ["a summary too long", { summary: "s".repeat(301) }, "summary", /at most 300/],
    ["no story", { story: "  \n " }, "story", /story/],
    ["no goal", { goal: "" }, "goal", /Enter the goal/],
    ["a goal in words", { goal: "fifty thousand" }, "goal", /amount like 50000/],
    ["a goal with three decimals", { goal: "50000.001" }, "goal", /amount like 50000/],
    ["a goal in exponent notation", { goal: "5e4" }, "goal", /amount like 50000/],
    ["a negative goal", { goal: "-50" }, "goal", /amount like 50000/],
    ["a zero goal", { goal: "0" }, "goal", /between \$1\.00 and \$20,000,000\.00/],
    ["a goal too large for the ledger", { goal: "30000000" }, "goal", /between/],
    ["a currency outside the list", { currency: "JPY" }, "currency", /USD, CAD, EUR, GBP/],
    ["no currency", { currency: "" }, "currency", /USD, CAD, EUR, GBP/],
    ["no suggested amounts", { presetAmounts: " , " }, "presetAmounts", /1 to 6 amounts/],
    ["seven suggested amounts", { presetAmounts: "10, 20, 30, 40, 50, 60, 70" }, "presetAmounts", /1 to 6 amounts/],
    ["a suggested amount in words", { presetAmounts: "25, fifty" }, "presetAmounts", /“fifty” is not an amount/],
    ["a suggested amount below GIFT_MIN", { presetAmounts: "2, 50" }, "presetAmounts", /between \$5\.00 and \$25,000\.00; “2” is not/],
    ["a suggested amount above GIFT_MAX", { presetAmounts: "50, 25000.01" }, "presetAmounts", /“25000\.01” is not/],
    ["a suggested amount twice", { presetAmounts: "50, 50.00" }, "presetAmounts", /\$50\.00 is listed twice/],
    ["a start that is no date", { startsAt: "2026-02-30T10:00" }, "startsAt", /date and time like/],
    ["an end in words", { endsAt: "next spring" }, "endsAt", /date and time like/],
    ["an end before the start", { startsAt: "2027-01-02T00:00", endsAt: "2027-01-01T00:00" }, "endsAt", /after the start/],
    ["an end equal to the start", { startsAt: "2027-01-01T00:00", endsAt: "2027-01-01T00:00" }, "endsAt", /after the start/],
    ["an unknown status", { status: "deleted" }, "status", /draft, published or archived/],
  ];

  it.each(invalid)(
    "refuses %s with a 422, the message next to the field, and the values kept",
    async (_case, overrides, field, message) => {
      const before = await db().campaign.count();
      const fields = validForm(overrides);
      const result = await create(fields);
      expect(result.status).toBe(422);
      expect(result.data?.errors[field]).toMatch(message);
      expect(Object.keys(result.data?.errors ?? {})).toEqual([field]);
      expect(result.data?.values).toMatchObject(fields);
      expect(await db().campaign.count()).toBe(before);
    },
  );

  it("reports every problem at once, in the order of the form", async () => {
    const result = await create(
      validForm({ title: "", story: "", goal: "x", presetAmounts: "", startsAt: "2027-05-01T00:00", endsAt: "2027-04-01T00:00" }),
    );
    expect(result.status).toBe(422);
    expect(Object.keys(result.data?.errors ?? {})).toEqual(["title", "goal", "presetAmounts", "endsAt", "story"]);
  });

  it("accepts blank dates (no start, no end)", async () => {
    const result = await create(validForm({ startsAt: "", endsAt: "" }));
    const stored = await db().campaign.findUniqueOrThrow({ where: { id: createdId(result.headers.get("Location")) } });
    expect(stored).toMatchObject({ startsAt: null, endsAt: null });
  });

  it("answers 400 to an unknown intent", async () => {
    expect(await thrownStatus(() => create(validForm({ intent: "delete" })))).toBe(400);
  });
});

describe("previewing the story", () => {
  it("renders the Markdown on the server, saves nothing and keeps every value", async () => {
    const before = await db().campaign.count();
    const { intent: _intent, ...fields } = validForm({
      intent: "preview",
      goal: "not checked on preview",
      story: "## Hope\n\nA *safe* place.",
    });
    const result = await create({ ...fields, intent: "preview" });
    expect(result.status).toBe(200);
    expect(result.data?.previewHtml).toContain("<h2>Hope</h2>");
    expect(result.data?.previewHtml).toContain("<em>safe</em>");
    expect(result.data?.errors).toEqual({});
    expect(result.data?.values).toEqual(fields);
    expect(await db().campaign.count()).toBe(before);
  });

  it("shows raw HTML as text and drops unsafe links", async () => {
    const story = `<script>alert("x")</script>\n\n<img src=x onerror=alert(1)>\n\n[click](javascript:alert(1)) and [ok](https://example.org)`;
    const result = await create(validForm({ intent: "preview", story }));
    const html = result.data?.previewHtml ?? "";
    expect(html).not.toMatch(/<script|<img|href="javascript/i);
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain('href="https://example.org"');
  });

  it("works on the edit page too, leaving the campaign as it was", async () => {
    const campaign = await createCampaign({ story: "Old story" });
    const result = await edit(campaign.id, validForm({ intent: "preview", story: "New **story**" }));
    expect(result.status).toBe(200);
    expect(result.data?.previewHtml).toContain("<strong>story</strong>");
    expect((await db().campaign.findUniqueOrThrow({ where: { id: campaign.id } })).story).toBe("Old story");
  });
});

describe("editing a campaign", () => {
  it("shows the stored campaign in the form, amounts as decimals and dates in UTC", async () => {
    const campaign = await createCampaign({
      goalAmount: 1_234_550,
      presetAmounts: [2_500, 10_050],
      startsAt: new Date("2026-03-01T09:30:00Z"),
    });
    const page = await editLoader(loaderArgs(`/admin/campaigns/${campaign.id}`, { campaignId: campaign.id }, { headers: admin.headers }));
    expect(page.values).toMatchObject({
      goal: "12345.50",
      presetAmounts: "25.00, 100.50",
      startsAt: "2026-03-01T09:30",
      endsAt: "",
      status: "published",
    });
    expect(page.currencyLockedReason).toBeNull();
  });

  it("saves the changes and records the changed fields", async () => {
    const campaign = await createCampaign({ title: "Before", goalAmount: 100_000, status: "draft" });
    const fields = validForm({
      title: "After",
      slug: campaign.slug,
      goal: "2500",
      summary: campaign.summary,
      story: campaign.story,
      presetAmounts: "25, 50",
      startsAt: "",
      endsAt: "",
      status: "draft",
    });
    const result = await edit(campaign.id, fields);
    expect(result.status).toBe(303);
    expect(result.headers.get("Location")).toBe(`/admin/campaigns/${campaign.id}?saved=updated`);
    expect(await db().campaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({ title: "After", goalAmount: 250_000 });

    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "campaign.update", targetId: campaign.id } });
    expect(audit).toMatchObject({ actorId: admin.user.id, targetType: "campaign" });
    expect(audit.details).toEqual({ changed: ["title", "goalAmount"] });
  });

  it("writes nothing when nothing changed", async () => {
    const campaign = await createCampaign({ presetAmounts: [2_500, 5_000] });
    const page = await editLoader(loaderArgs(`/admin/campaigns/${campaign.id}`, { campaignId: campaign.id }, { headers: admin.headers }));
    const result = await edit(campaign.id, { ...page.values });
    expect(result.headers.get("Location")).toBe(`/admin/campaigns/${campaign.id}?saved=unchanged`);
    expect(await db().auditLog.count({ where: { targetId: campaign.id } })).toBe(0);
  });

  it("refuses another campaign's address and keeps its own", async () => {
    const other = await createCampaign();
    const campaign = await createCampaign();
    const taken = await edit(campaign.id, validForm({ slug: other.slug }));
    expect(taken.status).toBe(422);
    expect(taken.data?.errors.slug).toMatch(/already uses/);
    const own = await edit(campaign.id, validForm({ slug: campaign.slug }));
    expect(own.status).toBe(303);
  });

  it("moves the page to a new address; the old one answers 404", async () => {
    const campaign = await createCampaign({ slug: "old-address" });
    const page = await editLoader(loaderArgs(`/admin/campaigns/${campaign.id}`, { campaignId: campaign.id }, { headers: admin.headers }));
    await edit(campaign.id, { ...page.values, slug: "new-address" });
    expect(await thrownStatus(() => campaignPageLoader(loaderArgs("/campaigns/old-address", { slug: "old-address" })))).toBe(404);
    const moved = pageData(await campaignPageLoader(loaderArgs("/campaigns/new-address", { slug: "new-address" })));
    expect(moved.campaign.title).toBe(campaign.title);
    const audit = await db().auditLog.findFirstOrThrow({ where: { targetId: campaign.id } });
    expect(audit.details).toEqual({ changed: ["slug"], slug: { from: "old-address", to: "new-address" } });
  });

  it("answers 404 for an unknown or malformed campaign id", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(
      await thrownStatus(() => editLoader(loaderArgs(`/admin/campaigns/${unknown}`, { campaignId: unknown }, { headers: admin.headers }))),
    ).toBe(404);
    expect(await thrownStatus(() => editLoader(loaderArgs("/admin/campaigns/x", { campaignId: "x" }, { headers: admin.headers })))).toBe(
      404,
    );
    expect(await thrownStatus(() => edit(unknown, validForm()))).toBe(404);
  });
});

describe("publishing and archiving", () => {
  it("a published campaign is on the home page and its own page at once; archiving takes it off", async () => {
    const created = await create(validForm({ slug: "going-live", status: "draft", startsAt: "", endsAt: "" }));
    const id = createdId(created.headers.get("Location"));
    expect(await publicSlugs()).not.toContain("going-live");
    expect(await thrownStatus(() => campaignPageLoader(loaderArgs("/campaigns/going-live", { slug: "going-live" })))).toBe(404);

    const page = await editLoader(loaderArgs(`/admin/campaigns/${id}`, { campaignId: id }, { headers: admin.headers }));
    expect(page.campaign.state).toBe("draft");
    await edit(id, { ...page.values, status: "published" });
    expect(await publicSlugs()).toContain("going-live");
    const live = pageData(await campaignPageLoader(loaderArgs("/campaigns/going-live", { slug: "going-live" })));
    expect(live.campaign.ended).toBe(false);
    expect(
      (await listLoader(loaderArgs("/admin/campaigns", {}, { headers: admin.headers }))).campaigns.find((c) => c.id === id)?.state,
    ).toBe("live");

    await edit(id, { ...page.values, status: "archived" });
    expect(await publicSlugs()).not.toContain("going-live");
    expect(await thrownStatus(() => campaignPageLoader(loaderArgs("/campaigns/going-live", { slug: "going-live" })))).toBe(404);

    const audit = await db().auditLog.findMany({ where: { targetId: id, action: "campaign.update" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((row) => row.details)).toEqual([
      { changed: ["status"], status: { from: "draft", to: "published" } },
      { changed: ["status"], status: { from: "published", to: "archived" } },
    ]);
  });

  it("a published campaign with a future start is scheduled, hidden until then", async () => {
    const created = await create(validForm({ slug: "later", status: "published", startsAt: "2099-01-01T00:00", endsAt: "" }));
    const id = createdId(created.headers.get("Location"));
    expect(await publicSlugs()).not.toContain("later");
    const list = await listLoader(loaderArgs("/admin/campaigns", {}, { headers: admin.headers }));
    expect(list.campaigns.find((c) => c.id === id)?.state).toBe("scheduled");
  });

  it("a published campaign past its end stays viewable without the form", async () => {
    await create(validForm({ slug: "ended-campaign", status: "published", startsAt: "2025-01-01T00:00", endsAt: "2025-02-01T00:00" }));
    const page = pageData(await campaignPageLoader(loaderArgs("/campaigns/ended-campaign", { slug: "ended-campaign" })));
    expect(page.campaign.ended).toBe(true);
  });
});

describe("changing the currency", () => {
  it("is allowed before anyone gives", async () => {
    const campaign = await createCampaign({ currency: "USD" });
    const result = await edit(campaign.id, validForm({ slug: campaign.slug, currency: "EUR" }));
    expect(result.status).toBe(303);
    expect((await db().campaign.findUniqueOrThrow({ where: { id: campaign.id } })).currency).toBe("EUR");
  });

  it("is refused once a donation exists, with a clear message, and nothing else is saved", async () => {
    const campaign = await createCampaign({ currency: "USD", title: "Has gifts" });
    const donor = await createDonor();
    await createDonation(campaign.id, donor.id);
    const page = await editLoader(loaderArgs(`/admin/campaigns/${campaign.id}`, { campaignId: campaign.id }, { headers: admin.headers }));
    expect(page.currencyLockedReason).toMatch(/USD/);

    const result = await edit(campaign.id, { ...page.values, title: "Renamed", currency: "CAD" });
    expect(result.status).toBe(422);
    expect(result.data?.errors.currency).toMatch(/given \(or started to give\) to this campaign in USD, so its currency cannot change/);
    expect(result.data?.values).toMatchObject({ title: "Renamed", currency: "CAD" });
    expect(await db().campaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({ currency: "USD", title: "Has gifts" });
    expect(await db().auditLog.count({ where: { targetId: campaign.id } })).toBe(0);
  });

  it("is refused once a donor has started a gift (a pledge), even before it is paid", async () => {
    const campaign = await createCampaign({ currency: "USD" });
    await db().pledge.create({
      data: { campaignId: campaign.id, frequency: "once", amount: 5_000, currency: "USD", email: "a@example.org", name: "A" },
    });
    const result = await edit(campaign.id, validForm({ slug: campaign.slug, currency: "GBP" }));
    expect(result.status).toBe(422);
    expect(result.data?.errors.currency).toBeTruthy();
  });
});
