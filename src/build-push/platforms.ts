/**
 * Target platforms (`linux/amd64`, `linux/arm64/v8`). Checked before anything is built,
 * because an engine rejects a bad one only after minutes of work on the good ones.
 */

const OPERATING_SYSTEMS = new Set(["linux", "windows", "darwin", "freebsd"]);
const ARCHITECTURES = new Set([
  "amd64",
  "arm64",
  "arm",
  "386",
  "ppc64le",
  "s390x",
  "riscv64",
  "mips64le",
  "loong64",
]);
const VARIANTS: Record<string, Set<string>> = {
  arm: new Set(["v5", "v6", "v7"]),
  arm64: new Set(["v8"]),
  amd64: new Set(["v1", "v2", "v3", "v4"]),
};

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

/** Why `text` is not a platform (`"linux/x86_64", whose …`), or undefined when it is one. */
export function platformProblem(text: string): string | undefined {
  const parts = text.split("/");
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => p === "")) {
    return `"${text}", which is not a platform; write it as os/architecture, e.g. linux/amd64 or linux/arm64`;
  }
  const [os = "", architecture = "", variant] = parts;
  if (!OPERATING_SYSTEMS.has(os)) {
    return `"${text}", whose operating system "${os}" is unknown; use one of ${[...OPERATING_SYSTEMS].join(", ")}`;
  }
  if (!ARCHITECTURES.has(architecture)) {
    return `"${text}", whose architecture "${architecture}" is unknown; use one of ${[...ARCHITECTURES].join(", ")}`;
  }
  if (variant !== undefined && !VARIANTS[architecture]?.has(variant)) {
    return `"${text}", whose variant "${variant}" is unknown for ${architecture}; use ${[...(VARIANTS[architecture] ?? [])].join(", ") || "no variant"}`;
  }
  return undefined;
}

export function parsePlatform(text: string): Platform {
  const [os = "", architecture = "", variant] = text.split("/");
  return { os, architecture, ...(variant ? { variant } : {}) };
}

/** `linux/arm64` and `linux/arm64/v8` are the same platform to a registry index. */
export function platformKey(platform: Platform): string {
  const variant =
    platform.variant && !(platform.architecture === "arm64" && platform.variant === "v8")
      ? `/${platform.variant}`
      : "";
  return `${platform.os}/${platform.architecture}${variant}`;
}

export function normalisePlatform(text: string): string {
  return platformKey(parsePlatform(text));
}
