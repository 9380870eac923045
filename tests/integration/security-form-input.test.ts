import { beforeAll, describe, expect, it } from "vitest";

import { db } from "~/db/db.server";
import { action as newCampaignAction } from "~/routes/admin.campaigns.new";
import { loader as donationsLoader } from "~/routes/admin.donations._index";
import { action as staffAction } from "~/routes/admin.staff";
import { action as signInAction } from "~/routes/admin_.sign-in";
import { action as campaignAction } from "~/routes/_site.campaigns.$slug";
import { action as manageAction } from "~/routes/_site.give.manage._index";
import { action as sandboxPayAction } from "~/routes/_site.sandbox.checkout.$sessionId";
import { SINGLE_LINE_MESSAGE, MULTI_LINE_MESSAGE } from "~/utils/text";

import { createCampaign } from "../support/factories";
import { formRequest, loaderArgs, outcome } from "../support/requests";
import { signedInStaff, type SignedInStaff } from "../support/staff";

/**
 * What attackers typed into the forms (decision 020). Control characters: a
 * NUL byte used to reach PostgreSQL (22021, a 500), and CR/LF in a donor's
 * name forged lines in the plain-text receipt; each form now answers 400
 * with the field's own message and stores nothing. Currency: "€50" typed
 * into a USD campaign was taken as $50.
 */
type Errors = Record<string, string | undefined>;

let admin: SignedInStaff;
let campaign: Awaited<ReturnType<typeof createCampaign>>;
let ipSeed = 0;
const ip = () => `198.51.100.${++ipSeed}`;

beforeAll(async () => {
  admin = await signedInStaff("admin");
  campaign = await createCampaign({ title: "Text rules" });
});

const GIFT = {
  amount: "other",
  customAmount: "50.00",
  frequency: "once",
  name: "Ada Donor",
  email: "ada.text@example.org",
  dedicationKind: "",
  dedicationName: "",
  comment: "",
};

async function give(fields: Record<string, string>) {
  const result = await campaignAction({
    request: formRequest(`/campaigns/${campaign.slug}`, { ...GIFT, ...fields }),
    params: { slug: campaign.slug },
    context: { clientIp: ip() },
  });
  return outcome<{ errors: Errors }>(result);
}

let pledgeSeq = 0;
const pledges = () => db().pledge.count({ where: { campaignId: campaign.id } });

describe("the donation form", () => {
  const refused: Array<[string, Record<string, string>]> = [
    ["name", { name: "Ada\u0000Donor" }],
    ["name", { name: "Ada Donor\r\nAmount: $99,999.00" }],
    ["name", { name: "Ada\nDonor" }],
    ["name", { name: "Ada\u2028Donor" }],
    // Right-to-left override: shows "Ada 00.05$" as if reversed on the donor wall.
    ["name", { name: "Ada \u202e00.05$" }],
    ["email", { email: "ada\u0000@example.org" }],
    ["dedicationName", { dedicationKind: "memory", dedicationName: "Grace\r\nReceipt number: 2026-000001" }],
    ["comment", { comment: "Thank you\u0000" }],
    ["comment", { comment: "Thank you\u001b[31m" }],
  ];

  it.each(refused)("answers 400 with a message on %s for a control character, and stores no pledge", async (field, fields) => {
    const before = await pledges();
    const result = await give(fields);
    expect(result.status).toBe(400);
    expect(result.data?.errors[field]).toBe(field === "comment" ? MULTI_LINE_MESSAGE : SINGLE_LINE_MESSAGE);
    expect(await pledges()).toBe(before);
  });

  it("still answers 422 for what a donor only has to correct", async () => {
    const result = await give({ name: "" });
    expect(result.status).toBe(422);
    expect(result.data?.errors.name).toMatch(/Enter your name/);
  });

  it("keeps line breaks in a comment as \\n, turns a tab in a name into a space, and stores names in NFC", async () => {
    const result = await give({
      name: "Ame\u0301lie\tDonor",
      comment: "Line one\r\nLine two\rLine three",
      email: "amelie.text@example.org",
    });
    expect(result.status).toBe(303);
    const pledge = await db().pledge.findFirstOrThrow({ where: { email: "amelie.text@example.org" } });
    expect(pledge.name).toBe("Amélie Donor");
    expect(pledge.name).toBe(pledge.name.normalize("NFC"));
    expect(pledge.comment).toBe("Line one\nLine two\nLine three");
  });
});

describe("the staff forms", () => {
  const campaignFields = {
    title: "Night shelter",
    slug: "",
    summary: "Beds for the night.",
    story: "## Why\n\nBecause.",
    goal: "1000.00",
    currency: "USD",
    presetAmounts: "25, 50",
    startsAt: "",
    endsAt: "",
    status: "draft",
  };

  async function newCampaign(fields: Record<string, string>) {
    return outcome<{ errors: Errors }>(
      await newCampaignAction({
        request: formRequest("/admin/campaigns/new", { ...campaignFields, ...fields }, admin.headers),
        params: {},
        context: {},
      }),
    );
  }

  it.each([
    ["title", { title: "Night\u0000shelter" }, SINGLE_LINE_MESSAGE],
    ["title", { title: "Night\r\nshelter" }, SINGLE_LINE_MESSAGE],
    ["slug", { slug: "night\u0000shelter" }, SINGLE_LINE_MESSAGE],
    ["summary", { summary: "Beds\u0000" }, MULTI_LINE_MESSAGE],
    ["story", { story: "## Why\u0000" }, MULTI_LINE_MESSAGE],
  ])("a campaign's %s with a control character answers 400 with the field's message", async (field, fields, message) => {
    const before = await db().campaign.count();
    const result = await newCampaign(fields);
    expect(result.status).toBe(400);
    expect(result.data?.errors[field]).toBe(message);
    expect(await db().campaign.count()).toBe(before);
  });

  it("a campaign's story keeps its line breaks (CRLF from the browser becomes \\n)", async () => {
    const result = await newCampaign({ title: "Line breaks kept", story: "## Why\r\n\r\n    indented code\r\nend" });
    expect(result.status).toBe(303);
    const saved = await db().campaign.findFirstOrThrow({ where: { title: "Line breaks kept" } });
    expect(saved.story).toBe("## Why\n\n    indented code\nend");
  });

  it.each([
    ["name", { name: "New\u0000Person" }],
    ["name", { name: "New Person\r\nrole: admin" }],
    ["email", { email: "new.person\u0000@example.org" }],
  ])("a new staff account's %s with a control character answers 400", async (field, fields) => {
    const before = await db().staffUser.count();
    const request = formRequest(
      "/admin/staff",
      {
        intent: "create",
        email: "new.person@example.org",
        name: "New Person",
        role: "viewer",
        password: "a long unusual passphrase",
        ...fields,
      },
      admin.headers,
    );
    const result = outcome<{ create: { errors: Errors } }>(await staffAction({ request, params: {}, context: {} }));
    expect(result.status).toBe(400);
    expect(result.data?.create.errors[field]).toBe(SINGLE_LINE_MESSAGE);
    expect(await db().staffUser.count()).toBe(before);
  });

  it("a staff search with a NUL byte answers 400 with the search's message, not 500", async () => {
    let thrown: unknown;
    let result: ReturnType<typeof outcome<{ problems: Array<{ field: string; message: string }> }>> | undefined;
    try {
      result = outcome(
        await donationsLoader(loaderArgs(`/admin/donations?q=${encodeURIComponent("ada\u0000")}`, {}, { headers: admin.headers })),
      );
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeUndefined();
    expect(result?.status).toBe(400);
    expect(result?.data?.problems).toEqual([{ field: "q", message: expect.stringMatching(/control characters/) }]);
  });

  it("a sign-in with a control character in the email answers 400, before any attempt is counted", async () => {
    const before = await db().rateLimitBucket.count();
    const result = outcome<{ error: string }>(
      await signInAction({
        request: formRequest("/admin/sign-in", { email: `${admin.user.email}\u0000`, password: "x", next: "/admin" }),
        params: {},
        context: { clientIp: ip() },
      }),
    );
    expect(result.status).toBe(400);
    expect(result.data?.error).toBe(SINGLE_LINE_MESSAGE);
    expect(await db().rateLimitBucket.count()).toBe(before);
  });
});

describe("the donor's other forms", () => {
  it("the manage-link form answers 400 for a control character in the email", async () => {
    const result = outcome<{ error: string }>(
      await manageAction({
        request: formRequest("/give/manage", { email: "ada\r\n@example.org" }),
        params: {},
        context: { clientIp: ip() },
      }),
    );
    expect(result.status).toBe(400);
    expect(result.data?.error).toBe(SINGLE_LINE_MESSAGE);
  });

  it("the sandbox checkout answers 400 for a NUL in the name on the card, and takes no payment", async () => {
    const started = await give({ email: "card.name@example.org" });
    const sessionId = (started.headers.get("location") ?? "").split("/").pop() ?? "";
    expect(sessionId).toMatch(/^cs_test_/);
    const pay = {
      email: "card.name@example.org",
      name: "Ada\u0000Donor",
      cardNumber: "4242 4242 4242 4242",
      expiry: "12 / 34",
      cvc: "123",
    };
    const result = outcome<{ errors: Errors }>(
      await sandboxPayAction({ request: formRequest(`/sandbox/checkout/${sessionId}`, pay), params: { sessionId }, context: {} }),
    );
    expect(result.status).toBe(400);
    expect(result.data?.errors.name).toBe(SINGLE_LINE_MESSAGE);
    expect(await db().pledge.findFirstOrThrow({ where: { checkoutSessionId: sessionId } })).toMatchObject({ status: "open" });
  });
});

describe("an amount typed in another currency", () => {
  it.each(["€50", "£50", "50 €", "EUR 50", "CA$50"])(
    "%s for a USD campaign is refused on the amount, and no pledge is stored",
    async (typed) => {
      const before = await pledges();
      const result = await give({ customAmount: typed });
      expect(result.status).toBe(422);
      expect(result.data?.errors.customAmount).toMatch(/^This campaign takes gifts in US Dollar \(USD\) only/);
      expect(await pledges()).toBe(before);
    },
  );

  it("the campaign's own sign or code is fine, before or after the number", async () => {
    for (const typed of ["$50", "50 USD", "US$ 50.00"]) {
      const result = await give({ customAmount: typed, email: `own.sign.${pledgeSeq++}@example.org` });
      expect(result.status, typed).toBe(303);
    }
    const pounds = await createCampaign({ currency: "GBP" });
    const result = outcome(
      await campaignAction({
        request: formRequest(`/campaigns/${pounds.slug}`, { ...GIFT, customAmount: "£50" }),
        params: { slug: pounds.slug },
        context: { clientIp: ip() },
      }),
    );
    expect(result.status).toBe(303);
    expect(await db().pledge.findFirstOrThrow({ where: { campaignId: pounds.id } })).toMatchObject({ amount: 5_000, currency: "GBP" });
  });

  it("a campaign's goal or suggested amounts in another currency are refused by the editor", async () => {
    const fields = {
      title: "Pounds in a dollar campaign",
      slug: "",
      summary: "x",
      story: "x",
      goal: "£1000",
      currency: "USD",
      presetAmounts: "25, €50",
      startsAt: "",
      endsAt: "",
      status: "draft",
    };
    const result = outcome<{ errors: Errors }>(
      await newCampaignAction({ request: formRequest("/admin/campaigns/new", fields, admin.headers), params: {}, context: {} }),
    );
    expect(result.status).toBe(422);
    expect(result.data?.errors.goal).toMatch(/US Dollar \(USD\)/);
    expect(result.data?.errors.presetAmounts).toMatch(/US Dollar \(USD\)/);
  });
});
