/** The inputs and outputs tables for an action.yml, between the generated-section markers. */
export function renderActionTables(manifest: unknown): string;
/** Each action.yml with the document that carries its generated tables. */
export function actionDocPairs(): { manifestFile: string; readme: string }[];
/** `text` with its generated section replaced by the tables for `manifest`. */
export function withActionTables(text: string, manifest: unknown, readme: string): string;
/** Rewrites every document's generated section; returns the documents. */
export function generateActionDocs(): string[];
