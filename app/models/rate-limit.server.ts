import { db } from "~/db.server";

export interface RateLimitResult {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

/**
 * Counts one hit against `key` in a fixed window shared by every server
 * instance (the counter is a database row, incremented atomically).
 */
export async function hitRateLimit(key: string, max: number, windowMs: number, now = new Date()): Promise<RateLimitResult> {
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const rows = await db().$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + 1
    RETURNING "count"`;
  const count = Number(rows[0]?.count ?? max + 1);
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000);
  return { allowed: count <= max, remaining: Math.max(0, max - count), retryAfterSeconds };
}

/** Old windows are useless; drop them now and then. */
export async function pruneRateLimits(olderThan: Date): Promise<number> {
  const { count } = await db().rateLimitBucket.deleteMany({ where: { windowStart: { lt: olderThan } } });
  return count;
}
