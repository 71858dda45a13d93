/** Renders the config file reference (Markdown) from the config file's JSON Schema. */
export function renderConfigDocs(schema: Record<string, unknown>): string;
/** Writes docs/config.md from docs/greenlight.schema.json; returns the path written. */
export function generateConfigDocs(): string;
