/**
 * Network and TLS errors as reasons a person understands: `connection refused`, `certificate
 * for api.example.com has expired`, never `Error: connect ECONNREFUSED 127.0.0.1:8080`.
 */

/** A request that ended without a usable response; `reason` is already readable. */
export class RequestFailure extends Error {
  override readonly name = "RequestFailure";
  constructor(readonly reason: string) {
    super(reason);
  }
}

const UNTRUSTED = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_GET_ISSUER_CERT",
]);

function tlsReason(code: string, host: string, message: string): string | undefined {
  if (code === "CERT_HAS_EXPIRED") return `certificate for ${host} has expired`;
  if (code === "CERT_NOT_YET_VALID") return `certificate for ${host} is not valid yet`;
  if (UNTRUSTED.has(code)) {
    const why = code.includes("SELF_SIGNED") ? "self-signed" : "unknown issuer";
    return `certificate for ${host} is not trusted (${why}); give its CA in tls.ca-file (or ca-file), or set tls.verify: false`;
  }
  if (code === "ERR_TLS_CERT_ALTNAME_INVALID") {
    const names = /cert's altnames: (.*)$/i.exec(message)?.[1];
    return `certificate is not valid for ${host}${names ? ` (it is for ${names.trim()})` : ""}`;
  }
  if (code === "ERR_SSL_WRONG_VERSION_NUMBER" || /wrong version number/i.test(message)) {
    return `${host} did not answer TLS (is the port plain HTTP?)`;
  }
  if (code.startsWith("ERR_SSL") || code.startsWith("ERR_TLS") || code === "EPROTO") {
    return `TLS handshake with ${host} failed (${message.split("\n")[0]})`;
  }
  return undefined;
}

const NETWORK_REASONS: Record<string, (host: string) => string> = {
  ECONNREFUSED: () => "connection refused",
  ECONNRESET: () => "connection reset by the server",
  EPIPE: () => "connection closed by the server while sending the request",
  ETIMEDOUT: () => "connection timed out",
  EHOSTUNREACH: (host) => `${host} is unreachable`,
  ENETUNREACH: (host) => `network unreachable for ${host}`,
  ENOTFOUND: (host) => `host ${host} not found (DNS)`,
  EAI_AGAIN: (host) => `host ${host} could not be resolved (DNS timeout)`,
  UND_ERR_SOCKET: () => "connection closed unexpectedly",
};

/** The readable reason for anything a request threw. */
export function describeTransportError(error: unknown, url: URL): string {
  if (error instanceof RequestFailure) return error.reason;
  const err = error as NodeJS.ErrnoException & { reason?: string };
  const code = err?.code ?? "";
  const message = err?.message ?? String(error);
  const host = url.hostname;
  const tls = tlsReason(code, host, message);
  if (tls) return tls;
  const network = NETWORK_REASONS[code];
  if (network) return network(host);
  if (code.startsWith("HPE_")) return `the answer from ${host} is not valid HTTP (${message})`;
  if (/socket hang up/i.test(message)) return "the server closed the connection without answering";
  return message.split("\n")[0] ?? "request failed";
}
