import crypto from "node:crypto";

import { db } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";

/**
 * The sandbox's objects live in the database (SandboxObject), so every
 * server instance answers with the same ones. Each is kept whole as JSON,
 * as Stripe returns it, with ids in its expandable fields.
 */
export interface Stored {
  id: string;
  object: string;
}

/** Any stored object, for code that reads fields generically (expansion, tests). */
export type StripeObject = Stored & { [key: string]: unknown };

/** Ids with Stripe's prefixes and a random tail, e.g. cs_test_a1B2... */
export function sandboxId(prefix: string, test = true): string {
  const tail = crypto.randomBytes(18).toString("base64url").replace(/[-_]/g, "x");
  return `${prefix}_${test ? "test_" : ""}${tail}`;
}

function json(object: Stored): Prisma.InputJsonValue {
  // Through JSON, as Stripe's answers are: Decimal fields become strings, undefined fields disappear.
  return JSON.parse(JSON.stringify(object)) as Prisma.InputJsonValue;
}

export async function saveObject<T extends Stored>(object: T): Promise<T> {
  await db().sandboxObject.upsert({
    where: { id: object.id },
    create: { id: object.id, type: object.object, data: json(object) },
    update: { data: json(object) },
  });
  return object;
}

/** A stored object read back; the type parameter says what the caller stored under that id. */
export async function getObject<T extends Stored = StripeObject>(id: string): Promise<T | null> {
  const row = await db().sandboxObject.findUnique({ where: { id } });
  return row ? (row.data as unknown as T) : null;
}

/** Objects of one kind, newest first; only those made from `since`, or before `before`, when given. */
export async function listObjects<T extends Stored = StripeObject>(type: string, since?: Date, before?: Date): Promise<T[]> {
  const rows = await db().sandboxObject.findMany({
    where: { type, ...(since || before ? { createdAt: { ...(since ? { gte: since } : {}), ...(before ? { lt: before } : {}) } } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return rows.map((row) => row.data as unknown as T);
}
