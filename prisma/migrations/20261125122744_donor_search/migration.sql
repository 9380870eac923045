-- Indexes for the staff donations search (app/models/donation-search.server.ts).
-- Both are expression indexes, written by hand: Prisma cannot describe them,
-- and its diff leaves them be. The queries must use the same expressions.

-- The start of an email, any case: lower("email") LIKE 'prefix%'.
-- text_pattern_ops makes a prefix LIKE use the index whatever the collation.
CREATE INDEX "Donor_email_prefix_idx" ON "Donor" (lower("email") text_pattern_ops);

-- The start of any word of a name ("smi" finds "Jane Smith"), any case:
-- to_tsvector('simple', "name") @@ to_tsquery('simple', 'smi:*').
CREATE INDEX "Donor_name_words_idx" ON "Donor" USING GIN (to_tsvector('simple', "name"));
