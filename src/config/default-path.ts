/** Where the config file is looked for when no path is given, relative to the workspace. */
export const DEFAULT_CONFIG_PATH = ".github/greenlight.yml";
