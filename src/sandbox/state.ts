/**
 * What the sandbox keeps beside git: issue and pull request numbers, labels, deployments,
 * and which commits the API created. git holds every object and ref; this holds the rest
 * of a repository's GitHub-side state, in memory for the life of the server.
 */
import type { GitRepo } from "./git-store.js";
import { Mutex } from "./mutex.js";

export interface User {
  login: string;
  id: number;
  type: "User" | "Bot";
  name: string;
  email: string;
}

export type MergeMethod = "merge" | "squash" | "rebase";

export interface AutoMergeRecord {
  enabledBy: User;
  method: MergeMethod;
  commitTitle: string;
  commitMessage: string;
}

export interface PullFields {
  id: number;
  head: string;
  /** The head commit, kept current while the head branch exists. */
  headSha: string;
  base: string;
  baseSha: string;
  draft: boolean;
  maintainerCanModify: boolean;
  merged: boolean;
  mergedAt: string | null;
  mergedBy: User | null;
  mergeCommitSha: string | null;
  requestedReviewers: string[];
  requestedTeams: string[];
  autoMerge: AutoMergeRecord | null;
}

export interface IssueRecord {
  number: number;
  id: number;
  title: string;
  body: string | null;
  user: User;
  state: "open" | "closed";
  labels: string[];
  assignees: string[];
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** Conversation comments, oldest first; a pull request's live here too, as on GitHub. */
  comments: IssueCommentRecord[];
  pull?: PullFields;
}

export interface IssueCommentRecord {
  id: number;
  body: string;
  user: User;
  createdAt: string;
  updatedAt: string;
}

export interface LabelRecord {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export type DeploymentState =
  "error" | "failure" | "inactive" | "pending" | "success" | "queued" | "in_progress";

export interface DeploymentStatusRecord {
  id: number;
  state: DeploymentState;
  creator: User;
  description: string;
  environment: string;
  environmentUrl: string;
  logUrl: string;
  createdAt: string;
}

export interface DeploymentRecord {
  id: number;
  sha: string;
  ref: string;
  task: string;
  payload: Record<string, unknown> | string;
  environment: string;
  originalEnvironment: string;
  description: string | null;
  creator: User;
  createdAt: string;
  updatedAt: string;
  transientEnvironment: boolean;
  productionEnvironment: boolean;
  statuses: DeploymentStatusRecord[];
}

/** A branch protection rule, as PUT /repos/{owner}/{repo}/branches/{branch}/protection sets it. */
export interface BranchProtection {
  /** Status contexts that must be "success" on a commit before it reaches the branch. */
  requiredContexts: string[];
  /** Whether a pull request's head must contain the base's head before it merges. */
  strict: boolean;
  /** Approving reviews a pull request needs (0 when reviews are not required). */
  requiredApprovals: number;
  enforceAdmins: boolean;
}

export type CommitStatusState = "error" | "failure" | "pending" | "success";

export interface CommitStatusRecord {
  id: number;
  state: CommitStatusState;
  context: string;
  description: string | null;
  targetUrl: string | null;
  creator: User;
  createdAt: string;
}

/** Repository settings the sandbox honours (PATCH /repos/{owner}/{repo} changes them). */
export interface RepoSettings {
  allowAutoMerge: boolean;
  allowMergeCommit: boolean;
  allowSquashMerge: boolean;
  allowRebaseMerge: boolean;
  /** Lower-case logins that reviews may be requested from; undefined: anyone. */
  collaborators: Set<string> | undefined;
}

export class RepoState {
  readonly lock = new Mutex();
  readonly settings: RepoSettings = {
    allowAutoMerge: true,
    allowMergeCommit: true,
    allowSquashMerge: true,
    allowRebaseMerge: true,
    collaborators: undefined,
  };
  /** Protection rules by branch name. */
  readonly protections = new Map<string, BranchProtection>();
  /** Commit statuses by commit sha, oldest first. */
  readonly statuses = new Map<string, CommitStatusRecord[]>();
  readonly issues = new Map<number, IssueRecord>();
  readonly labels = new Map<string, LabelRecord>();
  readonly deployments = new Map<number, DeploymentRecord>();
  /** Commits created through the API, which GitHub signs and reports as verified. */
  readonly apiCommits = new Set<string>();
  /** Mergeability by `${base}:${head}`, computed once per pair of commits. */
  readonly mergeability = new Map<string, boolean>();
  private lastNumber = 0;

  constructor(
    readonly id: number,
    readonly owner: string,
    readonly name: string,
    readonly git: GitRepo,
    readonly createdAt: string,
  ) {}

  get fullName(): string {
    return `${this.owner}/${this.name}`;
  }

  /** Issues and pull requests share one sequence of numbers, as on GitHub. */
  nextNumber(): number {
    return ++this.lastNumber;
  }

  pulls(): (IssueRecord & { pull: PullFields })[] {
    return [...this.issues.values()].filter(
      (i): i is IssueRecord & { pull: PullFields } => i.pull !== undefined,
    );
  }
}

/** GitHub's timestamps: ISO 8601 in UTC without milliseconds. */
export function isoTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
