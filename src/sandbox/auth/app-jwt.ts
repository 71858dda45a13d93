/**
 * Checks a GitHub App's JSON Web Token the way GitHub does: RS256 over the App's key, `iss`
 * naming the App by id or client id, and GitHub's time rules (not expired, not issued in the
 * future, at most ten minutes long). Messages are GitHub's own.
 */
import { verify, type KeyObject } from "node:crypto";
import { GitHubError } from "../errors.js";

export const JWT_UNDECODABLE = "A JSON web token could not be decoded";
const EXP_INVALID =
  "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires";
const EXP_TOO_FAR = "'Expiration time' claim ('exp') is too far in the future";
const IAT_INVALID =
  "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued";

/** GitHub tolerates this much clock drift on `iat`. */
const CLOCK_SKEW_SECONDS = 60;
const MAX_LIFETIME_SECONDS = 600;

export interface JwtApp {
  id: number;
  clientId: string;
  publicKey: KeyObject;
}

export function looksLikeJwt(credential: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(credential);
}

function decodeJson(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return typeof value === "object" && value !== null
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Verifies `jwt` against `apps`. `clientIdIssuer` false is GitHub Enterprise Server before
 * 3.14, which only knows an App by its numeric id in `iss`.
 */
export function verifyAppJwt<A extends JwtApp>(
  jwt: string,
  apps: A[],
  nowSeconds: number,
  clientIdIssuer = true,
): A {
  const undecodable = new GitHubError(401, JWT_UNDECODABLE);
  const [headerPart, payloadPart, signaturePart] = jwt.split(".");
  if (!headerPart || !payloadPart || signaturePart === undefined) throw undecodable;
  const header = decodeJson(headerPart);
  const claims = decodeJson(payloadPart);
  if (!header || !claims || header["alg"] !== "RS256") throw undecodable;

  const issuer = claims["iss"];
  const app = apps.find(
    (a) =>
      (issuer !== undefined && String(issuer) === String(a.id)) ||
      (clientIdIssuer && issuer === a.clientId),
  );
  if (!app) throw undecodable;
  const signed = verify(
    "sha256",
    Buffer.from(`${headerPart}.${payloadPart}`, "utf8"),
    app.publicKey,
    Buffer.from(signaturePart, "base64url"),
  );
  if (!signed) throw undecodable;

  const { exp, iat } = claims;
  if (typeof exp !== "number" || exp <= nowSeconds) throw new GitHubError(401, EXP_INVALID);
  if (typeof iat !== "number" || !Number.isInteger(iat) || iat > nowSeconds + CLOCK_SKEW_SECONDS) {
    throw new GitHubError(401, IAT_INVALID);
  }
  if (
    exp - iat > MAX_LIFETIME_SECONDS ||
    exp > nowSeconds + MAX_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS
  ) {
    throw new GitHubError(401, EXP_TOO_FAR);
  }
  return app;
}
