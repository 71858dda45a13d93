/**
 * One job on a fresh runner: its steps in order with their `if:`s, `run:` steps in bash,
 * Greenlight's actions from dist/ as the runner runs a node action (INPUT_* variables with
 * hyphens kept, GITHUB_OUTPUT/GITHUB_STATE/GITHUB_ENV/GITHUB_STEP_SUMMARY files, post steps
 * in reverse order), third-party actions through the stand-in table.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Job, Step } from "@actions/workflow-parser/model/workflow-template";
import type { TemplateToken } from "@actions/workflow-parser/templates/tokens/template-token";
import type { Contexts, Json } from "./expressions.js";
import { asString, evaluateExpression, evaluateToken, isTruthy } from "./expressions.js";
import { readFileCommands } from "./file-commands.js";
import { child, greenlightActionDir, loadAction, repoRoot, WorkflowError } from "./load.js";
import type { Permissions } from "./permissions.js";
import type { StandInCall } from "./stand-ins.js";
import { ACTION_STAND_INS } from "./stand-ins.js";

export type Result = "success" | "failure" | "skipped";

export interface StepRecord {
  id: string;
  uses?: string;
  outcome: Result;
  conclusion: Result;
  inputs?: Record<string, string>;
  log: string;
}

export interface JobRecord {
  name: string;
  result: Result;
  outputs: Record<string, string>;
  environment?: string;
  steps: StepRecord[];
  summary: string;
}

export interface Runner {
  /** Variables every process on the runner sees (PATH, HOME, proxies, tool settings). */
  env: Record<string, string>;
  node: string;
  appRepo: string;
  sha: string;
  tempRoot: string;
  standIns: StandInCall[];
  stepTimeoutMs: number;
}

interface StepState {
  outputs: Record<string, string>;
  outcome: Result;
  conclusion: Result;
}

interface PostStep {
  id: string;
  main: string;
  inputs: Record<string, string>;
  state: Record<string, string>;
  postIf: string;
}

const NODE_VERSIONS = new Set(["node20", "node24"]);

function inputVariable(name: string): string {
  // As @actions/core reads them: spaces become underscores, hyphens stay.
  return `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;
}

function execute(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string>; timeoutMs: number },
): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    const proc = spawn(command, args, { cwd: options.cwd, env: options.env });
    let output = "";
    proc.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    proc.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => proc.kill("SIGKILL"), options.timeoutMs);
    proc.on("close", (code) => {
      clearTimeout(timer);
      done({ code: code ?? 1, output });
    });
    proc.on("error", (error) => {
      clearTimeout(timer);
      done({ code: 1, output: `${output}${error.message}\n` });
    });
  });
}

export interface JobInput {
  /** Display name, e.g. "qa / build". */
  name: string;
  job: Job;
  /** The job's raw mapping, for what the converted model leaves out (a step's `with`). */
  raw: TemplateToken | undefined;
  /** github, inputs, vars, secrets, needs, runner (and env from the workflow). */
  contexts: Contexts;
  workflowEnv: Record<string, string>;
  environment: string | undefined;
  /** The GITHUB_TOKEN permissions the job runs with. */
  permissions: Permissions;
}

/** Runs one job whose `if:` already passed. */
export async function runJob(runner: Runner, input: JobInput): Promise<JobRecord> {
  const dir = join(runner.tempRoot, input.name.replace(/[^a-z0-9-]+/gi, "_") + `-${Date.now()}`);
  const workspace = join(dir, "workspace");
  const temp = join(dir, "temp");
  mkdirSync(workspace, { recursive: true });
  mkdirSync(temp, { recursive: true });
  // The runner gives each step an empty summary file and appends it to the job's summary.
  const summaryFile = join(temp, "step_summary");
  let summary = "";
  const envFile = join(temp, "env");
  writeFileSync(envFile, "");
  const runnerContext = {
    os: "Linux",
    arch: "X64",
    temp,
    name: "harness",
    environment: "self-hosted",
  };
  const github: Record<string, Json> = {
    ...(input.contexts["github"] as Record<string, Json>),
    workspace,
    job: input.job.id.value,
  };
  const base: Contexts = { ...input.contexts, github, runner: runnerContext };

  const status = { succeeded: true };
  const jobEnv: Record<string, string> = { ...input.workflowEnv };
  if (input.job.env)
    for (const [k, v] of Object.entries(
      evaluateToken(input.job.env, { ...base, env: jobEnv }, status) as Record<string, Json>,
    ))
      jobEnv[k] = asString(v);

  const steps: Record<string, StepState> = {};
  const records: StepRecord[] = [];
  const posts: PostStep[] = [];
  const rawSteps = child(input.raw, "steps");

  const processEnv = (extra: Record<string, string>, stepEnv: Record<string, string>) => ({
    ...runner.env,
    ...jobEnv,
    ...readFileCommands(envFile),
    ...stepEnv,
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: asString(github["repository"] ?? ""),
    GITHUB_REPOSITORY_OWNER: asString(github["repository_owner"] ?? ""),
    GITHUB_SHA: asString(github["sha"] ?? ""),
    GITHUB_REF: asString(github["ref"] ?? ""),
    GITHUB_EVENT_NAME: asString(github["event_name"] ?? ""),
    GITHUB_ACTOR: asString(github["actor"] ?? ""),
    GITHUB_RUN_ID: asString(github["run_id"] ?? ""),
    GITHUB_RUN_ATTEMPT: "1",
    GITHUB_SERVER_URL: asString(github["server_url"] ?? ""),
    GITHUB_API_URL: asString(github["api_url"] ?? ""),
    GITHUB_GRAPHQL_URL: asString(github["graphql_url"] ?? ""),
    GITHUB_JOB: input.job.id.value,
    GITHUB_ENV: envFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: temp,
    RUNNER_OS: "Linux",
    ...extra,
  });

  const runNode = async (
    id: string,
    script: string,
    inputs: Record<string, string>,
    stepEnv: Record<string, string>,
    state: Record<string, string>,
  ) => {
    const outputFile = join(temp, `output-${id}-${records.length}`);
    const stateFile = join(temp, `state-${id}-${records.length}`);
    writeFileSync(outputFile, "");
    writeFileSync(stateFile, "");
    const env = processEnv(
      {
        GITHUB_OUTPUT: outputFile,
        GITHUB_STATE: stateFile,
        GITHUB_ACTION: id,
        ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [inputVariable(k), v])),
        ...Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v])),
      },
      stepEnv,
    );
    const { code, output } = await execute(runner.node, [script], {
      cwd: workspace,
      env,
      timeoutMs: runner.stepTimeoutMs,
    });
    return {
      code,
      output,
      outputs: readFileCommands(outputFile),
      state: readFileCommands(stateFile),
    };
  };

  for (const [index, step] of input.job.steps.entries()) {
    const rawStep =
      rawSteps && "get" in rawSteps
        ? (rawSteps as unknown as { get(i: number): TemplateToken }).get(index)
        : undefined;
    writeFileSync(summaryFile, "");
    const record = await runStep(step, rawStep);
    summary += readFileSync(summaryFile, "utf8");
    if (record) records.push(record);
  }

  async function runStep(
    step: Step,
    rawStep: TemplateToken | undefined,
  ): Promise<StepRecord | undefined> {
    if (!("if" in step) || !("uses" in step || "run" in step))
      throw new WorkflowError(`${input.name}: step ${step.id} is a kind the harness does not run.`);
    const contexts: Contexts = {
      ...base,
      steps: steps as unknown as Json,
      job: { status: status.succeeded ? "success" : "failure" },
      env: { ...jobEnv, ...readFileCommands(envFile) },
    };
    const id = step.id;
    if (!isTruthy(evaluateToken(step.if, contexts, status))) {
      steps[id] = { outputs: {}, outcome: "skipped", conclusion: "skipped" };
      return {
        id,
        outcome: "skipped",
        conclusion: "skipped",
        log: "",
        ...("uses" in step ? { uses: step.uses.value } : {}),
      };
    }
    const stepEnv: Record<string, string> = {};
    if (step.env)
      for (const [k, v] of Object.entries(
        evaluateToken(step.env, contexts, status) as Record<string, Json>,
      ))
        stepEnv[k] = asString(v);
    const withToken = child(rawStep, "with");
    const given: Record<string, string> = {};
    if (withToken)
      for (const [k, v] of Object.entries(
        evaluateToken(
          withToken,
          { ...contexts, env: { ...(contexts["env"] as Record<string, Json>), ...stepEnv } },
          status,
        ) as Record<string, Json>,
      ))
        given[k] = asString(v);

    let code = 0;
    let log = "";
    let outputs: Record<string, string> = {};
    if ("run" in step) {
      const script = asString(evaluateToken(step.run, contexts, status));
      const file = join(temp, `run-${id}-${records.length}.sh`);
      writeFileSync(file, script);
      const outputFile = join(temp, `output-${id}-${records.length}`);
      writeFileSync(outputFile, "");
      ({ code, output: log } = await execute(
        "bash",
        ["--noprofile", "--norc", "-eo", "pipefail", file],
        {
          cwd: workspace,
          env: processEnv({ GITHUB_OUTPUT: outputFile }, stepEnv),
          timeoutMs: runner.stepTimeoutMs,
        },
      ));
      outputs = readFileCommands(outputFile);
    } else {
      const uses = step.uses.value;
      const actionDir =
        greenlightActionDir(uses) ?? (uses.startsWith("./") ? resolve(repoRoot, uses) : undefined);
      if (actionDir) {
        const action = loadAction(actionDir);
        const runs = action.template.runs;
        if (!("main" in runs) || !NODE_VERSIONS.has(runs.using))
          throw new WorkflowError(`${uses}: the harness runs node actions only.`);
        const inputs: Record<string, string> = {};
        for (const definition of action.template.inputs ?? []) {
          if (definition.id in given) inputs[definition.id] = given[definition.id]!;
          else if (definition.default !== undefined)
            inputs[definition.id] = asString(evaluateToken(definition.default, contexts, status));
        }
        for (const name of Object.keys(given))
          if (!(action.template.inputs ?? []).some((d) => d.id === name))
            throw new WorkflowError(`${input.name}: ${uses} has no input ${name}.`);
        const main = resolve(actionDir, runs.main);
        if (!existsSync(main))
          throw new WorkflowError(`${main} is missing: run npm run build first.`);
        const result = await runNode(id, main, inputs, stepEnv, {});
        ({ code, outputs } = result);
        log = result.output;
        if (runs.post)
          posts.push({
            id,
            main: resolve(actionDir, runs.post),
            inputs,
            state: result.state,
            postIf: runs.postIf ?? "always()",
          });
        const record = finish();
        record.uses = uses;
        record.inputs = inputs;
        return record;
      }
      const standIn = ACTION_STAND_INS[uses.replace(/@.*$/, "").split("/").slice(0, 2).join("/")];
      if (!standIn)
        throw new WorkflowError(`${input.name}: no stand-in for ${uses}; add one to stand-ins.ts.`);
      runner.standIns.push({ name: uses.replace(/@.*$/, ""), job: input.name, inputs: given });
      // A stand-in that rejects fails its step with the action's message, as the real one would.
      try {
        outputs = await standIn({
          job: input.name,
          workspace,
          inputs: given,
          appRepo: runner.appRepo,
          sha: runner.sha,
          permissions: input.permissions,
        });
      } catch (error) {
        code = 1;
        log = `::error::${(error as Error).message}`;
      }
    }
    const record = finish();
    if ("uses" in step) {
      record.uses = step.uses.value;
      record.inputs = given;
    }
    return record;

    function finish(): StepRecord {
      const outcome: Result = code === 0 ? "success" : "failure";
      const continueOnError = step["continue-on-error"];
      const tolerated =
        continueOnError !== undefined &&
        (typeof continueOnError === "boolean"
          ? continueOnError
          : isTruthy(evaluateToken(continueOnError, contexts, status)));
      const conclusion: Result = outcome === "failure" && tolerated ? "success" : outcome;
      if (conclusion === "failure") status.succeeded = false;
      steps[id] = { outputs, outcome, conclusion };
      return { id, outcome, conclusion, log };
    }
  }

  for (const post of posts.reverse()) {
    const contexts: Contexts = {
      ...base,
      job: { status: status.succeeded ? "success" : "failure" },
      steps: steps as unknown as Json,
    };
    if (!isTruthy(evaluateExpression(post.postIf, contexts, status))) continue;
    const result = await runNode(`post-${post.id}`, post.main, post.inputs, {}, post.state);
    records.push({
      id: `post ${post.id}`,
      outcome: result.code === 0 ? "success" : "failure",
      conclusion: result.code === 0 ? "success" : "failure",
      log: result.output,
    });
    if (result.code !== 0) status.succeeded = false;
  }

  const outputs: Record<string, string> = {};
  if (input.job.outputs) {
    const contexts: Contexts = {
      ...base,
      steps: steps as unknown as Json,
      job: { status: "success" },
    };
    for (const [k, v] of Object.entries(
      evaluateToken(input.job.outputs, contexts, status) as Record<string, Json>,
    ))
      outputs[k] = asString(v);
  }
  return {
    name: input.name,
    result: status.succeeded ? "success" : "failure",
    outputs,
    ...(input.environment ? { environment: input.environment } : {}),
    steps: records,
    summary,
  };
}
