import { db } from "~/db/db.server";

export interface RateLimitResult {
  allowed: boolean;
  /** Hits in this window, this one included. */
  count: number;
  remaining: number;
  retryAfterSeconds: number;
}

/**
 * Counts one hit against `key` in a fixed window shared by every server
 * instance (the counter is a database row, incremented atomically).
 */
export async function hitRateLimit(key: string, max: number, windowMs: number, now = new Date()): Promise<RateLimitResult> {
  const windowStart = windowStartOf(now, windowMs);
  const rows = await db().$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + 1
    RETURNING "count"`;
  const count = Number(rows[0]?.count ?? max + 1);
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000);
  return { allowed: count <= max, count, remaining: Math.max(0, max - count), retryAfterSeconds };
}

/** The start of the fixed window that `now` falls in. */
export function windowStartOf(now: Date, windowMs: number): Date {
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}

/** Hits counted against `key` in the current window, without adding one. */
export async function countRateLimitHits(key: string, windowMs: number, now = new Date()): Promise<number> {
  const bucket = await db().rateLimitBucket.findUnique({ where: { key_windowStart: { key, windowStart: windowStartOf(now, windowMs) } } });
  return bucket?.count ?? 0;
}

/** Old windows are useless; drop them now and then. */
export async function pruneRateLimits(olderThan: Date): Promise<number> {
  const { count } = await db().rateLimitBucket.deleteMany({ where: { windowStart: { lt: olderThan } } });
  return count;
}
