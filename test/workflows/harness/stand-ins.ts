/**
 * The one table of stand-ins: what the harness runs instead of third-party actions and of
 * the CLIs a hosted runner has (docker, aws) but this machine does not. Each stand-in
 * records what it was asked, so a test can assert it was used (or not).
 */
import { execFile } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface StandInCall {
  /** The action (owner/name) or CLI. */
  name: string;
  job: string;
  inputs: Record<string, string>;
}

export interface StandInContext {
  job: string;
  workspace: string;
  inputs: Record<string, string>;
  /** The application repository the checkout stand-in clones, and the commit. */
  appRepo: string;
  sha: string;
  /** The job's GITHUB_TOKEN permissions. */
  permissions: Record<string, string>;
}

type ActionStandIn = (context: StandInContext) => Promise<Record<string, string>>;

async function checkout({ workspace, inputs, appRepo, sha }: StandInContext) {
  const target = join(workspace, inputs["path"] ?? "");
  mkdirSync(target, { recursive: true });
  await run("git", ["clone", "--quiet", "--no-checkout", appRepo, target]);
  await run("git", ["-C", target, "checkout", "--quiet", "--detach", sha]);
  return { ref: sha, commit: sha };
}

const recordedNoOp: ActionStandIn = () => Promise.resolve({});

/**
 * A recorded no-op, except that assuming a role needs the job's OIDC token: without
 * `id-token: write` the runner gives no ACTIONS_ID_TOKEN_REQUEST_URL and the real action
 * fails with this sentence.
 */
function configureAwsCredentials({ inputs, permissions }: StandInContext) {
  if (inputs["role-to-assume"] && permissions["id-token"] !== "write")
    return Promise.reject(
      new Error(
        "It looks like you might be trying to authenticate with OIDC. Did you mean to set the `id-token` permission?",
      ),
    );
  return Promise.resolve({});
}

/** Third-party actions by owner/name (the ref is ignored: the workflows pin it). */
export const ACTION_STAND_INS: Record<string, ActionStandIn> = {
  // A local clone of the application repository at the run's commit.
  "actions/checkout": checkout,
  // Recorded no-ops (no cloud, no Docker engine here); AWS asks for the OIDC grant.
  "aws-actions/configure-aws-credentials": configureAwsCredentials,
  "docker/setup-buildx-action": recordedNoOp,
  "docker/setup-qemu-action": recordedNoOp,
  "actions/setup-node": recordedNoOp,
};

/**
 * CLIs that run: steps call, as scripts on PATH that append their argv to calls.log. docker
 * answers like a runner without a Docker engine for everything but login/logout (so
 * build-push's `engine: auto` picks Buildah); aws prints a made-up ECR password.
 */
export const CLI_STAND_INS: Record<string, string> = {
  docker: [
    'case "$1" in',
    '  login) cat >/dev/null; echo "Login Succeeded" ;;',
    '  logout) echo "Removing login credentials" ;;',
    '  *) echo "Cannot connect to the Docker daemon" >&2; exit 1 ;;',
    "esac",
  ].join("\n"),
  aws: 'if [ "$1 $2" = "ecr get-login-password" ]; then echo "ecr-password-from-stand-in"; else exit 1; fi',
};

/** Writes the CLI stand-ins into `dir` (put first on PATH); calls go to dir/calls.log. */
export function writeCliStandIns(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const log = join(dir, "calls.log");
  writeFileSync(log, "");
  for (const [name, body] of Object.entries(CLI_STAND_INS)) {
    const script = join(dir, name);
    writeFileSync(
      script,
      `#!/bin/bash\nprintf '%s\\n' "${name} $*" >> ${JSON.stringify(log)}\n${body}\n`,
    );
    chmodSync(script, 0o755);
  }
  return log;
}
