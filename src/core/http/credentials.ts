/**
 * Which request values are credentials: the one rule for header names, query parameters and
 * URL user info, used by every outbound request (verify's checks, promote's analyses). Their
 * values, and the parts a server or an error could echo back separately (the token after "Bearer", the password inside Basic auth, a
 * cookie's value), are registered as secrets before the first request is sent.
 */
/** What a request carries that may hold credentials. */
export interface CredentialBearer {
  headers: Record<string, string>;
  secretHeaders: readonly string[];
  url: URL;
}

const CREDENTIAL_NAME =
  /^(authorization|proxy-authorization|cookie)$|token|secret|passw|key|auth|session|credential|signature|cookie/i;

/** Query parameters that carry credentials in URLs (signed URLs, token query strings). */
const CREDENTIAL_PARAM = /token|secret|passw|key|auth|session|signature|^sig$/i;

export function isCredentialHeader(name: string, marked: readonly string[] = []): boolean {
  const lower = name.toLowerCase();
  return CREDENTIAL_NAME.test(name) || marked.some((m) => m.toLowerCase() === lower);
}

/** The value, and the parts of it that could travel alone. */
function credentialParts(value: string): string[] {
  const parts = [value];
  const scheme = /^\s*(\w+)\s+(.+)$/s.exec(value);
  if (scheme) {
    const token = scheme[2]!.trim();
    parts.push(token);
    if (scheme[1]!.toLowerCase() === "basic") {
      const decoded = Buffer.from(token, "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      if (colon >= 0) parts.push(decoded, decoded.slice(colon + 1));
    }
  }
  // Cookie: name=value; name2=value2 — each value may be a session id on its own.
  for (const pair of value.split(";")) {
    const eq = pair.indexOf("=");
    if (eq > 0) parts.push(pair.slice(eq + 1).trim());
  }
  return parts;
}

/** Every credential a check carries: in headers, in the URL's user info and query string. */
export function credentialsOf(spec: CredentialBearer): string[] {
  const found: string[] = [];
  for (const [name, value] of Object.entries(spec.headers)) {
    if (isCredentialHeader(name, spec.secretHeaders)) found.push(...credentialParts(value));
  }
  found.push(...urlCredentials(spec.url));
  return found;
}

export function urlCredentials(url: URL): string[] {
  const found: string[] = [];
  if (url.password) found.push(decodeURIComponent(url.password), url.password);
  for (const [name, value] of url.searchParams) {
    if (CREDENTIAL_PARAM.test(name)) found.push(value);
  }
  return found;
}

/** The URL as it may be shown: without user info (the registry redacts query secrets). */
export function displayUrl(url: URL): string {
  if (!url.username && !url.password) return url.href;
  const copy = new URL(url.href);
  copy.username = "";
  copy.password = "";
  return copy.href;
}

/**
 * A URL's user info as what it means on the wire, a Basic Authorization header, and the
 * URL without it: fetch refuses URLs with credentials, and the URL is what gets shown.
 */
export function basicAuthFromUrl(text: string): { url: string; headers: Record<string, string> } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { url: text, headers: {} };
  }
  if (!url.username && !url.password) return { url: text, headers: {} };
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  const token = Buffer.from(`${user}:${password}`, "utf8").toString("base64");
  return { url: displayUrl(url), headers: { authorization: `Basic ${token}` } };
}
