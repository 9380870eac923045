import { z } from "~/utils/zod";

/** "90m", "72h", "7d" → milliseconds. */
export const DurationSchema = z
  .string()
  .trim()
  .regex(/^\d{1,5}[mhd]$/, 'must be a number followed by m, h or d, like "72h"')
  .transform((value) => {
    const amount = Number(value.slice(0, -1));
    const unit = value.slice(-1) as "m" | "h" | "d";
    return amount * { m: 60_000, h: 3_600_000, d: 86_400_000 }[unit];
  });
