/** The server certificate's remaining validity, judged against a minimum number of days. */
import type { CertificateInfo } from "../core/http/http-client.js";

const DAY_MS = 86_400_000;

function describeSpan(ms: number): string {
  const days = ms / DAY_MS;
  if (days >= 1) {
    const rounded = Math.round(days);
    return `${rounded} day${rounded === 1 ? "" : "s"}`;
  }
  const hours = Math.max(1, Math.round(ms / 3_600_000));
  return `${hours} hour${hours === 1 ? "" : "s"}`;
}

export function daysLeft(certificate: CertificateInfo, now: Date): number {
  return (certificate.expiresAt - now.getTime()) / DAY_MS;
}

/** Undefined when the certificate is valid for at least `minDays` more days. */
export function evaluateCertificate(
  certificate: CertificateInfo,
  host: string,
  minDays: number,
  now: Date,
): string | undefined {
  const remaining = certificate.expiresAt - now.getTime();
  if (!Number.isFinite(remaining)) return `certificate for ${host} has no readable expiry date`;
  if (remaining <= 0) return `certificate for ${host} expired ${describeSpan(-remaining)} ago`;
  if (remaining < minDays * DAY_MS) {
    return `certificate for ${host} expires in ${describeSpan(remaining)} (minimum ${minDays})`;
  }
  return undefined;
}
