/** What a failed GitHub request says about itself, whatever threw it (Octokit's RequestError, a test double). */

/** The HTTP status a failed request carries, if the error has one. */
export function httpStatusOf(error: unknown): number | undefined {
  return typeof error === "object" && error !== null && "status" in error
    ? Number((error as { status: unknown }).status)
    : undefined;
}
