/**
 * open-pr on a GitOps repository whose release files are YAML: a Helm values file with the
 * image split into repository and tag, and a Kustomize overlay, named by the config's
 * release-file and mapped by its services. The pull request's commit changes exactly the
 * values, in the sandbox's real git repository.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Harness } from "../../helpers/open-pr-harness.js";
import { startHarness } from "../../helpers/open-pr-harness.js";
import { changedLines, readYamlFixture } from "../../helpers/yaml-fixtures.js";

const VALUES = "apps/api/envs/production/values.yaml";
const KUSTOMIZATION = "apps/api/overlays/production/kustomization.yaml";

const CONFIG = `version: 1
environments:
  production:
    repository: acme/infra
    release-file: ${VALUES}
  staging:
    repository: acme/infra
    release-file: {path: ${KUSTOMIZATION}, format: yaml}
services:
  api:
    fields:
      green-image: {repository: $.green.image.repository, tag: $.green.image.tag, digest: $.green.image.digest}
      blue-image: {repository: $.blue.image.repository, tag: $.blue.image.tag}
      green-desired-count: $.green.replicaCount
      blue-desired-count: $.blue.replicaCount
      green-weight: $.green.weight
      blue-weight: $.blue.weight
`;

const KUSTOMIZE_CONFIG = `version: 1
environments:
  staging:
    repository: acme/infra
    release-file: {path: ${KUSTOMIZATION}, format: yaml}
services:
  api:
    weighted: false
    fields:
      green-image: {repository: '$.images[?(@.name=="api-green")].newName', tag: '$.images[?(@.name=="api-green")].newTag'}
      blue-image: {repository: '$.images[?(@.name=="api-blue")].newName', tag: '$.images[?(@.name=="api-blue")].newTag'}
`;

function outputs(outcome: {
  result?: { outputs: Record<string, string | undefined> };
  error?: unknown;
}) {
  if (outcome.error) throw outcome.error;
  return outcome.result!.outputs;
}

async function harness(config: string): Promise<Harness> {
  const h = await startHarness({
    files: {
      [VALUES]: readYamlFixture("helm-values.yaml"),
      [KUSTOMIZATION]: readYamlFixture("kustomize/overlay/kustomization.yaml"),
    },
  });
  mkdirSync(join(h.workspace, ".github"), { recursive: true });
  writeFileSync(join(h.workspace, ".github", "greenlight.yml"), config);
  return h;
}

describe("open-pr on YAML release files", () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it("deploys into a Helm values file named by release-file: the commit changes the tag and the count", async () => {
    h = await harness(CONFIG);
    const out = outputs(
      await h.run({ file: undefined as unknown as string, images: "api=ghcr.io/acme/api:1.5.0" }),
    );
    expect(out["operation"]).toBe("created");
    const before = h.fileOn("main", VALUES);
    const after = h.fileOn(out["branch"]!, VALUES);
    expect(changedLines(before, after)).toEqual([
      ["    tag: '1.4.0'", "    tag: '1.5.0'"],
      ["  replicaCount: 0", "  replicaCount: 3"],
    ]);
    expect(JSON.parse(out["changes"]!)).toEqual([
      { file: VALUES, path: "$.green.image.tag", old: "1.4.0", new: "1.5.0" },
      { file: VALUES, path: "$.green.replicaCount", old: 0, new: 3 },
    ]);
    expect(h.git("rev-list", "--count", `main..${out["branch"]!}`)).toBe("1");
    const pull = (await (
      await fetch(`${h.sandbox.url}/repos/acme/infra/pulls/${out["pull-request-number"]}`, {
        headers: { authorization: "token sandbox-token" },
      })
    ).json()) as { body: string };
    // The tag is part of the split green image: the table names the service and the field.
    expect(pull.body).toMatch(/\| api \| green-image \| `1\.4\.0` \| `1\.5\.0` \|/);
  });

  it("deploys into a Kustomize overlay's images entry, named by path and format in the config", async () => {
    h = await harness(KUSTOMIZE_CONFIG);
    const out = outputs(
      await h.run({
        file: undefined as unknown as string,
        environment: "staging",
        images: "api=ghcr.io/acme/api:1.5.0",
      }),
    );
    const before = h.fileOn("main", KUSTOMIZATION);
    const after = h.fileOn(out["branch"]!, KUSTOMIZATION);
    expect(changedLines(before, after)).toEqual([['    newTag: "1.4.0"', '    newTag: "1.5.0"']]);
  });
});
