/**
 * rollback: put the environment back on a known-good release, written to Git so the
 * repository never disagrees with production. Two forms:
 *
 *   - fast path: all traffic to the stable (blue) side, the candidate scaled to zero (or,
 *     with no desired count to scale, given the stable image), no analysis — the same edit
 *     promote makes when a gate fails;
 *   - to an earlier release: that release's images (found in the tfvars file's history by
 *     version, tag or digest) become the stable side again, with all traffic on it.
 *
 * Both are transforms of whatever the base holds, so a retry or a concurrent change never
 * undoes them, and running the same rollback again changes nothing. The edit is planned on
 * the file as read before anything else happens (planRollback), so a rollback the file
 * cannot record — a first release — is refused before the backup an environment takes.
 */
import type { Clock } from "../core/clock.js";
import { ConfigurationError, OperationFailedError, errorMessage } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import type { DeploymentRecorder } from "../release/deployment-status.js";
import type { LandRequest, LandResult, Lander } from "../release/land-change.js";
import { branchFor, releaseFileEdit } from "../release/land-change.js";
import { withdrawStalePromotion } from "../release/withdraw-promotion.js";
import type { ReleaseSource, ReleaseState } from "../release/release-state.js";
import { readReleaseState, rolledBackImages, weightsOf } from "../release/release-state.js";
import type { TfvarsFormat } from "../release-file/document.js";
import type { Assignment } from "../release-file/assignments.js";
import { findLayout } from "../release-file/release-edits.js";
import { planTfvarsEdit } from "../release-file/plan-edit.js";
import type { ServiceLayout } from "../release-file/service-layout.js";
import { writeField } from "../release-file/service-layout.js";
import type { EarlierRelease } from "./find-release.js";
import { findEarlierRelease } from "./find-release.js";

export interface RollbackParams {
  environment: string;
  base: string;
  file: string;
  /** Given in the config file when the file's extension does not say. */
  format?: TfvarsFormat | undefined;
  layouts?: ServiceLayout[] | undefined;
  /** Services to roll back; all when empty. */
  services: string[];
  /** An earlier release (version, tag, digest or image) to redeploy; the fast path when absent. */
  to?: string | undefined;
  reason: string;
  /** How many of the file's commits to search for an earlier release. */
  historyDepth: number;
  logUrl?: string | undefined;
}

export interface RollbackDeps {
  source: ReleaseSource;
  lander: Lander;
  deployments: DeploymentRecorder;
  clock: Clock;
  logger: Logger;
}

export interface RollbackEvidence {
  operation: RollbackResult["operation"];
  reason: string;
  environment: string;
  services: string[];
  weights: Record<string, number>;
  /** Which release each service left and which it returned to: image before → image after. */
  images: Record<string, { from: string; to: string }>;
  release?: {
    commit: string;
    landedAt: string;
    side: "blue" | "green";
    images: Record<string, string>;
  };
  at: string;
}

export interface RollbackResult {
  operation: "rolled-back" | "redeployed" | "unchanged";
  services: string[];
  weights: Record<string, number>;
  release?: EarlierRelease;
  landed?: LandResult;
  evidence: RollbackEvidence;
}

function chosenServices(state: ReleaseState, wanted: string[]): string[] {
  if (wanted.length === 0 || wanted.includes("all")) return state.layouts.map((l) => l.name);
  return wanted.map((service) => findLayout(state.layouts, service).name);
}

function redeployAssignments(state: ReleaseState, release: EarlierRelease): Assignment[] {
  return Object.entries(release.images).flatMap(([service, image]) =>
    writeField(findLayout(state.layouts, service), "blue-image", image),
  );
}

/** What each service left, named in the commit: the file may no longer hold it afterwards. */
function imageLines(evidence: RollbackEvidence): string[] {
  return Object.entries(evidence.images).map(
    ([service, { from, to }]) => `Rolled back ${service}: ${from} (stable: ${to})`,
  );
}

function bodyOf(evidence: RollbackEvidence): string {
  const lines = [`**Reason:** ${evidence.reason}`];
  const images = Object.entries(evidence.images);
  if (images.length > 0) {
    lines.push(
      "",
      "| Service | Rolled back | Stable |",
      "| --- | --- | --- |",
      ...images.map(([s, { from, to }]) => `| ${s} | \`${from}\` | \`${to}\` |`),
    );
  }
  if (evidence.release) {
    lines.push(
      "",
      `Redeploys the release found at \`${evidence.release.commit.slice(0, 7)}\` (${evidence.release.side} side, landed ${evidence.release.landedAt}):`,
      "",
      "| Service | Image |",
      "| --- | --- |",
      ...Object.entries(evidence.release.images).map(([s, image]) => `| ${s} | \`${image}\` |`),
    );
  }
  return lines.join("\n");
}

/** A rollback decided and checked against the file as read, not yet landed. */
export interface PlannedRollback {
  state: ReleaseState;
  services: string[];
  weights: Record<string, number>;
  release?: EarlierRelease;
  evidence: RollbackEvidence;
  request: LandRequest;
}

/**
 * Reads the release, decides the rollback and plans its edit in memory: an edit the file
 * cannot take (a first release with nothing to record it) is refused here, with its
 * sentence, before anything is taken or written.
 */
export async function planRollback(
  params: RollbackParams,
  deps: Pick<RollbackDeps, "source" | "clock">,
): Promise<PlannedRollback> {
  const state = await readReleaseState(deps.source, {
    base: params.base,
    file: params.file,
    layouts: params.layouts,
    format: params.format,
    branches: [branchFor(params.environment, "promote")],
    depth: params.to ? params.historyDepth : 2,
  });
  if (!state) {
    throw new OperationFailedError(
      `${params.file} was not found on branch "${params.base}" of ${deps.source.fullName}; check the "base" and "file" inputs (or the environment's tfvars in the config file).`,
    );
  }
  const services = chosenServices(state, params.services);
  let release: EarlierRelease | undefined;
  if (params.to) {
    release = await findEarlierRelease(deps.source, state, params.file, params.to, services);
    if (!release) {
      throw new ConfigurationError(
        `Input "to" is "${params.to}", which no service ran in the last ${state.history.length} changes of ${params.file}; name a version, tag or digest from its history.`,
      );
    }
  }
  const weighted = services.filter((s) => findLayout(state.layouts, s).weighted);
  const weights = {
    ...weightsOf(state.services),
    ...Object.fromEntries(weighted.map((s) => [s, 0])),
  };
  const evidence: RollbackEvidence = {
    operation: release ? "redeployed" : "rolled-back",
    reason: params.reason,
    environment: params.environment,
    services,
    weights,
    images: rolledBackImages(state.services, services, release?.images),
    ...(release
      ? {
          release: {
            commit: release.commit,
            landedAt: release.landedAt.toISOString(),
            side: release.side,
            images: release.images,
          },
        }
      : {}),
    at: deps.clock.now().toISOString(),
  };
  const list = services.join(", ");
  const headline = release
    ? `Roll back ${list} in ${params.environment} to ${params.to}`
    : `Roll back ${list} in ${params.environment}`;
  // Re-planned on a moved base, the rollback must not give a newer release the stable image.
  const rolledBack = Object.fromEntries(
    state.services
      .filter((s) => services.includes(s.name) && s.greenImage !== undefined)
      .map((s) => [s.name, s.greenImage!]),
  );
  const request: LandRequest = {
    kind: "rollback",
    release: { rollback: services, rolledBack },
    ...(release ? { set: redeployAssignments(state, release) } : {}),
    services,
    headline,
    body: bodyOf(evidence),
    commitBody: [`Reason: ${params.reason}`, ...imageLines(evidence)].join("\n"),
    expectedHead: state.head,
    text: state.text,
    replanOnMovedBase: true,
  };
  await planTfvarsEdit(
    params.file,
    state.text,
    releaseFileEdit(request, { path: params.file, format: params.format, layouts: state.layouts }),
  );
  return { state, services, weights, ...(release ? { release } : {}), evidence, request };
}

/** Lands a planned rollback, re-planned on whatever the base holds by then. */
export async function landRollback(
  planned: PlannedRollback,
  params: RollbackParams,
  deps: RollbackDeps,
): Promise<RollbackResult> {
  const { state, services, weights, release, evidence, request } = planned;
  const list = services.join(", ");
  const landed = await deps.lander.land(request);
  const headline = request.headline;
  await withdrawStalePromotion(
    deps.lander,
    deps.logger,
    state.openPullRequests[0],
    "the environment was rolled back",
  );
  const operation = landed.outcome === "unchanged" ? "unchanged" : evidence.operation;
  deps.logger.info(
    operation === "unchanged"
      ? `${list} already rolled back; nothing to change.`
      : `${headline}: ${params.reason}`,
  );
  if (operation !== "unchanged") {
    try {
      await deps.deployments.record({
        environment: params.environment,
        ref: landed.commit ?? state.head,
        task: "greenlight:rollback",
        state: "success",
        description: `${headline}: ${params.reason}`,
        payload: evidence,
        ...(params.logUrl ? { logUrl: params.logUrl } : {}),
      });
    } catch (error) {
      deps.logger.warning(`Could not record the deployment status: ${errorMessage(error)}`);
    }
  }
  return {
    operation,
    services,
    weights,
    ...(release ? { release } : {}),
    landed,
    evidence: { ...evidence, operation },
  };
}

export async function rollback(
  params: RollbackParams,
  deps: RollbackDeps,
): Promise<RollbackResult> {
  return landRollback(await planRollback(params, deps), params, deps);
}
