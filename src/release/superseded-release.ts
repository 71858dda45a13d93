/**
 * Which releases a change to the release file supersedes: a candidate on green (running or
 * taking traffic, and not the stable release on blue) whose image the change replaces with
 * another release. Its promotion ends there; the new release starts from the first step.
 * Green given the stable image back (a rollback of a green side without a desired count)
 * is no new release.
 */
import type { ServiceLayout } from "../release-file/service-layout.js";
import { candidateServices, snapshotOf } from "./release-state.js";

export interface SupersededRelease {
  service: string;
  /** The green image that was being released. */
  previous: string;
  /** The green image that replaces it. */
  next: string;
  /** The share of traffic the superseded release had, now back on blue. */
  weight: number;
}

export function supersededReleases(
  file: string,
  before: string,
  after: string,
  layouts: ServiceLayout[],
): SupersededRelease[] {
  if (before === after) return [];
  const old = snapshotOf(before, file, layouts).services;
  const now = snapshotOf(after, file, layouts).services;
  return candidateServices({ services: old }).flatMap((was) => {
    const after = now.find((s) => s.name === was.name);
    const next = after?.greenImage;
    if (next === undefined || next === was.greenImage || next === after?.blueImage) return [];
    return [{ service: was.name, previous: was.greenImage!, next, weight: was.greenWeight ?? 0 }];
  });
}

/** One line per superseded release, for logs, summaries and the closed pull request. */
export function describeSuperseded(release: SupersededRelease): string {
  const traffic = release.weight > 0 ? `, which had ${release.weight}% of the traffic` : "";
  return `${release.next} supersedes ${release.previous} on ${release.service}${traffic}`;
}
