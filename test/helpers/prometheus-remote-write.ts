/**
 * Samples written into Prometheus with explicit timestamps, through its remote-write
 * receiver (`--web.enable-remote-write-receiver`): a test decides what Prometheus holds at
 * every instant instead of waiting for scrapes. The request is the remote-write 1.0 wire
 * format: a protobuf `WriteRequest`, snappy-compressed (as one literal: valid snappy, no
 * compression needed for a few kilobytes).
 */

export interface Series {
  /** Labels, including `__name__`. */
  labels: Record<string, string>;
  /** [milliseconds since the epoch, value], in increasing time. */
  samples: [number, number][];
}

function varint(value: number | bigint): number[] {
  let n = BigInt(value);
  const out: number[] = [];
  do {
    let byte = Number(n & 0x7fn);
    n >>= 7n;
    if (n > 0n) byte |= 0x80;
    out.push(byte);
  } while (n > 0n);
  return out;
}

/** A length-delimited field (wire type 2). */
function field(number: number, bytes: Uint8Array | number[]): number[] {
  return [...varint((number << 3) | 2), ...varint(bytes.length), ...bytes];
}

function text(value: string): Uint8Array {
  return new TextEncoder().encode(value);
}

function sample([at, value]: [number, number]): number[] {
  const double = Buffer.alloc(8);
  double.writeDoubleLE(value);
  // value: field 1, fixed64 (wire type 1); timestamp: field 2, varint.
  return [(1 << 3) | 1, ...double, (2 << 3) | 0, ...varint(at)];
}

function timeSeries(series: Series): number[] {
  // Prometheus requires labels sorted by name.
  const labels = Object.entries(series.labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return [
    ...labels.flatMap(([name, value]) =>
      field(1, [...field(1, text(name)), ...field(2, text(value))]),
    ),
    ...series.samples.flatMap((s) => field(2, sample(s))),
  ];
}

/** Snappy's block format with the whole input as one literal. */
function snappyLiteral(data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32LE(data.length - 1);
  // Tag 63 << 2: a literal whose length - 1 follows in four bytes.
  return Buffer.concat([Buffer.from(varint(data.length)), Buffer.from([63 << 2]), length, data]);
}

export function encodeWriteRequest(series: Series[]): Buffer {
  const body = Uint8Array.from(series.flatMap((s) => field(1, timeSeries(s))));
  return snappyLiteral(body);
}

export async function remoteWrite(baseUrl: string, series: Series[]): Promise<void> {
  const response = await fetch(`${baseUrl}/api/v1/write`, {
    method: "POST",
    headers: {
      "content-type": "application/x-protobuf",
      "content-encoding": "snappy",
      "x-prometheus-remote-write-version": "0.1.0",
    },
    body: encodeWriteRequest(series),
  });
  if (!response.ok) {
    throw new Error(`Prometheus refused the samples: ${response.status} ${await response.text()}`);
  }
}
