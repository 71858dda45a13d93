/**
 * open-pr: lands a change in the infra repository through the API, as a pull request, a
 * pull request with auto-merge, or a direct commit. The algorithm, in order:
 *
 *   1. read where the base (and the branch's open PR, if any) stands;
 *   2. plan the edit on that exact commit — a transform, not a file snapshot;
 *   3. commit with compare-and-swap; if someone moved the branch meanwhile, go back to 1
 *      after a jittered pause, so concurrent runs all land and none is overwritten;
 *   4. open or refresh the pull request, looking up before retrying any create.
 */
import type { Clock } from "../core/clock.js";
import { OperationFailedError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { backoffMs } from "../core/retry.js";
import type { Change } from "../release-file/assignments.js";
import type { ServiceLayout } from "../release-file/service-layout.js";
import { parseTfvars } from "../release-file/document.js";
import { diffDocuments } from "../release-file/document-diff.js";
import type { SupersededRelease } from "../release/superseded-release.js";
import { describeSuperseded } from "../release/superseded-release.js";
import { closePromotionPullRequest } from "../release/withdraw-promotion.js";
import type { ChangeKind } from "./branch-name.js";
import type { ChangePlan, ChangeRequest } from "./change-plan.js";
import { planChanges } from "./change-plan.js";
import type { FileAddition, InfraRepo, PullRequestInfo } from "../release/infra-repo.js";
import {
  describeError,
  isTransient,
  isUnresolvedNode,
  protectedBranchError,
} from "../release/infra-repo.js";
import { enableOrMerge } from "../release/auto-merge.js";
import { httpStatusOf } from "../core/github/request-error.js";
import type { ContentContext, SourceInfo } from "./pr-content.js";
import {
  changedServices,
  commitMessage,
  defaultBody,
  defaultTitle,
  fitBody,
  renderTemplate,
} from "./pr-content.js";

export type LandingMode = "pull-request" | "auto-merge" | "direct";
export type Operation = "created" | "updated" | "unchanged" | "adopted" | "pushed" | "merged";

export interface OpenPrParams {
  change: ChangeRequest;
  base: string;
  branch: string;
  environment: string;
  kind: ChangeKind;
  services: string[];
  mode: LandingMode;
  mergeMethod: "merge" | "squash" | "rebase";
  titleTemplate?: string;
  bodyTemplate?: string;
  labels: string[];
  assignees: string[];
  reviewers: string[];
  teamReviewers: string[];
  draft: boolean;
  waitForMerge: boolean;
  waitTimeoutMs: number;
  pollIntervalMs: number;
  maxAttempts: number;
  source: SourceInfo;
  /**
   * The environment's promotion branch. A change that supersedes a release in progress
   * closes that release's open promotion pull request before it commits, so the pull
   * request can never move the new release's traffic.
   */
  promotionBranch?: string;
}

export interface OpenPrDeps {
  repo: InfraRepo;
  clock: Clock;
  logger: Logger;
  /** Source of jitter; injected so tests are repeatable. */
  random?: () => number;
}

export interface OpenPrResult {
  operation: Operation;
  branch: string;
  pullRequest?: PullRequestInfo;
  headSha?: string;
  mergeSha?: string;
  /**
   * Whether this run made the commit that holds the change. Two runs racing on the same
   * change both end with it in place, but only one of them committed: the other may only
   * record what happened. A commit whose answer was lost counts as this run's when the
   * branch then holds the change.
   */
  committed: boolean;
  /** Everything the pull request (or commit) changes relative to the base. */
  changes: Change[];
  /** Where each service's fields live, to name the service and field of each change. */
  layouts?: ServiceLayout[];
  /** Releases in progress that this change replaced on green (their promotion is over). */
  superseded?: SupersededRelease[];
  attempts: number;
}

class Backoff {
  attempt = 0;
  constructor(
    private readonly deps: OpenPrDeps,
    private readonly max: number,
    private readonly what: string,
  ) {}

  /**
   * Waits before the next attempt; throws once the attempts are used up. `cause` says whose
   * doing the failed attempt was: a concurrent change that landed first, or GitHub itself.
   */
  async next(reason: string, cause: "race" | "github" = "race"): Promise<void> {
    this.attempt++;
    if (this.attempt >= this.max) {
      const advice =
        cause === "race"
          ? `Other changes kept landing first; run again, or raise "max-attempts".`
          : `GitHub kept failing; run again later, or raise "max-attempts".`;
      throw new OperationFailedError(
        `Gave up after ${this.max} attempts to ${this.what}: ${reason}. ${advice}`,
      );
    }
    const wait = backoffMs(this.attempt + 1, {
      baseMs: 100,
      maxMs: 5_000,
      random: this.deps.random ?? Math.random,
    });
    this.deps.logger.debug(`${reason}; attempt ${this.attempt + 1} in ${wait} ms`);
    await this.deps.clock.sleep(wait);
  }
}

function contentContext(
  params: OpenPrParams,
  plan: Pick<ChangePlan, "changes" | "layouts">,
): ContentContext {
  const changed = changedServices(plan.changes, plan.layouts);
  return {
    environment: params.environment,
    kind: params.kind,
    services: changed.length > 0 ? changed : params.services,
    changes: plan.changes,
    layouts: plan.layouts,
    source: params.source,
    branch: params.branch,
  };
}

function titleAndBody(params: OpenPrParams, context: ContentContext) {
  const template = params.bodyTemplate;
  return {
    title: params.titleTemplate
      ? renderTemplate(params.titleTemplate, context)
      : defaultTitle(context),
    body: fitBody(context, (c) => (template ? renderTemplate(template, c) : defaultBody(c))),
  };
}

/**
 * Closes the promotion pull request of the releases this change supersedes, before the
 * change is committed (once per run: `closed` remembers) and, in direct mode, once more
 * after it landed, for a pull request a promote tick opened in between.
 */
async function withdrawSupersededPromotion(
  params: OpenPrParams,
  deps: OpenPrDeps,
  plan: ChangePlan,
  closed: { done: boolean },
): Promise<void> {
  if (closed.done || !params.promotionBranch || plan.superseded.length === 0) return;
  const reason = plan.superseded.map(describeSuperseded).join("; ");
  deps.logger.info(`This change supersedes the release in progress: ${reason}.`);
  const pulls = await deps.repo.pullRequestsFor(params.promotionBranch, params.base);
  for (const pr of pulls.filter((p) => p.state === "open")) {
    await closePromotionPullRequest(deps.repo, deps.logger, pr, reason, params.base);
  }
  closed.done = true;
}

/** Direct mode: one commit on the base branch, retried on top of whatever landed meanwhile. */
async function pushToBase(params: OpenPrParams, deps: OpenPrDeps): Promise<OpenPrResult> {
  const backoff = new Backoff(deps, params.maxAttempts, `commit to ${params.base}`);
  // Set when a commit's answer was lost: it may have landed, so "nothing left to do" then
  // means our commit is the one that did it.
  let mayHaveLanded = false;
  const withdrawn = { done: false };
  for (;;) {
    const attempts = backoff.attempt + 1;
    try {
      const head = await requireBranch(deps.repo, params.base);
      const plan = await planChanges(deps.repo, head, params.change);
      if (plan.additions.length === 0) {
        const operation = mayHaveLanded ? "pushed" : "unchanged";
        return {
          operation,
          branch: params.base,
          headSha: head,
          committed: mayHaveLanded,
          changes: [],
          attempts,
        };
      }
      await withdrawSupersededPromotion(params, deps, plan, withdrawn);
      const context = contentContext(params, plan);
      const message = commitMessage(context, titleAndBody(params, context).title);
      mayHaveLanded = true;
      const result = await deps.repo.commit({
        branch: params.base,
        expectedHead: head,
        ...message,
        additions: plan.additions,
      });
      mayHaveLanded = false;
      if (result !== "stale") {
        deps.logger.info(`Committed ${result.oid.slice(0, 7)} to ${params.base}.`);
        await withdrawSupersededPromotion(params, deps, plan, { done: false }).catch(
          (error: unknown) =>
            deps.logger.warning(
              `Could not check for a promotion pull request opened meanwhile: ${describeError(error)}`,
            ),
        );
        return {
          operation: "pushed",
          branch: params.base,
          headSha: result.oid,
          committed: true,
          changes: plan.changes,
          layouts: plan.layouts,
          superseded: plan.superseded,
          attempts,
        };
      }
      await backoff.next(`${params.base} moved while committing`);
    } catch (error) {
      if (!isTransient(error)) throw protectedBranchError(deps.repo, params.base, error) ?? error;
      await backoff.next(`GitHub answered ${describeError(error)}`, "github");
    }
  }
}

async function requireBranch(repo: InfraRepo, branch: string): Promise<string> {
  const head = await repo.branchHead(branch);
  if (!head) {
    throw new OperationFailedError(
      `Branch "${branch}" does not exist in ${repo.fullName}; check the "base" input.`,
    );
  }
  return head;
}

/**
 * Everything the branch at `head` changes relative to the base, for the PR body: the
 * tfvars files diffed value by value (`known` holds contents already in hand, to save
 * reads), and this run's uploads.
 */
async function describeBranch(
  repo: InfraRepo,
  params: OpenPrParams,
  baseHead: string,
  head: string,
  known: FileAddition[],
  plan: ChangePlan,
): Promise<Change[]> {
  const changes: Change[] = [];
  for (const file of params.change.files) {
    const before = await repo.fileAt(file, baseHead);
    const after = known.find((a) => a.path === file)?.content ?? (await repo.fileAt(file, head));
    if (before === undefined || after === undefined || before === after) continue;
    const ref = params.change.edit.releaseFile;
    const format = ref?.path === file ? ref.format : undefined;
    changes.push(
      ...diffDocuments(
        file,
        parseTfvars(before, file, format).data,
        parseTfvars(after, file, format).data,
      ),
    );
  }
  const uploads = new Set(params.change.uploads.map((u) => u.path));
  return [...changes, ...plan.changes.filter((c) => uploads.has(c.file))];
}

/** Where the next commit on the PR branch goes, and how. */
type BranchState =
  | { kind: "open-pr"; head: string } // commit on the open PR's head
  | { kind: "absent" } // create the branch at the base, then commit
  | { kind: "leftover"; head: string } // commits no PR points at (an interrupted run): build on them
  | { kind: "finished"; head: string }; // the head of a merged or closed PR: restart from the base

async function branchState(
  repo: InfraRepo,
  branch: string,
  baseHead: string,
  pulls: PullRequestInfo[],
  mayExist: boolean,
): Promise<BranchState> {
  const open = pulls.find((p) => p.state === "open");
  if (open) return { kind: "open-pr", head: open.headSha };
  // With no pull request ever opened from it, the branch normally does not exist: save the look-up.
  if (pulls.length === 0 && !mayExist) return { kind: "absent" };
  const head = await repo.branchHead(branch);
  if (!head) return { kind: "absent" };
  if (head !== baseHead && pulls.some((p) => p.headSha === head)) return { kind: "finished", head };
  return { kind: "leftover", head };
}

/** The commit a change is planned on, for each branch state. */
function planningBase(state: BranchState, baseHead: string): string {
  return state.kind === "open-pr" || state.kind === "leftover" ? state.head : baseHead;
}

async function createOrAdoptPullRequest(
  params: OpenPrParams,
  deps: OpenPrDeps,
  content: { title: string; body: string },
): Promise<{ pr: PullRequestInfo; created: boolean }> {
  const backoff = new Backoff(deps, params.maxAttempts, "open the pull request");
  for (;;) {
    let outcome: PullRequestInfo | "exists" | undefined;
    let failure: unknown;
    try {
      outcome = await deps.repo.createPullRequest({
        branch: params.branch,
        base: params.base,
        draft: params.draft,
        ...content,
      });
    } catch (error) {
      // The create may have succeeded before the error reached us: look before retrying.
      deps.logger.warning(
        `Creating the pull request failed (${describeError(error)}); checking whether it exists.`,
      );
      outcome = undefined;
      failure = error;
    }
    if (outcome && outcome !== "exists") return { pr: outcome, created: true };
    const open = (await deps.repo.pullRequestsFor(params.branch, params.base)).find(
      (p) => p.state === "open",
    );
    if (open) return { pr: open, created: outcome === undefined };
    // A refusal (say, a 422 for an invalid base) is an answer: asking again would not change it.
    if (failure !== undefined && !isTransient(failure)) throw failure;
    await backoff.next("the pull request was neither created nor found", "github");
  }
}

/**
 * Labels, assignees, reviewers and auto-merge are idempotent, so they are simply retried:
 * on GitHub's transient 422 "Could not resolve to a node" right after a PR is created, and
 * on answers that say nothing about whether they were carried out.
 */
async function withIdempotentRetry(
  deps: OpenPrDeps,
  what: string,
  call: () => Promise<void>,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!(isUnresolvedNode(error) || isTransient(error)) || attempt >= 5) throw error;
      deps.logger.debug(`${what}: GitHub answered ${describeError(error)}; retrying`);
      await deps.clock.sleep(500 * attempt);
    }
  }
}

/**
 * A review request GitHub refuses for good: teams asked for with a token that cannot read
 * them, people or teams without access, the author. The pull request is fine without it,
 * so this is a warning with the sentence that fixes it, not a failed step.
 */
function reviewerRefusal(
  params: OpenPrParams,
  repo: InfraRepo,
  pr: PullRequestInfo,
  error: unknown,
): string | undefined {
  if (httpStatusOf(error) !== 422) return undefined;
  const message = error instanceof Error ? error.message : String(error);
  const who = [...params.reviewers, ...params.teamReviewers.map((t) => `team ${t}`)].join(", ");
  const opened = `Pull request #${pr.number} was opened without review requests (${who})`;
  if (/global id of '?T_/.test(message)) {
    return `${opened}: the token cannot read the organisation's teams, so GitHub cannot find team ${params.teamReviewers.join(", ")} (the workflow's GITHUB_TOKEN never can); for "team-reviewers" give open-pr a GitHub App installed with the organization permission "Members: read", or a token with the read:org scope.`;
  }
  if (/only be requested from collaborators/i.test(message)) {
    return `${opened}: GitHub requests reviews only from collaborators of ${repo.fullName}; give those people or teams access to ${repo.fullName} (Settings → Collaborators and teams), or change "reviewers" and "team-reviewers".`;
  }
  if (/pull request author/i.test(message)) {
    return `${opened}: GitHub does not request a review from the pull request's author (${pr.author ?? "the token's user"}); remove them from "reviewers".`;
  }
  return undefined;
}

async function decorate(
  params: OpenPrParams,
  deps: OpenPrDeps,
  pr: PullRequestInfo,
): Promise<void> {
  const { repo } = deps;
  if (params.labels.length)
    await withIdempotentRetry(deps, "labels", () => repo.addLabels(pr.number, params.labels));
  if (params.assignees.length)
    await withIdempotentRetry(deps, "assignees", () =>
      repo.addAssignees(pr.number, params.assignees),
    );
  if (params.reviewers.length || params.teamReviewers.length) {
    try {
      await withIdempotentRetry(deps, "reviewers", () =>
        repo.requestReviewers(pr.number, params.reviewers, params.teamReviewers),
      );
    } catch (error) {
      const warning = reviewerRefusal(params, repo, pr, error);
      if (!warning) throw error;
      deps.logger.warning(warning);
    }
  }
}

async function waitForMerge(
  params: OpenPrParams,
  deps: OpenPrDeps,
  pr: PullRequestInfo,
): Promise<PullRequestInfo> {
  const deadline = deps.clock.now().getTime() + params.waitTimeoutMs;
  for (;;) {
    const current = await deps.repo.pullRequest(pr.number);
    if (current.merged) return current;
    if (current.state === "closed") {
      throw new OperationFailedError(
        `Pull request #${pr.number} was closed without being merged: ${pr.url}`,
      );
    }
    if (deps.clock.now().getTime() + params.pollIntervalMs > deadline) {
      throw new OperationFailedError(
        `Pull request #${pr.number} was not merged within ${Math.round(params.waitTimeoutMs / 1000)} s: ${pr.url}`,
      );
    }
    await deps.clock.sleep(params.pollIntervalMs);
  }
}

/** Commits the plan on the PR branch; "stale" when another run moved it first. */
async function commitToBranch(
  params: OpenPrParams,
  repo: InfraRepo,
  state: BranchState,
  baseHead: string,
  plan: ChangePlan,
): Promise<{ oid: string } | "stale" | "branch-exists"> {
  const context = contentContext(params, plan);
  const message = commitMessage(context, titleAndBody(params, context).title);
  if (state.kind === "finished") {
    return repo.commitOnto({
      branch: params.branch,
      expectedHead: state.head,
      mergeParent: baseHead,
      message: `${message.headline}\n\n${message.body}`,
      additions: plan.additions,
    });
  }
  if (state.kind === "absent" && (await repo.createBranch(params.branch, baseHead)) === "exists") {
    return "branch-exists";
  }
  const expectedHead = state.kind === "absent" ? baseHead : state.head;
  try {
    return await repo.commit({
      branch: params.branch,
      expectedHead,
      ...message,
      additions: plan.additions,
    });
  } catch (error) {
    // A branch this run created must not outlive a commit that failed on it.
    if (state.kind === "absent") await repo.deleteBranchAt(params.branch, baseHead).catch(() => {});
    throw error;
  }
}

/**
 * Brings an open pull request's title and body up to date with its branch. Concurrent runs
 * patch in any order, so after patching, check that the branch still ends where the text
 * was computed; if it moved, describe the newer head and patch again. Every run does this,
 * so the text settles on the branch's final head.
 */
async function refreshPullRequest(
  params: OpenPrParams,
  deps: OpenPrDeps,
  pr: PullRequestInfo,
  described: { head: string; baseHead: string; content: { title: string; body: string } },
  plan: ChangePlan,
): Promise<PullRequestInfo> {
  let { head, content } = described;
  let current = pr;
  for (let round = 0; round < params.maxAttempts; round++) {
    if (current.title !== content.title || current.body !== content.body) {
      await deps.repo.updatePullRequest(pr.number, content);
      current = { ...current, ...content };
    }
    const now = await deps.repo.branchHead(params.branch);
    if (!now || now === head) break;
    head = now;
    const changes = await describeBranch(deps.repo, params, described.baseHead, now, [], plan);
    content = titleAndBody(params, contentContext(params, { changes, layouts: plan.layouts }));
  }
  return { ...current, headSha: described.head };
}

/** The login GitHub gives pull requests opened with a workflow's GITHUB_TOKEN. */
const WORKFLOW_TOKEN_AUTHOR = "github-actions[bot]";

/**
 * GitHub starts no workflow run for what GITHUB_TOKEN does, so the required checks of a
 * pull request it opened never report, and auto-merge or a wait for the merge never ends.
 */
function warnAboutWorkflowToken(params: OpenPrParams, deps: OpenPrDeps, pr: PullRequestInfo) {
  if (pr.author !== WORKFLOW_TOKEN_AUTHOR) return;
  if (params.mode !== "auto-merge" && !params.waitForMerge) return;
  const waiting = params.mode === "auto-merge" ? "auto-merge" : "wait-for-merge";
  deps.logger.warning(
    `Pull request #${pr.number} was opened with the workflow's GITHUB_TOKEN, and GitHub starts no workflow runs for it, so required checks never report and ${waiting} may never finish; give open-pr a GitHub App (app-id and private-key) or a personal access token instead.`,
  );
}

/** The last steps for a pull request: auto-merge, and waiting for the merge if asked. */
async function finishPullRequest(
  params: OpenPrParams,
  deps: OpenPrDeps,
  pr: PullRequestInfo,
  outcome: Omit<OpenPrResult, "branch" | "pullRequest">,
): Promise<OpenPrResult> {
  warnAboutWorkflowToken(params, deps, pr);
  if (params.mode === "auto-merge" && pr.state === "open") {
    // Idempotent, so also done for a pull request that a previous run opened without it.
    const landed = await enableOrMerge(deps, pr, params.mergeMethod);
    if (landed.kind === "merged") {
      deps.logger.info(`Pull request #${pr.number} ${outcome.operation} and merged: ${pr.url}`);
      return {
        ...outcome,
        operation: "merged",
        branch: params.branch,
        pullRequest: { ...pr, state: "closed", merged: true, mergeSha: landed.sha },
        mergeSha: landed.sha,
      };
    }
  }
  deps.logger.info(`Pull request #${pr.number} ${outcome.operation}: ${pr.url}`);
  if (!params.waitForMerge) return { ...outcome, branch: params.branch, pullRequest: pr };
  const merged = await waitForMerge(params, deps, pr);
  return {
    ...outcome,
    operation: "merged",
    branch: params.branch,
    pullRequest: merged,
    ...(merged.mergeSha ? { mergeSha: merged.mergeSha } : {}),
  };
}

/** Nothing to commit and no open pull request: the base already holds the change. */
function alreadyOnBase(
  params: OpenPrParams,
  pulls: PullRequestInfo[],
  baseHead: string,
  attempts: number,
): OpenPrResult {
  // Adopt the merged pull request that brought the change, if any.
  const merged = pulls.find((p) => p.merged);
  const common = {
    branch: params.branch,
    headSha: baseHead,
    committed: false,
    changes: [],
    attempts,
  };
  return merged
    ? {
        ...common,
        operation: "adopted",
        pullRequest: merged,
        ...(merged.mergeSha ? { mergeSha: merged.mergeSha } : {}),
      }
    : { ...common, operation: "unchanged" };
}

/** Opens the pull request for a branch that now holds the change, or refreshes the open one. */
async function publishPullRequest(
  params: OpenPrParams,
  deps: OpenPrDeps,
  branch: {
    open: PullRequestInfo | undefined;
    /** The branch's head, holding the change. */
    head: string;
    /** The commit the change was planned on. */
    parent: string;
    baseHead: string;
    plan: ChangePlan;
    /** Whether this run made `head`, rather than finding the change already on the branch. */
    committed: boolean;
  },
  attempts: number,
): Promise<OpenPrResult> {
  const { open, head, parent, baseHead, plan, committed } = branch;
  const changes =
    parent === baseHead
      ? plan.changes
      : await describeBranch(deps.repo, params, baseHead, head, plan.additions, plan);
  const content = titleAndBody(params, contentContext(params, { changes, layouts: plan.layouts }));
  const described = { head, baseHead, content };
  let pr: PullRequestInfo;
  let operation: Operation;
  if (open) {
    pr = await refreshPullRequest(params, deps, open, described, plan);
    operation = "updated";
  } else {
    const made = await createOrAdoptPullRequest(params, deps, content);
    operation = made.created ? "created" : "updated";
    if (made.created) {
      pr = { ...made.pr, headSha: head };
      await decorate(params, deps, pr);
    } else {
      pr = await refreshPullRequest(params, deps, made.pr, described, plan);
    }
  }
  return finishPullRequest(params, deps, pr, {
    operation,
    headSha: head,
    committed,
    changes,
    layouts: plan.layouts,
    superseded: plan.superseded,
    attempts,
  });
}

async function openPullRequest(params: OpenPrParams, deps: OpenPrDeps): Promise<OpenPrResult> {
  const { repo } = deps;
  const backoff = new Backoff(deps, params.maxAttempts, `update branch ${params.branch}`);
  let mayExist = false;
  // Set once a commit's answer was lost: a branch that already holds the change may hold
  // it because of this run, which then updated (not left unchanged) the pull request.
  let lostCommit = false;
  const withdrawn = { done: false };
  for (;;) {
    let committing = false;
    try {
      const attempts = backoff.attempt + 1;
      const baseHead = await requireBranch(repo, params.base);
      const pulls = await repo.pullRequestsFor(params.branch, params.base);
      const open = pulls.find((p) => p.state === "open");
      const state = await branchState(repo, params.branch, baseHead, pulls, mayExist);
      const parent = planningBase(state, baseHead);
      const plan = await planChanges(repo, parent, params.change);

      let head = parent;
      let committed = lostCommit;
      if (plan.additions.length === 0) {
        if (!open && parent === baseHead) return alreadyOnBase(params, pulls, baseHead, attempts);
        // Otherwise the open PR, or a leftover branch that only lacks its PR, holds the change.
      } else {
        await withdrawSupersededPromotion(params, deps, plan, withdrawn);
        committing = true;
        const result = await commitToBranch(params, repo, state, baseHead, plan);
        committing = false;
        if (result === "stale" || result === "branch-exists") {
          mayExist = true;
          await backoff.next(
            result === "stale"
              ? `${params.branch} moved while committing`
              : `branch ${params.branch} appeared meanwhile`,
          );
          continue;
        }
        head = result.oid;
        committed = true;
        deps.logger.info(`Committed ${head.slice(0, 7)} to ${params.branch}.`);
      }

      if (open && !committed) {
        return finishPullRequest(params, deps, open, {
          operation: "unchanged",
          headSha: open.headSha,
          committed: false,
          changes: [],
          attempts,
        });
      }
      return publishPullRequest(
        params,
        deps,
        { open, head, parent, baseHead, plan, committed },
        attempts,
      );
    } catch (error) {
      if (!isTransient(error)) throw protectedBranchError(repo, params.branch, error) ?? error;
      if (committing) lostCommit = true;
      mayExist = true;
      await backoff.next(`GitHub answered ${describeError(error)}`, "github");
    }
  }
}

export async function openPr(params: OpenPrParams, deps: OpenPrDeps): Promise<OpenPrResult> {
  return params.mode === "direct" ? pushToBase(params, deps) : openPullRequest(params, deps);
}
