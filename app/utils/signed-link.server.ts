import crypto from "node:crypto";

import { z } from "zod";

/**
 * Links signed with SESSION_SECRET: `payload.signature`, both base64url.
 * The payload names its purpose, a subject, a random nonce and an expiry.
 */
const PayloadSchema = z.object({ p: z.string(), s: z.string(), n: z.string().min(16), e: z.number().int() });
export type LinkPayload = { purpose: string; subject: string; nonce: string; expiresAt: Date };

function sign(data: string, secret: string): string {
  return crypto.createHmac("sha256", secret).update(data).digest("base64url");
}

export function createSignedToken(
  purpose: string,
  subject: string,
  ttlMs: number,
  secret: string,
  now = Date.now(),
): { token: string; nonce: string } {
  const nonce = crypto.randomBytes(16).toString("base64url");
  const data = Buffer.from(JSON.stringify({ p: purpose, s: subject, n: nonce, e: now + ttlMs })).toString("base64url");
  return { token: `${data}.${sign(data, secret)}`, nonce };
}

export type TokenCheck = { ok: true; payload: LinkPayload } | { ok: false; reason: "invalid" | "expired" };

export function verifySignedToken(token: string, purpose: string, secret: string, now = Date.now()): TokenCheck {
  const [data, signature, extra] = token.split(".");
  if (!data || !signature || extra !== undefined) return { ok: false, reason: "invalid" };
  const expected = Buffer.from(sign(data, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return { ok: false, reason: "invalid" };
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(data, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "invalid" };
  }
  const parsed = PayloadSchema.safeParse(decoded);
  if (!parsed.success || parsed.data.p !== purpose) return { ok: false, reason: "invalid" };
  if (parsed.data.e <= now) return { ok: false, reason: "expired" };
  return { ok: true, payload: { purpose, subject: parsed.data.s, nonce: parsed.data.n, expiresAt: new Date(parsed.data.e) } };
}
