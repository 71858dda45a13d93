/**
 * The JSON Web Token a GitHub App signs to prove who it is (RS256 over its private key).
 * Written over node:crypto rather than taken from @octokit/auth-app so the times come from
 * the injected Clock: tests can check iat and exp exactly, and no test waits.
 */
import { createPrivateKey, sign, type KeyObject } from "node:crypto";
import type { Clock } from "../clock.js";
import { ConfigurationError } from "../errors.js";

/** GitHub rejects a JWT whose exp is more than 10 minutes ahead; keep a margin. */
const LIFETIME_SECONDS = 9 * 60;
/** Backdated because the runner's clock may be ahead of GitHub's (GitHub's own advice). */
const BACKDATE_SECONDS = 60;

const INVALID_KEY =
  'Input "private-key" is not a PEM RSA private key; give the whole .pem file generated on the GitHub App\'s settings page, from "-----BEGIN RSA PRIVATE KEY-----" to "-----END RSA PRIVATE KEY-----".';

/**
 * Keys pasted into a single-line secret or environment variable often arrive with literal
 * `\n` sequences instead of line breaks; restore them before parsing.
 */
export function normalisePem(text: string): string {
  return text.trim().replace(/\\n/g, "\n");
}

/** Parses the App's private key, or throws a ConfigurationError naming `private-key`. */
export function parseAppPrivateKey(text: string): KeyObject {
  const pem = normalisePem(text);
  if (!/-----BEGIN (RSA )?PRIVATE KEY-----/.test(pem)) throw new ConfigurationError(INVALID_KEY);
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: "pem" });
  } catch {
    throw new ConfigurationError(INVALID_KEY);
  }
  if (key.asymmetricKeyType !== "rsa") throw new ConfigurationError(INVALID_KEY);
  return key;
}

function base64urlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

export interface AppJwtClaims {
  iat: number;
  exp: number;
  iss: string;
}

/** The claims for a JWT issued now: `issuer` is the App id or its client id. */
export function appJwtClaims(issuer: string, clock: Clock): AppJwtClaims {
  const now = Math.floor(clock.now().getTime() / 1000);
  return { iat: now - BACKDATE_SECONDS, exp: now + LIFETIME_SECONDS, iss: issuer };
}

export function signAppJwt(claims: AppJwtClaims, key: KeyObject): string {
  const signingInput = `${base64urlJson({ alg: "RS256", typ: "JWT" })}.${base64urlJson(claims)}`;
  const signature = sign("sha256", Buffer.from(signingInput, "utf8"), key).toString("base64url");
  return `${signingInput}.${signature}`;
}
