/**
 * How an action refuses inputs, seen as the runner sees it: the failure's message and exit
 * code. The one helper the bad-input tests share.
 */
import type { ActionDefinition, RunContext } from "../../src/core/action.js";
import { toRunnable } from "../../src/core/action.js";
import { describeFailure } from "../../src/core/failure.js";
import { tempDir, testContext } from "./run-context.js";

export async function refusalOf<P, O extends string>(
  action: ActionDefinition<P, O>,
  raw: Record<string, string>,
  context: RunContext = testContext(tempDir()).context,
): Promise<ReturnType<typeof describeFailure>> {
  try {
    await toRunnable(action).execute(raw, context);
  } catch (error) {
    return describeFailure(error);
  }
  throw new Error("expected the inputs to be refused");
}
