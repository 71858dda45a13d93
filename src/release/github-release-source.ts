/**
 * The release source on GitHub: one GraphQL query answers where the base branch stands,
 * which commits changed the tfvars file (with the dates they reached the base) and which
 * Greenlight pull requests are open; file contents come from open-pr's InfraRepo.
 */
import type { InfraRepo } from "./infra-repo.js";
import type { HistoryCommit, ReleaseSource, RepoOverview } from "./release-state.js";

type Graphql = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

interface CommitNode {
  oid: string;
  committedDate: string;
  parents: { nodes: ({ oid: string } | null)[] | null };
}

interface PullNode {
  id: string;
  number: number;
  url: string;
  createdAt: string;
}

interface OverviewAnswer {
  repository: {
    ref: {
      target: {
        oid: string;
        changes: { nodes: (CommitNode | null)[] | null };
        recent: { nodes: (CommitNode | null)[] | null };
      } | null;
    } | null;
    [alias: `pr${number}`]: {
      nodes: (PullNode | null)[] | null;
    };
  } | null;
}

function overviewQuery(branches: number): string {
  const pulls = Array.from(
    { length: branches },
    (_, i) =>
      `pr${i}: pullRequests(states: [OPEN], headRefName: $branch${i}, baseRefName: $base, first: 1) { nodes { id number url createdAt } }`,
  ).join("\n      ");
  // GraphQL refuses declared variables that the query does not use.
  const branchVars =
    branches > 0
      ? `, $base: String!${Array.from({ length: branches }, (_, i) => `, $branch${i}: String!`).join("")}`
      : "";
  return `query($owner: String!, $name: String!, $qualified: String!, $path: String!, $depth: Int!${branchVars}) {
    repository(owner: $owner, name: $name) {
      ref(qualifiedName: $qualified) {
        target {
          ... on Commit {
            oid
            changes: history(first: $depth, path: $path) { nodes { oid committedDate parents(first: 2) { nodes { oid } } } }
            recent: history(first: 50) { nodes { oid committedDate parents(first: 2) { nodes { oid } } } }
          }
        }
      }
      ${pulls}
    }
  }`;
}

/**
 * A change merged with a merge commit shows up in the file's history as the branch's
 * commit, dated when the branch was written; it reached the base when the merge commit did.
 */
function landingDate(commit: CommitNode, recent: CommitNode[]): Date {
  const merge = recent.find((c) =>
    (c.parents.nodes ?? []).slice(1).some((p) => p?.oid === commit.oid),
  );
  return new Date((merge ?? commit).committedDate);
}

export class GitHubReleaseSource implements ReleaseSource {
  constructor(
    private readonly graphql: Graphql,
    private readonly repo: InfraRepo,
  ) {}

  get fullName(): string {
    return this.repo.fullName;
  }

  async overview(query: {
    base: string;
    path: string;
    branches: string[];
    depth: number;
  }): Promise<RepoOverview | undefined> {
    const variables: Record<string, unknown> = {
      owner: this.repo.ref.owner,
      name: this.repo.ref.repo,
      qualified: `refs/heads/${query.base}`,
      ...(query.branches.length > 0 ? { base: query.base } : {}),
      path: query.path,
      depth: query.depth,
    };
    query.branches.forEach((branch, i) => (variables[`branch${i}`] = branch));
    const answer = await this.graphql<OverviewAnswer>(
      overviewQuery(query.branches.length),
      variables,
    );
    const target = answer.repository?.ref?.target;
    if (!target) return undefined;
    const recent = (target.recent.nodes ?? []).filter((c): c is CommitNode => c !== null);
    const history: HistoryCommit[] = (target.changes.nodes ?? [])
      .filter((c): c is CommitNode => c !== null)
      .map((c) => ({ oid: c.oid, landedAt: landingDate(c, recent) }));
    const openPullRequests = query.branches.flatMap((branch, i) =>
      (answer.repository?.[`pr${i}`]?.nodes ?? [])
        .filter((p): p is PullNode => p !== null)
        .map((p) => ({
          branch,
          number: p.number,
          url: p.url,
          nodeId: p.id,
          ...(p.createdAt ? { openedAt: new Date(p.createdAt) } : {}),
        })),
    );
    return { head: target.oid, history, openPullRequests };
  }

  fileAt(path: string, commit: string): Promise<string | undefined> {
    return this.repo.fileAt(path, commit);
  }
}
