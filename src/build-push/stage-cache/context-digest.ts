/**
 * A digest of what one COPY source can bring in from the build context: every file's path,
 * type, permission bits and content (a link's target text), never its owner or times, as
 * the engines' own cache keys do. It errs towards taking in more than the COPY copies
 * (files .dockerignore leaves out, a whole folder for a wildcard that is not in the last
 * part of the path): a digest that changes too often costs a rebuild, one that changes too
 * rarely would ship a stale stage.
 */
import { createHash, type Hash } from "node:crypto";
import { createReadStream } from "node:fs";
import { lstat, readdir, readlink, realpath } from "node:fs/promises";
import { isAbsolute, posix, relative, sep } from "node:path";

const WILDCARD = /[*?[\\]/;

/** The digest of a source, or undefined when it leaves the context or matches nothing. */
export async function sourceDigest(
  contextDir: string,
  source: string,
): Promise<string | undefined> {
  const context = await realpath(contextDir);
  const cleaned = posix.normalize(`./${source.replace(/^\/+/, "")}`).replace(/\/+$/, "");
  if (cleaned === ".." || cleaned.startsWith("../")) return undefined;
  const parts = cleaned === "." ? [] : cleaned.split("/");
  const wild = parts.findIndex((part) => WILDCARD.test(part));
  const hash = createHash("sha256");
  if (wild === -1) {
    if (!(await addTop(hash, context, parts.join("/")))) return undefined;
  } else {
    // A wildcard in the last part: the entries of that folder whose names it could match.
    // Anywhere else: the whole folder before it.
    const folder = parts.slice(0, wild).join("/");
    const pattern = wild === parts.length - 1 ? segmentPattern(parts[wild]!) : undefined;
    const inside = await insideContext(context, folder);
    if (!inside) return undefined;
    const names = (await readdir(inside).catch(() => [])).sort();
    let matched = false;
    for (const name of names) {
      if (pattern && !pattern.test(name)) continue;
      matched = true;
      if (!(await addTop(hash, context, folder ? `${folder}/${name}` : name))) return undefined;
    }
    if (!matched) return undefined;
  }
  return `sha256:${hash.digest("hex")}`;
}

/**
 * A loose match for one path part: `*` as usual, and `?`, a whole bracket expression or an
 * escaped character as anything. Loose, never narrower: a bracket read as its characters
 * would make `[ab].txt` look for the text "ab" and leave `a.txt` out of the digest.
 */
function segmentPattern(part: string): RegExp {
  let source = "";
  for (let i = 0; i < part.length; i++) {
    const char = part[i]!;
    if (char === "\\") {
      source += ".*";
      i++;
    } else if (char === "[") {
      // Skip to the `]` that closes it (one escaped by a backslash does not).
      for (i++; i < part.length && part[i] !== "]"; i++) if (part[i] === "\\") i++;
      source += ".*";
    } else if (char === "*" || char === "?") source += ".*";
    else source += char.replace(/[.+^${}()|\]]/g, "\\$&");
  }
  return new RegExp(`^${source}$`, "s");
}

/** The real path of a context path, or undefined when it resolves outside the context. */
async function insideContext(context: string, path: string): Promise<string | undefined> {
  const real = await realpath(`${context}${sep}${path}`).catch(() => undefined);
  if (real === undefined) return undefined;
  const rel = relative(context, real);
  // `..` as a whole part only: `..hidden` is a name inside the context.
  const leaves = rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel);
  return leaves ? undefined : real;
}

/** A source named in a COPY: followed if it is a link (inside the context), then walked. */
async function addTop(hash: Hash, context: string, path: string): Promise<boolean> {
  const real = await insideContext(context, path);
  if (real === undefined) return false;
  await addEntry(hash, real, path || ".");
  return true;
}

async function addEntry(hash: Hash, absolute: string, name: string): Promise<void> {
  const stats = await lstat(absolute);
  const mode = (stats.mode & 0o7777).toString(8);
  if (stats.isSymbolicLink()) {
    hash.update(
      `link ${mode} ${JSON.stringify(name)} ${JSON.stringify(await readlink(absolute))}\n`,
    );
  } else if (stats.isDirectory()) {
    hash.update(`dir ${mode} ${JSON.stringify(name)}\n`);
    for (const child of (await readdir(absolute)).sort())
      await addEntry(hash, `${absolute}${sep}${child}`, `${name}/${child}`);
  } else if (stats.isFile()) {
    hash.update(`file ${mode} ${JSON.stringify(name)} ${stats.size} `);
    hash.update(await fileDigest(absolute));
    hash.update("\n");
  } else {
    hash.update(`other ${mode} ${JSON.stringify(name)}\n`);
  }
}

async function fileDigest(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
