-- CreateTable
CREATE TABLE "CampaignDailyTotal" (
    "campaignId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "raised" BIGINT NOT NULL DEFAULT 0,
    "donations" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "CampaignDailyTotal_pkey" PRIMARY KEY ("campaignId","day")
);

-- AddForeignKey
ALTER TABLE "CampaignDailyTotal" ADD CONSTRAINT "CampaignDailyTotal_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand (Prisma does not model functions or triggers; see
-- docs/decisions/006-campaign-totals.md and 024-totals-without-a-hot-row.md).
--
-- 1. Per-day totals: the trigger also keeps "CampaignDailyTotal" (what counted
--    and how many gifts, per campaign and UTC day of payment), so the staff
--    chart reads one row per day instead of summing the donations.
-- 2. The totals are written when the transaction commits, not when the
--    donation row is written: the trigger becomes a constraint trigger,
--    DEFERRABLE INITIALLY DEFERRED. Every gift to a campaign updates that
--    campaign's one "CampaignTotals" row; fired at once, the row stayed locked
--    for the rest of the webhook's transaction (the receipt, the outbox, the
--    pledge), so concurrent gifts to one campaign waited for each other's whole
--    transaction. Fired at commit, it is held only while the transaction
--    commits. The totals still change in the same transaction as the ledger,
--    so they can never disagree with it; a transaction reads its own totals
--    only after it commits (nothing in Lantern reads them inside one).
--
-- What counts toward a goal is defined here and in app/models/totals.server.ts
-- (COUNTED_AMOUNT_SQL); keep the two identical.

CREATE OR REPLACE FUNCTION "lantern_apply_donation"(d "Donation", sign INTEGER) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  counted BIGINT := GREATEST(0, d."grossAmount" - d."coveredFee" - d."refundedAmount"
    - CASE WHEN d."disputeStatus" = 'lost' THEN d."disputedAmount" ELSE 0 END);
  after_raised BIGINT;
  before_raised BIGINT;
  donor_delta INTEGER := 0;
  day_donations BIGINT;
BEGIN
  INSERT INTO "CampaignDonorTotal" ("campaignId", "donorId", "raised")
  VALUES (d."campaignId", d."donorId", sign * counted)
  ON CONFLICT ("campaignId", "donorId") DO UPDATE SET "raised" = "CampaignDonorTotal"."raised" + EXCLUDED."raised"
  RETURNING "raised" INTO after_raised;
  before_raised := after_raised - sign * counted;
  IF before_raised <= 0 AND after_raised > 0 THEN
    donor_delta := 1;
  ELSIF before_raised > 0 AND after_raised <= 0 THEN
    donor_delta := -1;
  END IF;

  INSERT INTO "CampaignDailyTotal" AS t ("campaignId", "day", "raised", "donations")
  VALUES (d."campaignId", d."paidAt"::date, sign * counted, sign)
  ON CONFLICT ("campaignId", "day") DO UPDATE SET
    "raised" = t."raised" + EXCLUDED."raised",
    "donations" = t."donations" + EXCLUDED."donations"
  RETURNING "donations" INTO day_donations;
  IF day_donations = 0 THEN
    -- No gift is left on that day (one was deleted, or moved to another day).
    DELETE FROM "CampaignDailyTotal" WHERE "campaignId" = d."campaignId" AND "day" = d."paidAt"::date;
  END IF;

  INSERT INTO "CampaignTotals" AS t (
    "campaignId", "donations", "raised", "donors", "gross", "coveredFees", "stripeFees", "refunds",
    "disputesLost", "disputesOpen", "onceDonations", "onceRaised", "monthlyDonations", "monthlyRaised", "updatedAt")
  VALUES (
    d."campaignId", sign, sign * counted, donor_delta, sign * d."grossAmount", sign * d."coveredFee",
    sign * COALESCE(d."stripeFee", 0), sign * d."refundedAmount",
    sign * CASE WHEN d."disputeStatus" = 'lost' THEN d."disputedAmount" ELSE 0 END,
    sign * CASE WHEN d."disputeStatus" = 'open' THEN 1 ELSE 0 END,
    sign * CASE WHEN d."frequency" = 'once' THEN 1 ELSE 0 END,
    sign * CASE WHEN d."frequency" = 'once' THEN counted ELSE 0 END,
    sign * CASE WHEN d."frequency" = 'monthly' THEN 1 ELSE 0 END,
    sign * CASE WHEN d."frequency" = 'monthly' THEN counted ELSE 0 END,
    now())
  ON CONFLICT ("campaignId") DO UPDATE SET
    "donations" = t."donations" + EXCLUDED."donations",
    "raised" = t."raised" + EXCLUDED."raised",
    "donors" = t."donors" + EXCLUDED."donors",
    "gross" = t."gross" + EXCLUDED."gross",
    "coveredFees" = t."coveredFees" + EXCLUDED."coveredFees",
    "stripeFees" = t."stripeFees" + EXCLUDED."stripeFees",
    "refunds" = t."refunds" + EXCLUDED."refunds",
    "disputesLost" = t."disputesLost" + EXCLUDED."disputesLost",
    "disputesOpen" = t."disputesOpen" + EXCLUDED."disputesOpen",
    "onceDonations" = t."onceDonations" + EXCLUDED."onceDonations",
    "onceRaised" = t."onceRaised" + EXCLUDED."onceRaised",
    "monthlyDonations" = t."monthlyDonations" + EXCLUDED."monthlyDonations",
    "monthlyRaised" = t."monthlyRaised" + EXCLUDED."monthlyRaised",
    "updatedAt" = now();
END;
$$;

CREATE OR REPLACE FUNCTION "lantern_donation_totals"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND
     (OLD."campaignId", OLD."donorId", OLD."frequency", OLD."grossAmount", OLD."coveredFee", OLD."stripeFee",
      OLD."refundedAmount", OLD."disputeStatus", OLD."disputedAmount", OLD."paidAt")
     IS NOT DISTINCT FROM
     (NEW."campaignId", NEW."donorId", NEW."frequency", NEW."grossAmount", NEW."coveredFee", NEW."stripeFee",
      NEW."refundedAmount", NEW."disputeStatus", NEW."disputedAmount", NEW."paidAt") THEN
    RETURN NULL; -- nothing that totals depend on changed (e.g. a receipt number)
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM "lantern_apply_donation"(OLD, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "lantern_apply_donation"(NEW, 1);
  END IF;
  RETURN NULL;
END;
$$;

-- Fired once per changed row, when the transaction commits (see 2. above).
DROP TRIGGER "Donation_totals" ON "Donation";
CREATE CONSTRAINT TRIGGER "Donation_totals"
AFTER INSERT OR UPDATE OR DELETE ON "Donation"
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION "lantern_donation_totals"();

-- Databases that already hold gifts start with their days.
INSERT INTO "CampaignDailyTotal" ("campaignId", "day", "raised", "donations")
SELECT d."campaignId", d."paidAt"::date,
       SUM(GREATEST(0, d."grossAmount" - d."coveredFee" - d."refundedAmount"
         - CASE WHEN d."disputeStatus" = 'lost' THEN d."disputedAmount" ELSE 0 END)),
       COUNT(*)
  FROM "Donation" d
 GROUP BY 1, 2;
