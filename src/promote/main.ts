/**
 * promote: one idempotent tick. In order:
 *
 *   1. read where the release stands from the infra repository (values + file history);
 *   2. measure what the plan's analyses say about the current step;
 *   3. decide: wait, advance, finalize, roll back, or hold (decide.ts) — a release held
 *      for good by an earlier tick (release-hold.ts) is not measured again;
 *   4. act — at most one change, landed with compare-and-swap, so a second tick at the
 *      same moment finds the base moved and does nothing; a hold that stands in for a
 *      rollback the file cannot record is itself written, as a record beside the file;
 *   5. record the decision and its evidence (PR body, commit, deployment status, summary).
 *
 * Nothing is remembered between ticks: the next tick reads the result of this one from Git.
 */
import type { Clock } from "../core/clock.js";
import type { HttpSend } from "../core/http/http-client.js";
import { OperationFailedError, errorMessage } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import type { SecretRegistry } from "../core/secrets.js";
import type { TfvarsFormat } from "../release-file/document.js";
import type { ServiceLayout } from "../release-file/service-layout.js";
import { findLayout, unrecordableRollback } from "../release-file/release-edits.js";
import type { CompiledAnalysis } from "./analyses/index.js";
import { checkMinimumTraffic, runAnalyses } from "./analyses/index.js";
import type { AnalysisEvidence, AnalysisWindow, Fetch } from "./analyses/types.js";
import type { Decision, DecisionKind } from "./decide.js";
import { decide } from "./decide.js";
import type {
  DeploymentRecorder,
  DeploymentState,
  VerificationLog,
} from "../release/deployment-status.js";
import type { EvidenceRecord } from "./evidence.js";
import { evidenceCommitLines, evidenceMarkdown } from "./evidence.js";
import type { LandRequest, LandResult, Lander } from "../release/land-change.js";
import { branchFor } from "../release/land-change.js";
import { withdrawStalePromotion } from "../release/withdraw-promotion.js";
import type { ReleaseHold } from "../release/release-hold.js";
import {
  heldSentence,
  holdApplies,
  holdContent,
  holdFor,
  holdPath,
  parseHold,
} from "../release/release-hold.js";
import type { PromotionPlan } from "./plan.js";
import type {
  OpenPullRequest,
  ReleasePhase,
  ReleaseSource,
  ReleaseState,
} from "../release/release-state.js";
import type { ReleaseName } from "../release/release-state.js";
import {
  classifyRelease,
  readReleaseState,
  releaseOn,
  rolledBackImages,
  weightsOf,
} from "../release/release-state.js";

export interface PromoteParams {
  environment: string;
  base: string;
  file: string;
  /** Given in the config file when the file's extension does not say. */
  format?: TfvarsFormat | undefined;
  /** From the config file; discovered by convention when absent. */
  layouts?: ServiceLayout[] | undefined;
  plan: PromotionPlan;
  analyses: CompiledAnalysis[];
  minimumTrafficUrl?: string | undefined;
  /** Decide and report, but change nothing. */
  dryRun: boolean;
  logUrl?: string | undefined;
}

export interface PromoteDeps {
  source: ReleaseSource;
  lander: Lander;
  deployments: DeploymentRecorder;
  /** Needed when the plan bakes from verification. */
  verifications?: VerificationLog;
  clock: Clock;
  logger: Logger;
  secrets: SecretRegistry;
  fetch: Fetch;
  send: HttpSend;
  env: Record<string, string | undefined>;
}

export interface PromoteResult {
  decision: DecisionKind;
  reason: string;
  services: string[];
  /** Green weight per service once the decision has landed. */
  weights: Record<string, number>;
  landed?: LandResult;
  /** The release the tick decided about (read before it acted); absent when none is in progress. */
  release?: ReleaseName;
  evidence: EvidenceRecord;
  stageStart?: Date;
  head?: string;
}

const DEPLOYMENT_STATE: Partial<Record<DecisionKind, DeploymentState>> = {
  advance: "in_progress",
  finalize: "success",
  rollback: "failure",
  hold: "pending",
};

async function measure(
  params: PromoteParams,
  deps: PromoteDeps,
  phase: ReleasePhase,
  window: AnalysisWindow,
): Promise<AnalysisEvidence[]> {
  if (phase.kind === "idle") return [];
  const now = window.now;
  const analysisDeps = {
    fetch: deps.fetch,
    send: deps.send,
    clock: deps.clock,
    logger: deps.logger,
    secrets: deps.secrets,
    env: deps.env,
  };
  if (phase.kind === "deployed") {
    const verifies = params.analyses.filter((a) => a.kind === "verify");
    return runAnalyses(verifies, window, analysisDeps);
  }
  const evidence: AnalysisEvidence[] = [];
  const traffic = params.plan.minimumTraffic;
  if (traffic && params.minimumTrafficUrl) {
    evidence.push(await checkMinimumTraffic(traffic, params.minimumTrafficUrl, now, analysisDeps));
  }
  evidence.push(...(await runAnalyses(params.analyses, window, analysisDeps)));
  return evidence;
}

function weightsAfter(state: ReleaseState, decision: Decision): Record<string, number> {
  const weights = weightsOf(state.services);
  for (const service of decision.services) {
    if (!(service in weights)) continue;
    if (decision.decision === "advance") weights[service] = decision.targetWeight!;
    if (decision.decision === "finalize" || decision.decision === "rollback") weights[service] = 0;
  }
  return weights;
}

/** The services a decision changes: finalize and rollback take those without weights along; an advance cannot. */
function changedServices(phase: ReleasePhase, decision: Decision): string[] {
  const companions =
    phase.kind === "idle" || decision.decision === "advance" ? [] : phase.companions;
  return [...decision.services, ...companions];
}

function landRequest(
  params: PromoteParams,
  state: ReleaseState,
  phase: ReleasePhase,
  decision: Decision,
  record: EvidenceRecord,
  hold: ReleaseHold | undefined,
): LandRequest {
  const services = changedServices(phase, decision);
  const list = services.join(", ");
  // A step (or the stable image a rollback gives green) is decided for the release green
  // holds now; a newer release must not inherit it.
  const decidedFor = Object.fromEntries(
    state.services
      .filter((s) => services.includes(s.name) && s.greenImage !== undefined)
      .map((s) => [s.name, s.greenImage!]),
  );
  const common = {
    services,
    body: evidenceMarkdown(record),
    commitBody: evidenceCommitLines(record),
    expectedHead: state.head,
    text: state.text,
  };
  if (hold) {
    return {
      ...common,
      kind: "hold",
      release: {},
      uploads: [{ path: holdPath(params.file), content: holdContent(hold) }],
      headline: `Hold ${list} in ${params.environment}: ${decision.reason}`.slice(0, 200),
      // The record names the images it holds, so it is right on any newer state too.
      replanOnMovedBase: true,
    };
  }
  switch (decision.decision) {
    case "advance":
      return {
        ...common,
        kind: "traffic",
        release: {
          weights: Object.fromEntries(decision.services.map((s) => [s, decision.targetWeight!])),
          decidedFor,
        },
        headline: `Promote ${list} in ${params.environment} to ${decision.targetWeight}%`,
        replanOnMovedBase: false,
      };
    case "finalize":
      return {
        ...common,
        kind: "finalize",
        release: { finalize: services, decidedFor },
        headline: `Finalize ${list} in ${params.environment}`,
        replanOnMovedBase: false,
      };
    default:
      return {
        ...common,
        kind: "rollback",
        release: { rollback: services, rolledBack: decidedFor },
        headline: `Roll back ${list} in ${params.environment}: ${decision.reason}`.slice(0, 200),
        // Taking traffic away from a failing release is right on any newer state too.
        replanOnMovedBase: true,
      };
  }
}

function waitingPullRequest(state: ReleaseState, branch: string) {
  return state.openPullRequests.find((p) => p.branch === branch);
}

/**
 * When the current step's bake started, as recorded: when it reached the base branch, or —
 * for plans that bake from verification — when verify first confirmed the new version
 * answers (`confirm`: not yet, this tick's verify evidence may be the first).
 */
async function recordedBakeStart(
  params: PromoteParams,
  deps: PromoteDeps,
  phase: ReleasePhase,
  state: ReleaseState,
): Promise<{ at?: Date | undefined; confirm?: true }> {
  const log = deps.verifications;
  if (
    params.plan.bakeFrom !== "verified" ||
    phase.kind !== "shifting" ||
    !state.stageCommit ||
    !log
  ) {
    return { at: state.stageStart };
  }
  const confirmed = await log.confirmedAt(params.environment, state.stageCommit);
  return confirmed ? { at: confirmed } : { confirm: true };
}

/**
 * The bake's start for this tick: the recorded one, or now when this tick's verify analyses
 * are the first to confirm the new version answers (recording that moment).
 */
async function bakeStart(
  params: PromoteParams,
  deps: PromoteDeps,
  state: ReleaseState,
  recorded: { at?: Date | undefined; confirm?: true },
  evidence: AnalysisEvidence[],
): Promise<{ at?: Date | undefined; awaiting?: string }> {
  const log = deps.verifications;
  if (!recorded.confirm || !log || !state.stageCommit) return { at: recorded.at };
  const verifies = evidence.filter((e) => e.kind === "verify");
  if (verifies.length > 0 && verifies.every((e) => e.verdict === "passed")) {
    if (!params.dryRun) {
      await log.confirm(params.environment, state.stageCommit, { analyses: verifies });
    }
    deps.logger.info("Verify confirmed the new version answers; the bake time starts now.");
    return { at: deps.clock.now() };
  }
  return { awaiting: "verify has not yet confirmed the new version answers" };
}

/** A pull request an earlier tick opened: make sure it still lands (it may have been cut short). */
async function resume(deps: PromoteDeps, pullRequest: OpenPullRequest): Promise<void> {
  try {
    await deps.lander.resume?.(pullRequest);
  } catch (error) {
    deps.logger.warning(
      `Could not enable auto-merge on #${pullRequest.number}: ${errorMessage(error)}`,
    );
  }
}

interface Situation {
  state: ReleaseState;
  phase: ReleasePhase;
  promotePr?: OpenPullRequest | undefined;
  rollbackPr?: OpenPullRequest | undefined;
  /** The hold an earlier tick recorded, whichever release it names. */
  hold?: ReleaseHold | undefined;
}

async function readSituation(params: PromoteParams, deps: PromoteDeps): Promise<Situation> {
  const promoteBranch = branchFor(params.environment, "promote");
  const rollbackBranch = branchFor(params.environment, "rollback");
  const state = await readReleaseState(deps.source, {
    base: params.base,
    file: params.file,
    layouts: params.layouts,
    format: params.format,
    branches: [promoteBranch, rollbackBranch],
  });
  if (!state) {
    throw new OperationFailedError(
      `${params.file} was not found on branch "${params.base}" of ${deps.source.fullName}; check the "base" and "file" inputs (or the environment's tfvars in the config file).`,
    );
  }
  const path = holdPath(params.file);
  const holdText = await deps.source.fileAt(path, state.head);
  return {
    state,
    phase: classifyRelease(state),
    promotePr: waitingPullRequest(state, promoteBranch),
    rollbackPr: waitingPullRequest(state, rollbackBranch),
    hold: holdText === undefined ? undefined : parseHold(holdText, path),
  };
}

/**
 * Why a waiting promotion pull request no longer applies, if it does not: it was opened
 * before the current stage reached the base — typically a new release deployed meanwhile —
 * so it was decided on a state that is gone, and merging it would move the new release's
 * traffic without its own bake and analyses.
 */
function outdatedBy(params: PromoteParams, situation: Situation): string | undefined {
  const { state, phase, promotePr } = situation;
  // With no release in progress, act() closes it anyway.
  if (phase.kind === "idle" || !promotePr?.openedAt || !state.stageStart) return undefined;
  if (state.stageStart.getTime() <= promotePr.openedAt.getTime()) return undefined;
  const previous = state.previous;
  const newRelease =
    previous === undefined ||
    state.services.some(
      (s) => previous.find((p) => p.name === s.name)?.greenImage !== s.greenImage,
    );
  return newRelease
    ? `a new release reached ${params.base} after it was opened`
    : `the release on ${params.base} changed after it was opened`;
}

/** Closes an outdated promotion pull request, so the tick goes on from what the base holds. */
async function withdrawOutdated(
  params: PromoteParams,
  deps: PromoteDeps,
  situation: Situation,
): Promise<Situation> {
  const reason = outdatedBy(params, situation);
  if (!reason) return situation;
  deps.logger.info(`Pull request #${situation.promotePr!.number} is outdated: ${reason}.`);
  if (!params.dryRun) {
    await withdrawStalePromotion(deps.lander, deps.logger, situation.promotePr, reason);
  }
  return { ...situation, promotePr: undefined };
}

/** Why the services a rollback changes cannot have it recorded in the file, if one cannot. */
function rollbackBlocker(
  state: ReleaseState,
  phase: ReleasePhase,
  decision: Decision,
): string | undefined {
  for (const name of changedServices(phase, decision)) {
    const service = state.services.find((s) => s.name === name);
    if (!service) continue;
    const problem = unrecordableRollback(findLayout(state.layouts, name), {
      greenImage: service.greenImage,
      blueImage: service.blueImage,
      greenCount: service.greenCount !== undefined,
    });
    if (problem) return `holding instead of rolling back, for a person to decide: ${problem}`;
  }
  return undefined;
}

interface Decided {
  decision: Decision;
  evidence: AnalysisEvidence[];
  /** The hold this tick records, when it holds a release whose rollback cannot be recorded. */
  hold?: ReleaseHold;
}

/** Steps 2 and 3: measure and decide, deferring to a pull request that is still waiting. */
async function measureAndDecide(
  params: PromoteParams,
  deps: PromoteDeps,
  { state, phase, promotePr, rollbackPr, hold }: Situation,
): Promise<Decided> {
  if (phase.kind !== "idle" && rollbackPr) {
    if (!params.dryRun) await resume(deps, rollbackPr);
    return {
      evidence: [],
      decision: {
        decision: "wait",
        reason: `rollback pull request #${rollbackPr.number} is waiting to be merged (${rollbackPr.url})`,
        services: phase.services,
      },
    };
  }
  if (phase.kind !== "idle" && hold && holdApplies(hold, state)) {
    // Held for good by an earlier tick: passing gates now do not undo a failed one.
    return {
      evidence: [],
      decision: {
        decision: "hold",
        reason: heldSentence(hold, holdPath(params.file), params.base),
        services: phase.services,
      },
    };
  }
  // The bake is judged at the time the measurements reach, not after they were taken: a
  // step whose window is shorter than its bake has not baked, however long the queries took.
  const recorded = await recordedBakeStart(params, deps, phase, state);
  const measuredAt = deps.clock.now();
  const evidence = await measure(params, deps, phase, {
    since: state.stageStart ?? measuredAt,
    now: measuredAt,
    ...(recorded.at ? { bakeSince: recorded.at } : {}),
  });
  const bake = await bakeStart(params, deps, state, recorded, evidence);
  const decision = decide({
    phase,
    plan: params.plan,
    now: measuredAt,
    stageStart: bake.at,
    ...(bake.awaiting ? { awaiting: bake.awaiting } : {}),
    evidence,
  });
  const blocked = decision.decision === "rollback" && rollbackBlocker(state, phase, decision);
  // A failed release held instead of rolled back is recorded beside the file, so a later tick
  // whose gates happen to pass does not advance it: nothing in the file would record a first
  // release's rollback, and under on-failure: hold the plan leaves it to a person.
  const cause = blocked ? "first-release" : decision.heldForPerson ? "plan" : undefined;
  if (cause) {
    const held: Decision = blocked
      ? { ...decision, decision: "hold", reason: `${decision.reason}; ${blocked}` }
      : decision;
    const services = changedServices(phase, held);
    const at = deps.clock.now();
    return {
      evidence,
      decision: held,
      hold: holdFor(state, services, params.environment, decision.reason, at, cause),
    };
  }
  if (promotePr && (decision.decision === "advance" || decision.decision === "finalize")) {
    // A rollback still goes ahead: a failing release must not wait for a review.
    if (!params.dryRun) await resume(deps, promotePr);
    return {
      evidence,
      decision: {
        ...decision,
        decision: "wait",
        reason: `pull request #${promotePr.number} is waiting to be merged (${promotePr.url})`,
      },
    };
  }
  return { decision, evidence };
}

/** Step 4: land the decision; a lost race or a change already in place turns it into a wait. */
async function act(
  params: PromoteParams,
  deps: PromoteDeps,
  { state, phase, promotePr }: Situation,
  { decision, hold }: Pick<Decided, "decision" | "hold">,
  record: EvidenceRecord,
): Promise<{ decision: Decision; landed?: LandResult }> {
  if (phase.kind === "idle" && promotePr) {
    await withdrawStalePromotion(deps.lander, deps.logger, promotePr, phase.reason);
  }
  const acts = ["advance", "finalize", "rollback"].includes(decision.decision) || hold;
  if (!acts) return { decision };
  const landed = await deps.lander.land(landRequest(params, state, phase, decision, record, hold));
  if ((decision.decision === "rollback" || hold) && landed.outcome !== "superseded") {
    await withdrawStalePromotion(
      deps.lander,
      deps.logger,
      promotePr,
      hold ? "the release is held" : "the release was rolled back",
    );
  }
  // A hold stays the decision whoever recorded it: the release is held either way.
  if (hold) return { decision, landed };
  // Only the tick whose commit it is has acted: one that found the change already made (two
  // ticks racing on the same pull request branch) waits, so the step is recorded once.
  if (landed.committed) return { decision, landed };
  return { landed, decision: { ...decision, decision: "wait", reason: notActed(params, landed) } };
}

function notActed(params: PromoteParams, landed: LandResult): string {
  if (landed.outcome === "superseded") {
    return `another change reached ${params.base} while this tick was deciding; the next tick decides again`;
  }
  if (landed.outcome === "pull-request" && landed.pullRequest) {
    return `another tick made this change first (pull request #${landed.pullRequest.number}) and records it`;
  }
  return "the change is already in place";
}

/** Step 5 (beyond the summary the runner writes): a deployment status with the evidence. */
async function recordDeployment(
  params: PromoteParams,
  deps: PromoteDeps,
  decision: Decision,
  ref: string,
  record: EvidenceRecord,
): Promise<void> {
  const state = DEPLOYMENT_STATE[decision.decision];
  if (!state) return;
  try {
    await deps.deployments.record({
      environment: params.environment,
      ref,
      task: "greenlight:promote",
      state,
      description: `${decision.decision}: ${decision.reason}`,
      payload: record,
      ...(decision.decision === "hold" ? { onceFor: "hold" } : {}),
      ...(params.logUrl ? { logUrl: params.logUrl } : {}),
    });
  } catch (error) {
    deps.logger.warning(`Could not record the deployment status: ${errorMessage(error)}`);
  }
}

export async function promote(params: PromoteParams, deps: PromoteDeps): Promise<PromoteResult> {
  const situation = await withdrawOutdated(params, deps, await readSituation(params, deps));
  const { state, phase } = situation;
  const measured = await measureAndDecide(params, deps, situation);
  const { evidence } = measured;
  let decision = measured.decision;
  const record = (weights: Record<string, number>): EvidenceRecord => {
    const images =
      decision.decision === "rollback"
        ? rolledBackImages(state.services, changedServices(phase, decision))
        : {};
    return {
      decision: decision.decision,
      reason: decision.reason,
      environment: params.environment,
      weights,
      analyses: evidence,
      ...(Object.keys(images).length > 0 ? { images } : {}),
      at: deps.clock.now().toISOString(),
    };
  };
  deps.logger.info(`Decision: ${decision.decision} — ${decision.reason}`);

  let landed: LandResult | undefined;
  if (!params.dryRun) {
    const outcome = await act(
      params,
      deps,
      situation,
      { decision, hold: measured.hold },
      record(weightsAfter(state, decision)),
    );
    decision = outcome.decision;
    landed = outcome.landed;
  }
  const weights = weightsAfter(state, decision);
  // After a finalize or a rollback the base no longer shows it on green: name it as read.
  const release = situation.phase.kind === "idle" ? undefined : releaseOn(state);
  if (!params.dryRun) {
    await recordDeployment(params, deps, decision, landed?.commit ?? state.head, record(weights));
  }
  return {
    decision: decision.decision,
    reason: decision.reason,
    services: decision.services,
    weights,
    ...(landed ? { landed } : {}),
    ...(release ? { release } : {}),
    evidence: record(weights),
    ...(state.stageStart ? { stageStart: state.stageStart } : {}),
    head: state.head,
  };
}
