/**
 * `greenlight schema`: prints the config file's JSON Schema, or with `--check FILE`
 * validates a config file and says where it is wrong.
 */
import type { CliIo } from "../cli/io.js";
import { ConfigurationError, errorMessage } from "../core/errors.js";
import { configJsonSchema } from "./json-schema.js";
import { DEFAULT_CONFIG_PATH, loadConfig } from "./load.js";

export const SCHEMA_HELP = `greenlight schema — the config file's JSON Schema

Usage: greenlight schema            print the JSON Schema of ${DEFAULT_CONFIG_PATH}
       greenlight schema --check [FILE]
                                    validate a config file (default ${DEFAULT_CONFIG_PATH})
`;

export async function schemaCommand(argv: string[], io: CliIo): Promise<number> {
  const [flag, file, ...rest] = argv;
  if (flag === "--help" || flag === "-h") {
    io.stdout(SCHEMA_HELP);
    return 0;
  }
  if (flag === undefined) {
    io.stdout(JSON.stringify(configJsonSchema(), null, 2) + "\n");
    return 0;
  }
  if (flag !== "--check" || rest.length > 0) {
    io.stderr(
      `Unknown arguments "${argv.join(" ")}" for greenlight schema; use --check [FILE] or no arguments.\n`,
    );
    return 2;
  }
  try {
    await loadConfig({ cwd: io.cwd, path: file ?? DEFAULT_CONFIG_PATH, required: true });
    io.stdout(`${file ?? DEFAULT_CONFIG_PATH} is valid.\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    io.stderr(errorMessage(error) + "\n");
    return 2;
  }
}
