/** Inputs backup and restore share: where backups live, and the encryption key. */
import { z } from "zod";
import type { RunContext } from "../core/action.js";
import { booleanInput } from "../core/inputs.js";
import { openStore } from "./destination.js";
import type { BackupStore } from "./store.js";

export const storeInputShape = {
  destination: z.string().trim().min(1, { message: "must be s3://bucket/prefix or a directory" }),
  "s3-endpoint": z
    .string()
    .regex(/^https?:\/\/\S+$/, {
      message: "must be an http(s) URL such as https://minio.internal:9000",
    })
    .optional(),
  "s3-region": z.string().optional(),
  "s3-force-path-style": booleanInput.optional(),
  "encryption-key": z.string().min(16, { message: "must be at least 16 characters" }).optional(),
};

/** Set name: safe in S3 keys and file names alike. */
export const setNameInput = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
  message: "must be letters, digits, dots, dashes or underscores, e.g. orders-db",
});

export function storeFromInputs(
  params: {
    destination: string;
    "s3-endpoint"?: string | undefined;
    "s3-region"?: string | undefined;
    "s3-force-path-style"?: boolean | undefined;
  },
  context: RunContext,
): BackupStore {
  return openStore({
    destination: params.destination,
    ...(params["s3-endpoint"] ? { s3Endpoint: params["s3-endpoint"] } : {}),
    ...(params["s3-region"] ? { s3Region: params["s3-region"] } : {}),
    ...(params["s3-force-path-style"] !== undefined
      ? { s3ForcePathStyle: params["s3-force-path-style"] }
      : {}),
    cwd: context.cwd,
    env: context.env,
    secrets: context.secrets,
  });
}

/** The environment the database tools run with: the runner's, plus the action's own. */
export function toolEnvironment(context: RunContext): Record<string, string | undefined> {
  return { ...process.env, ...context.env };
}
