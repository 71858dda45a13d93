/**
 * Writes files so that a reader (or a crash) never sees half of one: each file goes to a
 * temporary file beside it, keeps the original's mode, and is renamed over the original.
 * With several files, all temporaries are written before the first rename, so a failure
 * while writing leaves every original untouched. A symbolic link is written through, never
 * replaced by a regular file: the file it points to is the one renamed over.
 */
import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import { basename, dirname, join } from "node:path";

export interface FileWrite {
  path: string;
  content: string;
}

export async function writeFilesAtomically(writes: readonly FileWrite[]): Promise<void> {
  const staged: { temp: string; path: string }[] = [];
  try {
    for (const write of writes) {
      const { content } = write;
      const path = await fs.realpath(write.path).catch(() => write.path);
      const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
      const mode = await fs.stat(path).then(
        (s) => s.mode & 0o7777,
        () => 0o644,
      );
      await fs.writeFile(temp, content, { mode, flag: "wx" });
      staged.push({ temp, path });
    }
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => fs.rm(temp, { force: true })));
    throw error;
  }
  for (const { temp, path } of staged) await fs.rename(temp, path);
}
