/**
 * Keeps a long streaming run's memory flat. Each chunk a stream stage emits is a new buffer
 * outside the JavaScript heap; V8 frees them only when it collects, and it collects when
 * its (small) young heap fills or when about 64 MB of such buffers have built up. At
 * hundreds of MB per second that is a 64 MB sawtooth on top of everything else, so the
 * pipeline asks for a young-generation collection (a scavenge, ~1 ms) every few MB instead.
 */
import v8 from "node:v8";
import vm from "node:vm";

type Collect = (options: { type: "minor" | "major"; execution?: "sync" | "async" }) => void;

let collect: Collect | undefined | null;

function collector(): Collect | undefined {
  if (collect === undefined) {
    try {
      // The documented way to reach gc() without starting node with --expose-gc.
      v8.setFlagsFromString("--expose-gc");
      collect = vm.runInNewContext("gc") as Collect;
    } catch {
      collect = null;
    }
  }
  return collect ?? undefined;
}

/** Returns a function to call with each chunk's size; it collects every `everyBytes`. */
export function scavengeEvery(everyBytes: number): (bytes: number) => void {
  let since = 0;
  return (bytes) => {
    since += bytes;
    if (since < everyBytes) return;
    since = 0;
    collector()?.({ type: "minor" });
  };
}
