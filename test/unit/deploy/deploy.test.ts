/**
 * The all-in-one deploy: a build that fails never reaches the infra repository, both halves'
 * inputs are checked before the first build, and the outputs are the union of both actions'.
 */
import { describe, expect, it } from "vitest";
import { toRunnable } from "../../../src/core/action.js";
import type { ActionResult } from "../../../src/core/action.js";
import { ConfigurationError } from "../../../src/core/errors.js";
import { MemoryLogger } from "../../../src/core/logger.js";
import { deployAction } from "../../../src/deploy/definition.js";
import type { DeploySteps } from "../../../src/deploy/main.js";
import { deploy } from "../../../src/deploy/main.js";
import { tempDir, testContext } from "../../helpers/run-context.js";

const IMAGES = JSON.stringify({ api: "registry.example.com/api@sha256:" + "a".repeat(64) });

function steps(build: ActionResult, land: ActionResult = { outputs: {} }) {
  const landed: string[] = [];
  const fake: DeploySteps = {
    build: () => Promise.resolve(build),
    land: (images) => {
      landed.push(images);
      return Promise.resolve(land);
    },
  };
  return { fake, landed };
}

describe("deploy", () => {
  it("lands exactly the images the build pushed and reports both halves", async () => {
    const { fake, landed } = steps(
      {
        outputs: { images: IMAGES, digests: "{}", tags: "{}", metadata: "{}" },
        summary: [{ kind: "paragraph", text: "built" }],
      },
      {
        outputs: { operation: "created", "pull-request-url": "https://example.com/pr/1" },
        summary: [{ kind: "paragraph", text: "landed" }],
      },
    );
    const result = await deploy(fake, new MemoryLogger());
    expect(landed).toEqual([IMAGES]);
    expect(result.outputs).toMatchObject({
      images: IMAGES,
      operation: "created",
      "pull-request-url": "https://example.com/pr/1",
    });
    expect(result.summary).toEqual([
      { kind: "paragraph", text: "built" },
      { kind: "paragraph", text: "landed" },
    ]);
    expect(result.failure).toBeUndefined();
  });

  it("never touches the infra repository when the build fails", async () => {
    const { fake, landed } = steps({
      outputs: { images: IMAGES },
      failure: "api is 900 MB, over max-size 500 MB.",
    });
    const result = await deploy(fake, new MemoryLogger());
    expect(landed).toEqual([]);
    expect(result.failure).toBe("api is 900 MB, over max-size 500 MB.");
    expect(result.outputs).toEqual({ images: IMAGES });
  });

  it("fails instead of opening an empty pull request when nothing was built", async () => {
    const { fake, landed } = steps({ outputs: { images: "{}" } });
    const result = await deploy(fake, new MemoryLogger());
    expect(landed).toEqual([]);
    expect(result.failure).toMatch(/no images/);
  });

  it("passes the landing's failure on", async () => {
    const { fake } = steps(
      { outputs: { images: IMAGES } },
      { outputs: { operation: "created" }, failure: "not merged in 30m" },
    );
    expect((await deploy(fake, new MemoryLogger())).failure).toBe("not merged in 30m");
  });

  describe("inputs", () => {
    const action = toRunnable(deployAction);
    // The services point at a directory that does not exist: reaching the build would fail
    // differently, so these errors prove the inputs were checked first.
    const base = {
      services: "api=missing-dir",
      engine: "buildah",
      repository: "acme/infra",
      file: "release.auto.tfvars.json",
    };

    it("rejects a bad landing input before building anything", async () => {
      const { context } = testContext(tempDir());
      const run = action.execute({ ...base, merge: "sideways" }, context);
      await expect(run).rejects.toBeInstanceOf(ConfigurationError);
      await expect(run).rejects.toThrow(/Input "merge"/);
    });

    it("masks the build secrets, the token and the App key before anything can print them", async () => {
      const { context } = testContext(tempDir());
      const secrets = {
        secrets: "npm_token=build-secret-value-1234",
        token: "ghp_infratokenvalue1234567890",
        "private-key": "-----BEGIN PRIVATE KEY-----abcdef1234567890",
      };
      await expect(
        action.execute({ ...base, ...secrets, merge: "sideways" }, context),
      ).rejects.toThrow(/Input "merge"/);
      for (const value of Object.values(secrets)) {
        expect(context.secrets.redact(`log line with ${value} in it`)).not.toContain(value);
      }
    });

    it("rejects a bad build input with the input's own name", async () => {
      const { context } = testContext(tempDir());
      await expect(action.execute({ ...base, engine: "podman" }, context)).rejects.toThrow(
        /Input "engine"/,
      );
    });
  });
});
