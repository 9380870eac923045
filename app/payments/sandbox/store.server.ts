import crypto from "node:crypto";

import type { Prisma } from "~/db/db.server";
import { findSandboxObjectData, findSandboxObjectsData, upsertSandboxObject } from "~/payments/sandbox/sandbox-objects.data.server";

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
  await upsertSandboxObject(object.id, object.object, json(object));
  return object;
}

/** A stored object read back; the type parameter says what the caller stored under that id. */
export async function getObject<T extends Stored = StripeObject>(id: string): Promise<T | null> {
  return (await findSandboxObjectData(id)) as unknown as T | null;
}

/** Objects of one kind, newest first; only those made from `since`, or before `before`, when given. */
export async function listObjects<T extends Stored = StripeObject>(type: string, since?: Date, before?: Date): Promise<T[]> {
  return (await findSandboxObjectsData(type, since, before)) as unknown as T[];
}
