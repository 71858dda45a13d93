/**
 * Counts the rows in a mysqldump/mariadb-dump stream as it passes, table by table. The
 * counts are of what the dump holds, so verification compares the restore with the
 * backup itself rather than with a database that has moved on since.
 *
 * An insert starts a line with `INSERT INTO \`table\` VALUES`, then rows `(…),(…);` on the
 * same line (mysqldump) or one per line (mariadb-dump 10.11+); a row is a `(` at nesting
 * depth zero outside a string literal. Strings are single-quoted with backslash escapes.
 */
import { Transform } from "node:stream";
import type { TransformCallback } from "node:stream";

const PREFIX = Buffer.from("INSERT INTO `");
const NEWLINE = 0x0a;
const BACKTICK = 0x60;
const QUOTE = 0x27;
const BACKSLASH = 0x5c;
const OPEN = 0x28;
const CLOSE = 0x29;
const SEMICOLON = 0x3b;

type State = "line-start" | "other-line" | "prefix" | "table" | "before-values" | "values";

export class InsertCounter extends Transform {
  readonly counts: Record<string, number> = {};
  private state: State = "line-start";
  private matched = 0;
  private table: number[] = [];
  private tableName = "";
  private depth = 0;
  private inString = false;
  private escaped = false;
  private pendingBacktick = false;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.scan(chunk);
    callback(null, chunk);
  }

  private scan(chunk: Buffer): void {
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!;
      switch (this.state) {
        case "line-start":
        case "prefix":
          if (byte === PREFIX[this.matched]) {
            this.matched++;
            this.state = "prefix";
            if (this.matched === PREFIX.length) {
              this.matched = 0;
              this.state = "table";
              this.table = [];
              this.pendingBacktick = false;
            }
          } else {
            this.matched = 0;
            this.state = byte === NEWLINE ? "line-start" : "other-line";
          }
          break;
        case "other-line":
          if (byte === NEWLINE) this.state = "line-start";
          break;
        case "table":
          // A backtick inside a quoted name is doubled.
          if (this.pendingBacktick) {
            this.pendingBacktick = false;
            if (byte === BACKTICK) {
              this.table.push(byte);
              break;
            }
            this.tableName = Buffer.from(this.table).toString("utf8");
            this.state = "before-values";
            i--;
            break;
          }
          if (byte === BACKTICK) this.pendingBacktick = true;
          else this.table.push(byte);
          break;
        case "before-values":
          if (byte === OPEN) {
            this.state = "values";
            this.depth = 1;
            this.inString = false;
            this.escaped = false;
            this.counts[this.tableName] = (this.counts[this.tableName] ?? 0) + 1;
          } else if (byte === SEMICOLON) {
            this.state = "other-line";
          }
          break;
        case "values":
          this.scanValue(byte);
          break;
      }
    }
  }

  private scanValue(byte: number): void {
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (byte === BACKSLASH) this.escaped = true;
      else if (byte === QUOTE) this.inString = false;
      return;
    }
    if (byte === QUOTE) this.inString = true;
    else if (byte === OPEN) {
      if (this.depth === 0) this.counts[this.tableName] = (this.counts[this.tableName] ?? 0) + 1;
      this.depth++;
    } else if (byte === CLOSE) this.depth--;
    else if (byte === SEMICOLON && this.depth === 0) {
      this.state = "other-line";
    }
  }
}
