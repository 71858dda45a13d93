/**
 * Paths inside a repository that users give (where an uploaded file goes): relative,
 * normalised, and never into `.git`, so a commit can only add what a reviewer would see
 * as a file of the tree.
 */
import { ConfigurationError } from "./errors.js";

const MAX_PATH_LENGTH = 4096;

/** The normalised path (`a/b/c`), or a ConfigurationError naming `input`. */
export function repositoryPath(given: string, input: string): string {
  const refuse = (why: string) =>
    new ConfigurationError(
      `Input "${input}" names the repository path "${given}", which ${why}; give a relative path such as envs/production/values.json.`,
    );
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(given)) throw refuse("contains control characters");
  if (given.length > MAX_PATH_LENGTH) throw refuse(`is longer than ${MAX_PATH_LENGTH} characters`);
  if (given.includes("\\")) throw refuse("contains a backslash");
  if (given.startsWith("/")) throw refuse("is absolute");
  const segments = given.split("/").filter((s) => s !== "" && s !== ".");
  if (segments.length === 0) throw refuse("names no file");
  if (segments.includes("..")) throw refuse("climbs out with ..");
  if (segments.some((s) => s.toLowerCase() === ".git")) throw refuse("is inside .git");
  return segments.join("/");
}
