/**
 * Reading a Dockerfile into its stages: the stage names, so an unknown target is reported
 * at once, before the other services have been built; and each stage's instructions with
 * the physical lines they came from, so the stage cache can key a stage by what it does
 * and put a cached image in its place without touching the rest of the file.
 */

export interface Instruction {
  /** Upper case: RUN, COPY, … */
  keyword: string;
  /** Leading `--name=value` flags, as written. */
  flags: string[];
  /** The rest of the instruction after its keyword and flags. */
  args: string;
  /** The whole logical line (continuations joined). */
  text: string;
}

export interface Stage {
  index: number;
  /** Lower case (stage names are case-insensitive to the engines); undefined: unnamed. */
  name?: string | undefined;
  /** The image or stage it starts from, as written. */
  base: string;
  fromFlags: string[];
  instructions: Instruction[];
  /** Its physical lines: [firstLine, endLine), its FROM instruction [firstLine, bodyLine). */
  firstLine: number;
  bodyLine: number;
  endLine: number;
}

export interface Dockerfile {
  lines: string[];
  /** Instructions before the first FROM (global ARGs). */
  header: Instruction[];
  stages: Stage[];
  /** The file uses heredocs (`<<EOF`), whose bodies this reader does not follow. */
  heredocs: boolean;
  /** Its lines end in CRLF, which a rewritten copy keeps. */
  crlf: boolean;
}

/** The escape character a `# escape=` parser directive at the top declares, else backslash. */
function escapeOf(lines: string[]): string {
  for (const line of lines) {
    const directive = /^\s*#\s*([a-z]+)\s*=\s*(\S+)\s*$/i.exec(line);
    if (!directive) break;
    if (directive[1]!.toLowerCase() === "escape" && directive[2] === "`") return "`";
  }
  return "\\";
}

function instructionOf(text: string): Instruction {
  const match = /^\s*(\S+)\s*(.*)$/.exec(text)!;
  let rest = match[2] ?? "";
  const flags: string[] = [];
  for (let flag = /^(--\S+)\s*/.exec(rest); flag; flag = /^(--\S+)\s*/.exec(rest)) {
    flags.push(flag[1]!);
    rest = rest.slice(flag[0].length);
  }
  return { keyword: match[1]!.toUpperCase(), flags, args: rest.trim(), text: text.trim() };
}

interface LogicalLine {
  text: string;
  /** The physical line it starts on, and the one after its last. */
  line: number;
  end: number;
}

/** Each instruction with its physical lines; comments and blank lines dropped. */
function logicalLines(lines: string[]): LogicalLine[] {
  const escape = escapeOf(lines);
  const out: LogicalLine[] = [];
  let current: LogicalLine | undefined;
  lines.forEach((raw, index) => {
    const line = raw.trimEnd();
    // Comment and empty lines are dropped, inside a continuation too, as the engines do.
    if (/^\s*#/.test(line) || (current && line.trim() === "")) return;
    if (!current && line.trim() === "") return;
    const continues = line.endsWith(escape);
    const piece = continues ? line.slice(0, -1) : line;
    current = current
      ? { text: `${current.text} ${piece.trim()}`, line: current.line, end: index + 1 }
      : { text: piece, line: index, end: index + 1 };
    if (!continues) {
      out.push(current);
      current = undefined;
    }
  });
  if (current) out.push(current);
  return out;
}

export function parseDockerfile(text: string): Dockerfile {
  const lines = text.split(/\r?\n/);
  const header: Instruction[] = [];
  const stages: Stage[] = [];
  let heredocs = false;
  for (const { text: logical, line, end } of logicalLines(lines)) {
    const instruction = instructionOf(logical);
    if (/<<-?\s*["']?[A-Za-z_]/.test(instruction.args)) heredocs = true;
    if (instruction.keyword === "FROM") {
      const previous = stages.at(-1);
      if (previous) previous.endLine = line;
      const words = instruction.args.split(/\s+/).filter(Boolean);
      const named = words.length >= 3 && words[1]!.toLowerCase() === "as";
      stages.push({
        index: stages.length,
        name: named ? words[2]!.toLowerCase() : undefined,
        base: words[0] ?? "",
        fromFlags: instruction.flags,
        instructions: [],
        firstLine: line,
        bodyLine: end,
        endLine: lines.length,
      });
    } else if (stages.length === 0) {
      header.push(instruction);
    } else {
      stages.at(-1)!.instructions.push(instruction);
    }
  }
  return { lines, header, stages, heredocs, crlf: text.includes("\r\n") };
}

/** The stage names, in order. */
export function dockerfileStages(text: string): string[] {
  return parseDockerfile(text).stages.flatMap((stage) => (stage.name ? [stage.name] : []));
}

/** Whether the text has any FROM instruction at all (a Dockerfile, not some other file). */
export function hasFromInstruction(text: string): boolean {
  return parseDockerfile(text).stages.some((stage) => stage.base !== "");
}

/** What takes the place of a stage's lines: a FROM line, for the whole stage or its FROM. */
export interface StageReplacement {
  from: string;
  /** true: the stage keeps its instructions, only its FROM is replaced. */
  keepBody: boolean;
}

/** The file with some stages (by index) rewritten; every other line stays as written. */
export function replaceStages(
  file: Dockerfile,
  replacements: ReadonlyMap<number, StageReplacement>,
): string {
  const out: string[] = [];
  let line = 0;
  for (const stage of file.stages) {
    const replacement = replacements.get(stage.index);
    if (replacement === undefined) continue;
    out.push(...file.lines.slice(line, stage.firstLine), replacement.from);
    line = replacement.keepBody ? stage.bodyLine : stage.endLine;
  }
  out.push(...file.lines.slice(line));
  return out.join(file.crlf ? "\r\n" : "\n");
}
