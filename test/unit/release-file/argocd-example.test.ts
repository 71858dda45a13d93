/**
 * The Argo CD example (examples/argocd) holds together: its config names each
 * environment's YAML release file, and a deploy to either writes exactly the mapped values.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/load.js";
import { releaseFileOf } from "../../../src/config/schema.js";
import { planTfvarsEdit } from "../../../src/release-file/plan-edit.js";
import { layoutsFromConfig } from "../../../src/release-file/service-layout.js";
import { changedLines } from "../../helpers/yaml-fixtures.js";

const ROOT = new URL("../../../examples/argocd/", import.meta.url).pathname;
const config = parseConfig(
  readFileSync(`${ROOT}app/.github/greenlight.yml`, "utf8"),
  "greenlight.yml",
);
const IMAGE = `ghcr.io/acme/api@sha256:${"f".repeat(64)}`;

async function deploy(environment: string, service: string) {
  const file = releaseFileOf(config.environments[environment])!.path;
  const before = readFileSync(`${ROOT}infra/${file}`, "utf8");
  const planned = await planTfvarsEdit(file, before, {
    set: [],
    release: { images: { [service]: IMAGE } },
    create: false,
    force: false,
    imageRules: { requireDigest: true, allowedRegistries: ["ghcr.io"] },
    layouts: layoutsFromConfig(config, environment),
  });
  return changedLines(before, planned.after);
}

describe("the Argo CD example", () => {
  it("deploys into production's Helm values: tag emptied, digest and replicas written", async () => {
    expect(await deploy("production", "api")).toEqual([
      ['      tag: "1.4.0"', '      tag: ""'],
      ['      digest: ""', `      digest: "${IMAGE.split("@")[1]}"`],
      ["    replicaCount: 0", "    replicaCount: 4"],
    ]);
  });

  it("deploys into staging's Kustomize overlay: the api-green entry and its replicas", async () => {
    expect(await deploy("staging", "api-staging")).toEqual([
      ['    newTag: "1.4.0"', '    newTag: ""'],
      ['    digest: ""', `    digest: "${IMAGE.split("@")[1]}"`],
      ["    count: 0", "    count: 2"],
    ]);
  });
});
