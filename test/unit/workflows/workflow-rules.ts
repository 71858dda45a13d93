/**
 * The security rules every workflow and action.yml in the repository must follow, as
 * functions from a file's text to the violations found. Kept apart from the test so the same
 * rules judge the real files and the fixtures that each break one rule.
 */
import YAML from "yaml";

export const RULES = {
  "top-permissions":
    "a workflow starts with `permissions: {}` and grants per job (a reusable workflow with a job that takes its caller's writes none)",
  "job-permissions":
    "every job declares its own permissions, never read-all or write-all; only a reusable workflow's job that assumes a cloud role takes its caller's",
  "id-token": "`id-token: write` only in a job that uses OIDC",
  "pinned-actions":
    "every action outside the repository is pinned to a full commit SHA with its version in a comment",
  "run-expressions": "no `${{ }}` expression inside `run:`; values reach scripts through `env:`",
  "checkout-credentials":
    "`actions/checkout` sets `persist-credentials: false`, so no later step finds the token in .git/config",
  "environment-secrets":
    "secrets are read only by jobs that run in an environment, and never inherited wholesale",
  concurrency:
    "a job in an environment runs in a per-environment concurrency group that never cancels a run in progress",
  "no-pull-request-target": "no workflow runs on pull_request_target",
} as const;

export type RuleId = keyof typeof RULES;

export interface Violation {
  rule: RuleId;
  where: string;
  message: string;
}

/** Actions that exchange the job's OIDC token for cloud credentials. */
const OIDC_ACTIONS = [
  "aws-actions/configure-aws-credentials",
  "google-github-actions/auth",
  "azure/login",
  "hashicorp/vault-action",
];

type Mapping = Record<string, unknown>;

interface Step extends Mapping {
  uses?: string;
  run?: string;
  env?: Mapping;
  with?: unknown;
}

interface Job extends Mapping {
  permissions?: unknown;
  environment?: unknown;
  concurrency?: unknown;
  steps?: Step[];
  uses?: string;
  secrets?: unknown;
}

const isMapping = (value: unknown): value is Mapping =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** `uses:` lines with the comment that follows them (YAML drops comments, so read the text). */
function usesLines(text: string): { line: number; ref: string; comment: string }[] {
  const found: { line: number; ref: string; comment: string }[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const match = /^\s*(?:-\s+)?uses:\s*["']?([^\s"'#]+)["']?\s*(?:#\s*(.*))?$/.exec(line);
    if (match) found.push({ line: index + 1, ref: match[1]!, comment: (match[2] ?? "").trim() });
  });
  return found;
}

/** Whether `ref` is this repository's own action or workflow (`<owner>/greenlight/…`). */
export function isOwnReference(ref: string): boolean {
  return /^[\w.-]+\/greenlight(?:\/|@)/.test(ref);
}

/** The pinned-actions rule, on a file's text: every `uses:` line, wherever it is. */
export function checkPins(text: string, file: string): Violation[] {
  const violations: Violation[] = [];
  for (const { line, ref, comment } of usesLines(text)) {
    if (ref.startsWith("./")) continue;
    const where = `${file}:${line}`;
    if (ref.startsWith("docker://")) {
      if (!/@sha256:[0-9a-f]{64}$/.test(ref)) {
        violations.push({
          rule: "pinned-actions",
          where,
          message: `${ref} is not pinned to an image digest`,
        });
      }
      continue;
    }
    const at = ref.lastIndexOf("@");
    const sha = at > 0 ? ref.slice(at + 1) : "";
    if (!/^[0-9a-f]{40}$/.test(sha)) {
      violations.push({
        rule: "pinned-actions",
        where,
        message: `${ref} is not pinned to a full 40-character commit SHA`,
      });
      continue;
    }
    // Own actions carry the action's name in the tag (`verify/v1.2.0`), workflows the release.
    const path = ref.slice(0, at).split("/").slice(2).join("/");
    const ownAction = isOwnReference(ref) && path.startsWith("actions/");
    const version = ownAction
      ? new RegExp(`^${path.slice("actions/".length)}/v\\d+\\.\\d+\\.\\d+$`)
      : /^v\d+\.\d+\.\d+$/;
    if (!version.test(comment)) {
      const expected = ownAction ? `# ${path.slice("actions/".length)}/vX.Y.Z` : "# vX.Y.Z";
      violations.push({
        rule: "pinned-actions",
        where,
        message: `${ref} has no version comment (${expected})`,
      });
    }
  }
  return violations;
}

const stepName = (step: Step, index: number) =>
  step["name"] ? `"${String(step["name"])}"` : String(index + 1);

/** The run-expressions rule, on a list of steps. */
export function checkRunSteps(steps: Step[] | undefined, where: string): Violation[] {
  return (steps ?? []).flatMap((step, index) =>
    typeof step.run === "string" && step.run.includes("${{")
      ? [
          {
            rule: "run-expressions" as const,
            where: `${where} step ${stepName(step, index)}`,
            message:
              "expands an expression inside run:, where its value becomes shell code; pass it through env:",
          },
        ]
      : [],
  );
}

/** The checkout-credentials rule, on a list of steps. */
export function checkCheckoutSteps(steps: Step[] | undefined, where: string): Violation[] {
  return (steps ?? []).flatMap((step, index) =>
    typeof step.uses === "string" &&
    step.uses.startsWith("actions/checkout@") &&
    !(isMapping(step.with) && step.with["persist-credentials"] === false)
      ? [
          {
            rule: "checkout-credentials" as const,
            where: `${where} step ${stepName(step, index)}`,
            message:
              "checks out without persist-credentials: false, leaving the token in .git/config for every later step",
          },
        ]
      : [],
  );
}

function triggers(on: unknown): string[] {
  if (typeof on === "string") return [on];
  if (Array.isArray(on)) return on.map(String);
  return isMapping(on) ? Object.keys(on) : [];
}

function usesOidc(job: Job): boolean {
  return (job.steps ?? []).some((step) =>
    OIDC_ACTIONS.some(
      (action) => typeof step.uses === "string" && step.uses.startsWith(`${action}@`),
    ),
  );
}

/**
 * A job of a reusable workflow that assumes a cloud role may take the calling job's
 * permissions instead of naming its own: whether it needs `id-token: write` (or `packages:
 * write` for ghcr.io) is the caller's choice, and GitHub refuses the whole call when any job,
 * even one its `if:` would skip, asks for more than the calling job grants. Such a workflow
 * writes no workflow-level permissions, which would otherwise be what the job gets.
 */
function takesCallerPermissions(job: Job, reusable: boolean): boolean {
  return reusable && job.permissions === undefined && usesOidc(job);
}

function checkJobPermissions(job: Job, where: string, reusable: boolean): Violation[] {
  if (takesCallerPermissions(job, reusable)) return [];
  if (job.permissions === undefined) {
    return [
      {
        rule: "job-permissions",
        where,
        message: "declares no permissions, so it inherits the workflow's",
      },
    ];
  }
  if (typeof job.permissions === "string") {
    return [
      {
        rule: "job-permissions",
        where,
        message: `grants ${job.permissions}; name each scope it needs`,
      },
    ];
  }
  return [];
}

function checkIdToken(job: Job, where: string): Violation[] {
  const permissions = isMapping(job.permissions) ? job.permissions : {};
  if (permissions["id-token"] !== "write") return [];
  // A job calling a reusable workflow grants what the called jobs need; that workflow is
  // checked on its own.
  if (typeof job.uses === "string") return [];
  return usesOidc(job)
    ? []
    : [
        {
          rule: "id-token",
          where,
          message: "grants id-token: write but no step exchanges an OIDC token",
        },
      ];
}

function readsSecrets(value: unknown): boolean {
  const text = JSON.stringify(value ?? null);
  return /\$\{\{[^}]*\bsecrets\.(?!GITHUB_TOKEN\b)/.test(text);
}

/**
 * A called workflow's job that runs in an environment gets that environment's value of a
 * secret only when the caller passes the secret by name, so named `secrets:` on a calling job
 * are the narrow form; `inherit` hands over every secret the caller can see.
 */
/**
 * Jobs that read secrets without an environment on purpose, with the reason. Promotion ticks
 * run every few minutes: in an environment with required reviewers each would wait for an
 * approval, so they run outside it and the caller passes their secrets from repository secrets.
 */
export const SECRETS_WITHOUT_ENVIRONMENT: Record<string, string> = {
  ".github/workflows/promote.yml job tick": "a tick must not wait for an approval",
  ".github/workflows/promote.yml job notify": "tells people what a tick did, without an approval",
  "actions/promote/README.md job promote": "the tick the promote action's README shows",
};

function checkSecrets(job: Job, where: string): Violation[] {
  if (job.secrets === "inherit") {
    return [
      { rule: "environment-secrets", where, message: "passes every secret with secrets: inherit" },
    ];
  }
  if (
    job.environment === undefined &&
    !(where in SECRETS_WITHOUT_ENVIRONMENT) &&
    readsSecrets({ ...job, secrets: undefined })
  ) {
    return [
      { rule: "environment-secrets", where, message: "reads secrets outside an environment" },
    ];
  }
  return [];
}

function environmentName(environment: unknown): string | undefined {
  if (typeof environment === "string") return environment;
  if (isMapping(environment) && typeof environment["name"] === "string") return environment["name"];
  return undefined;
}

/** The expression or name that identifies an environment, e.g. `inputs.environment` or `production`. */
function environmentKey(name: string): string {
  const expression = /^\$\{\{\s*(.+?)\s*\}\}$/.exec(name.trim());
  return expression ? expression[1]! : name.trim();
}

function checkConcurrency(job: Job, workflowConcurrency: unknown, where: string): Violation[] {
  const environment = environmentName(job.environment);
  if (environment === undefined) return [];
  const concurrency = job.concurrency ?? workflowConcurrency;
  if (!isMapping(concurrency) || typeof concurrency["group"] !== "string") {
    return [
      {
        rule: "concurrency",
        where,
        message: `runs in environment ${environment} without a concurrency group`,
      },
    ];
  }
  const violations: Violation[] = [];
  if (!concurrency["group"].includes(environmentKey(environment))) {
    violations.push({
      rule: "concurrency",
      where,
      message: `its concurrency group "${concurrency["group"]}" is not per environment`,
    });
  }
  if (concurrency["cancel-in-progress"] !== false) {
    violations.push({
      rule: "concurrency",
      where,
      message: "may cancel a run in progress; set cancel-in-progress: false",
    });
  }
  return violations;
}

export function checkWorkflow(text: string, file: string): Violation[] {
  const workflow = YAML.parse(text) as Mapping;
  const violations: Violation[] = [...checkPins(text, file)];
  // YAML 1.1 readers turn the key `on` into true; the yaml package keeps it a string.
  if (triggers(workflow["on"]).includes("pull_request_target")) {
    violations.push({
      rule: "no-pull-request-target",
      where: file,
      message: "runs on pull_request_target, with secrets, for code from forks",
    });
  }
  const jobs = isMapping(workflow["jobs"]) ? (workflow["jobs"] as Record<string, Job>) : {};
  const on = workflow["on"];
  const reusable = triggers(on).length === 1 && triggers(on)[0] === "workflow_call";
  const top = workflow["permissions"];
  if (Object.values(jobs).some((job) => takesCallerPermissions(job, reusable))) {
    if (top !== undefined)
      violations.push({
        rule: "top-permissions",
        where: file,
        message:
          "sets workflow-level permissions, which a job that takes its caller's would get instead",
      });
  } else if (!isMapping(top) || Object.keys(top).length > 0) {
    violations.push({
      rule: "top-permissions",
      where: file,
      message: "must set permissions: {} at the top and grant per job",
    });
  }
  if (readsSecrets(workflow["env"])) {
    violations.push({
      rule: "environment-secrets",
      where: file,
      message: "puts secrets in the workflow's env, where every job sees them",
    });
  }
  for (const [id, job] of Object.entries(jobs)) {
    const where = `${file} job ${id}`;
    violations.push(
      ...checkJobPermissions(job, where, reusable),
      ...checkIdToken(job, where),
      ...checkRunSteps(job.steps, where),
      ...checkCheckoutSteps(job.steps, where),
      ...checkSecrets(job, where),
      ...checkConcurrency(job, workflow["concurrency"], where),
    );
  }
  return violations;
}

/** action.yml: a composite action's steps follow the same pinning and run rules. */
export function checkActionManifest(text: string, file: string): Violation[] {
  const manifest = YAML.parse(text) as { runs?: { using?: string; steps?: Step[] } };
  return [
    ...checkPins(text, file),
    ...checkRunSteps(manifest.runs?.steps, file),
    ...checkCheckoutSteps(manifest.runs?.steps, file),
  ];
}

/**
 * Part of a workflow, as the docs show one: a list of steps, or one job (a mapping with
 * `steps:`). The step rules judge it, and a job's own permission rules when it is a job; the
 * rules that need the whole workflow (triggers, top permissions, concurrency) wait for one.
 */
export function checkFragment(text: string, file: string): Violation[] {
  const fragment = YAML.parse(text) as unknown;
  const job: Job = Array.isArray(fragment)
    ? { steps: fragment as Step[] }
    : isMapping(fragment)
      ? (fragment as Job)
      : {};
  return [
    ...checkPins(text, file),
    ...checkRunSteps(job.steps, file),
    ...checkCheckoutSteps(job.steps, file),
    ...(Array.isArray(fragment)
      ? []
      : [...checkJobPermissions(job, file, false), ...checkIdToken(job, file)]),
  ];
}
