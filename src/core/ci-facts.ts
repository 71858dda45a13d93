/**
 * The facts a CI system gives a job about what it runs: repository, commit, branch, tag,
 * who started it and the run's page. GitHub Actions' variables come first; where they are
 * absent (Greenlight's CLI in GitLab CI, Jenkins, CircleCI, Azure Pipelines, Buildkite,
 * Bitbucket Pipelines or Woodpecker) each fact falls back to that system's documented
 * variable, so messages, pull requests and image labels carry the same details everywhere.
 */

export type Env = Record<string, string | undefined>;

export interface CiFacts {
  /** owner/name (GitHub) or group/project (GitLab) of the application repository. */
  repository?: string;
  /** The repository's web page. */
  repositoryUrl?: string;
  commit?: string;
  /** The commit's web page. */
  commitUrl?: string;
  /** The branch built: a pull/merge request's source branch, else the pushed branch. */
  branch?: string;
  /** The tag built, when the run is for a tag. */
  tag?: string;
  /** Who started the run. */
  actor?: string;
  /** The run's web page. */
  runUrl?: string;
  /** What this CI system calls a run ("workflow run", "pipeline", "build"). */
  runName?: string;
  /** Whether the facts come from GitHub Actions, so the actor is a GitHub login to @-mention. */
  github?: boolean;
}

type Read = (env: Env) => string | undefined;

/** A variable's value; an empty one counts as absent (CI systems export unset ones as ""). */
const v =
  (name: string): Read =>
  (env) => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };

function first(env: Env, reads: Read[]): string | undefined {
  for (const read of reads) {
    const value = read(env);
    if (value !== undefined) return value;
  }
  return undefined;
}

const withoutSlash = (url: string) => url.replace(/\/+$/, "");

function refName(ref: string | undefined, prefix: string): string | undefined {
  return ref?.startsWith(prefix) ? ref.slice(prefix.length) || undefined : undefined;
}

const githubServer: Read = (env) =>
  withoutSlash(v("GITHUB_SERVER_URL")(env) ?? "https://github.com");

const githubRepositoryUrl: Read = (env) => {
  const repository = v("GITHUB_REPOSITORY")(env);
  return repository ? `${githubServer(env)}/${repository}` : undefined;
};

const githubRunUrl: Read = (env) => {
  const repository = v("GITHUB_REPOSITORY")(env);
  const runId = v("GITHUB_RUN_ID")(env);
  if (!repository || !runId) return undefined;
  const attempt = v("GITHUB_RUN_ATTEMPT")(env);
  return `${githubServer(env)}/${repository}/actions/runs/${runId}${attempt && attempt !== "1" ? `/attempts/${attempt}` : ""}`;
};

/** Jenkins' GIT_BRANCH names the remote too (`origin/main`); BRANCH_NAME does not. */
const jenkinsBranch: Read = (env) => v("GIT_BRANCH")(env)?.replace(/^(refs\/heads\/|origin\/)/, "");

const azureRunUrl: Read = (env) => {
  const collection = v("SYSTEM_COLLECTIONURI")(env);
  const project = v("SYSTEM_TEAMPROJECT")(env);
  const build = v("BUILD_BUILDID")(env);
  if (!collection || !project || !build) return undefined;
  return `${withoutSlash(collection)}/${encodeURIComponent(project)}/_build/results?buildId=${encodeURIComponent(build)}`;
};

const bitbucketRunUrl: Read = (env) => {
  const origin = v("BITBUCKET_GIT_HTTP_ORIGIN")(env);
  const build = v("BITBUCKET_BUILD_NUMBER")(env);
  return origin && build ? `${withoutSlash(origin)}/pipelines/results/${build}` : undefined;
};

const circleRepository: Read = (env) => {
  const owner = v("CIRCLE_PROJECT_USERNAME")(env);
  const name = v("CIRCLE_PROJECT_REPONAME")(env);
  return owner && name ? `${owner}/${name}` : undefined;
};

/** Each fact, from the first system that gives it; GitHub Actions first. */
const SOURCES: Record<Exclude<keyof CiFacts, "runName" | "github" | "commitUrl">, Read[]> = {
  repository: [
    v("GITHUB_REPOSITORY"),
    v("CI_PROJECT_PATH"), // GitLab
    v("CI_REPO"), // Woodpecker
    circleRepository,
    v("BITBUCKET_REPO_FULL_NAME"),
    v("BUILD_REPOSITORY_NAME"), // Azure Pipelines
    v("BUILDKITE_PIPELINE_SLUG"),
  ],
  repositoryUrl: [
    githubRepositoryUrl,
    v("CI_PROJECT_URL"), // GitLab
    v("CI_REPO_URL"), // Woodpecker
    v("BITBUCKET_GIT_HTTP_ORIGIN"),
    v("CIRCLE_REPOSITORY_URL"),
  ],
  commit: [
    v("GITHUB_SHA"),
    v("CI_COMMIT_SHA"), // GitLab, Woodpecker
    v("GIT_COMMIT"), // Jenkins
    v("CIRCLE_SHA1"),
    v("BUILD_SOURCEVERSION"), // Azure Pipelines
    v("BUILDKITE_COMMIT"),
    v("BITBUCKET_COMMIT"),
  ],
  branch: [
    v("GITHUB_HEAD_REF"),
    (env) => refName(v("GITHUB_REF")(env), "refs/heads/"),
    v("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME"), // GitLab merge request pipelines
    v("CI_COMMIT_BRANCH"), // GitLab branch pipelines, Woodpecker
    (env) => (v("CI_COMMIT_TAG")(env) ? undefined : v("CI_COMMIT_REF_NAME")(env)), // GitLab
    v("CHANGE_BRANCH"), // Jenkins pull requests
    v("BRANCH_NAME"), // Jenkins multibranch
    jenkinsBranch,
    v("CIRCLE_BRANCH"),
    (env) => refName(v("BUILD_SOURCEBRANCH")(env), "refs/heads/"), // Azure Pipelines
    v("BUILDKITE_BRANCH"),
    v("BITBUCKET_BRANCH"),
  ],
  tag: [
    (env) => refName(v("GITHUB_REF")(env), "refs/tags/"),
    v("CI_COMMIT_TAG"), // GitLab, Woodpecker
    v("TAG_NAME"), // Jenkins
    v("CIRCLE_TAG"),
    (env) => refName(v("BUILD_SOURCEBRANCH")(env), "refs/tags/"), // Azure Pipelines
    v("BUILDKITE_TAG"),
    v("BITBUCKET_TAG"),
  ],
  actor: [
    v("GITHUB_ACTOR"),
    v("GITLAB_USER_LOGIN"),
    v("CI_COMMIT_AUTHOR"), // Woodpecker
    v("BUILD_USER_ID"), // Jenkins with the build-user-vars plugin
    v("CHANGE_AUTHOR"), // Jenkins pull requests
    v("CIRCLE_USERNAME"),
    v("BUILD_REQUESTEDFOR"), // Azure Pipelines
    v("BUILDKITE_BUILD_CREATOR"),
  ],
  runUrl: [
    githubRunUrl,
    v("CI_PIPELINE_URL"), // GitLab, Woodpecker
    v("BUILD_URL"), // Jenkins
    v("CIRCLE_BUILD_URL"),
    azureRunUrl,
    v("BUILDKITE_BUILD_URL"),
    bitbucketRunUrl,
  ],
};

function runName(env: Env): string {
  if (githubRunUrl(env)) return "workflow run";
  if (v("GITLAB_CI")(env) || v("CI_PIPELINE_URL")(env)) return "pipeline";
  return "build";
}

/** The commit's web page in the repository's own forge: GitLab's pages have a `/-/`. */
function commitUrl(repositoryUrl: string | undefined, commit: string | undefined, env: Env) {
  if (!repositoryUrl || !commit) return undefined;
  const gitlab = !githubRepositoryUrl(env) && v("CI_PROJECT_URL")(env) === repositoryUrl;
  return `${withoutSlash(repositoryUrl)}${gitlab ? "/-" : ""}/commit/${commit}`;
}

/** The CI facts of this job; `given` (inputs, flags) wins over the environment. */
export function readCiFacts(env: Env, given: Partial<CiFacts> = {}): CiFacts {
  const facts: CiFacts = {
    runName: runName(env),
    github: v("GITHUB_REPOSITORY")(env) !== undefined,
  };
  // Another repository's facts must not borrow this job's links.
  const foreign =
    given.repository !== undefined && given.repository !== first(env, SOURCES.repository);
  for (const [name, reads] of Object.entries(SOURCES) as [keyof typeof SOURCES, Read[]][]) {
    const fromEnv = foreign && name === "repositoryUrl" ? undefined : first(env, reads);
    const value = given[name] || fromEnv;
    if (value) facts[name] = value;
  }
  const url = given.commitUrl || commitUrl(facts.repositoryUrl, facts.commit, env);
  if (url) facts.commitUrl = url;
  return facts;
}
