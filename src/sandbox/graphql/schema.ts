/**
 * The part of GitHub's GraphQL schema the sandbox serves, with GitHub's own type, field and
 * argument names, so a query written against GitHub validates here the same way (and one
 * that asks for something the sandbox lacks fails validation instead of returning nulls).
 */
import { buildSchema, type GraphQLSchema } from "graphql";

const SDL = /* GraphQL */ `
  scalar Base64String
  scalar DateTime
  scalar GitObjectID
  scalar GitTimestamp
  scalar URI

  type Query {
    node(id: ID!): Node
    rateLimit(dryRun: Boolean = false): RateLimit
    repository(owner: String!, name: String!, followRenames: Boolean = true): Repository
    viewer: User!
  }

  type Mutation {
    createCommitOnBranch(input: CreateCommitOnBranchInput!): CreateCommitOnBranchPayload
    disablePullRequestAutoMerge(
      input: DisablePullRequestAutoMergeInput!
    ): DisablePullRequestAutoMergePayload
    enablePullRequestAutoMerge(
      input: EnablePullRequestAutoMergeInput!
    ): EnablePullRequestAutoMergePayload
  }

  interface Node {
    id: ID!
  }

  type User implements Node {
    id: ID!
    login: String!
    name: String
    email: String!
  }

  type RateLimit {
    cost: Int!
    limit: Int!
    nodeCount: Int!
    remaining: Int!
    resetAt: DateTime!
    used: Int!
  }

  type Repository implements Node {
    id: ID!
    name: String!
    nameWithOwner: String!
    owner: User!
    url: URI!
    isPrivate: Boolean!
    autoMergeAllowed: Boolean!
    defaultBranchRef: Ref
    ref(qualifiedName: String!): Ref
    object(oid: GitObjectID, expression: String): Commit
    pullRequest(number: Int!): PullRequest
    pullRequests(
      states: [PullRequestState!]
      headRefName: String
      baseRefName: String
      first: Int
    ): PullRequestConnection!
  }

  type Ref implements Node {
    id: ID!
    name: String!
    prefix: String!
    repository: Repository!
    target: Commit
  }

  type Commit implements Node {
    id: ID!
    oid: GitObjectID!
    abbreviatedOid: String!
    url: URI!
    message: String!
    messageHeadline: String!
    messageBody: String!
    authoredDate: DateTime!
    committedDate: DateTime!
    author: GitActor
    committer: GitActor
    signature: GitSignature
    tree: Tree!
    parents(first: Int): CommitConnection!
    history(first: Int, path: String): CommitHistoryConnection!
  }

  type GitActor {
    name: String
    email: String
    date: GitTimestamp
  }

  enum GitSignatureState {
    VALID
    INVALID
    UNKNOWN_KEY
    UNSIGNED
  }

  type GitSignature {
    isValid: Boolean!
    state: GitSignatureState!
    wasSignedByGitHub: Boolean!
  }

  type Tree implements Node {
    id: ID!
    oid: GitObjectID!
  }

  type CommitConnection {
    nodes: [Commit]
    totalCount: Int!
  }

  type CommitHistoryConnection {
    nodes: [Commit]
    totalCount: Int!
  }

  enum PullRequestState {
    OPEN
    CLOSED
    MERGED
  }

  enum MergeableState {
    MERGEABLE
    CONFLICTING
    UNKNOWN
  }

  enum PullRequestMergeMethod {
    MERGE
    SQUASH
    REBASE
  }

  type PullRequest implements Node {
    id: ID!
    number: Int!
    title: String!
    body: String!
    url: URI!
    state: PullRequestState!
    closed: Boolean!
    merged: Boolean!
    mergedAt: DateTime
    isDraft: Boolean!
    createdAt: DateTime!
    headRefName: String!
    headRefOid: GitObjectID!
    baseRefName: String!
    baseRefOid: GitObjectID!
    mergeable: MergeableState!
    mergeCommit: Commit
    autoMergeRequest: AutoMergeRequest
    repository: Repository!
  }

  type AutoMergeRequest {
    commitBody: String
    commitHeadline: String
    enabledBy: User
    mergeMethod: PullRequestMergeMethod!
    pullRequest: PullRequest!
  }

  type PullRequestConnection {
    nodes: [PullRequest]
    totalCount: Int!
  }

  input CommittableBranch {
    branchName: String
    id: ID
    repositoryNameWithOwner: String
  }

  input FileAddition {
    path: String!
    contents: Base64String!
  }

  input FileDeletion {
    path: String!
  }

  input FileChanges {
    additions: [FileAddition!] = []
    deletions: [FileDeletion!] = []
  }

  input CommitMessage {
    headline: String!
    body: String
  }

  input CreateCommitOnBranchInput {
    branch: CommittableBranch!
    clientMutationId: String
    expectedHeadOid: GitObjectID!
    fileChanges: FileChanges
    message: CommitMessage!
  }

  type CreateCommitOnBranchPayload {
    clientMutationId: String
    commit: Commit
    ref: Ref
  }

  input EnablePullRequestAutoMergeInput {
    authorEmail: String
    clientMutationId: String
    commitBody: String
    commitHeadline: String
    expectedHeadOid: GitObjectID
    mergeMethod: PullRequestMergeMethod = MERGE
    pullRequestId: ID!
  }

  type EnablePullRequestAutoMergePayload {
    actor: User
    clientMutationId: String
    pullRequest: PullRequest
  }

  input DisablePullRequestAutoMergeInput {
    clientMutationId: String
    pullRequestId: ID!
  }

  type DisablePullRequestAutoMergePayload {
    actor: User
    clientMutationId: String
    pullRequest: PullRequest
  }
`;

let built: GraphQLSchema | undefined;

export function sandboxSchema(): GraphQLSchema {
  built ??= buildSchema(SDL);
  return built;
}
