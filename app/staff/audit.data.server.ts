import { db, type Prisma } from "~/db/db.server";
import { newestFirstPage } from "~/db/keyset-page.data.server";
import type { Keyset } from "~/utils/keyset.server";

/**
 * The staff audit log: one row per staff action that changes something,
 * written in the same transaction as the change so neither exists without
 * the other.
 */
export type AuditAction =
  | "staff.sign_in"
  | "staff.sign_out"
  | "staff.create"
  | "staff.disable"
  | "staff.enable"
  | "staff.role"
  | "campaign.create"
  | "campaign.update"
  | "receipt.resend"
  | "email.retry"
  | "donations.export"
  | "gift.record"
  | "gift.correct"
  | "gift.void"
  | "gifts.import"
  | "donors.export"
  | "donor.update"
  | "donor.merge"
  | "donor.erase"
  | "campaign.translate"
  | DonorAuditAction;

/** What donors change themselves on their giving pages (recorded with donorActorId). */
export type DonorAuditAction =
  "donor.gift_amount" | "donor.gift_pause" | "donor.gift_resume" | "donor.gift_cancel" | "donor.card_update" | "donor.receipt_preference";

/** Every action, in the order the audit page's filter lists them. */
export const AUDIT_ACTIONS = [
  "campaign.create",
  "campaign.update",
  "campaign.translate",
  "email.retry",
  "receipt.resend",
  "donations.export",
  "gift.record",
  "gift.correct",
  "gift.void",
  "gifts.import",
  "donors.export",
  "donor.update",
  "donor.merge",
  "donor.erase",
  "donor.gift_amount",
  "donor.gift_pause",
  "donor.gift_resume",
  "donor.gift_cancel",
  "donor.card_update",
  "donor.receipt_preference",
  "staff.create",
  "staff.disable",
  "staff.enable",
  "staff.role",
  "staff.sign_in",
  "staff.sign_out",
] as const satisfies readonly AuditAction[];
// Fails to compile when an action is added to the type but not to the list.
const _everyActionListed: [Exclude<AuditAction, (typeof AUDIT_ACTIONS)[number]>] extends [never] ? true : never = true;

/**
 * Who made an audited change, and from where: a staff member's id, or null
 * for the command line (npm run staff:create); the client's address when the
 * change came over HTTP.
 */
export interface Actor {
  actorId: string | null;
  ip?: string;
  /** A donor acting on their own gifts (then actorId is null). */
  donorActorId?: string;
}

export interface AuditEntry extends Actor {
  action: AuditAction;
  target?: { type: string; id: string };
  details?: Prisma.InputJsonValue;
  ip?: string;
}

export async function recordAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      donorActorId: entry.donorActorId ?? null,
      action: entry.action,
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      details: entry.details ?? undefined,
      ip: entry.ip ?? null,
    },
  });
}

export const AUDIT_PAGE_SIZE = 50;

/** Newest first, a page at a time (keyset on createdAt, id). */
export async function auditLogPage(options: { before?: Keyset; action?: string } = {}) {
  return newestFirstPage(AUDIT_PAGE_SIZE, options.before, (page) =>
    db().auditLog.findMany({
      where: { ...(options.action ? { action: options.action } : {}), ...page.where },
      orderBy: page.orderBy,
      take: page.take,
      include: { actor: { select: { name: true, email: true } } },
    }),
  );
}
