import { contentChanged } from "~/db/content-cache.data.server";
import { db, type Prisma } from "~/db/db.server";
import type { CampaignInput } from "~/campaigns/campaign-form.server";
import { slugFromTitle } from "~/campaigns/slug";
import type { Campaign } from "~/generated/prisma/client";
import { recordAudit, type Actor } from "~/staff/audit.data.server";
import { hasEnded, isVisibleNow } from "~/campaigns/campaigns.data.server";
import { campaignProgress } from "~/donations/totals.data.server";

/**
 * Creating and editing campaigns (staff). The public pages read campaigns
 * straight from the database on every request, so a change here shows there
 * at once; nothing keeps campaigns in memory.
 */
/** Why a save was refused, for the editor to say in the staff pages' language (~/campaigns/editor.server). */
export interface CampaignRefusal {
  /** Another campaign has the address. */
  slugTaken?: true;
  /** Gifts exist in `current`, so the currency cannot become `wanted`. */
  currencyLocked?: { current: string; wanted: string };
}

export type CampaignSave =
  { ok: true; id: string; slug: string; changed: string[] } | { ok: false; refused: CampaignRefusal } | { ok: false; notFound: true };

/** Where a campaign stands for visitors right now. */
export type PublicState = "draft" | "archived" | "scheduled" | "live" | "ended";

export function publicState(campaign: Pick<Campaign, "status" | "startsAt" | "endsAt">, now = new Date()): PublicState {
  if (campaign.status !== "published") return campaign.status;
  if (!isVisibleNow(campaign, now)) return "scheduled";
  return hasEnded(campaign, now) ? "ended" : "live";
}

export async function listCampaignsForStaff(now = new Date()) {
  const campaigns = await db().campaign.findMany({
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      startsAt: true,
      endsAt: true,
      goalAmount: true,
      currency: true,
      updatedAt: true,
    },
  });
  const progress = await campaignProgress(campaigns.map((c) => c.id));
  return campaigns.map((campaign) => ({
    ...campaign,
    raised: progress.get(campaign.id)?.raised ?? 0,
    state: publicState(campaign, now),
  }));
}

export async function findCampaignForStaff(id: string) {
  const campaign = await db().campaign.findUnique({ where: { id } });
  if (!campaign) return null;
  return { campaign, giftsStarted: await giftsStarted(db(), id), state: publicState(campaign) };
}

/** Whether anyone has given, or started to give, to the campaign: its currency is then fixed. */
async function giftsStarted(client: Prisma.TransactionClient, campaignId: string): Promise<boolean> {
  const [donation, pledge, recurring] = await Promise.all([
    client.donation.findFirst({ where: { campaignId }, select: { id: true } }),
    client.pledge.findFirst({ where: { campaignId }, select: { id: true } }),
    client.recurringGift.findFirst({ where: { campaignId }, select: { id: true } }),
  ]);
  return Boolean(donation || pledge || recurring);
}

/** `base`, or `base-2`, `base-3` ... whichever no other campaign uses. */
async function freeSlug(tx: Prisma.TransactionClient, base: string, ownId: string | null): Promise<string> {
  const rows = await tx.campaign.findMany({ where: { slug: { startsWith: base } }, select: { id: true, slug: true } });
  const taken = new Set(rows.filter((row) => row.id !== ownId).map((row) => row.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }
}

async function slugFor(tx: Prisma.TransactionClient, input: CampaignInput, ownId: string | null): Promise<string | null> {
  if (input.slug === null) return freeSlug(tx, slugFromTitle(input.title), ownId);
  const holder = await tx.campaign.findUnique({ where: { slug: input.slug }, select: { id: true } });
  return holder && holder.id !== ownId ? null : input.slug;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** Two staff saving the same new address at once: the unique index decides, the loser hears why. */
async function slugRaceSafe(run: () => Promise<CampaignSave>): Promise<CampaignSave> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, refused: { slugTaken: true } };
    throw error;
  }
}

function columns(input: CampaignInput, slug: string) {
  return {
    slug,
    title: input.title,
    summary: input.summary,
    story: input.story,
    goalAmount: input.goalAmount,
    currency: input.currency,
    presetAmounts: input.presetAmounts,
    monthlyInvitation: input.monthlyInvitation,
    status: input.status,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
  };
}

type Columns = ReturnType<typeof columns>;

function sameValue(a: Columns[keyof Columns], b: Columns[keyof Columns]): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : false;
  if (Array.isArray(a) || Array.isArray(b))
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/**
 * A staff save, after which this process forgets the campaigns it kept at
 * once (other processes follow on the database's change notice; decision 030).
 */
async function changesContent(save: () => Promise<CampaignSave>): Promise<CampaignSave> {
  try {
    return await slugRaceSafe(save);
  } finally {
    contentChanged();
  }
}

export async function createCampaign(input: CampaignInput, actor: Actor): Promise<CampaignSave> {
  return changesContent(() =>
    db().$transaction(async (tx): Promise<CampaignSave> => {
      const slug = await slugFor(tx, input, null);
      if (!slug) return { ok: false, refused: { slugTaken: true } };
      const data = columns(input, slug);
      const campaign = await tx.campaign.create({ data, select: { id: true } });
      const changed = (Object.keys(data) as Array<keyof Columns>).filter((key) => data[key] !== null);
      await recordAudit(tx, {
        ...actor,
        action: "campaign.create",
        target: { type: "campaign", id: campaign.id },
        details: { changed, slug, status: input.status },
      });
      return { ok: true, id: campaign.id, slug, changed };
    }),
  );
}

/**
 * Saves an edit. The campaign row is locked first, so two edits apply one
 * after the other and a gift cannot slip in (its insert waits on the lock)
 * between the check that the currency may change and the change itself.
 */
export async function updateCampaign(id: string, input: CampaignInput, actor: Actor): Promise<CampaignSave> {
  return changesContent(() =>
    db().$transaction(async (tx): Promise<CampaignSave> => {
      const locked = await tx.$queryRaw<
        Array<{ id: string }>
      >`SELECT "id"::text AS "id" FROM "Campaign" WHERE "id" = ${id}::uuid FOR UPDATE`;
      if (locked.length === 0) return { ok: false, notFound: true };
      const current = await tx.campaign.findUniqueOrThrow({ where: { id } });

      const slug = await slugFor(tx, input, id);
      const refused: CampaignRefusal = {};
      if (!slug) refused.slugTaken = true;
      if (input.currency !== current.currency && (await giftsStarted(tx, id))) {
        refused.currencyLocked = { current: current.currency, wanted: input.currency };
      }
      if (!slug || Object.keys(refused).length > 0) return { ok: false, refused };

      const data = columns(input, slug);
      const before = columns({ ...current, currency: current.currency as CampaignInput["currency"] }, current.slug);
      const changed = (Object.keys(data) as Array<keyof Columns>).filter((key) => !sameValue(data[key], before[key]));
      if (changed.length === 0) return { ok: true, id, slug, changed };

      await tx.campaign.update({ where: { id }, data });
      await recordAudit(tx, {
        ...actor,
        action: "campaign.update",
        target: { type: "campaign", id },
        details: {
          changed,
          ...(changed.includes("status") ? { status: { from: current.status, to: input.status } } : {}),
          ...(changed.includes("slug") ? { slug: { from: current.slug, to: slug } } : {}),
        },
      });
      return { ok: true, id, slug, changed };
    }),
  );
}

/**
 * Saves (or, with null, removes) a campaign's words in one language other
 * than the default, in Campaign.translations, with an audit entry. The row is
 * locked so two editors of different languages do not overwrite each other.
 */
export async function saveCampaignTranslation(
  id: string,
  lang: string,
  text: { title: string; summary: string; story: string } | null,
  actor: Actor,
): Promise<"saved" | "unchanged" | "notFound"> {
  return db().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<Array<{ translations: unknown }>>`
      SELECT "translations" FROM "Campaign" WHERE "id" = ${id}::uuid FOR UPDATE`;
    const current = locked[0];
    if (!current) return "notFound";
    const translations = { ...((current.translations ?? {}) as Record<string, unknown>) };
    // JSONB keeps its own key order: compare the three texts, not the stored JSON.
    const stored = (translations[lang] ?? null) as Record<string, unknown> | null;
    const same = text
      ? stored !== null && stored.title === text.title && stored.summary === text.summary && stored.story === text.story
      : stored === null;
    if (same) return "unchanged";
    if (text) translations[lang] = text;
    else delete translations[lang];
    await tx.campaign.update({ where: { id }, data: { translations: translations as Prisma.InputJsonValue } });
    await recordAudit(tx, {
      ...actor,
      action: "campaign.translate",
      target: { type: "campaign", id },
      details: { language: lang, removed: text === null },
    });
    return "saved";
  });
}
