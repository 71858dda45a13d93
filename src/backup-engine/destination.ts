/**
 * The `destination` input: `s3://bucket/prefix` or a local directory. S3 credentials come
 * from the environment, as aws-actions/configure-aws-credentials (OIDC) leaves them.
 */
import { isAbsolute, resolve } from "node:path";
import { ConfigurationError } from "../core/errors.js";
import type { SecretRegistry } from "../core/secrets.js";
import { LocalStore } from "./local-store.js";
import { LazyS3Store } from "./lazy-s3-store.js";
import type { BackupStore } from "./store.js";

export interface DestinationOptions {
  destination: string;
  s3Endpoint?: string;
  s3Region?: string;
  s3ForcePathStyle?: boolean;
  cwd: string;
  env: Record<string, string | undefined>;
  secrets: SecretRegistry;
}

export function openStore(options: DestinationOptions): BackupStore {
  const text = options.destination.trim();
  if (/^s3:\/\//i.test(text)) {
    const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/i.exec(text);
    if (!match) {
      throw new ConfigurationError(
        `Input "destination" has no valid bucket name; write it like s3://my-bucket/backups/prod.`,
      );
    }
    const { env } = options;
    const accessKeyId = env.AWS_ACCESS_KEY_ID;
    const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
    const sessionToken = env.AWS_SESSION_TOKEN;
    options.secrets.add(secretAccessKey);
    options.secrets.add(sessionToken);
    return new LazyS3Store({
      bucket: match[1]!,
      prefix: (match[2] ?? "").replace(/^\/+|\/+$/g, ""),
      region: options.s3Region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? "us-east-1",
      ...(options.s3Endpoint ? { endpoint: options.s3Endpoint } : {}),
      forcePathStyle: options.s3ForcePathStyle ?? Boolean(options.s3Endpoint),
      ...(accessKeyId && secretAccessKey
        ? {
            credentials: {
              accessKeyId,
              secretAccessKey,
              ...(sessionToken ? { sessionToken } : {}),
            },
          }
        : {}),
    });
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) && !/^file:\/\//i.test(text)) {
    throw new ConfigurationError(
      `Input "destination" must be s3://bucket/prefix or a local directory; other schemes are not supported.`,
    );
  }
  const path = text.replace(/^file:\/\//i, "");
  return new LocalStore(isAbsolute(path) ? path : resolve(options.cwd, path));
}
