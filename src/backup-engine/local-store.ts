/**
 * A local directory as a backup store. Objects are written to a hidden temporary name and
 * hard-linked into place, which fails if the name exists: an existing backup is never
 * replaced, and a half-written one never appears under its real name.
 */
import { createReadStream, createWriteStream } from "node:fs";
import { link, mkdir, readdir, readFile, stat, unlink, writeFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { dirname, join, relative, sep } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { BackupStore, StoredObject } from "./store.js";
import { ObjectExistsError } from "./store.js";

export class LocalStore implements BackupStore {
  constructor(private readonly root: string) {}

  location(key: string): string {
    return join(this.root, ...key.split("/"));
  }

  async exists(key: string): Promise<boolean> {
    try {
      await stat(this.location(key));
      return true;
    } catch {
      return false;
    }
  }

  private temporaryPath(key: string): string {
    const path = this.location(key);
    return join(dirname(path), `.partial-${randomBytes(6).toString("hex")}`);
  }

  private async publish(temporary: string, key: string): Promise<void> {
    try {
      await link(temporary, this.location(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") {
        throw new ObjectExistsError(`${this.location(key)} already exists`);
      }
      throw error;
    } finally {
      await unlink(temporary).catch(() => {});
    }
  }

  async upload(key: string, body: Readable): Promise<void> {
    await mkdir(dirname(this.location(key)), { recursive: true });
    const temporary = this.temporaryPath(key);
    const file = createWriteStream(temporary, { flags: "wx" });
    try {
      await pipeline(body, file);
    } catch (error) {
      // The file may still be opening; remove it only once it is closed.
      if (!file.closed) await new Promise<void>((resolve) => file.once("close", () => resolve()));
      await unlink(temporary).catch(() => {});
      throw error;
    }
    await this.publish(temporary, key);
  }

  async putSmall(key: string, body: string): Promise<void> {
    await mkdir(dirname(this.location(key)), { recursive: true });
    const temporary = this.temporaryPath(key);
    await writeFile(temporary, body, { flag: "wx" });
    await this.publish(temporary, key);
  }

  async download(key: string): Promise<Readable> {
    // Open first, so a missing object fails here rather than mid-stream.
    await stat(this.location(key));
    return createReadStream(this.location(key));
  }

  readSmall(key: string): Promise<string> {
    return readFile(this.location(key), "utf8");
  }

  async list(prefix: string): Promise<StoredObject[]> {
    const start = join(this.root, ...prefix.split("/").filter(Boolean).slice(0, -1));
    const out: StoredObject[] = [];
    const walk = async (dir: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) await walk(path);
        else if (entry.isFile() && !entry.name.startsWith(".partial-")) {
          const key = relative(this.root, path).split(sep).join("/");
          if (key.startsWith(prefix)) out.push({ key, size: (await stat(path)).size });
        }
      }
    };
    await walk(
      prefix.endsWith("/") ? join(this.root, ...prefix.split("/").filter(Boolean)) : start,
    );
    return out;
  }

  async remove(key: string): Promise<void> {
    await unlink(this.location(key)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
  }
}
