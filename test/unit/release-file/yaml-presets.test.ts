/**
 * The blue/green presets on the YAML shapes GitOps repositories use, mapped in the config
 * file: Helm images split into repository + tag (+ digest), Kustomize `images:` entries,
 * replica counts, and relative traffic weights in an HTTPRoute or a VirtualService selected
 * by filter. Each diff is exactly the values the preset means to change.
 */
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/load.js";
import { ConfigurationError } from "../../../src/core/errors.js";
import type { TfvarsEditRequest } from "../../../src/release-file/plan-edit.js";
import { planTfvarsEdit } from "../../../src/release-file/plan-edit.js";
import type { ReleaseEdit } from "../../../src/release-file/release-edits.js";
import { layoutsFromConfig } from "../../../src/release-file/service-layout.js";
import { servicesOf } from "../../../src/release/release-state.js";
import { parseTfvars } from "../../../src/release-file/document.js";
import { changedLines, readYamlFixture } from "../../helpers/yaml-fixtures.js";

const DIGEST = "sha256:" + "d".repeat(64);

function layouts(services: string) {
  return layoutsFromConfig(parseConfig(`services:\n${services}`, "greenlight.yml"));
}

const HELM = layouts(`  api:
    fields:
      green-image: {repository: $.green.image.repository, tag: $.green.image.tag, digest: $.green.image.digest}
      blue-image: {repository: $.blue.image.repository, tag: $.blue.image.tag}
      green-desired-count: $.green.replicaCount
      blue-desired-count: $.blue.replicaCount
      green-weight: $.green.weight
      blue-weight: $.blue.weight
`);

const KUSTOMIZE = layouts(`  api:
    weighted: false
    fields:
      green-image: {repository: '$.images[?(@.name=="api-green")].newName', tag: '$.images[?(@.name=="api-green")].newTag'}
      blue-image: {repository: '$.images[?(@.name=="api-blue")].newName', tag: '$.images[?(@.name=="api-blue")].newTag'}
`);

const ROUTE = "$.spec.rules[0].backendRefs";
const HTTPROUTE = layouts(`  api:
    weight-mode: relative
    fields:
      blue-weight: '${ROUTE}[?(@.name=="api-blue")].weight'
      green-weight: '${ROUTE}[?(@.name=="api-green")].weight'
`);

function request(release: ReleaseEdit, layoutsUsed = HELM): TfvarsEditRequest {
  return {
    set: [],
    release,
    create: false,
    force: false,
    imageRules: {},
    layouts: layoutsUsed,
  };
}

async function plan(fixture: string, release: ReleaseEdit, layoutsUsed = HELM, text?: string) {
  return planTfvarsEdit(fixture, text ?? readYamlFixture(fixture), request(release, layoutsUsed));
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigurationError);
  return (error as Error).message;
}

describe("Helm values: an image split into repository, tag and digest", () => {
  it("deploys a tagged image into green and sizes green like blue", async () => {
    const before = readYamlFixture("helm-values.yaml");
    const planned = await plan("helm-values.yaml", { images: { api: "ghcr.io/acme/api:1.5.0" } });
    expect(changedLines(before, planned.after)).toEqual([
      ["    tag: '1.4.0'", "    tag: '1.5.0'"],
      ["  replicaCount: 0", "  replicaCount: 3"],
    ]);
  });

  it("deploys by digest into the digest field and empties the stale tag", async () => {
    const before = readYamlFixture("helm-values.yaml");
    const planned = await plan("helm-values.yaml", {
      images: { api: `ghcr.io/acme/api@${DIGEST}` },
    });
    expect(changedLines(before, planned.after)).toEqual([
      ["    tag: '1.4.0'", "    tag: ''"],
      ['    digest: ""', `    digest: "${DIGEST}"`],
      ["  replicaCount: 0", "  replicaCount: 3"],
    ]);
    const services = servicesOf(parseTfvars(planned.after, "v.yaml").data, HELM);
    expect(services[0]?.greenImage).toBe(`ghcr.io/acme/api@${DIGEST}`);
  });

  it("moves weights and finalizes: green's image copied into blue's fields", async () => {
    const deployed = await plan("helm-values.yaml", { images: { api: "ghcr.io/acme/api:1.5.0" } });
    const half = await plan("helm-values.yaml", { weights: 50 }, HELM, deployed.after);
    expect(changedLines(deployed.after, half.after)).toEqual([
      ["  weight: 100", "  weight: 50"],
      ["  weight: 0", "  weight: 50"],
    ]);
    const final = await plan("helm-values.yaml", { finalize: ["api"] }, HELM, half.after);
    expect(changedLines(half.after, final.after)).toEqual([
      ['    tag: "1.4.0"        # stable release', '    tag: "1.5.0"        # stable release'],
      ["  weight: 50", "  weight: 100"],
      ["  replicaCount: 3", "  replicaCount: 0"],
      ["  weight: 50", "  weight: 0"],
    ]);
  });

  it("refuses a digest for a blue image that maps no digest field", async () => {
    const message = await refusal(
      plan(
        "helm-values.yaml",
        { finalize: ["api"] },
        HELM,
        readYamlFixture("helm-values.yaml").replace('digest: ""', `digest: "${DIGEST}"`),
      ),
    );
    expect(message).toContain("maps no digest field");
  });
});

describe("Kustomize images entries", () => {
  it("deploys into the api-green entry only, leaving the other images alone", async () => {
    const file = "kustomize/overlay/kustomization.yaml";
    const before = readYamlFixture(file);
    const planned = await plan(file, { images: { api: "ghcr.io/acme/api:1.5.0" } }, KUSTOMIZE);
    expect(changedLines(before, planned.after)).toEqual([
      ['    newTag: "1.4.0"', '    newTag: "1.5.0"'],
    ]);
    expect(planned.after.indexOf('"1.5.0"')).toBeGreaterThan(planned.after.indexOf("api-green"));
  });
});

describe("relative weights: HTTPRoute backendRefs", () => {
  const file = "httproute.yaml";

  it("reads 1 and 0 as all traffic on blue", () => {
    const data = parseTfvars(readYamlFixture(file), file).data;
    expect(servicesOf(data, HTTPROUTE)[0]?.greenWeight).toBe(0);
  });

  it("writes the plan's steps as the pair's shares", async () => {
    const before = readYamlFixture(file);
    let text = before;
    for (const step of [10, 50, 100]) {
      text = (await plan(file, { weights: { api: step } }, HTTPROUTE, text)).after;
      expect(servicesOf(parseTfvars(text, file).data, HTTPROUTE)[0]?.greenWeight).toBe(step);
    }
    expect(changedLines(before, text)).toEqual([
      [
        "          weight: 1   # relative weights: blue takes everything",
        "          weight: 0   # relative weights: blue takes everything",
      ],
      ["          weight: 0", "          weight: 100"],
    ]);
  });

  it("refuses a filter that matches two backends, and one that matches none", async () => {
    const two = layouts(`  api:
    weight-mode: relative
    fields:
      blue-weight: '${ROUTE}[?(@.port==8080)].weight'
      green-weight: '${ROUTE}[?(@.name=="api-green")].weight'
`);
    expect(await refusal(plan(file, { weights: 10 }, two))).toContain("matches 2 values");
    const none = layouts(`  api:
    weight-mode: relative
    fields:
      blue-weight: '${ROUTE}[?(@.name=="api-blu")].weight'
      green-weight: '${ROUTE}[?(@.name=="api-green")].weight'
`);
    expect(await refusal(plan(file, { weights: 10 }, none))).toContain("has no blue-weight field");
  });
});

describe("Istio VirtualService and a multi-document manifest", () => {
  it("moves a VirtualService's route weights by subset", async () => {
    const route = "$.spec.http[0].route";
    const istio = layouts(`  api:
    weight-mode: relative
    fields:
      blue-weight: '${route}[?(@.destination.subset=="blue")].weight'
      green-weight: '${route}[?(@.destination.subset=="green")].weight'
`);
    const before = readYamlFixture("virtualservice.yaml");
    const planned = await plan("virtualservice.yaml", { weights: 10 }, istio);
    expect(changedLines(before, planned.after)).toEqual([
      ["      weight: 100", "      weight: 90"],
      ["      weight: 0", "      weight: 10"],
    ]);
  });

  it("deploys into the green Deployment and shifts the HTTPRoute in one file", async () => {
    const green = '$[?(@.kind=="Deployment" && @.metadata.name=="api-green")]';
    const blue = '$[?(@.kind=="Deployment" && @.metadata.name=="api-blue")]';
    const route = '$[?(@.kind=="HTTPRoute")].spec.rules[0].backendRefs';
    const manifest = layouts(`  api:
    fields:
      green-image: '${green}.spec.template.spec.containers[0].image'
      blue-image: '${blue}.spec.template.spec.containers[0].image'
      green-desired-count: '${green}.spec.replicas'
      blue-desired-count: '${blue}.spec.replicas'
      blue-weight: '${route}[?(@.name=="api-blue")].weight'
      green-weight: '${route}[?(@.name=="api-green")].weight'
`);
    const before = readYamlFixture("manifests.yaml");
    const planned = await plan(
      "manifests.yaml",
      { images: { api: "ghcr.io/acme/api:1.5.0" }, weights: { api: 10 } },
      manifest,
    );
    expect(changedLines(before, planned.after)).toEqual([
      ["  replicas: 0", "  replicas: 3"],
      ["        image: ghcr.io/acme/api:1.4.0", "        image: ghcr.io/acme/api:1.5.0"],
      ["      weight: 100", "      weight: 90"],
      ["      weight: 0", "      weight: 10"],
    ]);
  });
});
