/** The release-file formats, and the one a file's name implies. Light: no parser here. */
export const RELEASE_FILE_FORMATS = ["json", "hcl", "yaml"] as const;
export type TfvarsFormat = (typeof RELEASE_FILE_FORMATS)[number];

/**
 * The format a file name implies: `.json` is JSON, `.tfvars`/`.hcl` is HCL, `.yaml`/`.yml`
 * is YAML, anything else none.
 */
export function formatOf(file: string): TfvarsFormat | undefined {
  if (/\.json$/i.test(file)) return "json";
  if (/\.(tfvars|hcl)$/i.test(file)) return "hcl";
  if (/\.ya?ml$/i.test(file)) return "yaml";
  return undefined;
}
