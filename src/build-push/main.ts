/**
 * build-push: builds every service's image for every platform, pushes it under every
 * tag, then reads back what the registry holds, so the references handed on
 * (`registry/repository@sha256:…`) are known to resolve to what was asked for.
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Clock } from "../core/clock.js";
import { ConfigurationError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { parseImageReference, registryOf } from "../core/oci-reference.js";
import type { SecretRegistry } from "../core/secrets.js";
import { checkBuildFiles, checkBuildablePlatforms, checkSecretFiles } from "./build-files.js";
import type { BuildEngine, BuildSecret, EngineName, EngineOptions, ImageLookup } from "./engine.js";
import { EngineCommandError } from "./engine.js";
import type { Exec } from "./exec.js";
import { readGitFacts } from "./git-facts.js";
import { ociLabels } from "./image-labels.js";
import { renderTags, tagValues } from "./image-tags.js";
import { inParallel } from "./in-parallel.js";
import type { CacheSettings, ServiceCache } from "./layer-cache.js";
import { cacheRegistries, serviceCache } from "./layer-cache.js";
import type { ImageLocation, PlatformImage } from "./pushed-image.js";
import { pushProblems, readPushedImage } from "./pushed-image.js";
import { describeEngineFailure } from "./push-failure.js";
import { RegistryClient } from "./registry-client.js";
import type { Fetch } from "./registry-client.js";
import { credentialLookup } from "./registry-credentials.js";
import type { EngineChoice } from "./select-engine.js";
import { selectEngine } from "./select-engine.js";
import type { ServiceSpec } from "./services.js";
import type { TagTemplate } from "./tag-template.js";

export interface BuildPushParams {
  services: ServiceSpec[];
  tagTemplates: TagTemplate[];
  /** Labels added to (or overriding) the OCI labels. */
  labels: Record<string, string>;
  secrets: BuildSecret[];
  engine: EngineChoice;
  engineOptions: EngineOptions;
  /** The layer cache: on by default, in a repository next to each image. */
  cache: CacheSettings;
  /** Compressed bytes one platform's image may have; no budget when absent. */
  maxSize?: number | undefined;
  maxParallel: number;
  environment?: string | undefined;
}

export interface BuildPushDeps {
  exec: Exec;
  fetch: Fetch;
  logger: Logger;
  clock: Clock;
  secrets: SecretRegistry;
  env: Record<string, string | undefined>;
  cwd: string;
  signal?: AbortSignal | undefined;
}

export interface ServiceResult {
  service: string;
  repository: string;
  digest: string;
  /** `registry/repository@sha256:…`: what update-tfvars and open-pr take. */
  reference: string;
  tags: string[];
  platforms: PlatformImage[];
}

export interface BuildPushResult {
  engine: EngineName;
  labels: Record<string, string>;
  services: ServiceResult[];
  /** Differences between what was pushed and what was asked for; empty when all is well. */
  problems: string[];
}

function locationOf(repository: string): ImageLocation {
  const parsed = parseImageReference(repository)!;
  const registry = registryOf(parsed);
  const path =
    registry === "docker.io" && !parsed.repository.includes("/")
      ? `library/${parsed.repository}`
      : parsed.repository;
  return { registry, path };
}

/** The registries' answers the stage cache needs, through the push's credentials. */
function imageLookup(client: RegistryClient): ImageLookup {
  return {
    async pin(reference) {
      const parsed = parseImageReference(reference);
      if (!parsed) return undefined;
      const { registry, path } = locationOf(reference);
      const found = await client.findManifest(
        registry,
        path,
        parsed.digest ?? parsed.tag ?? "latest",
      );
      return found && `${registry}/${path}@${found.digest}`;
    },
  };
}

/** Build arguments end up in the image's history, where anyone who pulls it can read them. */
function refuseSecretBuildArgs(services: ServiceSpec[], secrets: SecretRegistry): void {
  for (const service of services) {
    for (const [name, value] of Object.entries(service.buildArgs)) {
      if (value.length >= 4 && secrets.redact(value) !== value) {
        throw new ConfigurationError(
          `Build argument ${name} of service "${service.name}" holds a secret; pass it in "secrets" instead, because build arguments are stored in the image for anyone to read.`,
        );
      }
    }
  }
}

function definedEnv(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** One sentence for a failed engine command; a refused push is told apart by asking the registry. */
async function engineFailure(
  error: EngineCommandError,
  service: ServiceSpec,
  client: RegistryClient,
): Promise<Error> {
  const location = error.step === "push" ? locationOf(service.repository) : undefined;
  const refused =
    location !== undefined &&
    (await client.refusesCredentials(location.registry, location.path).catch(() => false));
  return describeEngineFailure(error, service.name, service.repository, {
    credentialsRefused: refused,
  });
}

async function buildOne(
  engine: BuildEngine,
  client: RegistryClient,
  service: ServiceSpec,
  request: {
    tags: string[];
    labels: Record<string, string>;
    secrets: BuildSecret[];
    cache: ServiceCache | undefined;
    workRoot: string;
  },
  deps: BuildPushDeps,
): Promise<string> {
  const workDir = join(request.workRoot, service.name);
  await mkdir(workDir, { mode: 0o700 });
  const tags = request.tags.map((tag) => `${service.repository}:${tag}`);
  deps.logger.info(
    `[${service.name}] building ${service.platforms.join(", ")} with ${engine.name}, pushing ${tags.join(", ")}`,
  );
  try {
    const digest = await engine.buildAndPush({
      service,
      tags,
      labels: request.labels,
      secrets: request.secrets,
      cache: request.cache,
      images: imageLookup(client),
      workDir,
      cwd: deps.cwd,
      env: definedEnv(deps.env),
      onLine: (line) => deps.logger.info(`[${service.name}] ${line}`),
      onWarning: (sentence) => deps.logger.warning(sentence),
      signal: deps.signal,
    });
    deps.logger.info(`[${service.name}] pushed ${service.repository}@${digest}`);
    return digest;
  } catch (error) {
    if (error instanceof EngineCommandError) throw await engineFailure(error, service, client);
    throw error;
  }
}

async function checkPushed(
  client: RegistryClient,
  service: ServiceSpec,
  digest: string,
  tags: string[],
  maxSize: number | undefined,
): Promise<{ result: ServiceResult; problems: string[] }> {
  const location = locationOf(service.repository);
  const image = await readPushedImage(client, location, digest);
  const tagDigests: Record<string, string> = {};
  for (const tag of tags) {
    tagDigests[`${service.repository}:${tag}`] = (
      await client.manifest(location.registry, location.path, tag)
    ).digest;
  }
  const reference = `${service.repository}@${digest}`;
  const problems = pushProblems(image, {
    service: service.name,
    reference,
    digest,
    platforms: service.platforms,
    maxSize,
    tagDigests,
  });
  return {
    result: {
      service: service.name,
      repository: service.repository,
      digest,
      reference,
      tags: Object.keys(tagDigests),
      platforms: image.platforms,
    },
    problems,
  };
}

export async function buildPush(
  params: BuildPushParams,
  deps: BuildPushDeps,
): Promise<BuildPushResult> {
  // 1. Everything the user wrote is checked before anything runs.
  for (const service of params.services) await checkBuildFiles(service, deps.cwd);
  checkBuildablePlatforms(params.services);
  await checkSecretFiles(params.secrets, deps.cwd);
  for (const secret of params.secrets) if ("value" in secret) deps.secrets.add(secret.value);
  refuseSecretBuildArgs(params.services, deps.secrets);
  // 2. Tags and labels from the commit.
  const facts = await readGitFacts(deps.env, deps.cwd, deps.exec);
  const tags = renderTags(params.tagTemplates, tagValues(facts, params.environment), deps.logger);
  const labels = ociLabels(facts, deps.clock.now(), tags[0], params.labels);
  // 3. An engine that is there, and registries that answer, before minutes of building.
  const engine = await selectEngine(params.engine, deps.exec, params.engineOptions, deps.env);
  const caches = new Map(
    params.services.map((s) => [s.name, serviceCache(params.cache, s, engine.name)]),
  );
  const client = new RegistryClient({
    fetch: deps.fetch,
    credentials: credentialLookup({ env: deps.env, exec: deps.exec, secrets: deps.secrets }),
    secrets: deps.secrets,
    tlsVerify: params.engineOptions.tlsVerify,
    ...(deps.signal ? { signal: deps.signal } : {}),
  });
  const registries = [
    ...new Set([
      ...params.services.map((s) => locationOf(s.repository).registry),
      ...[...caches.values()].flatMap(cacheRegistries),
    ]),
  ];
  await Promise.all(registries.map((registry) => client.ping(registry)));
  // 4. Build and push, several services at once.
  const workRoot = await mkdtemp(join(tmpdir(), "greenlight-build-push-"));
  try {
    // 5. Each service is read back from the registry as soon as it is pushed.
    const checked = await inParallel(params.services, params.maxParallel, async (service) => {
      const digest = await buildOne(
        engine,
        client,
        service,
        { tags, labels, secrets: params.secrets, cache: caches.get(service.name), workRoot },
        deps,
      );
      return checkPushed(client, service, digest, tags, params.maxSize);
    });
    return {
      engine: engine.name,
      labels,
      services: checked.map((c) => c.result),
      problems: checked.flatMap((c) => c.problems),
    };
  } finally {
    await rm(workRoot, { recursive: true, force: true });
  }
}
