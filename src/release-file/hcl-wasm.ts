/**
 * HashiCorp's HCL parser: the Go original compiled to WebAssembly, as shipped in
 * @cdktf/hcl2json. That package's own loader finds its module through `__dirname`, which
 * Greenlight's ES module bundles do not have, and it reports a failed load as an unhandled
 * rejection that would crash the run. So the module is loaded here instead: from dist/,
 * where scripts/build.mjs copies it for the bundles, or, when running from source, from
 * node_modules.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { packageRoot } from "../core/package-root.js";

/** The name scripts/build.mjs gives the module in dist/, beside the bundles' directories. */
export const HCL_WASM_FILE = "hcl2json.wasm.gz";

type Callback = (error: string | null, result?: string) => void;
type ParseFunction = (filename: string, contents: string, callback: Callback) => void;

/** An instantiated module; opaque here. */
type WasmInstance = object;

interface GoRuntime {
  importObject: object;
  run(instance: WasmInstance): Promise<void>;
}

/** The part of the WebAssembly global used here (the compiler's ES library does not declare it). */
interface WebAssemblyApi {
  compile(bytes: Uint8Array): Promise<object>;
  instantiate(module: object, imports: object): Promise<WasmInstance>;
}

/** Where the Go program registers its functions (the name is fixed in the compiled module). */
const EXPORTS = "__parse_terraform_config_wasm__";

function wasmPath(): string {
  const candidates = [
    join(dirname(dirname(fileURLToPath(import.meta.url))), HCL_WASM_FILE),
    join(packageRoot(), "node_modules", "@cdktf", "hcl2json", "main.wasm.gz"),
  ];
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      `Greenlight is installed without HashiCorp's HCL parser (looked for ${candidates.join(" and ")}); rebuild it with npm run build.`,
    );
  }
  return found;
}

async function start(): Promise<ParseFunction> {
  const { WebAssembly } = globalThis as unknown as { WebAssembly: WebAssemblyApi };
  // Unzipping (on libuv's threads) and compiling (on V8's) leave the main thread free, so a
  // run that starts the parser early (prepareHashicorpHcl) loads its own code meanwhile.
  const compiled = readFile(wasmPath())
    .then((gz) => promisify(gunzip)(gz))
    .then((bytes) => WebAssembly.compile(bytes));
  // Defines globalThis.Go, the runtime the Go toolchain generates for WebAssembly.
  await import("@cdktf/hcl2json/wasm/bridge_wasm_exec.js");
  const { Go } = globalThis as unknown as { Go: new () => GoRuntime };
  const go = new Go();
  const instance = await WebAssembly.instantiate(await compiled, go.importObject);
  const exports: Record<string, unknown> = {};
  (globalThis as Record<string, unknown>)[EXPORTS] = exports;
  // The Go program registers its functions and then waits for calls; should it ever exit,
  // the next parse starts a fresh one.
  go.run(instance).catch(() => {
    started = undefined;
  });
  const parse = exports["parse"];
  if (typeof parse !== "function") throw new Error("HashiCorp's HCL parser did not start.");
  return parse as ParseFunction;
}

let started: Promise<ParseFunction> | undefined;

/**
 * Starts the parser in the background for a run that will edit an HCL file, so its
 * start overlaps loading the rest of the action. A failure is left for loadHashicorpHcl
 * to report.
 */
export function prepareHashicorpHcl(): void {
  started ??= start();
  started.catch(() => undefined);
}

export type HclParser = (filename: string, contents: string) => Promise<unknown>;

/**
 * HCL parsing the way Terraform does it, answering in Terraform's JSON syntax and rejecting
 * with HCL's diagnostics. Rejects (a packaging fault, not the user's) when the parser is missing.
 */
export async function loadHashicorpHcl(): Promise<HclParser> {
  started ??= start();
  const parse = await started;
  return async (filename, contents) => {
    const json = await new Promise<string>((resolve, reject) => {
      parse(filename, contents, (error, result) => {
        if (error) reject(new Error(error));
        else resolve(result ?? "");
      });
    });
    return JSON.parse(json) as unknown;
  };
}
