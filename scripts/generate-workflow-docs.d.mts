export interface ReusableWorkflow {
  file: string;
  doc: unknown;
}
/** Every file under .github/workflows with an on.workflow_call, parsed. */
export function reusableWorkflows(base?: string): ReusableWorkflow[];
/** The generated reference section (markers included). */
export function renderWorkflowReference(workflows: ReusableWorkflow[]): string;
/** `text` with its generated section replaced. */
export function withWorkflowReference(text: string, workflows: ReusableWorkflow[]): string;
/** Rewrites the section in docs/workflows.md; returns its path. */
export function generateWorkflowDocs(): string;
