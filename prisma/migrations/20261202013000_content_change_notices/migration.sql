-- Written by hand (Prisma does not model functions or triggers; see
-- docs/decisions/030-rendering-cost-and-content-in-memory.md).
--
-- Every statement that writes the organisation's settings or a campaign (and, below, what changes with gifts) sends
-- a notice on the channel "lantern_content" (delivered when its transaction
-- commits, and never when it rolls back). Servers keep these rows in memory
-- and drop them when a notice arrives (app/db/content-cache.data.server.ts).
CREATE OR REPLACE FUNCTION lantern_content_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('lantern_content', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Campaign_content_changed"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Campaign"
  FOR EACH STATEMENT EXECUTE FUNCTION lantern_content_changed();

CREATE TRIGGER "Organisation_content_changed"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Organisation"
  FOR EACH STATEMENT EXECUTE FUNCTION lantern_content_changed();

-- What changes with gifts (the totals and the donor wall): their own notices,
-- so that a gift drops only the figures kept, not the campaigns. The totals
-- trigger writes "CampaignTotals" when a gift's transaction commits; a notice
-- from this trigger is then delivered with that commit.
CREATE TRIGGER "CampaignTotals_content_changed"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CampaignTotals"
  FOR EACH STATEMENT EXECUTE FUNCTION lantern_content_changed();

CREATE TRIGGER "Donation_content_changed"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Donation"
  FOR EACH STATEMENT EXECUTE FUNCTION lantern_content_changed();

CREATE TRIGGER "Donor_content_changed"
  AFTER UPDATE OR DELETE OR TRUNCATE ON "Donor"
  FOR EACH STATEMENT EXECUTE FUNCTION lantern_content_changed();

CREATE TRIGGER "Pledge_content_changed"
  AFTER UPDATE OR DELETE OR TRUNCATE ON "Pledge"
  FOR EACH STATEMENT EXECUTE FUNCTION lantern_content_changed();
