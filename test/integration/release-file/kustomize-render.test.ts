/**
 * Edited kustomizations still render: `kubectl kustomize` (the Kustomize built into
 * kubectl) builds each edited fixture, and the green Deployment comes out with the new
 * image while every other image stays as it was.
 */
import { execFile } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { loadAll } from "js-yaml";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/load.js";
import { planTfvarsEdit } from "../../../src/release-file/plan-edit.js";
import { layoutsFromConfig } from "../../../src/release-file/service-layout.js";
import { YAML_FIXTURES } from "../../helpers/yaml-fixtures.js";
import { tempDir } from "../../helpers/run-context.js";

const run = promisify(execFile);
const DIGEST = "sha256:" + "e".repeat(64);

async function kubectl(): Promise<string> {
  try {
    await run("kubectl", ["version", "--client"]);
    return "kubectl";
  } catch {
    throw new Error(
      "kubectl is not installed, and these tests render kustomizations with kubectl kustomize; install it with: apt-get install -y kubernetes-client",
    );
  }
}

/** An images entry as repository + tag, and + digest when deploying by digest. */
function split(name: string, digest: boolean): string {
  const entry = `$.images[?(@.name=="${name}")]`;
  const fields = [`repository: '${entry}.newName'`, `tag: '${entry}.newTag'`];
  if (digest) fields.push(`digest: '${entry}.digest'`);
  return `{${fields.join(", ")}}`;
}

interface Container {
  name: string;
  image: string;
}
interface Rendered {
  kind: string;
  metadata: { name: string };
  spec: { replicas: number; template: { spec: { containers: Container[] } } };
}

async function renderAfterDeploy(image: string, digest: boolean): Promise<Rendered[]> {
  const command = await kubectl();
  const dir = tempDir();
  cpSync(join(YAML_FIXTURES, "kustomize"), dir, { recursive: true });
  const file = join(dir, "overlay", "kustomization.yaml");
  let text = readFileSync(file, "utf8");
  // A digest field is written, never added: the entry keeps an empty one until it is used.
  if (digest)
    text = text.replace(
      'newTag: "1.4.0"\n  - name: envoy',
      'newTag: "1.4.0"\n    digest: ""\n  - name: envoy',
    );
  const layouts = layoutsFromConfig(
    parseConfig(
      `services:\n  api:\n    weighted: false\n    fields:\n      green-image: ${split("api-green", digest)}\n      blue-image: ${split("api-blue", false)}\n`,
      "greenlight.yml",
    ),
  );
  const planned = await planTfvarsEdit("overlay/kustomization.yaml", text, {
    set: [],
    release: { images: { api: image } },
    create: false,
    force: false,
    imageRules: {},
    layouts,
  });
  writeFileSync(file, planned.after);
  const { stdout } = await run(command, ["kustomize", join(dir, "overlay")]);
  return loadAll(stdout) as Rendered[];
}

function imagesOf(rendered: Rendered[], deployment: string): string[] {
  const found = rendered.find((r) => r.kind === "Deployment" && r.metadata.name === deployment);
  return found?.spec.template.spec.containers.map((c) => c.image) ?? [];
}

describe("kubectl kustomize renders edited kustomizations", () => {
  it("a deploy by tag reaches the green Deployment only", async () => {
    const rendered = await renderAfterDeploy("ghcr.io/acme/api:1.5.0", false);
    expect(imagesOf(rendered, "api-green")).toEqual([
      "ghcr.io/acme/api:1.5.0",
      "docker.io/envoyproxy/envoy:v1.31.0",
    ]);
    expect(imagesOf(rendered, "api-blue")).toEqual([
      "ghcr.io/acme/api:1.4.0",
      "docker.io/envoyproxy/envoy:v1.31.0",
    ]);
  });

  it("a deploy by digest renders the digest", async () => {
    const rendered = await renderAfterDeploy(`ghcr.io/acme/api@${DIGEST}`, true);
    expect(imagesOf(rendered, "api-green")[0]).toBe(`ghcr.io/acme/api@${DIGEST}`);
    expect(imagesOf(rendered, "api-blue")[0]).toBe("ghcr.io/acme/api:1.4.0");
  });
});
