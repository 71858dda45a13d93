/** Files that reference Greenlight by commit, relative to `base`. */
export function pinnedFiles(base?: string): string[];
/** `text` with every reference to Greenlight's own actions and workflows pinned to `sha`. */
export function pinText(text: string, sha: string, version: string): string;
/** Pins every file under `base`; returns the files changed. */
export function pinRelease(sha: string, version: string, base?: string): string[];
