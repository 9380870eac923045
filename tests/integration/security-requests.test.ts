import Stripe from "stripe";
import { beforeAll, describe, expect, it } from "vitest";

import { db } from "~/db/db.server";
import { action as donationAction } from "~/routes/admin.donations.$donationId";
import { action as signInAction, loader as signInLoader } from "~/routes/admin_.sign-in";
import { action as webhookAction } from "~/routes/webhooks.stripe";
import { safeNextPath } from "~/staff/auth.server";

import { createCampaign, createDonation, createDonor } from "../support/factories";
import { formRequest, loaderArgs, outcome, thrownStatus } from "../support/requests";
import { signedInStaff, STAFF_PASSWORD, type SignedInStaff } from "../support/staff";
import { signedWebhookRequest, WEBHOOK_SECRET } from "../support/webhooks";

/**
 * Requests that used to answer 500 (decision 020): a line break in the
 * sign-in's `next` (an invalid Location header), a staff action sent JSON,
 * and the webhook's refusals, which quoted the SDK's and JSON parser's text.
 */
let admin: SignedInStaff;

beforeAll(async () => {
  admin = await signedInStaff("admin", { withPassword: true });
});

async function redirectOf(run: () => Promise<unknown>): Promise<{ status: number; location: string | null }> {
  try {
    const result = await run();
    const { status, headers } = outcome(result);
    return { status, location: headers.get("location") };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("location") };
    throw thrown;
  }
}

describe("the sign-in page's next", () => {
  const crafted = ["/admin%0ASet-Cookie:x=1", "/admin\r\nSet-Cookie: x=1", "/admin\u0000", "/admin/\tdonations", "/admin/..%2F..%2Fgive"];

  it.each(crafted)("sends a signed-in visitor with next=%j to the dashboard, never a 500", async (next) => {
    const url = `/admin/sign-in?next=${next.includes("%") ? next : encodeURIComponent(next)}`;
    const answer = await redirectOf(() => signInLoader(loaderArgs(url, {}, { headers: admin.headers })));
    expect(answer.status).toBe(303);
    expect(answer.location).not.toMatch(/[\r\n\0]/);
    expect(answer.location?.startsWith("/admin")).toBe(true);
  });

  it("after signing in, goes to a crafted next's safe form only", async () => {
    const answer = await redirectOf(() =>
      signInAction({
        request: formRequest("/admin/sign-in", {
          email: admin.user.email,
          password: STAFF_PASSWORD,
          next: "/admin\r\nLocation: https://evil.example",
        }),
        params: {},
        context: { clientIp: "198.51.100.200" },
      }),
    );
    expect(answer).toEqual({ status: 303, location: "/admin" });
  });

  it("keeps a real destination, percent-encoded as a header must be", () => {
    expect(safeNextPath("/admin/donations?q=Zoë Smith")).toBe("/admin/donations?q=Zo%C3%AB%20Smith");
    expect(safeNextPath("/admin")).toBe("/admin");
    expect(safeNextPath("/admin/../give")).toBe("/admin");
    expect(safeNextPath("/administrator")).toBe("/admin");
  });
});

describe("a staff action sent something that is not a form", () => {
  it("answers 415 (resend receipt with a JSON or text body), not 500, and queues nothing", async () => {
    const campaign = await createCampaign();
    const donation = await createDonation(campaign.id, (await createDonor()).id);
    const emails = await db().emailMessage.count();
    for (const [type, body] of [
      ["application/json", '{"intent":"resend-receipt"}'],
      ["text/plain", "intent=resend-receipt"],
    ]) {
      const request = new Request(`http://localhost:3000/admin/donations/${donation.id}`, {
        method: "POST",
        headers: { "content-type": type!, ...admin.headers },
        body,
      });
      expect(await thrownStatus(() => donationAction({ request, params: { donationId: donation.id }, context: {} }))).toBe(415);
    }
    expect(await db().emailMessage.count()).toBe(emails);
  });
});

describe("the webhook's refusals", () => {
  async function refusal(request: Request) {
    const response = await webhookAction({ request, params: {}, context: {} });
    return { status: response.status, body: (await response.json()) as unknown };
  }

  it("answer a fixed text for a bad signature, not the SDK's explanation", async () => {
    const payload = JSON.stringify({ id: "evt_x", object: "event" });
    for (const request of [
      signedWebhookRequest(payload, { secret: "whsec_someoneelse0000" }),
      signedWebhookRequest(payload, { signature: "t=1,v1=deadbeef" }),
      signedWebhookRequest(payload, { signature: "garbage" }),
    ]) {
      expect(await refusal(request)).toEqual({ status: 400, body: { error: "Invalid signature" } });
    }
    expect(await refusal(signedWebhookRequest(payload, { signature: null }))).toEqual({
      status: 400,
      body: { error: "Missing Stripe-Signature header" },
    });
  });

  it("answer a fixed text for a correctly signed body that is not JSON, not the parser's message", async () => {
    for (const payload of ["{bad json", '{"id":"evt_1","object":"event","type":"x"', "<xml/>", ""]) {
      const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
      const answer = await refusal(signedWebhookRequest(payload, { signature }));
      expect(answer).toEqual({ status: 400, body: { error: "The body is not a Stripe event" } });
    }
  });
});
