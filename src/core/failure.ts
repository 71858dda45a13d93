import { ConfigurationError, OperationFailedError, errorMessage } from "./errors.js";

export interface FailureReport {
  message: string;
  exitCode: 1 | 2;
  /** Only for unexpected errors (bugs): user mistakes never show a stack trace. */
  stack?: string;
}

/** How a thrown value is shown to the user, by both runners. */
export function describeFailure(error: unknown): FailureReport {
  if (error instanceof ConfigurationError) return { message: error.message, exitCode: 2 };
  if (error instanceof OperationFailedError) return { message: error.message, exitCode: 1 };
  const stack = error instanceof Error ? error.stack : undefined;
  return {
    message: `Unexpected error: ${errorMessage(error)}`,
    exitCode: 1,
    ...(stack ? { stack } : {}),
  };
}
