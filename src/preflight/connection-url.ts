/**
 * Connection strings for PostgreSQL, MongoDB, AMQP and Redis, checked by their own rules
 * rather than the WHATWG URL parser (which rejects MongoDB's comma-separated hosts). Every
 * problem is described without repeating any part of the value: a connection string
 * usually carries a password.
 */

export const URL_KINDS = ["postgres-url", "mongodb-url", "amqp-url", "redis-url", "url"] as const;
export type UrlKind = (typeof URL_KINDS)[number];

const SCHEMES: Record<UrlKind, string[]> = {
  "postgres-url": ["postgres", "postgresql"],
  "mongodb-url": ["mongodb", "mongodb+srv"],
  "amqp-url": ["amqp", "amqps"],
  "redis-url": ["redis", "rediss"],
  url: ["http", "https"],
};

const LABELS: Record<UrlKind, string> = {
  "postgres-url": "a PostgreSQL URL",
  "mongodb-url": "a MongoDB URL",
  "amqp-url": "an AMQP URL",
  "redis-url": "a Redis URL",
  url: "an http(s) URL",
};

export interface ConnectionParts {
  scheme: string;
  user?: string;
  password?: string;
  hosts: { host: string; port?: number }[];
  path: string;
  query: string;
}

function splitHost(text: string): { host: string; port?: string } {
  if (text.startsWith("[")) {
    const close = text.indexOf("]");
    return {
      host: text.slice(0, close + 1),
      ...(text[close + 1] === ":" ? { port: text.slice(close + 2) } : {}),
    };
  }
  const colon = text.lastIndexOf(":");
  return colon >= 0 ? { host: text.slice(0, colon), port: text.slice(colon + 1) } : { host: text };
}

/** Splits a connection string, or says (without the value) why it cannot be one. */
export function parseConnection(value: string): ConnectionParts | string {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/.exec(
    value.trim(),
  );
  if (!match) return "it is not of the form scheme://host/…";
  const authority = match[2] ?? "";
  const at = authority.lastIndexOf("@");
  const userInfo = at >= 0 ? authority.slice(0, at) : undefined;
  const hostList = at >= 0 ? authority.slice(at + 1) : authority;
  if (userInfo?.includes("@"))
    return "the user or password contains an unencoded @; percent-encode it as %40";
  const hosts: ConnectionParts["hosts"] = [];
  for (const item of hostList.split(",")) {
    const { host, port } = splitHost(item);
    if (!host) return "it names no host";
    if (port !== undefined) {
      if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535)
        return "a port is not a number from 1 to 65535";
      hosts.push({ host, port: Number(port) });
    } else hosts.push({ host });
  }
  const colon = userInfo?.indexOf(":") ?? -1;
  const parts: ConnectionParts = {
    scheme: (match[1] ?? "").toLowerCase(),
    hosts,
    path: match[3] ?? "",
    query: match[4] ?? "",
  };
  if (userInfo !== undefined) parts.user = colon >= 0 ? userInfo.slice(0, colon) : userInfo;
  if (userInfo !== undefined && colon >= 0) parts.password = userInfo.slice(colon + 1);
  try {
    if (parts.user) decodeURIComponent(parts.user);
    if (parts.password) decodeURIComponent(parts.password);
  } catch {
    return "the user or password has a malformed %-escape; percent-encode special characters";
  }
  return parts;
}

/** Undefined when `value` is a valid connection string of `kind`, else why not (value-free). */
export function checkConnectionUrl(value: string, kind: UrlKind): string | undefined {
  const label = LABELS[kind];
  const parts = parseConnection(value);
  if (typeof parts === "string") return `is not ${label}: ${parts}`;
  const schemes = SCHEMES[kind];
  if (!schemes.includes(parts.scheme)) {
    return `is not ${label}: the scheme must be ${schemes.map((s) => `${s}://`).join(" or ")} (it is ${parts.scheme}://)`;
  }
  if (kind === "mongodb-url" && parts.scheme === "mongodb+srv") {
    if (parts.hosts.length !== 1)
      return "is not a MongoDB URL: mongodb+srv:// takes exactly one host name";
    if (parts.hosts[0]?.port !== undefined)
      return "is not a MongoDB URL: mongodb+srv:// does not take a port";
  }
  if (kind !== "mongodb-url" && kind !== "postgres-url" && parts.hosts.length > 1) {
    return `is not ${label}: it names more than one host`;
  }
  if (kind === "redis-url" && parts.path && parts.path !== "/" && !/^\/\d+$/.test(parts.path)) {
    return "is not a Redis URL: the path must be a database number such as /0";
  }
  if (parts.user !== undefined && parts.password === "") return "has a user with an empty password";
  return undefined;
}
