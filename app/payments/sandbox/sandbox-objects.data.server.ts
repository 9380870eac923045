import { db, type Prisma } from "~/db/db.server";

/** The sandbox's stored Stripe-shaped objects (JSON), by id and by type. */

export async function upsertSandboxObject(id: string, type: string, data: Prisma.InputJsonValue): Promise<void> {
  await db().sandboxObject.upsert({ where: { id }, create: { id, type, data }, update: { data } });
}

export async function findSandboxObjectData(id: string): Promise<Prisma.JsonValue | null> {
  const row = await db().sandboxObject.findUnique({ where: { id }, select: { data: true } });
  return row ? row.data : null;
}

/** Newest first; only those created at or after `since`, or before `before`, when given. */
export async function findSandboxObjectsData(type: string, since?: Date, before?: Date): Promise<Prisma.JsonValue[]> {
  const rows = await db().sandboxObject.findMany({
    where: { type, ...(since || before ? { createdAt: { ...(since ? { gte: since } : {}), ...(before ? { lt: before } : {}) } } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { data: true },
  });
  return rows.map((row) => row.data);
}

/** Stores an object under an id not yet taken; false when the id exists already (the claim of an idempotency key). */
export async function insertSandboxObjectIfAbsent(id: string, type: string, data: Prisma.InputJsonValue): Promise<boolean> {
  const { count } = await db().sandboxObject.createMany({ data: [{ id, type, data }], skipDuplicates: true });
  return count === 1;
}

export async function deleteSandboxObject(id: string): Promise<void> {
  await db().sandboxObject.deleteMany({ where: { id } });
}
