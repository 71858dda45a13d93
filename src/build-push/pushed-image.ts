/**
 * What the registry now holds for one pushed image, read back by digest: the platforms of
 * its index and the compressed size of each (config plus layers, as pulled), then checked
 * against the request: the digest resolves, every tag points at it, every platform is
 * there, and each platform fits the size budget.
 */
import { formatDecimalBytes as formatSize } from "../core/quantity.js";
import { platformKey } from "./platforms.js";
import type { FetchedManifest, RegistryClient } from "./registry-client.js";
import { INDEX_MEDIA_TYPES } from "./registry-client.js";

export interface PlatformImage {
  platform: string;
  digest: string;
  /** Compressed bytes a pull downloads: config plus layers. */
  size: number;
}

export interface PushedImage {
  digest: string;
  mediaType: string;
  platforms: PlatformImage[];
}

interface Descriptor {
  mediaType?: string;
  digest?: string;
  size?: number;
  platform?: { os?: string; architecture?: string; variant?: string };
  annotations?: Record<string, string>;
}

export interface ImageLocation {
  registry: string;
  /** Repository path inside the registry. */
  path: string;
}

function isIndex(manifest: FetchedManifest): boolean {
  return (
    INDEX_MEDIA_TYPES.includes(manifest.mediaType) || Array.isArray(manifest.json["manifests"])
  );
}

/** Buildx adds provenance and SBOM attestations as `unknown/unknown` entries: not images. */
function isAttestation(descriptor: Descriptor): boolean {
  return (
    descriptor.annotations?.["vnd.docker.reference.type"] === "attestation-manifest" ||
    (descriptor.platform?.os === "unknown" && descriptor.platform.architecture === "unknown")
  );
}

function compressedSize(manifest: FetchedManifest): number {
  const config = (manifest.json["config"] as Descriptor | undefined)?.size ?? 0;
  const layers = (manifest.json["layers"] as Descriptor[] | undefined) ?? [];
  return config + layers.reduce((sum, layer) => sum + (layer.size ?? 0), 0);
}

export async function readPushedImage(
  client: RegistryClient,
  location: ImageLocation,
  digest: string,
): Promise<PushedImage> {
  const top = await client.manifest(location.registry, location.path, digest);
  if (!isIndex(top)) {
    // A single-platform push: the platform is in the image config.
    const configDigest = (top.json["config"] as Descriptor | undefined)?.digest ?? "";
    const config = await client.blobJson(location.registry, location.path, configDigest);
    const platform = platformKey({
      os: String(config["os"] ?? ""),
      architecture: String(config["architecture"] ?? ""),
      ...(typeof config["variant"] === "string" ? { variant: config["variant"] } : {}),
    });
    return {
      digest: top.digest,
      mediaType: top.mediaType,
      platforms: [{ platform, digest: top.digest, size: compressedSize(top) }],
    };
  }
  const entries = ((top.json["manifests"] as Descriptor[] | undefined) ?? []).filter(
    (d) => !isAttestation(d),
  );
  const platforms = await Promise.all(
    entries.map(async (entry): Promise<PlatformImage> => {
      const manifest = await client.manifest(location.registry, location.path, entry.digest ?? "");
      const platform = platformKey({
        os: entry.platform?.os ?? "",
        architecture: entry.platform?.architecture ?? "",
        ...(entry.platform?.variant ? { variant: entry.platform.variant } : {}),
      });
      return { platform, digest: manifest.digest, size: compressedSize(manifest) };
    }),
  );
  return { digest: top.digest, mediaType: top.mediaType, platforms };
}

export interface PushExpectation {
  service: string;
  reference: string;
  digest: string;
  platforms: string[];
  maxSize?: number | undefined;
  /** Tag → digest the registry serves for it. */
  tagDigests: Record<string, string>;
}

/** Every way the pushed image differs from what was asked for, one sentence each. */
export function pushProblems(image: PushedImage, expected: PushExpectation): string[] {
  const problems: string[] = [];
  if (image.digest !== expected.digest) {
    problems.push(
      `Service "${expected.service}": the registry serves ${image.digest} for ${expected.reference}, not the pushed ${expected.digest}.`,
    );
  }
  for (const [tag, digest] of Object.entries(expected.tagDigests)) {
    if (digest !== expected.digest) {
      problems.push(
        `Service "${expected.service}": tag ${tag} points at ${digest}, not at the pushed ${expected.digest}.`,
      );
    }
  }
  const present = new Set(image.platforms.map((p) => p.platform));
  const missing = expected.platforms.filter((p) => !present.has(p));
  if (missing.length > 0) {
    problems.push(
      `Service "${expected.service}": ${expected.reference} has no image for ${missing.join(", ")} (it has ${[...present].join(", ") || "none"}).`,
    );
  }
  if (expected.maxSize !== undefined) {
    for (const platform of image.platforms) {
      if (platform.size > expected.maxSize) {
        problems.push(
          `Service "${expected.service}" for ${platform.platform} is ${formatSize(platform.size)} compressed (${platform.size} bytes), over the max-size budget of ${formatSize(expected.maxSize)}.`,
        );
      }
    }
  }
  return problems;
}
