import crypto from "node:crypto";

import { HttpResponse } from "msw";

import { deleteSandboxObject, insertSandboxObjectIfAbsent } from "~/payments/sandbox/sandbox-objects.data.server";
import { idempotencyConflict, idempotencyMismatch } from "~/payments/sandbox/errors";
import { getObject, saveObject } from "~/payments/sandbox/store.server";

/**
 * Stripe's idempotency, as its API applies it to every POST with an
 * Idempotency-Key:
 * - the first answer is kept for 24 hours and replayed for the same key,
 *   errors included (a 500 answered once is answered again);
 * - the same key with other parameters is refused: 400 `idempotency_error`;
 * - a second request while the first is still running gets 409;
 * - answers that never started the operation (400 invalid parameters, 409,
 *   429) are not kept, so a corrected request may reuse the key.
 */
const KEEP_SECONDS = 24 * 3600;
const NOT_KEPT = new Set([400, 409, 429]);

type IdempotencyRecord = {
  id: string;
  object: "idempotency_record";
  request: string;
  created: number;
  /** null while the first request is running. */
  status: number | null;
  body: unknown;
};

function recordId(key: string): string {
  return `idem_${crypto.createHash("sha256").update(key).digest("hex").slice(0, 40)}`;
}

/** What makes two requests "the same": method, path and the parameters, in any order. */
async function fingerprint(request: Request): Promise<string> {
  const url = new URL(request.url);
  const params = [...new URLSearchParams(await request.clone().text())].map(([k, v]) => `${k}=${v}`).sort();
  return crypto
    .createHash("sha256")
    .update(`${request.method} ${url.pathname}\n${params.join("&")}`)
    .digest("hex");
}

export async function withIdempotency(request: Request, answer: () => Promise<Response>): Promise<Response> {
  const key = request.headers.get("idempotency-key");
  if (!key || request.method !== "POST") return answer();
  const id = recordId(key);
  const requestHash = await fingerprint(request);
  const now = Math.floor(Date.now() / 1000);

  const existing = await getObject<IdempotencyRecord>(id);
  if (existing && existing.created + KEEP_SECONDS <= now) await deleteSandboxObject(id);
  const claim: IdempotencyRecord = { id, object: "idempotency_record", request: requestHash, created: now, status: null, body: null };
  const claimed = await insertSandboxObjectIfAbsent(id, "idempotency_record", JSON.parse(JSON.stringify(claim)));
  if (!claimed) {
    const first = await getObject<IdempotencyRecord>(id);
    if (first && first.request !== requestHash) return idempotencyMismatch(key);
    if (!first || first.status === null) return idempotencyConflict(key);
    return HttpResponse.json(first.body as Record<string, unknown>, { status: first.status, headers: { "idempotent-replayed": "true" } });
  }

  let response: Response;
  try {
    response = await answer();
  } catch (error) {
    await deleteSandboxObject(id);
    throw error;
  }
  if (NOT_KEPT.has(response.status)) {
    await deleteSandboxObject(id);
    return response;
  }
  await saveObject({ ...claim, status: response.status, body: await response.clone().json() });
  return response;
}
