/**
 * The demo's stand-in for what Terraform would deploy: one small HTTP service per colour
 * behind a load balancer that splits requests by the blue/green weights. `apply` takes the
 * tfvars values, as Terraform would after a merge. The service's version is the image tag;
 * a version listed in `failingVersions` answers 500 to a share of requests, which is what
 * the metric gates are meant to catch. It keeps per-colour counters in a sliding window and
 * serves them as JSON (`/stats`) and in the Prometheus text format (`/metrics`).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parseImageReference } from "../core/oci-reference.js";

export type Colour = "blue" | "green";

export interface ServiceState {
  blueImage: string;
  greenImage: string;
  blueWeight: number;
  greenWeight: number;
  blueCount: number;
  greenCount: number;
}

interface Sample {
  at: number;
  colour: Colour;
  ok: boolean;
}

export interface DemoFleet {
  url: string;
  apply(state: ServiceState): void;
  /** What was applied last. */
  current(): ServiceState | undefined;
  /** Error rate and request count per colour over the last `windowMs`. */
  stats(): Record<
    Colour,
    { version: string; requests: number; errors: number; "error-rate": number | null }
  >;
  close(): Promise<void>;
}

/** The version an image reference names: its tag. */
export function versionOf(image: string): string {
  return parseImageReference(image)?.tag ?? "unknown";
}

export async function startDemoFleet(options: {
  failingVersions: string[];
  /** The version an image holds; by default its tag. */
  versionOf?: (image: string) => string;
  errorShare?: number;
  windowMs?: number;
  now?: () => number;
}): Promise<DemoFleet> {
  const now = options.now ?? Date.now;
  const versionOfImage = options.versionOf ?? versionOf;
  const windowMs = options.windowMs ?? 5_000;
  const errorShare = options.errorShare ?? 0.4;
  let state: ServiceState | undefined;
  let samples: Sample[] = [];
  let counter = 0;

  const live = (colour: Colour) =>
    state !== undefined && (colour === "blue" ? state.blueCount : state.greenCount) > 0;
  const version = (colour: Colour) =>
    state ? versionOfImage(colour === "blue" ? state.blueImage : state.greenImage) : "none";

  // Deterministic split: request n goes green when its position in a 100-slot cycle is
  // below the green weight, so a 10% weight is exactly 10 of every 100 requests.
  const pick = (): Colour | undefined => {
    if (!state) return undefined;
    const slot = counter++ % 100;
    const colour: Colour = slot < state.greenWeight ? "green" : "blue";
    if (live(colour)) return colour;
    const other: Colour = colour === "green" ? "blue" : "green";
    return live(other) ? other : undefined;
  };

  const stats = () => {
    const since = now() - windowMs;
    samples = samples.filter((s) => s.at >= since);
    const of = (colour: Colour) => {
      const mine = samples.filter((s) => s.colour === colour);
      const errors = mine.filter((s) => !s.ok).length;
      return {
        version: version(colour),
        requests: mine.length,
        errors,
        "error-rate": mine.length === 0 ? null : errors / mine.length,
      };
    };
    return { blue: of("blue"), green: of("green") };
  };

  const serve = (colour: Colour, res: ServerResponse) => {
    const v = version(colour);
    // Every n-th request of a failing version fails, so the share is exact, not random.
    const fails = options.failingVersions.includes(v) && counter % Math.round(1 / errorShare) === 0;
    samples.push({ at: now(), colour, ok: !fails });
    res.writeHead(fails ? 500 : 200, { "content-type": "application/json", "x-served-by": colour });
    res.end(JSON.stringify(fails ? { status: "error" } : { status: "ok", version: v, colour }));
  };

  const metrics = () => {
    const s = stats();
    const lines = ["# TYPE demo_requests gauge", "# TYPE demo_errors gauge"];
    for (const colour of ["blue", "green"] as const) {
      lines.push(
        `demo_requests{colour="${colour}",version="${s[colour].version}"} ${s[colour].requests}`,
      );
      lines.push(
        `demo_errors{colour="${colour}",version="${s[colour].version}"} ${s[colour].errors}`,
      );
    }
    return lines.join("\n") + "\n";
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/stats") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(stats()));
    } else if (path === "/metrics") {
      res.writeHead(200, { "content-type": "text/plain; version=0.0.4" });
      res.end(metrics());
    } else if (path === "/green/health" || path === "/blue/health") {
      const colour: Colour = path.startsWith("/green") ? "green" : "blue";
      const up = live(colour);
      res.writeHead(up ? 200 : 503, { "content-type": "application/json" });
      res.end(JSON.stringify(up ? { status: "ok", version: version(colour) } : { status: "down" }));
    } else {
      const colour = pick();
      if (!colour) {
        res.writeHead(503, { "content-type": "application/json" });
        res.end(JSON.stringify({ status: "no healthy backend" }));
        return;
      }
      serve(colour, res);
    }
  };

  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    apply(next) {
      // A colour whose image changed starts with an empty window, as a fresh task would.
      if (state && next.greenImage !== state.greenImage)
        samples = samples.filter((s) => s.colour !== "green");
      state = { ...next };
    },
    current: () => (state ? { ...state } : undefined),
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Steady traffic against the load balancer, until stopped. */
export function startTraffic(url: string, perSecond: number): { stop(): void } {
  const timer = setInterval(() => {
    for (let i = 0; i < perSecond / 10; i++) {
      fetch(url + "/").then(
        (res) => res.arrayBuffer(),
        () => undefined,
      );
    }
  }, 100);
  return { stop: () => clearInterval(timer) };
}
