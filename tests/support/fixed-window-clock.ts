import { vi } from "vitest";

/**
 * Rate limits and "one per window" rules count in fixed windows (15 minutes
 * by default). A test that makes many attempts must not straddle a window's
 * edge, or its counts split in two: this moves the process's clock (Date
 * only; timers stay real and the clock keeps running) to one second after
 * the start of the current window. Undo with vi.useRealTimers().
 */
export function startAtWindowStart(windowMs = 15 * 60_000): void {
  const windowStart = Math.floor(Date.now() / windowMs) * windowMs;
  vi.useFakeTimers({ toFake: ["Date"], shouldAdvanceTime: true });
  vi.setSystemTime(windowStart + 1_000);
}
