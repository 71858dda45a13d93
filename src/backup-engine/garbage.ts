/**
 * Keeps a long streaming run's memory flat. Each chunk a stream stage emits (gzip's output
 * above all: zlib allocates a fresh buffer per chunk) is a new buffer outside the JavaScript
 * heap; V8 frees them only when it collects, and it collects when its (small) young heap fills
 * or when about 64 MB of such buffers have built up. At hundreds of MB per second that is a
 * 64 MB sawtooth on top of everything else, so the pipeline asks for a young-generation
 * collection (a scavenge, ~1 ms) every few MB instead.
 *
 * Why a runtime flag: there is no flag-free way. Node offers no API that asks V8 to collect
 * without `--expose-gc`, and an action cannot choose its node flags (`runs.using: node24`
 * takes none, and NODE_OPTIONS belongs to the user). Node's documentation warns that
 * `v8.setFlagsFromString` after start-up may behave unpredictably; this use is the narrow one
 * that stays predictable: `--expose-gc` is read only when a new context is created, so the
 * flag changes nothing but the `gc` global of the one context made here. If that ever fails,
 * `collect` stays null and memory is bounded by V8's own external-memory trigger (the
 * sawtooth above), which `npm run bench -- backup` measures (rss_mb_*).
 */
import v8 from "node:v8";
import vm from "node:vm";

type Collect = (options: { type: "minor" | "major"; execution?: "sync" | "async" }) => void;

let collect: Collect | undefined | null;

function collector(): Collect | undefined {
  if (collect === undefined) {
    try {
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
