/**
 * How a promotion or rollback lands in the infra repository. A promotion step is only
 * valid on the exact state it was decided on, so a direct commit is a compare-and-swap on
 * the base head that was read: when another tick moved the base first, this tick does
 * nothing ("superseded") — two ticks, one action. A rollback is right on any newer state,
 * so it goes through open-pr, which re-plans it on whatever the base holds; so is a hold's
 * record, which names the images it holds and so cannot hold a newer release. Pull requests
 * always go through open-pr (one branch per environment and kind; adopted, never doubled).
 */
import type { Clock } from "../core/clock.js";
import type { Logger } from "../core/logger.js";
import type { FileAddition, InfraRepo } from "./infra-repo.js";
import { protectedBranchError } from "./infra-repo.js";
import type { OpenPrParams } from "../open-pr/main.js";
import { openPr } from "../open-pr/main.js";
import { enableOrMerge } from "./auto-merge.js";
import type { SourceInfo } from "../open-pr/pr-content.js";
import type { ReleaseFileFormat } from "../config/schema.js";
import type { Assignment } from "../release-file/assignments.js";
import type { TfvarsEditRequest } from "../release-file/plan-edit.js";
import { planTfvarsEdit } from "../release-file/plan-edit.js";
import type { ReleaseEdit } from "../release-file/release-edits.js";
import { SupersededEditError } from "../release-file/release-edits.js";
import type { ServiceLayout } from "../release-file/service-layout.js";
import type { MergeMode } from "../config/schema.js";
import type { OpenPullRequest } from "./release-state.js";
import { closePromotionPullRequest } from "./withdraw-promotion.js";
import { OperationFailedError } from "../core/errors.js";

const MAX_REPLANS = 10;

export interface LandRequest {
  /** A hold changes no value: it only writes its record (uploads), on the rollback's branch. */
  kind: "traffic" | "finalize" | "rollback" | "hold";
  release: ReleaseEdit;
  set?: Assignment[];
  /** Whole files written beside the release file's edit, in the same commit. */
  uploads?: FileAddition[];
  services: string[];
  headline: string;
  /** Markdown for the pull request body (the evidence). */
  body: string;
  /** Plain text for the commit message body. */
  commitBody: string;
  /** The base head the decision was made on, and the file's text there. */
  expectedHead: string;
  text: string;
  /** Re-plan on a moved base instead of giving up (safe for rollbacks only). */
  replanOnMovedBase: boolean;
}

export interface LandResult {
  outcome: "committed" | "pull-request" | "unchanged" | "superseded";
  /**
   * Whether this run made the commit. Two ticks racing in pull-request mode can both end
   * with the pull request in place; only the one that committed acted.
   */
  committed: boolean;
  commit?: string;
  pullRequest?: { number: number; url: string; merged: boolean };
}

/**
 * Whether the change is on the base branch once it has landed: a commit, a merged pull
 * request, or nothing left to change. A pull request still waiting (for a review, or for
 * auto-merge's checks) is not, and neither is a change another one superseded.
 */
export function onBase(result: LandResult | undefined): boolean {
  if (!result) return false;
  if (result.pullRequest) return result.pullRequest.merged;
  return result.outcome === "committed" || result.outcome === "unchanged";
}

export interface Lander {
  land(request: LandRequest): Promise<LandResult>;
  /**
   * Makes sure a pull request left open by an earlier run will land as the mode says:
   * with auto-merge, (re-)enables it, in case that run stopped before it got there.
   */
  resume?(pullRequest: OpenPullRequest): Promise<void>;
  /**
   * Closes a promotion pull request that would undo a rollback if someone merged it later
   * (it was opened for a release that is no longer in progress).
   */
  withdraw?(pullRequest: OpenPullRequest, reason: string): Promise<void>;
}

export interface GitHubLanderOptions {
  repo: InfraRepo;
  base: string;
  file: string;
  format?: ReleaseFileFormat | undefined;
  environment: string;
  mode: MergeMode;
  mergeMethod: "merge" | "squash" | "rebase";
  /** From the config file; discovered in the file by convention when absent. */
  layouts?: ServiceLayout[] | undefined;
  labels: string[];
  reviewers: string[];
  source: SourceInfo;
  clock: Clock;
  logger: Logger;
}

/** `{{` would be read as a template placeholder by open-pr. */
function literal(markdown: string): string {
  return markdown.replace(/\{\{/g, "{\u200b{");
}

/**
 * The edit a landing request makes to the release file, as planTfvarsEdit takes it: the one
 * place it is spelled out, for the lander and for a rollback checked before it lands.
 */
export function releaseFileEdit(
  request: Pick<LandRequest, "set" | "release">,
  file: {
    path: string;
    format?: ReleaseFileFormat | undefined;
    layouts?: ServiceLayout[] | undefined;
  },
): TfvarsEditRequest {
  return {
    set: request.set ?? [],
    release: request.release,
    create: false,
    force: false,
    imageRules: { requireDigest: false, allowedRegistries: [] },
    ...(file.layouts ? { layouts: file.layouts } : {}),
    ...(file.format ? { releaseFile: { path: file.path, format: file.format } } : {}),
  };
}

function stopsRelease(request: LandRequest): boolean {
  return request.kind === "rollback" || request.kind === "hold";
}

export function branchFor(environment: string, kind: "promote" | "rollback"): string {
  const slug = environment.toLowerCase().replace(/[^a-z0-9._-]+/g, "-");
  return `greenlight/${slug}/${kind}`;
}

export class GitHubLander implements Lander {
  constructor(private readonly options: GitHubLanderOptions) {}

  async land(request: LandRequest): Promise<LandResult> {
    const o = this.options;
    if (o.mode === "direct") return this.compareAndSwap(request);
    const params: OpenPrParams = {
      change: {
        files: [o.file],
        uploads: request.uploads ?? [],
        edit: this.editRequest(request),
      },
      base: o.base,
      // A hold stands in for a rollback that cannot be recorded: like one, it waits on its
      // own branch, and a tick finding it there waits instead of promoting.
      branch: branchFor(o.environment, stopsRelease(request) ? "rollback" : "promote"),
      environment: o.environment,
      kind: request.kind === "hold" ? "edit" : request.kind,
      services: request.services,
      mode: o.mode,
      mergeMethod: o.mergeMethod,
      titleTemplate: literal(request.headline),
      bodyTemplate: `{{changes}}\n\n${literal(request.body)}\n\n{{source}}`,
      labels: o.labels,
      assignees: [],
      reviewers: o.reviewers,
      teamReviewers: [],
      draft: false,
      waitForMerge: false,
      waitTimeoutMs: 0,
      pollIntervalMs: 10_000,
      maxAttempts: 10,
      source: o.source,
    };
    let result;
    try {
      result = await openPr(params, { repo: o.repo, clock: o.clock, logger: o.logger });
    } catch (error) {
      // A newer release reached the base after this decision: the next tick decides again.
      if (!(error instanceof SupersededEditError)) throw error;
      o.logger.info(error.message);
      return { outcome: "superseded", committed: false };
    }
    const pr = result.pullRequest;
    const pullRequest = pr ? { number: pr.number, url: pr.url, merged: pr.merged } : undefined;
    if (result.operation === "unchanged" || result.operation === "adopted") {
      return { outcome: "unchanged", committed: false, ...(pullRequest ? { pullRequest } : {}) };
    }
    return {
      outcome: "pull-request",
      committed: result.committed,
      ...(result.headSha ? { commit: result.headSha } : {}),
      ...(pullRequest ? { pullRequest } : {}),
    };
  }

  /** The edit a decision makes, the same whether it lands directly or through a pull request. */
  private editRequest(request: LandRequest): TfvarsEditRequest {
    const o = this.options;
    return releaseFileEdit(request, { path: o.file, format: o.format, layouts: o.layouts });
  }

  async withdraw(pullRequest: OpenPullRequest, reason: string): Promise<void> {
    const o = this.options;
    await closePromotionPullRequest(o.repo, o.logger, pullRequest, reason, o.base);
  }

  /**
   * A promotion pull request with nothing left to wait for cannot have auto-merge enabled;
   * it is merged now instead, so it never stays open for ever.
   */
  async resume(pullRequest: OpenPullRequest): Promise<void> {
    const o = this.options;
    if (o.mode !== "auto-merge" || !pullRequest.nodeId) return;
    const current = await o.repo.pullRequest(pullRequest.number);
    if (current.state !== "open") return;
    await enableOrMerge({ repo: o.repo, clock: o.clock, logger: o.logger }, current, o.mergeMethod);
  }

  /** The request's whole files that differ from what `commit` holds. */
  private async changedUploads(request: LandRequest, commit: string): Promise<FileAddition[]> {
    const changed: FileAddition[] = [];
    for (const upload of request.uploads ?? []) {
      const current = await this.options.repo.fileAt(upload.path, commit);
      if (current !== upload.content) changed.push(upload);
    }
    return changed;
  }

  /**
   * One commit on the base, only if it still points where the decision was made. A rollback
   * that loses the race is planned again on the new head (it is right on any state); a
   * promotion step is not, and reports "superseded".
   */
  private async compareAndSwap(request: LandRequest): Promise<LandResult> {
    const o = this.options;
    let head = request.expectedHead;
    let text = request.text;
    for (let attempt = 1; ; attempt++) {
      const planned = await planTfvarsEdit(o.file, text, this.editRequest(request));
      const additions = await this.changedUploads(request, head);
      if (planned.after !== text) additions.unshift({ path: o.file, content: planned.after });
      if (additions.length === 0) return { outcome: "unchanged", committed: false };
      const result = await o.repo
        .commit({
          branch: o.base,
          expectedHead: head,
          headline: request.headline,
          body: request.commitBody,
          additions,
        })
        .catch((error: unknown) => {
          throw protectedBranchError(o.repo, o.base, error) ?? error;
        });
      if (result !== "stale") {
        o.logger.info(`Committed ${result.oid.slice(0, 7)} to ${o.base}.`);
        return { outcome: "committed", committed: true, commit: result.oid };
      }
      if (!request.replanOnMovedBase) {
        o.logger.info(`${o.base} moved since this tick read it; another change landed first.`);
        return { outcome: "superseded", committed: false };
      }
      if (attempt >= MAX_REPLANS) {
        throw new OperationFailedError(
          `${o.base} kept moving during ${MAX_REPLANS} attempts to commit the ${request.kind}; run it again.`,
        );
      }
      const moved = await o.repo.branchHead(o.base);
      const current = moved ? await o.repo.fileAt(o.file, moved) : undefined;
      if (!moved || current === undefined) {
        throw new OperationFailedError(
          `${o.file} is no longer on ${o.base} of ${o.repo.fullName}.`,
        );
      }
      head = moved;
      text = current;
    }
  }
}
