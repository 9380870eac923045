-- CreateTable
CREATE TABLE "CampaignTotals" (
    "campaignId" UUID NOT NULL,
    "donations" BIGINT NOT NULL DEFAULT 0,
    "raised" BIGINT NOT NULL DEFAULT 0,
    "donors" BIGINT NOT NULL DEFAULT 0,
    "gross" BIGINT NOT NULL DEFAULT 0,
    "coveredFees" BIGINT NOT NULL DEFAULT 0,
    "stripeFees" BIGINT NOT NULL DEFAULT 0,
    "refunds" BIGINT NOT NULL DEFAULT 0,
    "disputesLost" BIGINT NOT NULL DEFAULT 0,
    "disputesOpen" BIGINT NOT NULL DEFAULT 0,
    "onceDonations" BIGINT NOT NULL DEFAULT 0,
    "onceRaised" BIGINT NOT NULL DEFAULT 0,
    "monthlyDonations" BIGINT NOT NULL DEFAULT 0,
    "monthlyRaised" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CampaignTotals_pkey" PRIMARY KEY ("campaignId")
);

-- CreateTable
CREATE TABLE "CampaignDonorTotal" (
    "campaignId" UUID NOT NULL,
    "donorId" UUID NOT NULL,
    "raised" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "CampaignDonorTotal_pkey" PRIMARY KEY ("campaignId","donorId")
);

-- AddForeignKey
ALTER TABLE "CampaignTotals" ADD CONSTRAINT "CampaignTotals_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand (Prisma does not model functions or triggers, so schema
-- diffs neither see nor drop them). Keeps "CampaignTotals" and
-- "CampaignDonorTotal" in step with "Donation", inside the same transaction as
-- every insert, update or delete, so the totals can never disagree with the
-- ledger. What counts toward a goal is defined here and in
-- app/models/totals.server.ts (COUNTED_AMOUNT_SQL); keep the two identical.

CREATE OR REPLACE FUNCTION "lantern_apply_donation"(d "Donation", sign INTEGER) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  counted BIGINT := GREATEST(0, d."grossAmount" - d."coveredFee" - d."refundedAmount"
    - CASE WHEN d."disputeStatus" = 'lost' THEN d."disputedAmount" ELSE 0 END);
  after_raised BIGINT;
  before_raised BIGINT;
  donor_delta INTEGER := 0;
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
      OLD."refundedAmount", OLD."disputeStatus", OLD."disputedAmount")
     IS NOT DISTINCT FROM
     (NEW."campaignId", NEW."donorId", NEW."frequency", NEW."grossAmount", NEW."coveredFee", NEW."stripeFee",
      NEW."refundedAmount", NEW."disputeStatus", NEW."disputedAmount") THEN
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

CREATE TRIGGER "Donation_totals"
AFTER INSERT OR UPDATE OR DELETE ON "Donation"
FOR EACH ROW EXECUTE FUNCTION "lantern_donation_totals"();

-- Databases that already hold gifts start from their sums.
SELECT "lantern_apply_donation"(d, 1) FROM "Donation" d;
