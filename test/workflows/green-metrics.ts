/**
 * The green side's request counter as the documented error-rate query reads it
 * (`http_requests_total{color="green",code}`), with an error share the scenario sets, for
 * a real Prometheus to scrape.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface GreenMetrics {
  /** host:port for Prometheus's scrape config. */
  target: string;
  setErrorShare(share: number): void;
  stop(): Promise<void>;
}

export async function startGreenMetrics(initialShare = 0): Promise<GreenMetrics> {
  let errorShare = initialShare;
  let ok = 0;
  let errors = 0;
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/plain; version=0.0.4" });
    res.end(
      [
        "# TYPE http_requests_total counter",
        `http_requests_total{color="green",code="200"} ${ok}`,
        `http_requests_total{color="green",code="500"} ${errors}`,
        "",
      ].join("\n"),
    );
  });
  const load = setInterval(() => {
    const failed = Math.round(10 * errorShare);
    ok += 10 - failed;
    errors += failed;
  }, 100);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    target: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    setErrorShare: (share: number) => void (errorShare = share),
    stop: () => {
      clearInterval(load);
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
