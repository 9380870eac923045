import { cachedContent } from "~/db/content-cache.data.server";
import { db } from "~/db/db.server";
import { env } from "~/utils/env.server";

export interface OrganisationSettings {
  name: string;
  legalName: string;
  ein: string;
  address: string;
  supportEmail: string;
  hotlineText: string;
  /** Where the quick-exit control sends a visitor. */
  quickExitUrl: string;
}

/** Shown until the seed or staff have stored real settings. Clearly examples. */
export const EXAMPLE_ORGANISATION = {
  name: "Covenant Rescue",
  legalName: "Covenant Rescue, Inc. (example)",
  ein: "00-0000000 (example EIN)",
  address: "100 Example Street, Springfield, IL 62701, USA (example address)",
  supportEmail: "giving@example.org",
  hotlineText: "US National Human Trafficking Hotline: call 1-888-373-7888 or text 233733. In an emergency, call 911.",
  hotlineTexts: {
    es: "Línea Directa Nacional contra la Trata de Personas (EE. UU.): llame al 1-888-373-7888 o envíe un mensaje de texto al 233733; atienden en español. En una emergencia, llame al 911.",
  },
};

const DEFAULT_QUICK_EXIT_URL = "https://www.google.com/search?q=weather";

/**
 * The organisation's settings: the stored row, with any ORG_* environment
 * variable taking precedence, so a deployment can pin them in configuration.
 * The row is kept in memory until it changes (decision 030).
 */
export async function getOrganisation(lang?: string): Promise<OrganisationSettings> {
  const stored = await cachedContent("organisation", () => db().organisation.findUnique({ where: { id: 1 } }));
  const base = stored ?? EXAMPLE_ORGANISATION;
  const e = env();
  const hotlineText = e.ORG_HOTLINE_TEXT ?? base.hotlineText;
  return {
    name: e.ORG_NAME ?? base.name,
    legalName: e.ORG_LEGAL_NAME ?? base.legalName,
    ein: e.ORG_EIN ?? base.ein,
    address: e.ORG_ADDRESS ?? base.address,
    supportEmail: e.ORG_SUPPORT_EMAIL ?? base.supportEmail,
    hotlineText: lang && lang !== e.DEFAULT_LANGUAGE ? (hotlineIn(lang, base, hotlineText) ?? hotlineText) : hotlineText,
    quickExitUrl: e.QUICK_EXIT_URL ?? DEFAULT_QUICK_EXIT_URL,
  };
}

/**
 * The hotline in another language: the stored translation, else the
 * example's while the default text is still the example's own (a site that
 * wrote its own hotline text must write its translations too).
 */
function hotlineIn(lang: string, base: { hotlineTexts: unknown }, hotlineText: string): string | undefined {
  const stored = textIn(base.hotlineTexts, lang);
  if (stored) return stored;
  return hotlineText === EXAMPLE_ORGANISATION.hotlineText ? textIn(EXAMPLE_ORGANISATION.hotlineTexts, lang) : undefined;
}

function textIn(texts: unknown, lang: string): string | undefined {
  if (typeof texts !== "object" || texts === null) return undefined;
  const text = (texts as Record<string, unknown>)[lang];
  return typeof text === "string" && text.trim() !== "" ? text : undefined;
}
