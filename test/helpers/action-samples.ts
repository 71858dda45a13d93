/**
 * One sample invocation per action: inputs that make the action run to the end and write
 * its outputs. The manifest test runs each, so an action that writes an output its
 * action.yml does not declare (or declares one it never writes) fails.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { startSandbox } from "../../src/sandbox/index.js";
import { buildahInputs, removeDir, startRegistry, writeScratchProject } from "./registry.js";
import { createBareRepo } from "./sandbox.js";
import { backupSample, restoreSample } from "./backup-samples.js";
import { migrateSample } from "./migrate-samples.js";
import { listenOnLoopback } from "./ports.js";

export type Sample = (dir: string) => Promise<{
  inputs: Record<string, string>;
  cleanup?: () => Promise<void>;
}>;

export const actionSamples: Record<string, Sample> = {
  "update-tfvars": async (dir) => {
    writeFileSync(
      join(dir, "release.auto.tfvars.json"),
      JSON.stringify(
        {
          api_green_image: "registry.example.com/api:1.0.0",
          api_blue_weight: 100,
          api_green_weight: 0,
        },
        null,
        2,
      ) + "\n",
    );
    return {
      inputs: {
        file: "release.auto.tfvars.json",
        images: "api=registry.example.com/api:1.1.0",
        weights: "10",
      },
    };
  },
  // A one-file change landed as a pull request in the local GitHub sandbox.
  "open-pr": async (dir) => {
    const { file, sandbox } = await infraSandbox(dir);
    return {
      inputs: {
        repository: "acme/infra",
        file,
        images: "api=registry.example.com/api:1.1.0",
        token: "sandbox-token",
        "github-api-url": sandbox.url,
      },
      cleanup: () => sandbox.close(),
    };
  },
  notify: async () => {
    const server = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        res.writeHead(200, { "content-type": "text/plain" });
        res.end("ok");
      });
    });
    await listenOnLoopback(server);
    const { port } = server.address() as AddressInfo;
    return {
      inputs: {
        status: "success",
        environment: "production",
        services: "api",
        version: "1.4.2",
        "webhook-url": `http://127.0.0.1:${port}/hooks/deploys`,
        "webhook-secret": "sample-signing-secret",
      },
      cleanup: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  },
  preflight: async (dir) => {
    writeFileSync(
      join(dir, ".env.production"),
      "DATABASE_URL=postgres://app:pw@db.internal:5432/app\nLOG_LEVEL=info\n",
    );
    writeFileSync(join(dir, "app.ts"), "export const answer = 42;\n");
    return {
      inputs: {
        "env-file": ".env.production",
        "env-schema":
          "{DATABASE_URL: postgres-url, LOG_LEVEL: {values: [debug, info, warn, error]}}",
        "deploy-window": "{timezone: UTC}",
        "secret-scan": "tree",
      },
    };
  },
  verify: async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ status: "ok", version: "1.4.2" }));
    });
    await listenOnLoopback(server);
    const { port } = server.address() as AddressInfo;
    return {
      inputs: { url: `http://127.0.0.1:${port}/health`, "expect-version": "1.4.2" },
      cleanup: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  },
  // build-push's real Buildah build, then open-pr's pull request in the local GitHub sandbox.
  deploy: async (dir) => {
    mkdirSync(join(dir, "app"));
    writeScratchProject(join(dir, "app"), ["api"]);
    const registry = await startRegistry(join(dir, "registry"));
    const { file, sandbox } = await infraSandbox(dir);
    return {
      inputs: {
        services: "api=app#api",
        registry: registry.host,
        tags: "sample",
        ...buildahInputs(join(dir, "storage")),
        repository: "acme/infra",
        file,
        token: "sandbox-token",
        "github-api-url": sandbox.url,
      },
      cleanup: async () => {
        await sandbox.close();
        await registry.stop();
        removeDir(join(dir, "storage"));
      },
    };
  },
  // A real Buildah build of a FROM scratch image pushed to a real registry on loopback.
  "build-push": async (dir) => {
    mkdirSync(join(dir, "app"));
    writeScratchProject(join(dir, "app"), ["api"]);
    const registry = await startRegistry(join(dir, "registry"));
    return {
      inputs: {
        services: "api=app#api",
        registry: registry.host,
        tags: "sample",
        ...buildahInputs(join(dir, "storage")),
      },
      cleanup: async () => {
        await registry.stop();
        removeDir(join(dir, "storage"));
      },
    };
  },
  backup: backupSample,
  restore: restoreSample,
  migrate: migrateSample,
  // A deployed candidate in the local GitHub sandbox: the tick advances it to its first step.
  promote: (dir) => releaseSandboxSample(dir, { environment: "qa", merge: "direct" }),
  rollback: (dir) =>
    releaseSandboxSample(dir, { environment: "qa", merge: "direct", reason: "sample rollback" }),
};

/** An infra repository with a QA release file, served as acme/infra by the local GitHub sandbox. */
async function infraSandbox(dir: string) {
  const file = "envs/qa/release.auto.tfvars.json";
  const bare = join(dir, "infra.git");
  await createBareRepo(bare, {
    [file]:
      JSON.stringify(
        {
          api_green_image: "registry.example.com/api:1.0.0",
          api_blue_weight: 100,
          api_green_weight: 0,
        },
        null,
        2,
      ) + "\n",
  });
  return { file, sandbox: await startSandbox({ repos: { "acme/infra": bare } }) };
}

async function releaseSandboxSample(dir: string, inputs: Record<string, string>) {
  const file = "envs/qa/release.auto.tfvars.json";
  const bare = join(dir, "release-infra.git");
  await createBareRepo(bare, {
    [file]:
      JSON.stringify(
        {
          api_blue_image: "registry.example.com/api:1.0.0",
          api_green_image: "registry.example.com/api:1.1.0",
          api_blue_weight: 100,
          api_green_weight: 0,
        },
        null,
        2,
      ) + "\n",
  });
  const sandbox = await startSandbox({ repos: { "acme/infra": bare } });
  return {
    inputs: {
      repository: "acme/infra",
      file,
      token: "sandbox-token",
      "github-api-url": sandbox.url,
      ...inputs,
    },
    cleanup: () => sandbox.close(),
  };
}
