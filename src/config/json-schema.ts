/** The config file's JSON Schema, for editors (`# yaml-language-server: $schema=…`). */
import { z } from "zod";
import { configSchema } from "./schema.js";
import { describeConfigSchema } from "./schema-docs.js";

export function configJsonSchema(): Record<string, unknown> {
  describeConfigSchema();
  // "input" describes what a user writes (durations as text, optional defaults), not the
  // parsed form the actions see.
  const schema = z.toJSONSchema(configSchema, { io: "input", unrepresentable: "any" });
  return {
    ...schema,
    title: "Greenlight configuration (.github/greenlight.yml)",
    description:
      "Environments, services, the promotion plan and notification targets for Greenlight.",
  };
}
