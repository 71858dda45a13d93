/**
 * Reads a .gitlab-ci.yml the way GitLab does for what the tests need: a job's `extends`
 * chain (merged hash by hash, the job's own keys winning) and the `variables`, `image`,
 * `before_script` and `script` that result. Runs a job's script the way GitLab's shell
 * executor does: the lines in order in one shell, stopping at the first failure.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import YAML from "yaml";

export interface GitlabJob {
  name: string;
  image?: string;
  stage?: string;
  beforeScript: string[];
  script: string[];
  rules: { if?: string; when?: string }[];
}

export interface GitlabPipeline {
  variables: Record<string, string>;
  stages: string[];
  jobs: Record<string, GitlabJob>;
}

type RawJob = Record<string, unknown> & { extends?: string | string[] };

const GLOBAL_KEYS = new Set(["variables", "stages", "default", "workflow", "include"]);

function resolve(raw: Record<string, RawJob>, name: string, seen: string[] = []): RawJob {
  if (seen.includes(name)) throw new Error(`extends loop: ${[...seen, name].join(" → ")}`);
  const job = raw[name];
  if (!job) throw new Error(`no job or template named ${name}`);
  const parents = job.extends === undefined ? [] : [job.extends].flat();
  const merged: RawJob = {};
  for (const parent of parents) Object.assign(merged, resolve(raw, parent, [...seen, name]));
  const { extends: _ignored, ...own } = job;
  return { ...merged, ...own };
}

const lines = (value: unknown): string[] =>
  value === undefined ? [] : [value].flat().map((line) => String(line));

export function readGitlabPipeline(path: string): GitlabPipeline {
  const doc = YAML.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  const raw = Object.fromEntries(
    Object.entries(doc).filter(([key]) => !GLOBAL_KEYS.has(key)),
  ) as Record<string, RawJob>;
  const jobs: Record<string, GitlabJob> = {};
  for (const name of Object.keys(raw)) {
    if (name.startsWith(".")) continue; // a hidden job: a template only
    const job = resolve(raw, name);
    jobs[name] = {
      name,
      ...(typeof job["image"] === "string" ? { image: job["image"] } : {}),
      ...(typeof job["stage"] === "string" ? { stage: job["stage"] } : {}),
      beforeScript: lines(job["before_script"]),
      script: lines(job["script"]),
      rules: (job["rules"] as GitlabJob["rules"] | undefined) ?? [],
    };
  }
  return {
    variables: Object.fromEntries(
      Object.entries((doc["variables"] as Record<string, unknown> | undefined) ?? {}).map(
        ([k, v]) => [k, String(v)],
      ),
    ),
    stages: lines(doc["stages"]),
    jobs,
  };
}

export interface ScriptResult {
  status: number | null;
  output: string;
}

/**
 * The job's script lines in one bash with `-e`, as GitLab's shell executor runs them.
 * Asynchronous: the servers the job talks to may run in this very process.
 */
export function runJobScript(
  job: GitlabJob,
  cwd: string,
  env: Record<string, string>,
): Promise<ScriptResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["-e", "-c", job.script.join("\n")], { cwd, env });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, output }));
  });
}
