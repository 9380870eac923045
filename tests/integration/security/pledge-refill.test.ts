import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { db } from "~/db/db.server";
import { paySandboxSession } from "~/payments/sandbox/checkout.server";
import { action as campaignAction, loader as campaignLoader } from "~/routes/_site.campaigns.$slug";
import { loader as thankYouLoader } from "~/routes/_site.give.thank-you";
import { resetStaffCookie } from "~/staff/session-cookie.server";
import { resetEnvCache } from "~/utils/env.server";

import { createCampaign } from "../../support/factories";
import { formRequest, loaderArgs, pageData } from "../../support/requests";
import { deliver } from "../../support/webhooks";

/**
 * Stripe's "cancel" link (`/campaigns/:slug?pledge=<id>`) refills the donation
 * form with the donor's name, email, amount, dedication and comment. Anyone
 * else holding that link (history, a shared screen, a forwarded URL) must see
 * an empty form, and no cache may keep the filled-in page.
 */
let slug = "";
let campaignId = "";
let ipSeed = 0;

const DETAILS = {
  amount: "other",
  customAmount: "42.50",
  frequency: "monthly",
  name: "Rahel Private",
  email: "rahel.private@example.org",
  dedicationKind: "memory",
  dedicationName: "My sister",
  comment: "For the shelter",
};

beforeEach(async () => {
  const campaign = await createCampaign({ presetAmounts: [2_500, 5_000] });
  slug = campaign.slug;
  campaignId = campaign.id;
});

/** Starts a gift the way a browser does; returns the pledge id, the Checkout Session and that browser's Cookie header. */
async function startGift(cookie = "") {
  const response = await campaignAction({
    request: formRequest(`/campaigns/${slug}`, DETAILS, cookie ? { cookie } : {}),
    params: { slug },
    context: { clientIp: `198.51.100.${++ipSeed}` },
  });
  if (!(response instanceof Response) || response.status !== 303) throw new Error("the donation form did not answer 303");
  const setCookie = response.headers.get("set-cookie") ?? "";
  const sessionId = (response.headers.get("location") ?? "").split("/").pop() ?? "";
  const pledge = await db().pledge.findUniqueOrThrow({ where: { checkoutSessionId: sessionId } });
  return { pledgeId: pledge.id, sessionId, setCookie, cookie: setCookie.split(";")[0] ?? "" };
}

async function cancelPage(pledgeId: string, cookie?: string) {
  const result = await campaignLoader(
    loaderArgs(`/campaigns/${slug}?pledge=${pledgeId}`, { slug }, cookie ? { headers: { cookie } } : undefined),
  );
  const cacheControl = new Headers((result as { init?: { headers?: HeadersInit } }).init?.headers).get("cache-control");
  return { prefill: pageData(result).prefill, cacheControl };
}

describe("the form refilled after Stripe's cancel link", () => {
  it("refills for the browser that started the pledge, and the page is never stored", async () => {
    const gift = await startGift();
    const page = await cancelPage(gift.pledgeId, gift.cookie);
    // Every detail the donor typed comes back, as typed.
    expect(page.prefill).toMatchObject(DETAILS);
    expect(page.cacheControl).toBe("private, no-store");
  });

  it("shows anyone else holding the link an empty form, also not stored", async () => {
    const gift = await startGift();
    const stranger = await cancelPage(gift.pledgeId);
    expect(stranger.prefill).toEqual({});
    expect(stranger.cacheControl).toBe("private, no-store");

    // Another donor's browser, whose cookie remembers its own pledge only.
    const other = await startGift();
    expect((await cancelPage(gift.pledgeId, other.cookie)).prefill).toEqual({});
    // The same browser after starting a second gift remembers both.
    const second = await startGift(gift.cookie);
    expect((await cancelPage(gift.pledgeId, second.cookie)).prefill).toMatchObject({ email: DETAILS.email });
  });

  it("does not trust a cookie it did not sign", async () => {
    const gift = await startGift();
    const forgedValue = Buffer.from(JSON.stringify([gift.pledgeId])).toString("base64");
    expect((await cancelPage(gift.pledgeId, `lantern_gifts=${encodeURIComponent(forgedValue)}`)).prefill).toEqual({});
  });

  it("stops refilling once the gift is paid", async () => {
    const gift = await startGift();
    const paid = await paySandboxSession(gift.sessionId, { email: DETAILS.email, name: DETAILS.name, cardNumber: "4242424242424242" });
    if (!paid.ok) throw new Error(paid.message);
    for (const event of paid.events) await deliver(event);
    expect((await db().pledge.findUniqueOrThrow({ where: { id: gift.pledgeId } })).status).toBe("completed");
    expect((await cancelPage(gift.pledgeId, gift.cookie)).prefill).toEqual({});
  });

  it("stops refilling once the Checkout Session has expired (24 hours) or the pledge left the open state", async () => {
    const expired = await startGift();
    await db().pledge.update({ where: { id: expired.pledgeId }, data: { createdAt: new Date(Date.now() - 24 * 3_600_000 - 1_000) } });
    expect((await cancelPage(expired.pledgeId, expired.cookie)).prefill).toEqual({});

    const failed = await startGift();
    await db().pledge.update({ where: { id: failed.pledgeId }, data: { status: "failed" } });
    expect((await cancelPage(failed.pledgeId, failed.cookie)).prefill).toEqual({});
  });

  it("refills only on the pledge's own campaign", async () => {
    const gift = await startGift();
    const other = await createCampaign();
    const result = await campaignLoader(
      loaderArgs(`/campaigns/${other.slug}?pledge=${gift.pledgeId}`, { slug: other.slug }, { headers: { cookie: gift.cookie } }),
    );
    expect(pageData(result).prefill).toEqual({});
    expect(campaignId).not.toBe(other.id);
  });
});

describe("the gift cookie on an https site", () => {
  const plainAppUrl = process.env.APP_URL;
  afterEach(() => {
    process.env.APP_URL = plainAppUrl;
    resetEnvCache();
    resetStaffCookie();
  });

  it("is __Host-lantern_gifts: Secure, Path=/, no Domain, HttpOnly, SameSite=Lax", async () => {
    process.env.APP_URL = "https://give.example.org";
    resetEnvCache();
    const gift = await startGift();
    expect(gift.setCookie).toMatch(/^__Host-lantern_gifts=/);
    expect(gift.setCookie).toMatch(/;\s*Secure/i);
    expect(gift.setCookie).toMatch(/;\s*Path=\/(;|$)/);
    expect(gift.setCookie).not.toMatch(/Domain=/i);
    expect(gift.setCookie).toMatch(/HttpOnly/i);
    expect(gift.setCookie).toMatch(/SameSite=Lax/i);

    // The prefixed cookie is the one read back, on the cancel page and the thank-you page.
    expect((await cancelPage(gift.pledgeId, gift.cookie)).prefill).toMatchObject({ email: DETAILS.email });
    const thanks = await thankYouLoader(
      loaderArgs(`/give/thank-you?session_id=${gift.sessionId}`, {}, { headers: { cookie: gift.cookie } }),
    );
    expect(thanks.gift).not.toBeNull();
    // A cookie without the prefix (one a subdomain or plain-http page could set) is not read.
    const unprefixed = gift.cookie.replace(/^__Host-/, "");
    expect((await cancelPage(gift.pledgeId, unprefixed)).prefill).toEqual({});
  });

  it("stays lantern_gifts, without Secure, on a plain-http development site", async () => {
    const gift = await startGift();
    expect(gift.setCookie).toMatch(/^lantern_gifts=/);
    expect(gift.setCookie).not.toMatch(/Secure/i);
  });
});
