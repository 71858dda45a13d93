/**
 * Runs one GraphQL request the way GitHub's endpoint does: parse and validate against the
 * schema, run the operation (mutation fields one after another, as the spec requires), and
 * answer `{data, errors}` with GitHub's error shape.
 */
import { execute, GraphQLError, parse, validate, type DocumentNode } from "graphql";
import type { RateLimiter } from "../rate-limit.js";
import {
  disablePullRequestAutoMerge,
  enablePullRequestAutoMerge,
  type EnableAutoMergeInput,
} from "./auto-merge-mutations.js";
import { createCommitOnBranch, type CreateCommitOnBranchInput } from "./commit-on-branch.js";
import { repositoryFor, type GraphqlContext } from "./access.js";
import { formatError, TypedError, type GitHubGraphqlError } from "./errors.js";
import { decodeNodeId } from "./node-ids.js";
import {
  commitObject,
  pullRequestObject,
  refObject,
  repositoryObject,
  userObject,
} from "./objects.js";
import { sandboxSchema } from "./schema.js";
import type { PullIssue } from "../pull-merge.js";
import { actingUser } from "../context.js";

export interface GraphqlRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

export interface GraphqlAnswer {
  body: { data?: unknown; errors?: GitHubGraphqlError[] };
  /** Failures inside the sandbox, for the request log. */
  internal: Error[];
}

async function nodeById(context: GraphqlContext, id: string) {
  const { ctx } = context;
  const node = decodeNodeId(ctx, id);
  if (!node)
    throw new TypedError("NOT_FOUND", `Could not resolve to a node with the global id of '${id}'.`);
  const repo = repositoryFor(context, node.repo.fullName, ["metadata"], "read");
  switch (node.type) {
    case "Repository":
      return repositoryObject(ctx, repo);
    case "PullRequest": {
      const issue = repo.issues.get(node.number);
      return issue?.pull ? pullRequestObject(ctx, repo, issue as PullIssue) : null;
    }
    case "Ref": {
      const ref = await repo.git.readRef(node.name);
      return ref ? refObject(ctx, repo, ref.name, ref.sha) : null;
    }
    case "Commit":
      return (await repo.git.objectType(node.sha)) === "commit"
        ? commitObject(ctx, repo, node.sha)
        : null;
  }
}

function rootValue(context: GraphqlContext, rate: RateLimiter) {
  const { ctx, principal } = context;
  return {
    viewer: () => userObject(actingUser(ctx, principal)),
    repository: ({ owner, name }: { owner: string; name: string }) =>
      repositoryObject(ctx, repositoryFor(context, `${owner}/${name}`, ["metadata"], "read")),
    node: ({ id }: { id: string }) => nodeById(context, id),
    rateLimit: () => {
      const { graphql } = rate.overview(principal.key).resources;
      return {
        cost: 1,
        limit: graphql?.limit ?? 5000,
        nodeCount: 1,
        remaining: graphql?.remaining ?? 5000,
        resetAt: new Date((graphql?.reset ?? 0) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z"),
        used: graphql?.used ?? 0,
      };
    },
    createCommitOnBranch: ({ input }: { input: CreateCommitOnBranchInput }) =>
      createCommitOnBranch(context, input),
    enablePullRequestAutoMerge: ({ input }: { input: EnableAutoMergeInput }) =>
      enablePullRequestAutoMerge(context, input),
    disablePullRequestAutoMerge: ({
      input,
    }: {
      input: { pullRequestId: string; clientMutationId?: string | null };
    }) => disablePullRequestAutoMerge(context, input),
  };
}

function answerWith(errors: readonly GraphQLError[], data?: unknown): GraphqlAnswer {
  const formatted = errors.map(formatError);
  return {
    body: {
      ...(data !== undefined ? { data } : {}),
      ...(formatted.length ? { errors: formatted.map((f) => f.json) } : {}),
    },
    internal: formatted.flatMap((f) => (f.internal ? [f.internal] : [])),
  };
}

export async function runGraphql(
  context: GraphqlContext,
  rate: RateLimiter,
  request: GraphqlRequest,
): Promise<GraphqlAnswer> {
  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (error) {
    if (error instanceof GraphQLError) return answerWith([error]);
    throw error;
  }
  const invalid = validate(sandboxSchema(), document);
  if (invalid.length > 0) return answerWith(invalid);
  const result = await execute({
    schema: sandboxSchema(),
    document,
    rootValue: rootValue(context, rate),
    contextValue: context,
    variableValues: request.variables ?? {},
    operationName: request.operationName ?? null,
  });
  return answerWith(result.errors ?? [], result.data ?? undefined);
}
