/**
 * Every acting decision is also a GitHub deployment status for the environment, so the
 * repository's Environments page shows what promote and rollback did and why, with the
 * evidence in the deployment's payload.
 */
import type { Octokit } from "@octokit/core";
import type { RepoRef } from "./infra-repo.js";

export type DeploymentState = "in_progress" | "success" | "failure" | "pending" | "inactive";

export interface DeploymentRecord {
  environment: string;
  /**
   * Record only if no deployment of the same commit, environment and task already carries
   * this decision: a hold repeats every tick until something changes, and one record of it
   * per state of the repository is enough.
   */
  onceFor?: string;
  /** The commit the decision applies to. */
  ref: string;
  task: string;
  state: DeploymentState;
  description: string;
  payload: unknown;
  logUrl?: string;
}

export interface DeploymentRecorder {
  record(record: DeploymentRecord): Promise<void>;
}

/** GitHub caps descriptions at 140 characters. */
function shorten(text: string): string {
  return text.length <= 140 ? text : `${text.slice(0, 139)}…`;
}

export class GitHubDeploymentRecorder implements DeploymentRecorder {
  constructor(
    private readonly octokit: Pick<Octokit, "request">,
    private readonly ref: RepoRef,
  ) {}

  async record(record: DeploymentRecord): Promise<void> {
    if (record.onceFor && (await this.alreadyRecorded(record, record.onceFor))) return;
    const { data } = await this.octokit.request("POST /repos/{owner}/{repo}/deployments", {
      ...this.ref,
      ref: record.ref,
      environment: record.environment,
      task: record.task,
      auto_merge: false,
      required_contexts: [],
      payload: JSON.stringify(record.payload),
      description: shorten(record.description),
    });
    if (!("id" in data)) return;
    await this.octokit.request("POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses", {
      ...this.ref,
      deployment_id: Number(data.id),
      state: record.state,
      description: shorten(record.description),
      environment: record.environment,
      ...(record.logUrl ? { log_url: record.logUrl } : {}),
    });
  }

  private async alreadyRecorded(record: DeploymentRecord, decision: string): Promise<boolean> {
    const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/deployments", {
      ...this.ref,
      sha: record.ref,
      environment: record.environment,
      task: record.task,
      per_page: 100,
    });
    return data.some((d) => decisionOf(d.payload) === decision);
  }
}

function decisionOf(payload: unknown): unknown {
  let value = payload;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return undefined;
    }
  }
  return typeof value === "object" && value !== null
    ? (value as { decision?: unknown }).decision
    : undefined;
}

/**
 * When verify first confirmed that a step's new version answers, for plans whose bake
 * starts there. Git cannot say when that happened, so the confirmation is recorded once, as
 * a GitHub deployment of the step's commit; a second record from a concurrent tick is
 * harmless, because the earliest one counts.
 */
export interface VerificationLog {
  confirmedAt(environment: string, commit: string): Promise<Date | undefined>;
  confirm(environment: string, commit: string, evidence: unknown): Promise<void>;
}

export const VERIFIED_TASK = "greenlight:verified";

export class GitHubVerificationLog implements VerificationLog {
  constructor(
    private readonly octokit: Pick<Octokit, "request">,
    private readonly ref: RepoRef,
  ) {}

  async confirmedAt(environment: string, commit: string): Promise<Date | undefined> {
    const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/deployments", {
      ...this.ref,
      sha: commit,
      environment,
      task: VERIFIED_TASK,
      per_page: 100,
    });
    const times = data.map((d) => new Date(d.created_at).getTime()).sort((a, b) => a - b);
    return times.length > 0 ? new Date(times[0]!) : undefined;
  }

  async confirm(environment: string, commit: string, evidence: unknown): Promise<void> {
    await new GitHubDeploymentRecorder(this.octokit, this.ref).record({
      environment,
      ref: commit,
      task: VERIFIED_TASK,
      state: "success",
      description: "verify confirmed the new version answers; the bake time starts now",
      payload: evidence,
    });
  }
}
