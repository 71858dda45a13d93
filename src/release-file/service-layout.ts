/**
 * Where each service's blue/green fields live in a tfvars file. The config file may name
 * the services and remap any field to a JSONPath; without one, services are discovered in
 * the file by the default naming convention (`<service>_green_image`, …).
 */
import type { GreenlightConfig, ServiceField } from "../config/schema.js";
import { SERVICE_FIELDS, defaultFieldPath, serviceFieldPath } from "../config/schema.js";
import type { JsonValue } from "./document.js";
import { hasPath } from "./json-path.js";

export interface ServiceLayout {
  name: string;
  /** Whether the service sits behind a load balancer with blue/green weights. */
  weighted: boolean;
  paths: Record<ServiceField, string>;
}

function conventionalPaths(service: string): Record<ServiceField, string> {
  return Object.fromEntries(
    SERVICE_FIELDS.map((field) => [field, defaultFieldPath(service, field)]),
  ) as Record<ServiceField, string>;
}

/** Layouts from the config file, limited to the services deployed to `environment`. */
export function layoutsFromConfig(config: GreenlightConfig, environment?: string): ServiceLayout[] {
  return Object.entries(config.services)
    .filter(
      ([, service]) =>
        !environment || !service.environments || service.environments.includes(environment),
    )
    .map(([name, service]) => ({
      name,
      weighted: service.weighted,
      paths: Object.fromEntries(
        SERVICE_FIELDS.map((field) => [field, serviceFieldPath(config, name, field)]),
      ) as Record<ServiceField, string>,
    }));
}

/**
 * Layouts discovered by convention: every top-level key `<service>_green_image` names a
 * service, weighted when both of its weight fields are present.
 */
export function discoverLayouts(data: JsonValue): ServiceLayout[] {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return [];
  const layouts: ServiceLayout[] = [];
  for (const key of Object.keys(data)) {
    const match = /^(.+)_green_image$/.exec(key);
    if (!match?.[1]) continue;
    const name = match[1].replace(/_/g, "-");
    const paths = conventionalPaths(name);
    const weighted = hasPath(data, paths["blue-weight"]) && hasPath(data, paths["green-weight"]);
    layouts.push({ name, weighted, paths });
  }
  return layouts.sort((a, b) => a.name.localeCompare(b.name));
}
