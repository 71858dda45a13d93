/**
 * build-push's inputs: services, tags and engine settings, all checked before any build
 * starts, then handed to buildPush.
 */
import { SERVICES_REQUIRED } from "./services-requirement.js";
import { z } from "zod";
import { loadConfig } from "../config/load.js";
import { defineAction } from "../core/action.js";
import { ConfigurationError } from "../core/errors.js";
import { httpFetch } from "../core/http/fetch.js";
import {
  booleanInput,
  byteSizeInput,
  countInput,
  inputProblem,
  linesInput,
  listInput,
} from "../core/inputs.js";
import type { BuildSecret } from "./engine.js";
import { processExec } from "./exec.js";
import { parseKeyValueLines } from "./key-value-lines.js";
import type { BuildPushResult } from "./main.js";
import { buildPush } from "./main.js";
import { platformProblem } from "./platforms.js";
import type { Fetch } from "./registry-client.js";
import type { EngineChoice } from "./select-engine.js";
import type { ServiceSettings } from "./services.js";
import { parseServicesInput, resolveServices } from "./services.js";
import { buildPushSummary } from "./summary.js";
import type { TagTemplate } from "./tag-template.js";
import { parseTagTemplate } from "./tag-template.js";

const ENGINES = ["auto", "buildx", "buildah"] as const;
const BUILD_ARG_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LABEL_NAME = /^[A-Za-z0-9][A-Za-z0-9_.\-/]*$/;
const SECRET_ID = /^[A-Za-z0-9_.-]+$/;

const keyValues = (keyName: string, key: RegExp, echo = true) =>
  linesInput.transform((lines, ctx) => {
    const parsed = parseKeyValueLines(lines, { keyName, key, echo });
    return typeof parsed === "string" ? inputProblem(ctx, parsed) : parsed;
  });

const tagsInput = listInput.transform((items, ctx): TagTemplate[] => {
  const templates: TagTemplate[] = [];
  for (const item of items) {
    const parsed = parseTagTemplate(item);
    if (typeof parsed === "string")
      return inputProblem(ctx, `has a malformed tag template: ${parsed}`);
    templates.push(parsed);
  }
  return templates.length > 0
    ? templates
    : inputProblem(ctx, "must give at least one tag template, e.g. {{sha}}");
});

const platformsInput = listInput.transform((items, ctx) => {
  for (const item of items) {
    const reason = platformProblem(item);
    if (reason) return inputProblem(ctx, `has the platform ${reason}`);
  }
  return items.length > 0
    ? items
    : inputProblem(ctx, "must name at least one platform, e.g. linux/amd64");
});

const engineInput = z.string().transform((value, ctx): EngineChoice => {
  const engine = value.trim();
  return (ENGINES as readonly string[]).includes(engine)
    ? (engine as EngineChoice)
    : inputProblem(ctx, `is "${value}", which is not an engine; use auto, buildx or buildah`);
});

const sizeInput = byteSizeInput;

const inputShape = {
  services: z.string().optional(),
  "config-file": z.string().optional(),
  registry: z
    .string()
    .refine((registry) => !/^[^/]*@/.test(registry), {
      message:
        "carries credentials before an @; give the registry host only and log in with registry-username and registry-password (or docker login)",
    })
    .optional(),
  context: z.string().default("."),
  dockerfile: z.string().default("Dockerfile"),
  platforms: platformsInput.default(["linux/amd64"]),
  tags: tagsInput.default([{ source: "{{sha}}", parts: [{ variable: "sha" }] }]),
  labels: keyValues("label", LABEL_NAME).optional(),
  "build-args": keyValues("build argument", BUILD_ARG_NAME).optional(),
  secrets: keyValues("secret id", SECRET_ID, false).optional(),
  "secret-files": keyValues("secret id", SECRET_ID).optional(),
  environment: z.string().optional(),
  engine: engineInput.default("auto"),
  "tls-verify": booleanInput.default(true),
  "storage-driver": z.string().optional(),
  "storage-root": z.string().optional(),
  isolation: z
    .enum(["oci", "chroot", "rootless"], { error: "must be oci, chroot or rootless" })
    .optional(),
  cache: booleanInput.default(true),
  "cache-from": linesInput.optional(),
  "cache-to": z
    .string()
    .transform((value) => value.trim())
    .optional(),
  "max-size": sizeInput.optional(),
  "max-parallel": countInput(64)
    .refine((n) => n >= 1, { message: "must be at least 1" })
    .default(4),
};

/**
 * The action's input names, so the deploy action's pass-through lists stop compiling when an
 * input is renamed here. action.yml and the schema are checked against each other by
 * test/unit/action-manifests.test.ts.
 */
export type BuildPushRawInputs = Record<keyof typeof inputShape, string | undefined>;

const inputs = z.object(inputShape);
type Inputs = z.output<typeof inputs>;

/** The `services` input, else the config file's services (those deployed to the environment). */
async function servicesToBuild(params: Inputs, cwd: string): Promise<Map<string, ServiceSettings>> {
  if (params.services) return parseServicesInput(params.services);
  const config = await loadConfig({
    cwd,
    ...(params["config-file"] ? { path: params["config-file"], required: true } : {}),
  });
  const services = Object.entries(config?.services ?? {}).filter(
    ([, service]) =>
      !params.environment ||
      !service.environments ||
      service.environments.includes(params.environment),
  );
  if (services.length === 0) {
    throw new ConfigurationError(
      config
        ? `Input "services" is not set and the config file has no services${params.environment ? ` deployed to ${params.environment}` : ""}; list the services to build, e.g. api=.#api.`
        : SERVICES_REQUIRED,
    );
  }
  return new Map(
    services.map(([name, service]): [string, ServiceSettings] => [
      name,
      {
        image: service.image,
        context: service.context,
        dockerfile: service.dockerfile,
        target: service.target,
        platforms: service.platforms,
        "build-args": service["build-args"],
      },
    ]),
  );
}

function secretsFrom(params: Inputs): BuildSecret[] {
  const values = Object.entries(params.secrets ?? {}).map(([id, value]): BuildSecret => ({
    id,
    value,
  }));
  const files = Object.entries(params["secret-files"] ?? {}).map(([id, file]): BuildSecret => ({
    id,
    file,
  }));
  const twice = files.find((f) => values.some((v) => v.id === f.id));
  if (twice) {
    throw new ConfigurationError(
      `Secret "${twice.id}" is given in both "secrets" and "secret-files"; give it once.`,
    );
  }
  return [...values, ...files];
}

/** With TLS verification off the registry may have any certificate (or none: plain HTTP). */
function registryFetch(tlsVerify: boolean, env: Record<string, string | undefined>): Fetch {
  return httpFetch({ env, tls: { verify: tlsVerify } }) as Fetch;
}

function outputsOf(
  result: BuildPushResult,
): Record<"images" | "digests" | "tags" | "metadata", string> {
  const byService = <T>(pick: (s: BuildPushResult["services"][number]) => T) =>
    JSON.stringify(Object.fromEntries(result.services.map((s) => [s.service, pick(s)])));
  return {
    images: byService((s) => s.reference),
    digests: byService((s) => s.digest),
    tags: byService((s) => s.tags),
    metadata: JSON.stringify({
      engine: result.engine,
      labels: result.labels,
      services: Object.fromEntries(
        result.services.map((s) => [
          s.service,
          {
            image: s.reference,
            repository: s.repository,
            digest: s.digest,
            tags: s.tags,
            platforms: s.platforms,
          },
        ]),
      ),
    }),
  };
}

export const buildPushAction = defineAction({
  name: "build-push",
  inputs,
  secretInputs: ["secrets"],
  async run(params: Inputs, context) {
    const services = resolveServices(await servicesToBuild(params, context.cwd), {
      registry: params.registry,
      context: params.context,
      dockerfile: params.dockerfile,
      platforms: params.platforms,
      buildArgs: params["build-args"] ?? {},
    });
    const tlsVerify = params["tls-verify"];
    const result = await buildPush(
      {
        services,
        tagTemplates: params.tags,
        labels: params.labels ?? {},
        secrets: secretsFrom(params),
        engine: params.engine,
        engineOptions: {
          tlsVerify,
          storageDriver: params["storage-driver"],
          storageRoot: params["storage-root"],
          isolation: params.isolation,
        },
        cache: {
          enabled: params.cache,
          from: params["cache-from"] ?? [],
          to: params["cache-to"] || undefined,
        },
        maxSize: params["max-size"],
        maxParallel: params["max-parallel"],
        environment: params.environment,
      },
      {
        exec: processExec,
        fetch: registryFetch(tlsVerify, context.env),
        logger: context.logger,
        clock: context.clock,
        secrets: context.secrets,
        env: context.env,
        cwd: context.cwd,
        signal: context.signal,
      },
    );
    return {
      outputs: outputsOf(result),
      summary: buildPushSummary(result),
      ...(result.problems.length > 0 ? { failure: result.problems.join(" ") } : {}),
    };
  },
});
