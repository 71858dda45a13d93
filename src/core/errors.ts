/**
 * Two kinds of failure the user sees, and everything else.
 *
 * - ConfigurationError: the user gave bad input or config. One sentence naming the input,
 *   what was wrong and what would be right. CLI exit code 2; nothing has been written.
 * - OperationFailedError: the input was fine but the check or operation failed (a health
 *   check did not pass, a push was refused). CLI exit code 1.
 * Any other error is a bug or an unexpected fault and is reported with its stack in debug.
 */
export class ConfigurationError extends Error {
  override readonly name = "ConfigurationError";
}

export class OperationFailedError extends Error {
  override readonly name = "OperationFailedError";
}

export function isConfigurationError(error: unknown): error is ConfigurationError {
  return error instanceof ConfigurationError;
}

/** The message of anything thrown, without assuming it is an Error. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "string") return error;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}
