/**
 * Branch names users give, checked by git's own rules (git check-ref-format --branch) before
 * anything is written: a name git or GitHub would refuse must fail as bad input, not as an
 * error half-way through creating a branch and its pull request.
 */
import { ConfigurationError } from "./errors.js";

/** GitHub refuses refs longer than 255 bytes; `refs/heads/` takes 11 of them. */
const MAX_BRANCH_BYTES = 244;

/** What is wrong with `name` as a branch name (the rest of a sentence), or undefined. */
export function branchNameProblem(name: string): string | undefined {
  if (name === "") return "is empty";
  if (Buffer.byteLength(name, "utf8") > MAX_BRANCH_BYTES) {
    return `is longer than ${MAX_BRANCH_BYTES} bytes`;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f]/.test(name)) return "contains a space or a control character";
  const bad = /[~^:?*[\\]/.exec(name);
  if (bad) return `contains "${bad[0]}"`;
  if (name.includes("..")) return 'contains ".."';
  if (name.includes("@{")) return 'contains "@{"';
  if (name === "@") return 'is "@"';
  if (name === "HEAD") return 'is "HEAD"';
  if (name.startsWith("-")) return 'starts with "-"';
  if (name.startsWith("refs/")) return 'starts with "refs/" (give the branch name alone)';
  if (name.startsWith("/") || name.endsWith("/") || name.includes("//")) {
    return "has an empty path component";
  }
  if (name.endsWith(".")) return 'ends with "."';
  for (const component of name.split("/")) {
    if (component.startsWith(".")) return `has the component "${component}", which starts with "."`;
    if (component.endsWith(".lock"))
      return `has the component "${component}", which ends with ".lock"`;
  }
  return undefined;
}

/** Throws a ConfigurationError naming `input` when `name` is not a valid branch name. */
export function checkBranchName(name: string, input: string): string {
  const problem = branchNameProblem(name);
  if (problem) {
    throw new ConfigurationError(
      `Input "${input}" is ${JSON.stringify(name)}, which git does not accept as a branch name: it ${problem}; give a name such as greenlight/production/deploy-api.`,
    );
  }
  return name;
}
