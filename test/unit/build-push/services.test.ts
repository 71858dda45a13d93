import { describe, expect, it } from "vitest";
import { buildPushAction } from "../../../src/build-push/definition.js";
import { parseServicesInput, resolveServices } from "../../../src/build-push/services.js";
import { ConfigurationError } from "../../../src/core/errors.js";
import { parseInputs } from "../../../src/core/inputs.js";

const defaults = {
  registry: "123456789012.dkr.ecr.eu-west-1.amazonaws.com",
  context: ".",
  dockerfile: "Dockerfile",
  platforms: ["linux/amd64"],
  buildArgs: { COMMON: "1" },
};

describe("the services input", () => {
  it("reads one line per service: name=context[:dockerfile][#target]", () => {
    const services = resolveServices(
      parseServicesInput("api=.#api\n# comment\nworker=services/worker:Dockerfile.worker\nweb"),
      defaults,
    );
    expect(services).toEqual([
      {
        name: "api",
        repository: `${defaults.registry}/api`,
        context: ".",
        dockerfile: "Dockerfile",
        target: "api",
        platforms: ["linux/amd64"],
        buildArgs: { COMMON: "1" },
      },
      {
        name: "worker",
        repository: `${defaults.registry}/worker`,
        context: "services/worker",
        dockerfile: "services/worker/Dockerfile.worker",
        platforms: ["linux/amd64"],
        buildArgs: { COMMON: "1" },
      },
      {
        name: "web",
        repository: `${defaults.registry}/web`,
        context: ".",
        dockerfile: "Dockerfile",
        platforms: ["linux/amd64"],
        buildArgs: { COMMON: "1" },
      },
    ]);
  });

  it("reads a YAML map with the config file's fields; a service's settings win over the defaults", () => {
    const text = [
      "api:",
      "  image: shop/api",
      "  target: api",
      "  platforms: linux/amd64, linux/arm64/v8",
      "  build-args: { NODE_VERSION: 24, COMMON: 2 }",
      "worker:",
      "  image: ghcr.io/acme/worker",
    ].join("\n");
    const [api, worker] = resolveServices(parseServicesInput(text), defaults);
    expect(api).toMatchObject({
      repository: `${defaults.registry}/shop/api`,
      target: "api",
      platforms: ["linux/amd64", "linux/arm64"],
      buildArgs: { COMMON: "2", NODE_VERSION: "24" },
    });
    expect(worker!.repository).toBe("ghcr.io/acme/worker");
  });

  it("reads a JSON list of named services", () => {
    const services = parseServicesInput('[{"name": "api", "target": "api"}, {"name": "worker"}]');
    expect([...services.keys()]).toEqual(["api", "worker"]);
  });

  it.each([
    [
      "api:\n  targt: api",
      'Service "api" has the unknown field "targt"; known fields are image, context, dockerfile, target, platforms and build-args.',
    ],
    ["api=.\napi=other", 'Service "api" is listed twice in "services"; list each service once.'],
    [
      "api:\n  image: Shop/API",
      'Service "api" has the image "Shop/API", which is not a repository name',
    ],
    [
      "api:\n  image: shop/api:1.0",
      'Service "api" has the image "shop/api:1.0" with a tag or digest; give the repository only',
    ],
    [
      "api:\n  platforms: [linux/sparc]",
      'Service "api" has the platform "linux/sparc", whose architecture "sparc" is unknown; use one of amd64',
    ],
    ["{unclosed", 'Input "services" is not valid YAML or JSON'],
    ["- target: api", 'Input "services" item 1 has no name'],
  ])("refuses %j in one sentence", (text, message) => {
    expect(() => resolveServices(parseServicesInput(text), defaults)).toThrow(ConfigurationError);
    expect(() => resolveServices(parseServicesInput(text), defaults)).toThrow(message);
  });

  it("needs a registry for a repository without one", () => {
    expect(() =>
      resolveServices(parseServicesInput("api=."), { ...defaults, registry: undefined }),
    ).toThrow('Service "api" has no registry: set the "registry" input');
  });
});

describe("build-push inputs", () => {
  const parse = (raw: Record<string, string>) => parseInputs(buildPushAction.inputs, raw);

  it("has working defaults", () => {
    const params = parse({});
    expect(params.engine).toBe("auto");
    expect(params.platforms).toEqual(["linux/amd64"]);
    expect(params.tags.map((t) => t.source)).toEqual(["{{sha}}"]);
    expect(params["tls-verify"]).toBe(true);
    expect(params["max-parallel"]).toBe(4);
  });

  it("parses sizes, tags, labels, build arguments and secrets", () => {
    const params = parse({
      "max-size": "500MB",
      tags: "{{sha}}\nv{{major}}.{{minor}}, latest",
      labels: "com.example/team=checkout",
      "build-args": "A=1\nB=x=y",
      secrets: "npm_token=abc=",
      "secret-files": "netrc=/home/runner/.netrc",
    });
    expect(params["max-size"]).toBe(500_000_000);
    expect(params.tags.map((t) => t.source)).toEqual(["{{sha}}", "v{{major}}.{{minor}}", "latest"]);
    expect(params.labels).toEqual({ "com.example/team": "checkout" });
    expect(params["build-args"]).toEqual({ A: "1", B: "x=y" });
    expect(params.secrets).toEqual({ npm_token: "abc=" });
    expect(params["secret-files"]).toEqual({ netrc: "/home/runner/.netrc" });
  });

  it.each([
    [
      { engine: "kaniko" },
      'Input "engine" is "kaniko", which is not an engine; use auto, buildx or buildah.',
    ],
    [
      { platforms: "linux" },
      'Input "platforms" has the platform "linux", which is not a platform; write it as os/architecture, e.g. linux/amd64 or linux/arm64.',
    ],
    [
      { tags: "{{sha}}-{{" },
      'Input "tags" has a malformed tag template: "{{sha}}-{{" has an unmatched brace; placeholders are written {{name}}.',
    ],
    [{ "max-size": "0" }, 'Input "max-size" is "0", which is not a size'],
    [{ "max-parallel": "0" }, 'Input "max-parallel" must be at least 1.'],
    [{ isolation: "none" }, 'Input "isolation" must be oci, chroot or rootless.'],
    [
      { "build-args": "not-a-pair" },
      'Input "build-args" has the line "not-a-pair", which is not KEY=VALUE.',
    ],
    [{ "tls-verify": "no" }, 'Input "tls-verify" expected true or false, got "no".'],
  ])("refuses %j in one sentence", (raw, message) => {
    expect(() => parse(raw)).toThrow(ConfigurationError);
    expect(() => parse(raw)).toThrow(message);
  });
});
