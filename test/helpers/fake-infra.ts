/**
 * An in-memory infra repository for promote and rollback unit tests: a linear history of
 * the tfvars file with commit dates from the test's clock, open pull requests the test
 * controls, and a lander that commits with compare-and-swap like the real one.
 */
import type { Clock } from "../../src/core/clock.js";
import type {
  DeploymentRecord,
  DeploymentRecorder,
  VerificationLog,
} from "../../src/release/deployment-status.js";
import type { LandRequest, LandResult, Lander } from "../../src/release/land-change.js";
import type {
  OpenPullRequest,
  ReleaseSource,
  RepoOverview,
} from "../../src/release/release-state.js";
import { planTfvarsEdit } from "../../src/release-file/plan-edit.js";

export const FILE = "envs/production/release.auto.tfvars.json";

interface FakeCommit {
  oid: string;
  text: string;
  /** Files beside the release file (path → content), such as a hold's record. */
  files: Record<string, string>;
  /** false for a commit that changed only other files: the file's history skips it. */
  touchesFile: boolean;
  date: Date;
  message: string;
}

export function releaseText(values: Record<string, string | number>): string {
  return JSON.stringify(values, null, 2) + "\n";
}

export class FakeInfra implements ReleaseSource, Lander, DeploymentRecorder, VerificationLog {
  readonly fullName = "acme/infra";
  readonly commits: FakeCommit[] = [];
  openPullRequests: OpenPullRequest[] = [];
  readonly deployments: DeploymentRecord[] = [];
  readonly landed: LandRequest[] = [];
  readonly confirmations: { environment: string; commit: string; at: Date }[] = [];
  readonly withdrawn: number[] = [];
  /**
   * Set to play a tick that lost a race on the pull request branch: its land finds the
   * change already committed by another tick and only (re)opens this pull request.
   */
  raceLostTo?: OpenPullRequest;
  calls = 0;

  constructor(
    private readonly clock: Clock,
    initial: string,
  ) {
    this.push(initial, "Initial commit");
  }

  get head(): FakeCommit {
    return this.commits.at(-1)!;
  }

  /** A commit of the release file's text; the other files are the head's, changed by `files`. */
  push(text: string, message: string, files: Record<string, string | undefined> = {}): string {
    const oid = (this.commits.length + 1).toString(16).padStart(40, "0");
    const kept: Record<string, string> = { ...this.commits.at(-1)?.files };
    for (const [path, content] of Object.entries(files)) {
      if (content === undefined) delete kept[path];
      else kept[path] = content;
    }
    const previous = this.commits.at(-1);
    const touchesFile = !previous || previous.text !== text || Object.keys(files).length === 0;
    this.commits.push({ oid, text, files: kept, touchesFile, date: this.clock.now(), message });
    return oid;
  }

  /** A file beside the release file at the head, if there is one. */
  fileAtHead(path: string): string | undefined {
    return this.head.files[path];
  }

  data(): Record<string, unknown> {
    return JSON.parse(this.head.text) as Record<string, unknown>;
  }

  overview(query: { depth: number }): Promise<RepoOverview> {
    this.calls++;
    const history = this.commits
      .filter((c) => c.touchesFile)
      .reverse()
      .slice(0, query.depth)
      .map((c) => ({ oid: c.oid, landedAt: c.date }));
    return Promise.resolve({
      head: this.head.oid,
      history,
      openPullRequests: this.openPullRequests,
    });
  }

  fileAt(path: string, commit: string): Promise<string | undefined> {
    this.calls++;
    const found = this.commits.find((c) => c.oid === commit);
    if (path !== FILE) return Promise.resolve(found?.files[path]);
    return Promise.resolve(found?.text);
  }

  async land(request: LandRequest): Promise<LandResult> {
    this.calls++;
    if (this.raceLostTo) {
      const { number, url } = this.raceLostTo;
      return {
        outcome: "pull-request",
        committed: false,
        pullRequest: { number, url, merged: false },
      };
    }
    let text = request.text;
    if (this.head.oid !== request.expectedHead) {
      if (!request.replanOnMovedBase) return { outcome: "superseded", committed: false };
      text = this.head.text;
    }
    const planned = await planTfvarsEdit(FILE, text, {
      set: request.set ?? [],
      release: request.release,
      create: false,
      force: false,
      imageRules: { requireDigest: false, allowedRegistries: [] },
    });
    const uploads = Object.fromEntries(
      (request.uploads ?? [])
        .filter((u) => this.head.files[u.path] !== u.content)
        .map((u) => [u.path, u.content]),
    );
    if (planned.after === text && Object.keys(uploads).length === 0) {
      return { outcome: "unchanged", committed: false };
    }
    // The compare-and-swap itself: synchronous, like the ref update on the server.
    if (this.head.oid !== request.expectedHead && !request.replanOnMovedBase) {
      return { outcome: "superseded", committed: false };
    }
    this.landed.push(request);
    return {
      outcome: "committed",
      committed: true,
      commit: this.push(planned.after, request.headline, uploads),
    };
  }

  withdraw(pullRequest: OpenPullRequest): Promise<void> {
    this.calls++;
    this.withdrawn.push(pullRequest.number);
    this.openPullRequests = this.openPullRequests.filter((p) => p.number !== pullRequest.number);
    return Promise.resolve();
  }

  confirmedAt(environment: string, commit: string): Promise<Date | undefined> {
    this.calls++;
    return Promise.resolve(
      this.confirmations.find((c) => c.environment === environment && c.commit === commit)?.at,
    );
  }

  confirm(environment: string, commit: string): Promise<void> {
    this.calls++;
    this.confirmations.push({ environment, commit, at: this.clock.now() });
    return Promise.resolve();
  }

  record(record: DeploymentRecord): Promise<void> {
    this.calls++;
    const seen = this.deployments.some(
      (d) =>
        d.ref === record.ref &&
        d.task === record.task &&
        (d.payload as { decision?: string }).decision === record.onceFor,
    );
    if (record.onceFor && seen) return Promise.resolve();
    this.deployments.push(record);
    return Promise.resolve();
  }
}

/** A Prometheus that answers from a model: the value of the query at a time (ms). */
export function fakePrometheus(
  valueAt: (query: string, at: number) => number | undefined,
): typeof fetch {
  return (input) => {
    const url = new URL(
      typeof input === "string" ? input : input instanceof URL ? input.href : input.url,
    );
    const query = url.searchParams.get("query") ?? "";
    const value = (at: number): [number, string] | undefined => {
      const v = valueAt(query, at);
      return v === undefined ? undefined : [at / 1000, String(v)];
    };
    let data: unknown;
    if (url.pathname.endsWith("/query_range")) {
      const start = Number(url.searchParams.get("start")) * 1000;
      const end = Number(url.searchParams.get("end")) * 1000;
      const step = Number(url.searchParams.get("step")!.replace(/s$/, "")) * 1000;
      const values: [number, string][] = [];
      for (let t = start; t <= end; t += step) {
        const point = value(t);
        if (point) values.push(point);
      }
      data = { resultType: "matrix", result: values.length ? [{ metric: {}, values }] : [] };
    } else {
      const at = Number(url.searchParams.get("time")) * 1000;
      const point = value(at);
      data = { resultType: "vector", result: point ? [{ metric: {}, value: point }] : [] };
    }
    return Promise.resolve(new Response(JSON.stringify({ status: "success", data })));
  };
}
