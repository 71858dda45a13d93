/**
 * What a rollback writes in each format the release-file engine edits. With a green desired
 * count, green scales to zero and keeps its image as the record of what was rolled back;
 * without one, green is given the stable image, so even a release rolled back while still at
 * 0% changes the file and never reads as a release to promote.
 */
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/load.js";
import { ConfigurationError } from "../../../src/core/errors.js";
import { parseTfvars } from "../../../src/release-file/document.js";
import { planTfvarsEdit } from "../../../src/release-file/plan-edit.js";
import type { ReleaseEdit } from "../../../src/release-file/release-edits.js";
import type { ServiceLayout } from "../../../src/release-file/service-layout.js";
import { discoverLayouts, layoutsFromConfig } from "../../../src/release-file/service-layout.js";
import { candidateServices, servicesOf } from "../../../src/release/release-state.js";
import { supersededReleases } from "../../../src/release/superseded-release.js";
import { changedLines, readYamlFixture } from "../../helpers/yaml-fixtures.js";

const STABLE = "registry.example.com/api:1.0.0";
const BAD = "registry.example.com/api:1.1.0";

async function edit(file: string, text: string, release: ReleaseEdit, layouts?: ServiceLayout[]) {
  const planned = await planTfvarsEdit(file, text, {
    set: [],
    release,
    create: false,
    force: false,
    imageRules: {},
    ...(layouts ? { layouts } : {}),
  });
  const used = layouts ?? discoverLayouts(parseTfvars(text, file).data);
  const candidates = candidateServices({
    services: servicesOf(parseTfvars(planned.after, file).data, used),
  });
  return { after: planned.after, lines: changedLines(text, planned.after), candidates };
}

function json(values: Record<string, string | number>): string {
  return JSON.stringify(values, null, 2) + "\n";
}

describe("a rollback in a JSON tfvars file", () => {
  it("without desired counts, at 0%: green is given the stable image (nothing else would change)", async () => {
    const text = json({
      api_blue_image: STABLE,
      api_green_image: BAD,
      api_blue_weight: 100,
      api_green_weight: 0,
    });
    const rolledBack = await edit("release.auto.tfvars.json", text, { rollback: ["api"] });
    expect(rolledBack.lines).toEqual([
      [`  "api_green_image": "${BAD}",`, `  "api_green_image": "${STABLE}",`],
    ]);
    expect(rolledBack.candidates).toEqual([]);
    // Running it again changes nothing.
    const again = await edit("release.auto.tfvars.json", rolledBack.after, { rollback: ["all"] });
    expect(again.lines).toEqual([]);
  });

  it("without desired counts, mid-shift: traffic back on blue and the stable image on green", async () => {
    const text = json({
      api_blue_image: STABLE,
      api_green_image: BAD,
      api_blue_weight: 90,
      api_green_weight: 10,
    });
    const rolledBack = await edit("release.auto.tfvars.json", text, { rollback: ["api"] });
    expect(rolledBack.lines).toEqual([
      [`  "api_green_image": "${BAD}",`, `  "api_green_image": "${STABLE}",`],
      [`  "api_blue_weight": 90,`, `  "api_blue_weight": 100,`],
      [`  "api_green_weight": 10`, `  "api_green_weight": 0`],
    ]);
    expect(rolledBack.candidates).toEqual([]);
  });

  it("for a service without weights or desired counts: the stable image on green", async () => {
    const text = json({ worker_blue_image: "w:1", worker_green_image: "w:2" });
    const rolledBack = await edit("release.auto.tfvars.json", text, { rollback: ["worker"] });
    expect(rolledBack.lines).toEqual([
      [`  "worker_green_image": "w:2"`, `  "worker_green_image": "w:1"`],
    ]);
    expect(rolledBack.candidates).toEqual([]);
  });

  it("with desired counts: green scales to zero and keeps the rolled-back image", async () => {
    const text = json({
      api_blue_image: STABLE,
      api_green_image: BAD,
      api_blue_weight: 100,
      api_green_weight: 0,
      api_blue_desired_count: 3,
      api_green_desired_count: 3,
    });
    const rolledBack = await edit("release.auto.tfvars.json", text, { rollback: ["api"] });
    expect(rolledBack.lines).toEqual([
      [`  "api_green_desired_count": 3`, `  "api_green_desired_count": 0`],
    ]);
    expect(rolledBack.candidates).toEqual([]);
  });

  it("with an earlier release put back on blue: green is given that release too", async () => {
    const text = json({
      api_blue_image: BAD,
      api_green_image: BAD,
      api_blue_weight: 100,
      api_green_weight: 0,
    });
    const planned = await planTfvarsEdit("release.auto.tfvars.json", text, {
      set: [{ path: "$.api_blue_image", value: STABLE }],
      release: { rollback: ["api"] },
      create: false,
      force: false,
      imageRules: {},
    });
    expect(JSON.parse(planned.after)).toMatchObject({
      api_blue_image: STABLE,
      api_green_image: STABLE,
    });
  });
});

describe("a rollback of a service's first release", () => {
  const FILE = "release.auto.tfvars.json";

  it("without desired counts: refused with the service and the fix named, nothing written", async () => {
    for (const weight of [0, 10]) {
      const text = json({
        api_blue_image: "",
        api_green_image: BAD,
        api_blue_weight: 100 - weight,
        api_green_weight: weight,
      });
      const attempt = edit(FILE, text, { rollback: ["api"] });
      await expect(attempt).rejects.toThrow(ConfigurationError);
      await expect(attempt).rejects.toThrow(
        `Service "api" cannot be rolled back: it has no stable release (its blue image at $.api_blue_image is empty) and no green desired count to scale to zero, so nothing in the file would keep ${BAD} from being promoted again; withdraw the first release by emptying its green image at $.api_green_image and setting its green weight ($.api_green_weight) to 0, or add a green desired count for it to the file.`,
      );
    }
  });

  it("of a service without weights: refused too, naming only the image", async () => {
    const text = json({ worker_blue_image: "", worker_green_image: "w:1" });
    await expect(edit(FILE, text, { rollback: ["all"] })).rejects.toThrow(
      /^Service "worker" cannot be rolled back: .* by emptying its green image at \$\.worker_green_image, or add a green desired count/,
    );
  });

  it("with desired counts: green scales to zero, as for any release", async () => {
    const text = json({
      api_blue_image: "",
      api_green_image: BAD,
      api_blue_weight: 90,
      api_green_weight: 10,
      api_blue_desired_count: 0,
      api_green_desired_count: 2,
    });
    const rolledBack = await edit(FILE, text, { rollback: ["api"] });
    expect(JSON.parse(rolledBack.after)).toMatchObject({
      api_green_image: BAD,
      api_green_weight: 0,
      api_green_desired_count: 0,
    });
    expect(rolledBack.candidates).toEqual([]);
  });

  it("with nothing on green: nothing to roll back, nothing refused", async () => {
    const text = json({
      api_blue_image: "",
      api_green_image: "",
      api_blue_weight: 100,
      api_green_weight: 0,
    });
    expect((await edit(FILE, text, { rollback: ["api"] })).lines).toEqual([]);
  });
});

describe("a rollback decided for one release, applied after another reached green", () => {
  const FILE = "release.auto.tfvars.json";
  const NEWER = "registry.example.com/api:1.2.0";

  it("gives green the stable image only while green still holds the rolled-back release", async () => {
    const text = json({
      api_blue_image: STABLE,
      api_green_image: BAD,
      api_blue_weight: 90,
      api_green_weight: 10,
    });
    const same = await edit(FILE, text, { rollback: ["api"], rolledBack: { api: BAD } });
    expect(JSON.parse(same.after)).toMatchObject({ api_green_image: STABLE, api_green_weight: 0 });

    const newer = json({
      api_blue_image: STABLE,
      api_green_image: NEWER,
      api_blue_weight: 100,
      api_green_weight: 0,
    });
    const moved = await edit(FILE, newer, { rollback: ["api"], rolledBack: { api: BAD } });
    expect(moved.lines).toEqual([]);
    expect(moved.candidates.map((s) => s.greenImage)).toEqual([NEWER]);
  });

  it("neither refuses nor touches a newer first release", async () => {
    const text = json({
      api_blue_image: "",
      api_green_image: NEWER,
      api_blue_weight: 80,
      api_green_weight: 20,
    });
    const moved = await edit(FILE, text, { rollback: ["api"], rolledBack: { api: BAD } });
    expect(JSON.parse(moved.after)).toMatchObject({ api_green_image: NEWER, api_green_weight: 0 });
  });
});

describe("the stable image given back to green", () => {
  it("supersedes no release, where a new image on green does", async () => {
    const file = "release.auto.tfvars.json";
    const text = json({
      api_blue_image: STABLE,
      api_green_image: BAD,
      api_blue_weight: 90,
      api_green_weight: 10,
    });
    const layouts = discoverLayouts(JSON.parse(text) as Record<string, string>);
    const rolledBack = await edit(file, text, { rollback: ["api"] });
    expect(supersededReleases(file, text, rolledBack.after, layouts)).toEqual([]);
    const newer = "registry.example.com/api:1.2.0";
    const deployed = await edit(file, text, { images: { api: newer } });
    expect(supersededReleases(file, text, deployed.after, layouts)).toEqual([
      { service: "api", previous: BAD, next: newer, weight: 10 },
    ]);
  });
});

describe("a rollback in an HCL tfvars file without desired counts", () => {
  it("at 0%: green is given the stable image, the rest of the file untouched", async () => {
    const text = [
      "# release",
      `api_blue_image  = "${STABLE}"`,
      `api_green_image = "${BAD}" # candidate`,
      "api_blue_weight  = 100",
      "api_green_weight = 0",
      "",
    ].join("\n");
    const rolledBack = await edit("release.auto.tfvars", text, { rollback: ["api"] });
    expect(rolledBack.lines).toEqual([
      [`api_green_image = "${BAD}" # candidate`, `api_green_image = "${STABLE}" # candidate`],
    ]);
    expect(rolledBack.candidates).toEqual([]);
  });
});

function layouts(services: string) {
  return layoutsFromConfig(parseConfig(`services:\n${services}`, "greenlight.yml"));
}

describe("a rollback in YAML", () => {
  const helmFields = `      green-image: {repository: $.green.image.repository, tag: $.green.image.tag, digest: $.green.image.digest}
      blue-image: {repository: $.blue.image.repository, tag: $.blue.image.tag}
      green-weight: $.green.weight
      blue-weight: $.blue.weight
`;
  const HELM_NO_COUNTS = layouts(`  api:\n    fields:\n${helmFields}`);
  const HELM = layouts(`  api:
    fields:
${helmFields}      green-desired-count: $.green.replicaCount
      blue-desired-count: $.blue.replicaCount
`);
  const deployed = readYamlFixture("helm-values.yaml").replace("tag: '1.4.0'", "tag: '1.5.0'");

  it("Helm values without desired counts, at 0%: green's image fields get blue's image", async () => {
    const rolledBack = await edit("values.yaml", deployed, { rollback: ["api"] }, HELM_NO_COUNTS);
    expect(rolledBack.lines).toEqual([["    tag: '1.5.0'", "    tag: '1.4.0'"]]);
    expect(rolledBack.candidates).toEqual([]);
  });

  it("Helm values with desired counts: green scales to zero and keeps its image", async () => {
    const running = deployed.replace("replicaCount: 0", "replicaCount: 3");
    const rolledBack = await edit("values.yaml", running, { rollback: ["api"] }, HELM);
    expect(rolledBack.lines).toEqual([["  replicaCount: 3", "  replicaCount: 0"]]);
    expect(rolledBack.candidates).toEqual([]);
  });

  it("Kustomize images entries (no weights, no counts): api-green gets api-blue's image", async () => {
    const KUSTOMIZE = layouts(`  api:
    weighted: false
    fields:
      green-image: {repository: '$.images[?(@.name=="api-green")].newName', tag: '$.images[?(@.name=="api-green")].newTag'}
      blue-image: {repository: '$.images[?(@.name=="api-blue")].newName', tag: '$.images[?(@.name=="api-blue")].newTag'}
`);
    const file = "kustomize/overlay/kustomization.yaml";
    const text = readYamlFixture(file).replace(
      'api-green\n    newName: ghcr.io/acme/api\n    newTag: "1.4.0"',
      'api-green\n    newName: ghcr.io/acme/api\n    newTag: "1.5.0"',
    );
    expect(text).toContain('"1.5.0"');
    const rolledBack = await edit(file, text, { rollback: ["api"] }, KUSTOMIZE);
    expect(rolledBack.lines).toEqual([['    newTag: "1.5.0"', '    newTag: "1.4.0"']]);
    expect(rolledBack.candidates).toEqual([]);
  });
});
