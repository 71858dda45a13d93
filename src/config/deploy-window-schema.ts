/**
 * The shape of a deploy window as written, in preflight's deploy-window input or under an
 * environment in the config file; preflight gives it meaning (src/preflight/window-spec.ts).
 */
import { z } from "zod";

const HOLIDAY_TYPES = ["public", "bank", "optional", "school", "observance"] as const;

/** The window as written: in the input, or under an environment in the config file. */
export const deployWindowSchema = z.strictObject({
  timezone: z.string().optional(),
  days: z.union([z.string(), z.array(z.string())]).optional(),
  hours: z
    .union([
      z.string(),
      z.array(z.string()),
      z.record(z.string(), z.union([z.string(), z.array(z.string())])),
    ])
    .optional(),
  freeze: z
    .array(z.strictObject({ from: z.string(), to: z.string(), reason: z.string().optional() }))
    .optional(),
  holidays: z
    .strictObject({
      country: z.string().min(2),
      state: z.string().optional(),
      region: z.string().optional(),
      types: z.array(z.enum(HOLIDAY_TYPES)).min(1).optional(),
      "day-before": z.boolean().optional(),
    })
    .optional(),
});
