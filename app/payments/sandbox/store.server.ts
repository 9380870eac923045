import crypto from "node:crypto";

import { db } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";

/** A Stripe-shaped object as the sandbox stores it. */
export type StripeObject = { id: string; object: string; [key: string]: unknown };

/** Ids with Stripe's prefixes and a random tail, e.g. cs_test_a1B2... */
export function sandboxId(prefix: string, test = true): string {
  const tail = crypto.randomBytes(18).toString("base64url").replace(/[-_]/g, "x");
  return `${prefix}_${test ? "test_" : ""}${tail}`;
}

export async function saveObject<T extends StripeObject>(object: T): Promise<T> {
  await db().sandboxObject.upsert({
    where: { id: object.id },
    create: { id: object.id, type: object.object, data: object as unknown as Prisma.InputJsonValue },
    update: { data: object as unknown as Prisma.InputJsonValue },
  });
  return object;
}

export async function getObject<T extends StripeObject = StripeObject>(id: string): Promise<T | null> {
  const row = await db().sandboxObject.findUnique({ where: { id } });
  return row ? (row.data as unknown as T) : null;
}

export async function listObjects<T extends StripeObject = StripeObject>(type: string, since?: Date): Promise<T[]> {
  const rows = await db().sandboxObject.findMany({
    where: { type, ...(since ? { createdAt: { gte: since } } : {}) },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((row) => row.data as unknown as T);
}
