/**
 * Finding an earlier release in the tfvars file's history: the newest commit on the base
 * branch where a service ran an image named by the given version, tag or digest. The
 * release is every service's image on that side at that commit, so a rollback puts back
 * exactly what ran together then.
 */
import type { ReleaseSource, ReleaseState, ServiceRelease } from "../release/release-state.js";
import { snapshotOf } from "../release/release-state.js";

export interface EarlierRelease {
  commit: string;
  landedAt: Date;
  /** Which side held the release at that commit: the stable side, or the candidate. */
  side: "blue" | "green";
  /** service → image. */
  images: Record<string, string>;
}

function parts(image: string): { tag?: string; digest?: string } {
  const at = image.indexOf("@");
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const name = at >= 0 ? image.slice(0, at) : image;
  const colon = name.lastIndexOf(":");
  const tag = colon > name.lastIndexOf("/") ? name.slice(colon + 1) : undefined;
  return { ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
}

/** Whether `image` is the release named `wanted`: the whole reference, its tag (with or without a leading v), or its digest. */
export function imageMatches(image: string, wanted: string): boolean {
  if (image === wanted) return true;
  const { tag, digest } = parts(image);
  const bare = (t: string) => t.replace(/^v(?=\d)/, "");
  if (tag && bare(tag) === bare(wanted)) return true;
  if (!digest) return false;
  if (digest === wanted) return true;
  // A digest may be given without its algorithm, or shortened like a commit sha.
  const hex = wanted.replace(/^sha256:/, "");
  return hex.length >= 12 && digest.replace(/^sha256:/, "").startsWith(hex);
}

function sideImages(services: ServiceRelease[], side: "blue" | "green"): Record<string, string> {
  const images: Record<string, string> = {};
  for (const service of services) {
    const image = side === "blue" ? service.blueImage : service.greenImage;
    if (image) images[service.name] = image;
  }
  return images;
}

export async function findEarlierRelease(
  source: ReleaseSource,
  state: ReleaseState,
  file: string,
  wanted: string,
  services: string[] | undefined,
): Promise<EarlierRelease | undefined> {
  const scoped = (list: ServiceRelease[]) =>
    services ? list.filter((s) => services.includes(s.name)) : list;
  for (const commit of state.history) {
    const text =
      commit.oid === state.history[0]?.oid ? state.text : await source.fileAt(file, commit.oid);
    if (text === undefined) continue;
    const snapshot = scoped(snapshotOf(text, file, state.layouts, state.format).services);
    for (const side of ["blue", "green"] as const) {
      const images = sideImages(snapshot, side);
      if (Object.values(images).some((image) => imageMatches(image, wanted))) {
        return { commit: commit.oid, landedAt: commit.landedAt, side, images };
      }
    }
  }
  return undefined;
}
