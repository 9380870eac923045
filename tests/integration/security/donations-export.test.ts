import { beforeAll, describe, expect, it } from "vitest";

import { db } from "~/db/db.server";
import { action, loader } from "~/routes/admin.donations.export[.]csv";
import { createSignedToken } from "~/utils/signed-link.server";

import { createCampaign, createDonation, createDonor } from "../../support/factories";
import { formRequest, loaderArgs, responseOf } from "../../support/requests";
import { signedInStaff, type SignedInStaff } from "../../support/staff";

/**
 * The CSV export writes an audit row and hands out every donor's name and
 * email, so a link on another site (or an <img> pointing at it) must not be
 * able to start one in a signed-in admin's browser.
 */
const EXPORT = "/admin/donations/export.csv";
let admin: SignedInStaff;
let otherAdmin: SignedInStaff;
let campaignId = "";

beforeAll(async () => {
  admin = await signedInStaff("admin");
  otherAdmin = await signedInStaff("admin");
  const campaign = await createCampaign({ title: "Export guard" });
  campaignId = campaign.id;
  await createDonation(campaign.id, (await createDonor("export.guard@example.org")).id);
});

const download = (url: string, staff = admin) =>
  responseOf(() => loader({ ...loaderArgs(url, {}, { headers: staff.headers }), context: {} }));
const start = (fields: Record<string, string>, staff = admin) =>
  responseOf(() => action({ request: formRequest(EXPORT, fields, staff.headers), params: {}, context: { clientIp: "203.0.113.40" } }));
const exportsRecorded = () => db().auditLog.count({ where: { action: "donations.export" } });

describe("starting a CSV export", () => {
  it("is not possible with a GET: the old link with filters writes nothing and sends no CSV", async () => {
    const before = await exportsRecorded();
    const response = await download(`${EXPORT}?campaign=${campaignId}`);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await response.text()).toMatch(/start from the donations page/);
    expect(await exportsRecorded()).toBe(before);
  });

  it("takes a POST, records it, and answers 303 to a download that works once", async () => {
    const before = await exportsRecorded();
    const started = await start({ campaign: campaignId });
    expect(started.status).toBe(303);
    const link = started.headers.get("location") ?? "";
    expect(link).toMatch(/^\/admin\/donations\/export\.csv\?download=[\w-]+\.[\w-]+$/);
    expect(await exportsRecorded()).toBe(before + 1);

    const first = await download(link);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(await first.text()).toContain("export.guard@example.org");

    const again = await download(link);
    expect(again.status).toBe(410);
    expect(await again.text()).toMatch(/already been used/);
    // Downloading writes no further audit row.
    expect(await exportsRecorded()).toBe(before + 1);
  });

  it("keeps the download to the staff member who started it, and refuses tampered or expired links", async () => {
    const link = (await start({ campaign: campaignId })).headers.get("location") ?? "";
    expect((await download(link, otherAdmin)).status).toBe(400);
    // Not used up by the refused attempt: its owner still gets it.
    expect((await download(link)).status).toBe(200);

    const token = new URL(link, "http://localhost").searchParams.get("download") ?? "";
    const [payload = "", signature = ""] = token.split(".");
    const widened = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, "base64url").toString()), s: `${admin.user.id}?` }),
    ).toString("base64url");
    expect((await download(`${EXPORT}?download=${widened}.${signature}`)).status).toBe(400);

    const secret = process.env.SESSION_SECRET ?? "";
    const stale = createSignedToken("donations-export", `${admin.user.id}?`, 5 * 60_000, secret, Date.now() - 6 * 60_000).token;
    const expired = await download(`${EXPORT}?download=${stale}`);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toMatch(/expired/);
  });

  it("refuses bad filters with 400 and records nothing", async () => {
    const before = await exportsRecorded();
    const response = await start({ status: "lost" });
    expect(response.status).toBe(400);
    expect(await exportsRecorded()).toBe(before);
  });
});
