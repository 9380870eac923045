import crypto from "node:crypto";

import type { Prisma } from "~/db.server";
import { findSandboxObjectData, findSandboxObjectsData, upsertSandboxObject } from "~/models/sandbox-objects.server";

/** A Stripe-shaped object as the sandbox stores it. */
export type StripeObject = { id: string; object: string; [key: string]: unknown };

/** Ids with Stripe's prefixes and a random tail, e.g. cs_test_a1B2... */
export function sandboxId(prefix: string, test = true): string {
  const tail = crypto.randomBytes(18).toString("base64url").replace(/[-_]/g, "x");
  return `${prefix}_${test ? "test_" : ""}${tail}`;
}

export async function saveObject<T extends StripeObject>(object: T): Promise<T> {
  await upsertSandboxObject(object.id, object.object, object as unknown as Prisma.InputJsonValue);
  return object;
}

export async function getObject<T extends StripeObject = StripeObject>(id: string): Promise<T | null> {
  return (await findSandboxObjectData(id)) as unknown as T | null;
}

export async function listObjects<T extends StripeObject = StripeObject>(type: string, since?: Date): Promise<T[]> {
  return (await findSandboxObjectsData(type, since)) as unknown as T[];
}

/**
 * Stripe's idempotency: a repeated request with the same Idempotency-Key gets
 * the first response. The stored record points at the object it created.
 */
export async function idempotentCreate<T extends StripeObject>(
  key: string | null,
  create: () => Promise<T>,
): Promise<T> {
  if (!key) return create();
  const recordId = `idem_${crypto.createHash("sha256").update(key).digest("hex").slice(0, 40)}`;
  const existing = await getObject<{ id: string; object: string; objectId: string }>(recordId);
  if (existing) {
    const object = await getObject<T>(existing.objectId);
    if (object) return object;
  }
  const object = await create();
  await saveObject({ id: recordId, object: "idempotency_record", objectId: object.id });
  return object;
}
