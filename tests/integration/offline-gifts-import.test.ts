import { beforeAll, describe, expect, it } from "vitest";

import { db } from "~/db/db.server";
import { campaignProgress, totalsDisagreeingWithLedger } from "~/donations/totals.data.server";
import { action } from "~/routes/admin.offline-gifts.import";

import { createCampaign, createDonor } from "../support/factories";
import { outcome, thrownStatus } from "../support/requests";
import { signedInStaff, type SignedInStaff } from "../support/staff";

let admin: SignedInStaff;
let viewer: SignedInStaff;
let slug = "";
let campaignId = "";

beforeAll(async () => {
  admin = await signedInStaff("admin");
  viewer = await signedInStaff("viewer");
  const campaign = await createCampaign({ slug: "statement-2026" });
  slug = campaign.slug;
  campaignId = campaign.id;
});

type Reply = {
  kind: string;
  message?: string;
  rows?: Array<{ line: number; problems: string[]; duplicate: boolean }>;
  problems?: number;
  added?: number;
  skipped?: number;
  receipts?: number;
  csv?: string;
};

/** Posts the import form as a browser does: multipart, with the file (preview) or the carried text (import). */
async function post(fields: Record<string, string>, file: string | null, who: SignedInStaff = admin) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  if (file !== null) body.set("file", new File([file], "statement.csv", { type: "text/csv" }));
  const request = new Request("http://localhost:3000/admin/offline-gifts/import", { method: "POST", body, headers: who.headers });
  return outcome<Reply>(await action({ request, params: {}, context: { clientIp: "192.0.2.8" } }));
}

const goodFile = () =>
  [
    "Date,Amount,Campaign,Reference,Method,Email,Name,Note",
    `2026-11-02,100.00,${slug},BANK-0001,bank transfer,ruth.import@example.org,Ruth Import,`,
    `2026-11-03,"1,250.50",${slug},BANK-0002,cheque,,Church of St Mary,"Harvest, collection"`,
    `2026-11-04,20,${slug},BANK-0003,cash,known.import@example.org,,`,
  ].join("\r\n");

describe("importing offline gifts from CSV", () => {
  it("previews without writing, then imports all rows once; a second import of the same file adds nothing", async () => {
    const known = await createDonor("known.import@example.org");
    const count = await db().donation.count();
    const preview = await post({ intent: "preview" }, goodFile());
    expect(preview.status).toBe(200);
    expect(preview.data).toMatchObject({ kind: "preview", problems: 0 });
    expect(preview.data!.rows!.map((row) => row.problems)).toEqual([[], [], []]);
    expect(await db().donation.count()).toBe(count);

    const imported = await post({ intent: "import", csv: preview.data!.csv!, fileName: "statement.csv" }, null);
    expect(imported.data).toMatchObject({ kind: "imported", added: 3, skipped: 0, receipts: 0 });
    expect((await campaignProgress([campaignId])).get(campaignId)).toMatchObject({ raised: 10_000 + 125_050 + 2_000, donors: 3 });
    const rows = await db().donation.findMany({
      where: { importKey: { startsWith: "csv:BANK-" } },
      include: { donor: true },
      orderBy: { paidAt: "asc" },
    });
    expect(rows.map((row) => [row.offlineMethod, row.grossAmount, row.reference])).toEqual([
      ["bank_transfer", 10_000, "BANK-0001"],
      ["cheque", 125_050, "BANK-0002"],
      ["cash", 2_000, "BANK-0003"],
    ]);
    expect(rows[1]!.donor).toMatchObject({ email: null, name: "Church of St Mary" });
    expect(rows[1]!.note).toBe("Harvest, collection");
    expect(rows[2]!.donorId).toBe(known.id);
    // Receipts only when asked: none were.
    expect(await db().emailMessage.count({ where: { donationId: { in: rows.map((row) => row.id) } } })).toBe(0);
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "gifts.import" } });
    expect(audit).toMatchObject({ actorId: admin.user.id });
    expect(audit.details).toMatchObject({ added: 3, file: "statement.csv" });

    const again = await post({ intent: "preview" }, goodFile());
    expect(again.data!.rows!.every((row) => row.duplicate)).toBe(true);
    const twice = await post({ intent: "import" }, goodFile());
    expect(twice.data).toMatchObject({ kind: "imported", added: 0, skipped: 3 });
    expect(await db().donation.count()).toBe(count + 3);
    expect(await totalsDisagreeingWithLedger()).toEqual([]);
  });

  it("sends receipts only when asked, and only to donors with an email", async () => {
    const file = [
      "date,amount,campaign,reference,email,name",
      `2026-11-05,15,${slug},RCPT-1,receipt.me@example.org,Receipt Me`,
      `2026-11-05,16,${slug},RCPT-2,,No Mail`,
    ].join("\n");
    const done = await post({ intent: "import", sendReceipts: "on" }, file);
    expect(done.data).toMatchObject({ kind: "imported", added: 2, receipts: 1 });
    const emails = await db().emailMessage.findMany({ where: { donation: { importKey: { in: ["csv:RCPT-1", "csv:RCPT-2"] } } } });
    expect(emails.map((email) => email.toAddress)).toEqual(["receipt.me@example.org"]);
  });

  it("names every bad row and writes nothing", async () => {
    const count = await db().donation.count();
    const audits = await db().auditLog.count();
    const file = [
      "date,amount,campaign,reference,email,name",
      `2026-11-06,10,${slug},BAD-1,ok@example.org,Fine Row`,
      `2026-11-06,10,no-such-campaign,BAD-2,,Someone`,
      `2026-13-40,10,${slug},BAD-3,,Someone`,
      `2026-11-06,ten dollars,${slug},BAD-4,,Someone`,
      `2026-11-06,10,${slug},BAD-5,not-an-email,Someone`,
      `2026-11-06,10,${slug},BAD-1,,Someone`,
      `2026-11-06,10,${slug},,,Someone`,
    ].join("\n");
    for (const intent of ["preview", "import"]) {
      const result = await post({ intent }, file);
      expect(result.status).toBe(422);
      expect(result.data!.problems).toBe(6);
      const problems = Object.fromEntries(result.data!.rows!.map((row) => [row.line, row.problems.join("; ")]));
      expect(problems[2]).toBe("");
      expect(problems[3]).toMatch(/unknown campaign/);
      expect(problems[4]).toMatch(/bad date/);
      expect(problems[5]).toMatch(/bad amount/);
      expect(problems[6]).toMatch(/bad email/);
      expect(problems[7]).toMatch(/same reference as line 2/);
      expect(problems[8]).toMatch(/no reference/);
    }
    expect(await db().donation.count()).toBe(count);
    expect(await db().auditLog.count()).toBe(audits);
  });

  it("refuses a file that is not CSV or lacks a column, and refuses viewers", async () => {
    expect((await post({ intent: "preview" }, 'date,amount\n"unclosed,1')).data!.kind).toBe("refused");
    const missing = await post({ intent: "preview" }, "date,amount\n2026-11-01,5");
    expect(missing.status).toBe(422);
    expect(missing.data!.message).toMatch(/campaign, reference/);
    expect(await thrownStatus(() => post({ intent: "import" }, goodFile(), viewer))).toBe(403);
  });
});
