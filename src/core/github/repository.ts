import { ConfigurationError } from "../errors.js";
import type { RepositoryName } from "./app-token.js";

// GitHub's own limits: owners are alphanumerics and hyphens, names add dots and underscores.
const OWNER_AND_NAME = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;

/** Splits `owner/name`, or throws a ConfigurationError naming the `repository` input. */
export function parseRepositoryName(text: string, input = "repository"): RepositoryName {
  const match = OWNER_AND_NAME.exec(text.trim());
  if (!match || match[2] === "." || match[2] === "..") {
    throw new ConfigurationError(
      `Input "${input}" is "${text}", which is not a repository; give it as owner/name, like my-org/infra.`,
    );
  }
  return { owner: match[1] ?? "", repo: match[2] ?? "" };
}
