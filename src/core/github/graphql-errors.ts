/**
 * GitHub's GraphQL API answers most failures with HTTP 200 and an `errors` array, so an
 * HTTP status says nothing about them. This reads the array and names the failure the way
 * a REST status would: "not-found" (404), "rate-limited" (403/429), "transient" (5xx:
 * "Something went wrong while executing your query", GitHub's timeout), "stale" (409-like
 * compare-and-swap loss) or "refused" (422: an answer no retry changes).
 */

export interface GraphqlErrorItem {
  type?: string;
  message?: string;
  path?: readonly (string | number)[];
}

export type GraphqlFailureKind = "not-found" | "rate-limited" | "transient" | "stale" | "refused";

/** GitHub's untyped answer when a query timed out or failed inside GitHub. */
const SOMETHING_WENT_WRONG = /Something went wrong while executing your query/i;

/** The `errors` of a GraphQL answer or of the error @octokit/graphql throws for one. */
export function graphqlErrorsOf(value: unknown): GraphqlErrorItem[] | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const errors =
    (value as { errors?: unknown }).errors ??
    (value as { response?: { data?: { errors?: unknown } } }).response?.data?.errors;
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  return errors.filter((e): e is GraphqlErrorItem => typeof e === "object" && e !== null);
}

function kindOf(item: GraphqlErrorItem): GraphqlFailureKind {
  if (item.type === "RATE_LIMITED") return "rate-limited";
  if (item.type === "NOT_FOUND") return "not-found";
  if (item.type === "STALE_DATA" || /expected branch to point to/i.test(item.message ?? "")) {
    return "stale";
  }
  if (SOMETHING_WENT_WRONG.test(item.message ?? "")) return "transient";
  return "refused";
}

/** The failure a GraphQL answer reports, the most retryable first; undefined when none. */
export function classifyGraphqlErrors(value: unknown): GraphqlFailureKind | undefined {
  const errors = graphqlErrorsOf(value);
  if (!errors) return undefined;
  const kinds = new Set(errors.map(kindOf));
  const order: GraphqlFailureKind[] = [
    "rate-limited",
    "transient",
    "stale",
    "not-found",
    "refused",
  ];
  return order.find((kind) => kinds.has(kind));
}

/** The messages of a GraphQL failure, joined, for a sentence about it. */
export function graphqlMessages(value: unknown): string {
  return (graphqlErrorsOf(value) ?? [])
    .map((e) => e.message ?? e.type ?? "")
    .filter(Boolean)
    .join("; ");
}
