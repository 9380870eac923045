/** The donors list's choices, shared by its page (browser) and the query's rules (server). */
export const DONOR_FILTERS = ["all", "monthly", "period", "lapsed"] as const;
export const DONOR_SORTS = ["lifetime", "last"] as const;
