/**
 * Text Greenlight did not write itself (a server's error message, a response body quoted in
 * a reason, a file name) must never become a workflow command. The runner reads every
 * line of stdout and stderr: a line whose trimmed start is `::` is a command (`::error::`,
 * `::stop-commands::`, `::add-mask::`), and so is `##[name]` anywhere in a line (the older
 * form). A lone CR also ends a line for the runner, so it cannot hide a command either.
 */

/** Zero width: the line reads the same, but no longer starts with the command marker. */
const BREAK = "\u200b";

/** Normalises line ends and breaks every command marker, keeping the text readable. */
export function neutraliseWorkflowCommands(text: string): string {
  if (!text.includes("::") && !text.includes("##[") && !text.includes("\r")) return text;
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/^(\s*):(?=:)/, `$1:${BREAK}`).replaceAll("##[", `##${BREAK}[`))
    .join("\n");
}
