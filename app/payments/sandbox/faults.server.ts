import { apiError, cardDeclined, rateLimited, stripeErrorResponse } from "~/payments/sandbox/errors";
import { getObject, saveObject } from "~/payments/sandbox/store.server";

/**
 * Stripe has bad moments: the sandbox can be told (from its dashboard, or
 * by a test) to answer the next requests to a path with one of Stripe's
 * errors, as Stripe shapes them: a 500 `api_error`, a 429 `rate_limit`, a
 * 402 `card_error` or a 409 conflict. Inside the idempotency layer, so a
 * 500 is kept for its key and replayed, as Stripe does.
 */
export const FAULT_KINDS = ["api_error", "rate_limit", "card_declined", "conflict"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface Fault {
  method: "GET" | "POST";
  /** A path under /v1, or its beginning: "/v1/checkout/sessions". */
  path: string;
  kind: FaultKind;
  remaining: number;
}

const FAULTS_ID = "sandbox_faults";
type StoredFaults = { id: string; object: "sandbox_faults"; faults: Fault[] };

export async function sandboxFaults(): Promise<Fault[]> {
  return (await getObject<StoredFaults>(FAULTS_ID))?.faults ?? [];
}

export async function addFault(fault: Fault): Promise<void> {
  await saveObject<StoredFaults>({ id: FAULTS_ID, object: "sandbox_faults", faults: [...(await sandboxFaults()), fault] });
}

export async function clearFaults(): Promise<void> {
  await saveObject<StoredFaults>({ id: FAULTS_ID, object: "sandbox_faults", faults: [] });
}

function response(kind: FaultKind): Response {
  switch (kind) {
    case "api_error":
      return apiError("Something went wrong on Stripe's end (a fault set in the sandbox dashboard).");
    case "rate_limit":
      return rateLimited();
    case "card_declined":
      return cardDeclined();
    case "conflict":
      return stripeErrorResponse(409, { type: "api_error", message: "The request conflicts with another request. Please try again." });
  }
}

/** The fault this request meets, used up by one; null when none is set. */
export async function takeFault(method: string, path: string): Promise<Response | null> {
  const faults = await sandboxFaults();
  if (faults.length === 0) return null;
  const index = faults.findIndex((fault) => fault.method === method && path.startsWith(fault.path) && fault.remaining > 0);
  if (index < 0) return null;
  const fault = faults[index]!;
  const rest = faults.map((f, i) => (i === index ? { ...f, remaining: f.remaining - 1 } : f)).filter((f) => f.remaining > 0);
  await saveObject<StoredFaults>({ id: FAULTS_ID, object: "sandbox_faults", faults: rest });
  return response(fault.kind);
}
