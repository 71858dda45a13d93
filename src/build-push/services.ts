/**
 * Which services to build. Given in the `services` input, either as a YAML/JSON map of
 * service → settings (the same fields as the config file's services), or one line per
 * service, `name=context[:dockerfile][#target]`, for short command lines:
 *
 *   api=.#api
 *   worker=services/worker:Dockerfile.worker
 */
import YAML from "yaml";
import { z } from "zod";
import { ConfigurationError } from "../core/errors.js";
import { parseImageReference } from "../core/oci-reference.js";
import { normalisePlatform, platformProblem } from "./platforms.js";

/** One service as written by the user (input or config file); every field optional. */
export interface ServiceSettings {
  image?: string | undefined;
  context?: string | undefined;
  dockerfile?: string | undefined;
  target?: string | undefined;
  platforms?: string[] | undefined;
  "build-args"?: Record<string, string> | undefined;
}

/** One service, resolved: everything the engine needs. Paths are relative to the workspace. */
export interface ServiceSpec {
  name: string;
  /** `registry/repository`, no tag or digest. */
  repository: string;
  context: string;
  /** Relative to the workspace (already joined with the context). */
  dockerfile: string;
  target?: string;
  platforms: string[];
  buildArgs: Record<string, string>;
}

export interface ServiceDefaults {
  registry?: string | undefined;
  context: string;
  dockerfile: string;
  platforms: string[];
  buildArgs: Record<string, string>;
}

const SERVICE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const LINE = /^([A-Za-z0-9][A-Za-z0-9_.-]*)\s*(?:=\s*(.*))?$/;

const scalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);
const settingsSchema = z
  .strictObject({
    image: z.string().optional(),
    context: z.string().optional(),
    dockerfile: z.string().optional(),
    target: z.string().optional(),
    platforms: z
      .union([z.string().transform((s) => s.split(",").map((p) => p.trim())), z.array(z.string())])
      .optional(),
    "build-args": z.record(z.string(), scalar).optional(),
  })
  .nullable()
  .transform((value): ServiceSettings => value ?? {});

function fail(message: string): never {
  throw new ConfigurationError(message);
}

function parseLine(line: string): [string, ServiceSettings] {
  const match =
    LINE.exec(line) ??
    fail(
      `Input "services" has the line "${line}", which is not name=context[:dockerfile][#target] (e.g. api=.#api).`,
    );
  const name = match[1]!;
  const spec = (match[2] ?? "").trim();
  const hash = spec.lastIndexOf("#");
  const location = hash >= 0 ? spec.slice(0, hash) : spec;
  const target = hash >= 0 ? spec.slice(hash + 1).trim() : undefined;
  const colon = location.indexOf(":");
  const context = (colon >= 0 ? location.slice(0, colon) : location).trim();
  const dockerfile = colon >= 0 ? location.slice(colon + 1).trim() : undefined;
  return [
    name,
    {
      ...(context ? { context } : {}),
      ...(dockerfile ? { dockerfile } : {}),
      ...(target ? { target } : {}),
    },
  ];
}

function describeSettingsIssue(name: string, error: z.ZodError): string {
  const issue = error.issues[0]!;
  if (issue.code === "unrecognized_keys") {
    return `Service "${name}" has the unknown field "${issue.keys[0]}"; known fields are image, context, dockerfile, target, platforms and build-args.`;
  }
  const field = issue.path.length > 0 ? `field "${issue.path.join(".")}"` : "settings";
  return `Service "${name}" has invalid ${field}: ${issue.message.replace(/\.$/, "")}; give a map of image, context, dockerfile, target, platforms and build-args.`;
}

function parseStructured(value: unknown): [string, ServiceSettings][] {
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((item, index) => {
        const record = (item ?? {}) as Record<string, unknown>;
        const name =
          typeof record["name"] === "string"
            ? record["name"]
            : fail(
                `Input "services" item ${index + 1} has no name; give each item a name, or write a map of name → settings.`,
              );
        const { name: _omit, ...rest } = record;
        return [name, rest];
      })
    : typeof value === "object" && value !== null
      ? Object.entries(value)
      : fail(
          `Input "services" must be a map of service → settings, a list, or lines name=context[#target].`,
        );
  return entries.map(([name, raw]) => {
    const parsed = settingsSchema.safeParse(raw);
    if (!parsed.success) fail(describeSettingsIssue(name, parsed.error));
    return [name, parsed.data];
  });
}

/** Parses the `services` input into name → settings, in the order given. */
export function parseServicesInput(text: string): Map<string, ServiceSettings> {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  const lineForm = lines.length > 0 && lines.every((l) => LINE.test(l));
  let entries: [string, ServiceSettings][];
  if (lineForm) {
    entries = lines.map(parseLine);
  } else {
    let value: unknown;
    try {
      value = YAML.parse(text, { prettyErrors: false }) as unknown;
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0];
      fail(
        `Input "services" is not valid YAML or JSON (${reason}); write a map of service → settings, or lines name=context[#target].`,
      );
    }
    entries = parseStructured(value);
  }
  const services = new Map<string, ServiceSettings>();
  for (const [name, settings] of entries) {
    if (!SERVICE_NAME.test(name)) {
      fail(
        `Service name "${name}" is not valid; use letters, digits, _, . and -, starting with a letter or digit.`,
      );
    }
    if (services.has(name))
      fail(`Service "${name}" is listed twice in "services"; list each service once.`);
    services.set(name, settings);
  }
  if (services.size === 0)
    fail(`Input "services" lists no service; name at least one, e.g. api=.#api.`);
  return services;
}

function joinPath(context: string, file: string): string {
  if (file.startsWith("/")) return file;
  if (context === "." || context === "") return file;
  return `${context.replace(/\/+$/, "")}/${file}`;
}

function repositoryOf(
  name: string,
  image: string | undefined,
  registry: string | undefined,
): string {
  const repository = image ?? name.toLowerCase();
  const parsed = parseImageReference(repository);
  if (!parsed) {
    fail(
      `Service "${name}" has the image "${repository}", which is not a repository name; use lowercase letters, digits and separators, e.g. team/api.`,
    );
  }
  if (parsed.tag || parsed.digest) {
    fail(
      `Service "${name}" has the image "${repository}" with a tag or digest; give the repository only, and the tags in the "tags" input.`,
    );
  }
  if (parsed.registry) return repository;
  if (!registry) {
    fail(
      `Service "${name}" has no registry: set the "registry" input (e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com) or give the service an image with its registry.`,
    );
  }
  return `${registry.replace(/\/+$/, "")}/${repository}`;
}

function platformsOf(name: string, platforms: string[]): string[] {
  for (const platform of platforms) {
    const problem = platformProblem(platform);
    if (problem) fail(`Service "${name}" has the platform ${problem}.`);
  }
  if (platforms.length === 0)
    fail(`Service "${name}" has no platforms; give at least one, e.g. linux/amd64.`);
  return [...new Set(platforms.map(normalisePlatform))];
}

/** Applies the defaults to each service and checks everything that needs no file system. */
export function resolveServices(
  services: Map<string, ServiceSettings>,
  defaults: ServiceDefaults,
): ServiceSpec[] {
  return [...services].map(([name, settings]) => {
    const context = settings.context ?? defaults.context;
    const target = settings.target?.trim();
    return {
      name,
      repository: repositoryOf(name, settings.image, defaults.registry),
      context,
      dockerfile: joinPath(context, settings.dockerfile ?? defaults.dockerfile),
      ...(target ? { target } : {}),
      platforms: platformsOf(name, settings.platforms ?? defaults.platforms),
      buildArgs: { ...defaults.buildArgs, ...settings["build-args"] },
    };
  });
}
