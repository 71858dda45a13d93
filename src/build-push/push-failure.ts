/**
 * An engine's failure as one sentence: the engines print pages of progress, and the
 * reason a person needs is usually one recognisable line in them.
 */
import { OperationFailedError } from "../core/errors.js";
import type { EngineCommandError } from "./engine.js";

const CREDENTIALS =
  /unauthorized|authentication required|no basic auth credentials|denied|401 Unauthorized|403 Forbidden|requested access to the resource is denied/i;
const UNREACHABLE =
  /connection refused|no such host|i\/o timeout|network is unreachable|dial tcp|TLS handshake timeout/i;
const CACHE_PUSH = /failed pushing cache to/i;

/** Buildah fails the whole build when its layer cache cannot be written. */
export function isCachePushFailure(output: string): boolean {
  return CACHE_PUSH.test(output);
}

/**
 * A layer cache that cannot be written does not fail a release (Buildx's cache is written
 * with ignore-error too): the build runs again without writing it, and this says why.
 */
export function cachePushWarning(output: string, service: string, cacheRepository: string): string {
  // Buildah's line names the cache image in its own notation, and Go's error chain ends with
  // the cause (a missing repository, refused credentials): keep the end.
  const reason = lastMeaningfulLine(output, Infinity).replace(
    /^failed pushing cache to \{.*?\}\}: /,
    "",
  );
  const cause = reason.length > 200 ? `…${reason.slice(-199)}` : reason;
  return `The layer cache of service "${service}" could not be pushed to ${cacheRepository} (${cause}), so it was built again without writing the cache; create that repository and let this job push to it (ECR creates none on push), give cache-to another repository, or set cache-to: none.`;
}
const PLAIN_HTTP = /server gave HTTP response to HTTPS client|http: server gave HTTP response/i;

function lastMeaningfulLine(output: string, maxLength = 300): string {
  const lines = output
    .split(/\r?\n/)
    .map((l) =>
      l
        .replace(/^(time="[^"]*" level=\w+ msg=|Error: |error: |ERROR: )/, "")
        .replace(/"$/, "")
        .trim(),
    )
    .filter(
      (l) =>
        l &&
        !/^(Getting image source signatures|Copying |Writing manifest|Storing signatures|STEP |-->)/.test(
          l,
        ),
    );
  const line = lines.at(-1) ?? "no output";
  return line.length > maxLength ? `${line.slice(0, maxLength - 1)}…` : line;
}

export function describeEngineFailure(
  error: EngineCommandError,
  service: string,
  repository: string,
  context: {
    /** The registry refuses this runner's credentials (or their absence), asked after the failure. */
    credentialsRefused?: boolean;
  } = {},
): OperationFailedError {
  const output = error.output;
  const credentialsRefused = context.credentialsRefused ?? false;
  const registry = repository.split("/")[0] ?? repository;
  if (PLAIN_HTTP.test(output)) {
    return new OperationFailedError(
      `Pushing service "${service}" to ${registry} failed because the registry speaks plain HTTP; set tls-verify: false for a registry without TLS.`,
    );
  }
  if (
    (credentialsRefused && error.step === "push") ||
    (CREDENTIALS.test(output) &&
      (error.step === "push" || /push|registry|manifest|blob/i.test(output)))
  ) {
    return new OperationFailedError(
      `Pushing service "${service}" to ${repository} was refused for missing or invalid credentials; log in to ${registry} before this step (for example with aws-actions/amazon-ecr-login or docker/login-action).`,
    );
  }
  if (UNREACHABLE.test(output) && error.step === "push") {
    return new OperationFailedError(
      `Pushing service "${service}" failed: registry ${registry} could not be reached (${lastMeaningfulLine(output)}).`,
    );
  }
  const what = error.step === "build" ? "Building" : "Pushing";
  if (error.exitCode === 0) {
    return new OperationFailedError(
      `${what} service "${service}" failed: ${error.command} ${lastMeaningfulLine(output)}.`,
    );
  }
  return new OperationFailedError(
    `${what} service "${service}" failed (${error.command} exited with ${error.exitCode}): ${lastMeaningfulLine(output)}.`.replace(
      /\.\.$/,
      ".",
    ),
  );
}
