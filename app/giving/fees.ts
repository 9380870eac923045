/**
 * "Cover the processing fee": the extra a donor adds so that, after the
 * processor takes its percentage and fixed fee from the whole charge, the
 * organisation still receives the full gift. Integer arithmetic only.
 */
export interface FeePolicy {
  /** Percentage in basis points: 220 = 2.2 %. */
  percentBps: number;
  /** Fixed fee per charge, in minor units. */
  fixed: number;
}

/**
 * The smallest charge T with T - (T * pct + fixed) >= gift, i.e.
 * T = ceil((gift + fixed) / (1 - pct)); returns T - gift.
 */
export function coveredFeeFor(gift: number, policy: FeePolicy): number {
  if (!Number.isSafeInteger(gift) || gift <= 0) return 0;
  const numerator = (gift + policy.fixed) * 10_000;
  const denominator = 10_000 - policy.percentBps;
  const total = Math.ceil(numerator / denominator);
  return total - gift;
}
