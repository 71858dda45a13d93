/**
 * The event as a GitHub deployment status, so the repository's Environments page shows it.
 * One deployment per commit, environment and kind: a deploy that reported `started` and
 * then `success` is one deployment with two statuses, not two deployments.
 */
import type { Octokit } from "../core/github/client.js";
import type { RepositoryName } from "../core/github/app-token.js";
import type { DeploymentEvent, EventStatus } from "./event.js";
import type { Message } from "./message.js";

type DeploymentState = "in_progress" | "success" | "failure" | "inactive";

const STATES: Record<EventStatus, DeploymentState> = {
  started: "in_progress",
  success: "success",
  failure: "failure",
  // A cancelled deploy is no longer what the environment runs.
  cancelled: "inactive",
};

export interface DeploymentRecorder {
  /** Records the event; resolves to the deployment's id and the state written. */
  record(event: DeploymentEvent, message: Message): Promise<{ id: number; state: DeploymentState }>;
}

/** GitHub caps descriptions at 140 characters. */
function shorten(text: string): string {
  return text.length <= 140 ? text : `${text.slice(0, 139)}…`;
}

function taskOf(event: DeploymentEvent): string {
  return event.kind === "deploy" ? "deploy" : `deploy:${event.kind}`;
}

export class GitHubDeploymentRecorder implements DeploymentRecorder {
  constructor(
    private readonly octokit: Pick<Octokit, "request">,
    private readonly repository: RepositoryName,
  ) {}

  async record(
    event: DeploymentEvent,
    message: Message,
  ): Promise<{ id: number; state: DeploymentState }> {
    const commit = event.commit ?? "";
    const id = (await this.existing(event, commit)) ?? (await this.create(event, commit, message));
    const state = STATES[event.status];
    await this.octokit.request("POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses", {
      owner: this.repository.owner,
      repo: this.repository.repo,
      deployment_id: id,
      state,
      description: shorten(message.title),
      environment: event.environment,
      ...(event.runUrl ? { log_url: event.runUrl } : {}),
      auto_inactive: true,
    });
    return { id, state };
  }

  /** The newest deployment of this commit to this environment for this kind of event. */
  private async existing(event: DeploymentEvent, commit: string): Promise<number | undefined> {
    const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/deployments", {
      owner: this.repository.owner,
      repo: this.repository.repo,
      sha: commit,
      environment: event.environment,
      task: taskOf(event),
      per_page: 1,
    });
    const id = data[0]?.id;
    return id === undefined ? undefined : Number(id);
  }

  private async create(event: DeploymentEvent, commit: string, message: Message): Promise<number> {
    const { data } = await this.octokit.request("POST /repos/{owner}/{repo}/deployments", {
      owner: this.repository.owner,
      repo: this.repository.repo,
      ref: commit,
      environment: event.environment,
      task: taskOf(event),
      auto_merge: false,
      required_contexts: [],
      description: shorten(message.title),
      payload: JSON.stringify({
        services: event.services,
        version: event.version,
        evidence: event.evidence,
      }),
    });
    if (!("id" in data))
      throw new Error(
        `GitHub did not create the deployment: ${data.message ?? "no id in its answer"}`,
      );
    return Number(data.id);
  }
}
