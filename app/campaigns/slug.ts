/**
 * A campaign's address (/campaigns/<slug>): lowercase a–z and 0–9 words joined
 * by single hyphens, at most SLUG_MAX characters. The one rule for the
 * editor, the public route and addresses made from a title; shared with the
 * editor's form in the browser, so it has no dependencies.
 */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX = 100;

export function isCampaignSlug(value: string): boolean {
  return value.length <= SLUG_MAX && SLUG_PATTERN.test(value);
}

/**
 * "Safe housing for survivors — 2027!" → "safe-housing-for-survivors-2027".
 * Leaves room for a "-2" … suffix when the address is taken.
 */
export function slugFromTitle(title: string): string {
  const words = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > SLUG_MAX - 4) break;
    slug = next;
  }
  return slug || words[0]?.slice(0, SLUG_MAX - 4) || "campaign";
}
