/**
 * Where a release stands, read from the infra repository alone: the tfvars values at the
 * base branch's head, and the file's history on that branch — the commit where the current
 * weights (and green images) reached the base gives the bake start, and the state before it
 * tells a fresh deploy from a rolled-back one. Nothing else is stored anywhere.
 */
import { parseImageReference } from "../core/oci-reference.js";
import { parseTfvars } from "../release-file/document.js";
import type { JsonValue, TfvarsFormat } from "../release-file/document.js";
import type { ServiceLayout } from "../release-file/service-layout.js";
import { discoverLayouts, readField } from "../release-file/service-layout.js";

export interface ServiceRelease {
  name: string;
  weighted: boolean;
  blueImage?: string;
  greenImage?: string;
  greenWeight?: number;
  greenCount?: number;
  blueCount?: number;
}

export interface HistoryCommit {
  oid: string;
  /** When the commit reached the base branch (a merge commit's date for a merged branch). */
  landedAt: Date;
}

export interface OpenPullRequest {
  branch: string;
  number: number;
  url: string;
  nodeId?: string;
  /** When it was opened: a promotion opened before the current stage reached the base is outdated. */
  openedAt?: Date;
}

export interface RepoOverview {
  head: string;
  /** Commits on the base branch that changed the file, newest first. */
  history: HistoryCommit[];
  openPullRequests: OpenPullRequest[];
}

/** The infra repository, as much of it as reading a release needs. */
export interface ReleaseSource {
  readonly fullName: string;
  /** undefined when the base branch does not exist. */
  overview(query: {
    base: string;
    path: string;
    branches: string[];
    depth: number;
  }): Promise<RepoOverview | undefined>;
  fileAt(path: string, commit: string): Promise<string | undefined>;
}

export interface ReleaseState {
  head: string;
  text: string;
  /** The file's format when the config gives it; otherwise its extension says. */
  format?: TfvarsFormat;
  layouts: ServiceLayout[];
  services: ServiceRelease[];
  /** When the current release stage (green images and weights) reached the base branch. */
  stageStart?: Date;
  stageCommit?: string;
  /** The services as they were before the current stage, when the history reaches that far. */
  previous?: ServiceRelease[];
  openPullRequests: OpenPullRequest[];
  history: HistoryCommit[];
}

function asString(value: JsonValue | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function asNumber(value: JsonValue | undefined): number | undefined {
  return typeof value === "number" ? value : undefined;
}

export function servicesOf(data: JsonValue, layouts: ServiceLayout[]): ServiceRelease[] {
  return layouts.map((layout) => {
    const read = (field: keyof ServiceLayout["paths"]) => readField(data, layout, field);
    const service: ServiceRelease = { name: layout.name, weighted: layout.weighted };
    const blueImage = asString(read("blue-image"));
    const greenImage = asString(read("green-image"));
    const greenWeight = asNumber(read("green-weight"));
    const greenCount = asNumber(read("green-desired-count"));
    const blueCount = asNumber(read("blue-desired-count"));
    if (blueImage !== undefined) service.blueImage = blueImage;
    if (greenImage !== undefined) service.greenImage = greenImage;
    if (layout.weighted && greenWeight !== undefined) service.greenWeight = greenWeight;
    if (greenCount !== undefined) service.greenCount = greenCount;
    if (blueCount !== undefined) service.blueCount = blueCount;
    return service;
  });
}

export function snapshotOf(
  text: string,
  file: string,
  layouts?: ServiceLayout[],
  format?: TfvarsFormat,
): { services: ServiceRelease[]; layouts: ServiceLayout[] } {
  const data = parseTfvars(text, file, format).data;
  const used = layouts ?? discoverLayouts(data);
  return { services: servicesOf(data, used), layouts: used };
}

/** What identifies a release stage: each service's green image, weight and whether green runs. */
export function stageKey(services: ServiceRelease[]): string {
  return JSON.stringify(
    services.map((s) => [s.name, s.greenImage ?? null, s.greenWeight ?? null, s.greenCount === 0]),
  );
}

export async function readReleaseState(
  source: ReleaseSource,
  query: {
    base: string;
    file: string;
    layouts?: ServiceLayout[] | undefined;
    format?: TfvarsFormat | undefined;
    branches: string[];
    depth?: number;
  },
): Promise<ReleaseState | undefined> {
  const overview = await source.overview({
    base: query.base,
    path: query.file,
    branches: query.branches,
    depth: query.depth ?? 20,
  });
  if (!overview) return undefined;
  // The newest commit that touched the file holds the same file as the head: read it there.
  const newest = overview.history[0];
  const text = await source.fileAt(query.file, newest?.oid ?? overview.head);
  if (text === undefined) return undefined;
  const current = snapshotOf(text, query.file, query.layouts, query.format);
  const state: ReleaseState = {
    head: overview.head,
    text,
    ...(query.format ? { format: query.format } : {}),
    layouts: current.layouts,
    services: current.services,
    openPullRequests: overview.openPullRequests,
    history: overview.history,
  };
  const key = stageKey(current.services);
  for (let i = 1; i < overview.history.length; i++) {
    const older = await source.fileAt(query.file, overview.history[i]!.oid);
    const services =
      older === undefined
        ? undefined
        : snapshotOf(older, query.file, current.layouts, query.format).services;
    if (!services || stageKey(services) !== key) {
      const start = overview.history[i - 1]!;
      return {
        ...state,
        stageStart: start.landedAt,
        stageCommit: start.oid,
        ...(services ? { previous: services } : {}),
      };
    }
  }
  const oldest = overview.history.at(-1);
  return oldest ? { ...state, stageStart: oldest.landedAt, stageCommit: oldest.oid } : state;
}

export type ReleasePhase =
  | { kind: "idle"; reason: string }
  /**
   * A candidate is deployed on green with no traffic yet. `companions` are services without
   * weights (workers) released with it: finalized and rolled back with it, never weighted.
   */
  | { kind: "deployed"; services: string[]; companions: string[] }
  /** A candidate takes `weight` percent of the traffic. */
  | { kind: "shifting"; services: string[]; companions: string[]; weight: number };

function runsGreen(service: ServiceRelease): boolean {
  return service.greenCount === undefined || service.greenCount > 0;
}

/** Services whose green side holds a release different from blue that still runs or takes traffic. */
export function candidateServices(state: Pick<ReleaseState, "services">): ServiceRelease[] {
  return state.services.filter(
    (s) =>
      s.greenImage !== undefined &&
      s.greenImage !== "" &&
      s.greenImage !== s.blueImage &&
      ((s.greenWeight ?? 0) > 0 || runsGreen(s)),
  );
}

export function classifyRelease(state: ReleaseState): ReleasePhase {
  const all = candidateServices(state);
  const candidates = all.filter((s) => s.weighted);
  if (candidates.length === 0) return { kind: "idle", reason: "no release is in progress" };
  const names = candidates.map((s) => s.name);
  const companions = all.filter((s) => !s.weighted).map((s) => s.name);
  const weight = Math.min(...candidates.map((s) => s.greenWeight ?? 0));
  if (weight > 0) return { kind: "shifting", services: names, companions, weight };
  // At zero, a candidate is either freshly deployed or was rolled back (its images kept as a
  // record); the previous stage tells them apart: a rollback only took its traffic away.
  const rolledBack = candidates.every((s) => {
    const before = state.previous?.find((p) => p.name === s.name);
    return (
      before !== undefined && before.greenImage === s.greenImage && (before.greenWeight ?? 0) > 0
    );
  });
  if (rolledBack) return { kind: "idle", reason: "the release was rolled back" };
  return { kind: "deployed", services: names, companions };
}

/**
 * What a rollback of the named services leaves and returns to: each green image that is not
 * the stable one, and the stable image (blue's, or `stable`'s when an earlier release is put
 * back on blue).
 */
export function rolledBackImages(
  services: ServiceRelease[],
  names: string[],
  stable: Record<string, string> = {},
): Record<string, { from: string; to: string }> {
  const images: Record<string, { from: string; to: string }> = {};
  for (const service of services) {
    if (!names.includes(service.name) || !service.greenImage) continue;
    const to = stable[service.name] ?? service.blueImage;
    if (to && to !== service.greenImage) images[service.name] = { from: service.greenImage, to };
  }
  return images;
}

export function weightsOf(services: ServiceRelease[]): Record<string, number> {
  return Object.fromEntries(
    services.filter((s) => s.greenWeight !== undefined).map((s) => [s.name, s.greenWeight!]),
  );
}

/** How messages name a release: the image of each of its services, and its version. */
export interface ReleaseName {
  /** The images' tag (or digest, for an image without a tag); distinct ones joined by ", ". */
  version: string;
  /** Service → the image reference written for it. */
  images: Record<string, string>;
}

/** The release on the green side of the candidate services; undefined when none is in progress. */
export function releaseOn(state: Pick<ReleaseState, "services">): ReleaseName | undefined {
  const candidates = candidateServices(state);
  if (candidates.length === 0) return undefined;
  const images = Object.fromEntries(candidates.map((s) => [s.name, s.greenImage!]));
  return { version: versionOf(Object.values(images)), images };
}

/** The images' tag (or digest, for an image without a tag); distinct ones joined by ", ". */
export function versionOf(images: string[]): string {
  const versions = images.map((image) => {
    const reference = parseImageReference(image);
    return reference?.tag ?? reference?.digest ?? image;
  });
  return [...new Set(versions)].join(", ");
}
