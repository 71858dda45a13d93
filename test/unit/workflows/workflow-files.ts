/** The workflow files and action manifests the workflow tests check, relative to the repository. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../../../src/core/package-root.js";

export const root = packageRoot();

const yamlFiles = (dir: string) =>
  existsSync(join(root, dir))
    ? readdirSync(join(root, dir))
        .filter((name) => /\.ya?ml$/.test(name))
        .sort()
        .map((name) => join(dir, name))
    : [];

/** The reusable workflows, CI, and the caller workflow a team copies. */
export const workflowFiles = [
  ...yamlFiles(".github/workflows"),
  ...yamlFiles("examples/app/.github/workflows"),
];

/** The root action (deploy) and every action under actions/. */
export const manifestFiles = [
  "action.yml",
  ...readdirSync(join(root, "actions"))
    .sort()
    .map((name) => join("actions", name, "action.yml"))
    .filter((file) => existsSync(join(root, file))),
];

export const readRepoFile = (file: string) => readFileSync(join(root, file), "utf8");
