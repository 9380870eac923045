-- Written by hand (Prisma does not model functions or triggers). Replaces both
-- functions of the totals trigger whole (see the totals_at_commit migration
-- and docs/decisions/024-totals-without-a-hot-row.md and
-- 035-offline-gifts-are-donations.md); the constraint trigger itself is
-- unchanged. What changed:
--
-- 1. A voided gift ("voidedAt" set; only offline gifts are voided) counts
--    toward nothing: no donation, no amount, no donor, no day. Voiding a gift
--    therefore takes it out of every total, as deleting it would, while its
--    row and receipt number stay.
-- 2. "CampaignTotals" also keeps "offlineDonations" and "offlineRaised": the
--    gifts recorded by staff (source = 'offline'), already inside every other
--    figure, so the dashboard can show online and offline apart.
-- 3. "source" and "voidedAt" join the columns whose change moves totals.
--
-- What counts toward a goal is defined here and in
-- app/donations/totals.data.server.ts (COUNTED_AMOUNT_SQL and the voided-gift
-- filter); keep the two identical.

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
  IF d."voidedAt" IS NOT NULL THEN
    RETURN; -- a voided gift counts toward nothing
  END IF;

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
    -- No gift is left on that day (one was deleted, voided, or moved to another day).
    DELETE FROM "CampaignDailyTotal" WHERE "campaignId" = d."campaignId" AND "day" = d."paidAt"::date;
  END IF;

  INSERT INTO "CampaignTotals" AS t (
    "campaignId", "donations", "raised", "donors", "gross", "coveredFees", "stripeFees", "refunds",
    "disputesLost", "disputesOpen", "onceDonations", "onceRaised", "monthlyDonations", "monthlyRaised",
    "offlineDonations", "offlineRaised", "updatedAt")
  VALUES (
    d."campaignId", sign, sign * counted, donor_delta, sign * d."grossAmount", sign * d."coveredFee",
    sign * COALESCE(d."stripeFee", 0), sign * d."refundedAmount",
    sign * CASE WHEN d."disputeStatus" = 'lost' THEN d."disputedAmount" ELSE 0 END,
    sign * CASE WHEN d."disputeStatus" = 'open' THEN 1 ELSE 0 END,
    sign * CASE WHEN d."frequency" = 'once' THEN 1 ELSE 0 END,
    sign * CASE WHEN d."frequency" = 'once' THEN counted ELSE 0 END,
    sign * CASE WHEN d."frequency" = 'monthly' THEN 1 ELSE 0 END,
    sign * CASE WHEN d."frequency" = 'monthly' THEN counted ELSE 0 END,
    sign * CASE WHEN d."source" = 'offline' THEN 1 ELSE 0 END,
    sign * CASE WHEN d."source" = 'offline' THEN counted ELSE 0 END,
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
    "offlineDonations" = t."offlineDonations" + EXCLUDED."offlineDonations",
    "offlineRaised" = t."offlineRaised" + EXCLUDED."offlineRaised",
    "updatedAt" = now();
END;
$$;

CREATE OR REPLACE FUNCTION "lantern_donation_totals"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND
     (OLD."campaignId", OLD."donorId", OLD."frequency", OLD."grossAmount", OLD."coveredFee", OLD."stripeFee",
      OLD."refundedAmount", OLD."disputeStatus", OLD."disputedAmount", OLD."paidAt", OLD."source", OLD."voidedAt")
     IS NOT DISTINCT FROM
     (NEW."campaignId", NEW."donorId", NEW."frequency", NEW."grossAmount", NEW."coveredFee", NEW."stripeFee",
      NEW."refundedAmount", NEW."disputeStatus", NEW."disputedAmount", NEW."paidAt", NEW."source", NEW."voidedAt") THEN
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
