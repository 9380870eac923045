-- Written by hand: the totals trigger's per-row function, replaced whole. It
-- joins the two changes made side by side before it:
-- 20261202011243_yearly_gifts (an instalment of a yearly gift counts in
-- "monthlyDonations" and "monthlyRaised", which hold every recurring
-- instalment) and 20261202011523_offline_gift_totals (a voided gift counts
-- toward nothing; offline gifts are also counted apart). The trigger function
-- "lantern_donation_totals" is as offline_gift_totals left it. See
-- docs/decisions/024-totals-without-a-hot-row.md, 035 and 038.
--
-- What counts toward a goal is defined here and in
-- app/donations/totals.data.server.ts; keep the two identical.

CREATE OR REPLACE FUNCTION "lantern_apply_donation"(d "Donation", sign INTEGER) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  counted BIGINT := GREATEST(0, d."grossAmount" - d."coveredFee" - d."refundedAmount"
    - CASE WHEN d."disputeStatus" = 'lost' THEN d."disputedAmount" ELSE 0 END);
  after_raised BIGINT;
  before_raised BIGINT;
  donor_delta INTEGER := 0;
  day_donations BIGINT;
  recurring BOOLEAN := d."frequency"::text IN ('monthly', 'yearly');
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
    sign * CASE WHEN recurring THEN 1 ELSE 0 END,
    sign * CASE WHEN recurring THEN counted ELSE 0 END,
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
