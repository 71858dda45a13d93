/** The part of @vercel/ncc's API the benchmarks use (the package ships no types). */
declare module "@vercel/ncc" {
  interface NccOptions {
    minify?: boolean;
    sourceMap?: boolean;
    quiet?: boolean;
    target?: string;
    license?: string;
  }
  interface NccOutput {
    code: string;
    assets?: Record<string, { source: string | Buffer }>;
  }
  export default function ncc(entry: string, options?: NccOptions): Promise<NccOutput>;
}
