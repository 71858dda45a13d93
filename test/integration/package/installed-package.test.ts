/**
 * Greenlight installed as a tool: the packed tarball installed into an empty directory
 * outside the repository, run from other working directories; then the GitLab CI example's
 * jobs, their commands taken from examples/gitlab-ci/.gitlab-ci.yml and run with GitLab's
 * variables against the GitHub sandbox, a real registry with Buildah, and loopback receivers.
 */
import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { packageRoot } from "../../../src/core/package-root.js";
import type { GitlabPipeline } from "../../helpers/gitlab-ci.js";
import { readGitlabPipeline, runJobScript } from "../../helpers/gitlab-ci.js";
import type { InstalledPackage } from "../../helpers/installed-package.js";
import { greenlight, packAndInstall } from "../../helpers/installed-package.js";
import type { TestRegistry } from "../../helpers/registry.js";
import { requireCommand, startRegistry, writeScratchProject } from "../../helpers/registry.js";
import { tempDir } from "../../helpers/run-context.js";
import type { TestSandbox } from "../../helpers/sandbox.js";
import { gitShow, startTestSandbox } from "../../helpers/sandbox.js";
import type { Receiver } from "../notify/receivers.js";
import { dingtalkReceiver } from "../notify/receivers.js";
import type { TestServer } from "../verify/servers.js";
import { sendJson, startServer } from "../verify/servers.js";

const repo = packageRoot();
const actionNames = readdirSync(join(repo, "actions"))
  .filter((name) => existsSync(join(repo, "actions", name, "action.yml")))
  .sort();

let installed: InstalledPackage;
beforeAll(() => {
  installed = packAndInstall();
});

describe("the packed package", () => {
  it("holds the command, its bundle, the action manifests and licences, and nothing else", () => {
    const allowed = [
      /^package\.json$/,
      /^README\.md$/,
      /^LICENSE$/,
      /^bin\/greenlight\.js$/,
      /^action\.yml$/,
      /^actions\/[^/]+\/action\.yml$/,
      /^dist\/cli\/[^/]+$/,
      /^dist\/hcl2json\.wasm\.gz$/,
    ];
    expect(installed.files.filter((file) => !allowed.some((re) => re.test(file)))).toEqual([]);
    for (const name of actionNames) expect(installed.files).toContain(`actions/${name}/action.yml`);
    expect(installed.files).toEqual(
      expect.arrayContaining(["dist/cli/index.js", "dist/cli/licenses.txt"]),
    );
    const manifest = JSON.parse(
      readFileSync(join(installed.root, "package.json"), "utf8"),
    ) as Record<string, unknown>;
    expect(manifest["private"]).toBeUndefined();
    expect(manifest["bin"]).toEqual({ greenlight: "bin/greenlight.js" });
    // The bundles are self-contained: installing pulls nothing else in.
    for (const field of ["dependencies", "optionalDependencies", "peerDependencies"])
      expect(manifest[field], field).toBeUndefined();
    expect(readdirSync(join(installed.prefix, "node_modules")).sort()).toEqual([
      ".bin",
      ".package-lock.json",
      "greenlight",
    ]);
    // A copy, not a link back into the repository.
    expect(realpathSync(installed.root).startsWith(realpathSync(repo))).toBe(false);
  });
});

describe("the installed command", () => {
  it("answers --help through npx and from any directory, listing every action", async () => {
    const viaNpx = execFileSync("npx", ["--offline", "greenlight", "--help"], {
      cwd: installed.prefix,
      env: { HOME: installed.prefix, PATH: installed.path, npm_config_update_notifier: "false" },
      encoding: "utf8",
    });
    const elsewhere = await greenlight(installed, ["--help"], tempDir());
    expect(elsewhere.status).toBe(0);
    expect(elsewhere.stdout).toBe(viaNpx);
    for (const name of actionNames) expect(viaNpx).toMatch(new RegExp(`^  ${name} `, "m"));
  });

  it("answers --help for every command, reading each action.yml from the package", async () => {
    const cwd = tempDir();
    const commands = [...actionNames, "deploy", "demo", "sandbox", "schema"];
    const results = await Promise.all(
      commands.map((command) => greenlight(installed, [command, "--help"], cwd)),
    );
    results.forEach((result, i) => {
      expect(result.status, `${commands[i]}: ${result.stderr}`).toBe(0);
      expect(result.stdout.length, commands[i]).toBeGreaterThan(0);
    });
    const schema = await greenlight(installed, ["schema"], cwd);
    expect(schema.status).toBe(0);
    expect(JSON.parse(schema.stdout)).toHaveProperty("properties.environments");
  });

  it("edits JSON and HCL release files with update-tfvars --json", async () => {
    const cwd = tempDir();
    writeFileSync(
      join(cwd, "release.auto.tfvars.json"),
      '{\n  "api_green_image": "r.example.com/api:1",\n  "api_blue_weight": 100,\n  "api_green_weight": 0\n}\n',
    );
    writeFileSync(
      join(cwd, "release.auto.tfvars"),
      'api_green_image  = "r.example.com/api:1"\napi_blue_weight  = 100\napi_green_weight = 0\n',
    );
    for (const file of ["release.auto.tfvars.json", "release.auto.tfvars"]) {
      const result = await greenlight(
        installed,
        [
          "update-tfvars",
          "--file",
          file,
          "--images",
          "api=r.example.com/api:2",
          "--weights",
          "25",
          "--json",
        ],
        cwd,
      );
      expect(result.status, result.stderr).toBe(0);
      const outputs = JSON.parse(result.stdout) as Record<string, string>;
      expect(outputs["changed"]).toBe("true");
      expect(JSON.parse(outputs["changes"]!)).toHaveLength(3);
    }
    expect(JSON.parse(readFileSync(join(cwd, "release.auto.tfvars.json"), "utf8"))).toEqual({
      api_green_image: "r.example.com/api:2",
      api_blue_weight: 75,
      api_green_weight: 25,
    });
    expect(readFileSync(join(cwd, "release.auto.tfvars"), "utf8")).toBe(
      'api_green_image  = "r.example.com/api:2"\napi_blue_weight  = 75\napi_green_weight = 25\n',
    );
  });

  it("verifies a loopback server from another working directory, and fails on a wrong answer", async () => {
    const server = await startServer((req, res) =>
      req.url === "/health"
        ? sendJson(res, 200, { status: "ok" })
        : sendJson(res, 503, { status: "down" }),
    );
    try {
      const cwd = tempDir();
      const ok = await greenlight(
        installed,
        ["verify", "--url", server.url("/health"), "--expect-json", '$.status == "ok"', "--json"],
        cwd,
      );
      expect(ok.status, ok.stderr).toBe(0);
      expect(JSON.parse(ok.stdout)).toMatchObject({ passed: "true", "failed-checks": "[]" });
      const down = await greenlight(
        installed,
        ["verify", "--url", server.url("/ready"), "--attempts", "1", "--json"],
        cwd,
      );
      expect(down.status).toBe(1);
      expect(JSON.parse(down.stdout)).toMatchObject({ passed: "false" });
    } finally {
      await server.close();
    }
  });
});

/** The GitLab example, run job by job as GitLab would, with GitLab CI's predefined variables. */
describe("the GitLab CI example", () => {
  const TFVARS = "envs/production/release.auto.tfvars.json";
  const STABLE = "registry.example.com/shop/api@sha256:" + "1".repeat(64);
  const DING_TOKEN = "ding-access-token-0123";
  const DING_SECRET = "SECding-secret-0123456789";
  const PIPELINE_URL = "https://gitlab.example.com/shop/api/-/pipelines/981";
  let pipeline: GitlabPipeline;
  let workspace: string;
  let sha: string;
  let sandbox: TestSandbox;
  let registry: TestRegistry;
  let ding: Receiver;
  let app: TestServer;
  let env: Record<string, string>;

  beforeAll(async () => {
    await requireCommand("buildah");
    pipeline = readGitlabPipeline(join(repo, "examples/gitlab-ci/.gitlab-ci.yml"));
    const root = tempDir("greenlight-gitlab-");
    registry = await startRegistry(join(root, "registry"), {
      user: { username: "ci", password: "registry-password-0123" },
    });
    sandbox = await startTestSandbox({
      repos: {
        "acme/infra": {
          [TFVARS]:
            JSON.stringify(
              {
                api_blue_image: STABLE,
                api_green_image: STABLE,
                api_blue_weight: 100,
                api_green_weight: 0,
                api_blue_desired_count: 2,
                api_green_desired_count: 0,
              },
              null,
              2,
            ) + "\n",
        },
      },
    });
    ding = await dingtalkReceiver(DING_SECRET, DING_TOKEN, () => Date.now());
    // The application's service, answering with the revision it runs.
    app = await startServer((_req, res) =>
      sendJson(res, 200, { status: "ok", revision: sha.slice(0, 8) }),
    );

    // The application repository as GitLab checks it out: a git work tree with its config.
    workspace = join(root, "shop-api");
    mkdirSync(join(workspace, ".github"), { recursive: true });
    writeScratchProject(workspace, ["api"]);
    writeFileSync(
      join(workspace, ".github", "greenlight.yml"),
      YAML.stringify({
        version: 1,
        environments: {
          production: {
            repository: "acme/infra",
            base: "main",
            tfvars: TFVARS,
            merge: "auto-merge",
            "allowed-registries": [registry.host],
            promotion: { steps: [10, 50, 100], "bake-time": "1s", "on-failure": "rollback" },
          },
        },
        services: {
          api: { image: `${registry.host}/shop/api`, target: "api", platforms: ["linux/amd64"] },
        },
      }),
    );
    const git = (...args: string[]) =>
      execFileSync("git", ["-C", workspace, ...args], { encoding: "utf8" }).trim();
    git("init", "--quiet", "--initial-branch=main");
    git("add", ".");
    git(
      "-c",
      "user.name=Alice",
      "-c",
      "user.email=alice@example.com",
      "commit",
      "--quiet",
      "-m",
      "api",
    );
    sha = git("rev-parse", "HEAD");

    const storage = join(root, "containers");
    writeFileSync(
      join(root, "storage.conf"),
      `[storage]\ndriver = "vfs"\ngraphroot = "${storage}/graph"\nrunroot = "${storage}/run"\n`,
    );
    env = {
      ...pipeline.variables,
      // GitLab CI's predefined variables for a push to the default branch.
      CI: "true",
      GITLAB_CI: "true",
      CI_PIPELINE_SOURCE: "push",
      CI_DEFAULT_BRANCH: "main",
      CI_PROJECT_DIR: workspace,
      CI_PROJECT_PATH: "shop/api",
      CI_PROJECT_URL: "https://gitlab.example.com/shop/api",
      CI_COMMIT_SHA: sha,
      CI_COMMIT_SHORT_SHA: sha.slice(0, 8),
      CI_COMMIT_BRANCH: "main",
      CI_COMMIT_REF_NAME: "main",
      GITLAB_USER_LOGIN: "alice",
      CI_PIPELINE_URL: PIPELINE_URL,
      CI_PIPELINE_CREATED_AT: new Date(Date.now() - 60_000).toISOString(),
      // The project's CI/CD variables, pointed at this machine's stand-ins.
      REGISTRY: registry.host,
      REGISTRY_TLS_VERIFY: "false",
      REGISTRY_USER: "ci",
      REGISTRY_PASSWORD: "registry-password-0123",
      GITHUB_TOKEN: "sandbox-token",
      GITHUB_API_URL: sandbox.sandbox.url,
      DINGTALK_WEBHOOK_URL: ding.url(`/robot/send?access_token=${DING_TOKEN}`),
      DINGTALK_SECRET: DING_SECRET,
      HEALTH_URL: app.url("/health"),
      // Any day, any hour: the example's office-hours window would make the test depend on the clock.
      DEPLOY_WINDOW: "{timezone: UTC, days: mon-sun}",
      // Buildah's storage and the registry login stay inside this test's directory.
      CONTAINERS_STORAGE_CONF: join(root, "storage.conf"),
      REGISTRY_AUTH_FILE: join(root, "auth.json"),
      HOME: root,
      PATH: installed.path,
    };
  });

  afterAll(async () => {
    await Promise.all([sandbox?.close(), registry?.stop(), ding?.close(), app?.close()]);
  });

  function dingtalkText(index: number): string {
    const body = ding.requests.filter((r) => !r.refused)[index]!.json as {
      markdown: { title: string; text: string };
    };
    return `${body.markdown.title}\n${body.markdown.text}`;
  }

  function job(name: string) {
    const found = pipeline.jobs[name];
    expect(found, `job ${name} in the example`).toBeDefined();
    return found!;
  }

  async function run(name: string, extra: Record<string, string> = {}) {
    const result = await runJobScript(job(name), workspace, { ...env, ...extra });
    expect(result.status, `${name}:\n${result.output}`).toBe(0);
    return result.output;
  }

  it("installs the package the docs name, at the pinned version", () => {
    const pkg = JSON.parse(readFileSync(join(repo, "package.json"), "utf8")) as {
      name: string;
      version: string;
    };
    expect(pipeline.variables["GREENLIGHT_VERSION"]).toBe(pkg.version);
    for (const name of ["preflight", "open-pr", "verify", "notify", "promote"])
      expect(job(name).beforeScript.join("\n")).toContain(`"${pkg.name}@\${GREENLIGHT_VERSION}"`);
  });

  it("runs preflight → build → open-pr → verify → notify, and a promote tick, with GitLab's facts in every message", async () => {
    await run("preflight");
    await run("build");
    const images = JSON.parse(
      (JSON.parse(readFileSync(join(workspace, "build.json"), "utf8")) as Record<string, string>)[
        "images"
      ]!,
    ) as Record<string, string>;
    expect(images["api"]).toMatch(new RegExp(`^${registry.host}/shop/api@sha256:[0-9a-f]{64}$`));

    await run("open-pr");
    const opened = JSON.parse(readFileSync(join(workspace, "open-pr.json"), "utf8")) as Record<
      string,
      string
    >;
    expect(opened["operation"]).toBe("merged");
    const infra = sandbox.repoPaths["acme/infra"]!;
    const released = JSON.parse(await gitShow(infra, `main:${TFVARS}`)) as Record<string, unknown>;
    expect(released["api_green_image"]).toBe(images["api"]);

    await run("verify");
    await run("notify");

    // The pull request and its merge commit name the GitLab commit, branch, pipeline and actor.
    const source = `Source: commit shop/api@${sha.slice(0, 7)} on branch main, pipeline ${PIPELINE_URL}, started by alice.`;
    const pull = await sandbox.octokit().rest.pulls.get({
      owner: "acme",
      repo: "infra",
      pull_number: Number(opened["pull-request-number"]),
    });
    expect(pull.data.body).toContain(
      source.replace(
        `shop/api@${sha.slice(0, 7)}`,
        `[shop/api@${sha.slice(0, 7)}](https://gitlab.example.com/shop/api/-/commit/${sha})`,
      ),
    );
    const mergeMessage = execFileSync(
      "git",
      ["--git-dir", infra, "log", "-1", "--format=%B", "main"],
      {
        encoding: "utf8",
      },
    );
    expect(mergeMessage).toContain(source);

    // DingTalk got one signed message carrying the same facts.
    expect(ding.requests.filter((r) => !r.refused)).toHaveLength(1);
    const deployed = dingtalkText(0);
    expect(deployed).toContain(`shop/api@${sha.slice(0, 7)} on main by alice`);
    for (const fact of [
      `- **Commit**: ${sha.slice(0, 7)}`,
      "- **Branch**: main",
      "- **Actor**: alice",
      `[Pipeline](${PIPELINE_URL})`,
      `[Pull request](${opened["pull-request-url"]!})`,
    ])
      expect(deployed).toContain(fact);

    // A scheduled pipeline: one promote tick moves green to the first step, then tells DingTalk.
    const schedule = { CI_PIPELINE_SOURCE: "schedule", GITLAB_USER_LOGIN: "scheduler" };
    await run("promote", schedule);
    const tick = JSON.parse(readFileSync(join(workspace, "promote.json"), "utf8")) as Record<
      string,
      string
    >;
    expect(tick["decision"]).toBe("advance");
    expect(JSON.parse(tick["weights"]!)).toEqual({ api: 10 });
    expect(tick["images"]).toBe(JSON.stringify({ api: images["api"] }));
    await run("notify-promotion", schedule);
    expect(ding.requests.filter((r) => !r.refused)).toHaveLength(2);
    const promotion = dingtalkText(1);
    for (const fact of [
      // The release the tick advanced, by its digest.
      `Promotion of api ${images["api"]!.split("@")[1]!} to production`,
      "- **Branch**: main",
      "- **Actor**: scheduler",
      `[Pipeline](${PIPELINE_URL})`,
    ])
      expect(promotion).toContain(fact);
  });
});
