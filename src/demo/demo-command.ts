/**
 * `greenlight demo` (`npm run demo`): the whole life of two releases, locally, with the same
 * code the actions run. A GitHub sandbox holds the infra repository; a small fleet stands in
 * for what Terraform deploys. A good release goes to green through a pull request, is
 * verified, promoted 10 → 50 → 100 on live measurements and finalized; a bad release is
 * caught by the metric gate and rolled back. It prints a timeline with the sandbox's PR
 * links and the evidence of each decision.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CliIo, CliRunner } from "../cli/io.js";
import type { EvidenceRecord } from "../promote/evidence.js";
import { DEFAULT_TOKEN, startSandbox } from "../sandbox/index.js";
import { DEMO_REPOSITORY, createDemoWorkspace, type DemoWorkspace } from "./demo-infra.js";
import { startDemoFleet, startTraffic, type DemoFleet } from "./demo-fleet.js";
import { demoImages, type DemoImages } from "./demo-images.js";

const BAKE_TIME = "2s";
const MAX_TICKS = 40;

export const DEMO_HELP = `greenlight demo — the life of a release, locally

Usage: greenlight demo [--keep] [--argocd]

Starts a local GitHub sandbox with an infra repository and a small demo service, then
deploys a good release (PR → merge → verify → promote 10 → 50 → 100 → finalize) and a bad
one (caught by the error-rate gate and rolled back), printing a timeline.

Options:
  --keep     keep the temporary directory (infra repository, workspace) for inspection
  --argocd   keep the release in Helm values in a GitOps repository laid out as an Argo CD
             team would (see examples/argocd), instead of a Terraform tfvars file
`;

interface Step {
  outputs: Record<string, string>;
  code: number;
  errors: string;
}

export async function demoCommand(argv: string[], io: CliIo, runCli: CliRunner): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.stdout(DEMO_HELP);
    return 0;
  }
  const unknown = argv.filter((a) => a !== "--keep" && a !== "--argocd");
  if (unknown.length > 0) {
    io.stderr(
      `Unknown argument "${unknown[0]}" for greenlight demo; the options are --keep and --argocd.\n`,
    );
    return 2;
  }
  const layout = argv.includes("--argocd") ? "argocd" : "terraform";
  const started = Date.now();
  const line = (what: string, text: string) =>
    io.stdout(
      `[${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s] ${what.padEnd(9)} ${text}\n`,
    );

  const scratch = mkdtempSync(join(tmpdir(), "greenlight-demo-images-"));
  const images = await demoImages(scratch, io, runCli);
  const fleet = await startDemoFleet({
    failingVersions: ["1.2.0"],
    windowMs: 1_500,
    versionOf: images.versionOf,
  });
  const stable = await images.imageFor("1.0.0");
  const workspace = createDemoWorkspace(stable, {
    fleetUrl: fleet.url,
    bakeTime: BAKE_TIME,
    layout,
  });
  const sandbox = await startSandbox({ repos: { [DEMO_REPOSITORY]: workspace.bare } });
  const traffic = startTraffic(fleet.url, 200);
  const env = {
    ...io.env,
    GITHUB_TOKEN: DEFAULT_TOKEN,
    GITHUB_API_URL: sandbox.url,
    GITHUB_GRAPHQL_URL: sandbox.graphqlUrl,
  };
  const cli = async (args: string[]): Promise<Step> => {
    let out = "";
    let errors = "";
    const code = await runCli([...args, "--json"], {
      ...io,
      env,
      cwd: workspace.app,
      stdout: (t) => (out += t),
      stderr: (t) => (errors += t),
    });
    const outputs = out.trim() ? (JSON.parse(out) as Record<string, string>) : {};
    return { outputs, code, errors };
  };

  try {
    applyFromMain(workspace, fleet);
    line(
      "infra",
      `GitHub sandbox at ${sandbox.url}; ${DEMO_REPOSITORY} holds the production release file (${layout === "argocd" ? "Helm values synced by Argo CD" : "Terraform variables"})`,
    );
    line("fleet", `demo service at ${fleet.url}: ${describe(fleet, images)}`);
    line("images", images.description);

    const good = await release("1.1.0", "finalize");
    const bad = await release("1.2.0", "rollback");
    const ok = good && bad;
    line(
      ok ? "done" : "FAILED",
      ok
        ? "1.1.0 finalized and stable; 1.2.0 caught by the error-rate gate and rolled back"
        : "the demo did not reach its expected end",
    );
    return ok ? 0 : 1;
  } finally {
    traffic.stop();
    await sandbox.close();
    await fleet.close();
    await images.close();
    if (argv.includes("--keep")) io.stdout(`kept ${workspace.root} and ${scratch}\n`);
    else for (const dir of [workspace.root, scratch]) rmSync(dir, { recursive: true, force: true });
  }

  async function release(version: string, expectedEnd: "finalize" | "rollback"): Promise<boolean> {
    io.stdout("\n");
    const image = await images.imageFor(version);
    line("image", `api ${version}: ${image}`);
    const deploy = await cli([
      "open-pr",
      "--environment",
      "production",
      "--images",
      `api=${image}`,
      "--title",
      `Deploy api ${version} to green`,
    ]);
    if (deploy.code !== 0) return fail("deploy", deploy);
    const number = deploy.outputs["pull-request-number"];
    line(
      "deploy",
      `api ${version} → green: ${deploy.outputs["operation"]} PR #${number} ${deploy.outputs["pull-request-url"]}`,
    );
    const merge = await fetch(`${sandbox.url}/repos/${DEMO_REPOSITORY}/pulls/${number}/merge`, {
      method: "PUT",
      headers: { authorization: `token ${DEFAULT_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ merge_method: "squash" }),
    });
    const merged = (await merge.json()) as { sha?: string; message?: string };
    if (!merge.ok) {
      line("merge", `FAILED: ${merged.message ?? merge.status}`);
      return false;
    }
    line("merge", `PR #${number} merged by a reviewer (${merged.sha?.slice(0, 7)})`);
    applyFromMain(workspace, fleet);
    line("apply", describe(fleet, images));

    const verify = await cli([
      "verify",
      "--url",
      `${fleet.url}/green/health`,
      "--expect-version",
      version,
      "--attempts",
      "5",
      "--interval",
      "500ms",
    ]);
    line(
      "verify",
      verify.code === 0
        ? `green answers version ${version}: passed`
        : `FAILED: ${lastLine(verify.errors)}`,
    );
    if (verify.code !== 0) return false;

    for (let tick = 1; tick <= MAX_TICKS; tick++) {
      const step = await cli(["promote", "--environment", "production"]);
      if (step.code === 2) return fail("promote", step);
      const decision = step.outputs["decision"] ?? "error";
      applyFromMain(workspace, fleet);
      if (decision !== "wait") {
        line("promote", `${decision}: ${evidenceOf(step.outputs["evidence"])}`);
        line("apply", describe(fleet, images));
      }
      if (decision === "finalize" || decision === "rollback" || decision === "idle")
        return decision === expectedEnd;
      if (decision === "hold" && step.code !== 0) return fail("promote", step);
      await new Promise((resolve) => setTimeout(resolve, 700));
    }
    line("promote", `no end after ${MAX_TICKS} ticks`);
    return false;
  }

  function fail(what: string, step: Step): false {
    line(what, `FAILED (exit ${step.code}): ${lastLine(step.errors)}`);
    return false;
  }
}

function lastLine(text: string): string {
  return (
    text
      .trim()
      .split("\n")
      .filter((l) => l.startsWith("error:"))
      .at(-1) ??
    text.trim().split("\n").at(-1) ??
    ""
  );
}

/** "Terraform apply" after a change reached main: the fleet takes the release file's values. */
function applyFromMain(workspace: DemoWorkspace, fleet: DemoFleet): void {
  const r = workspace.releaseOnMain();
  fleet.apply({
    blueImage: String(r.api_blue_image),
    greenImage: String(r.api_green_image),
    blueWeight: Number(r.api_blue_weight),
    greenWeight: Number(r.api_green_weight),
    blueCount: Number(r.api_blue_desired_count),
    greenCount: Number(r.api_green_desired_count),
  });
}

function describe(fleet: DemoFleet, images: DemoImages): string {
  const s = fleet.current();
  if (!s) return "nothing deployed";
  const side = (name: string, image: string, weight: number, count: number) =>
    `${name} ${images.versionOf(image)} ${weight}% ×${count}`;
  return `${side("blue", s.blueImage, s.blueWeight, s.blueCount)} · ${side("green", s.greenImage, s.greenWeight, s.greenCount)}`;
}

function evidenceOf(json: string | undefined): string {
  if (!json) return "";
  try {
    const evidence = JSON.parse(json) as EvidenceRecord;
    const analyses = evidence.analyses
      .map((a) => `${a.name} ${a.measured} (threshold ${a.threshold}) ${a.verdict}`)
      .join("; ");
    return `${evidence.reason}${analyses ? ` — ${analyses}` : ""}`;
  } catch {
    return json;
  }
}
