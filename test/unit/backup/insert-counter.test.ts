import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { describe, expect, it } from "vitest";
import { InsertCounter } from "../../../src/backup-engine/insert-counter.js";
import { discard } from "../../../src/backup-engine/read-backup.js";

async function count(text: string, chunkSize = 7): Promise<Record<string, number>> {
  const bytes = Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  const counter = new InsertCounter();
  await pipeline(Readable.from(chunks), counter, discard());
  return counter.counts;
}

const DUMP = [
  "-- MariaDB dump 10.19",
  "/*!40101 SET NAMES utf8mb4 */;",
  "DROP TABLE IF EXISTS `a``b`;",
  "CREATE TABLE `a``b` (`id` int(11) NOT NULL, `note` text) ENGINE=InnoDB;",
  "INSERT INTO `a``b` VALUES (1,'it\\'s (not) a row'),(2,'semi;colon'),(3,'back\\\\slash'),(4,NULL);",
  "INSERT INTO `plain` VALUES",
  "(1,'x'),",
  "(2,'multi\\nline (escaped)'),",
  "(3,0x28292C);",
  "INSERT INTO `plain` VALUES (4,'a');",
  "-- INSERT INTO `comment` VALUES (1);",
  "",
].join("\n");

describe("InsertCounter", () => {
  it("counts rows per table in mysqldump and mariadb-dump layouts, whatever the chunking", async () => {
    for (const size of [1, 3, 7, 64, 100_000]) {
      expect(await count(DUMP, size)).toEqual({ "a`b": 4, plain: 4 });
    }
  });

  it("passes the bytes through unchanged", async () => {
    const counter = new InsertCounter();
    const out: Buffer[] = [];
    counter.on("data", (chunk: Buffer) => out.push(chunk));
    await pipeline(Readable.from([Buffer.from(DUMP)]), counter);
    expect(Buffer.concat(out).toString()).toBe(DUMP);
  });
});
