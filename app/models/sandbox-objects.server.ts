import { db, type Prisma } from "~/db.server";

/** The sandbox's stored Stripe-shaped objects (JSON), by id and by type. */

export async function upsertSandboxObject(id: string, type: string, data: Prisma.InputJsonValue): Promise<void> {
  await db().sandboxObject.upsert({ where: { id }, create: { id, type, data }, update: { data } });
}

export async function findSandboxObjectData(id: string): Promise<Prisma.JsonValue | null> {
  const row = await db().sandboxObject.findUnique({ where: { id }, select: { data: true } });
  return row ? row.data : null;
}

/** Newest first; only those created at or after `since` when given. */
export async function findSandboxObjectsData(type: string, since?: Date): Promise<Prisma.JsonValue[]> {
  const rows = await db().sandboxObject.findMany({
    where: { type, ...(since ? { createdAt: { gte: since } } : {}) },
    orderBy: { createdAt: "desc" },
    select: { data: true },
  });
  return rows.map((row) => row.data);
}
