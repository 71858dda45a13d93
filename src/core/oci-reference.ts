/**
 * OCI image references (`registry/repository:tag@sha256:…`), parsed by the grammar of the
 * distribution project's reference package, so that an image written into an infra
 * repository is one a registry could actually serve.
 */

export interface ImageReference {
  /** Registry host (with port), or undefined for a Docker Hub short name like `nginx`. */
  registry?: string;
  repository: string;
  tag?: string;
  digest?: string;
}

const DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?`;
const PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
const TAG = "[\\w][\\w.-]{0,127}";
const DIGEST = "[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}";

const REFERENCE = new RegExp(
  `^(?:(${DOMAIN})/)?(${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::(${TAG}))?(?:@(${DIGEST}))?$`,
);
const SHA256_DIGEST = /^sha256:[0-9a-f]{64}$/;

/** Why `text` is not a valid image reference, or undefined when it is. */
export function imageReferenceProblem(text: string): string | undefined {
  if (text.trim() !== text || text.length === 0) return "it is empty or has surrounding spaces";
  if (text.length > 512) return "it is longer than 512 characters";
  const match = REFERENCE.exec(text);
  if (!match) {
    if (/[A-Z]/.test(text.split(/[:@]/)[0]?.split("/").slice(1).join("/") ?? "")) {
      return "repository names must be lowercase";
    }
    return "it does not have the form registry/repository[:tag][@sha256:<64 hex>]";
  }
  const [, registry, repository = "", , digest] = match;
  // Without a dot, colon or "localhost" the first component is a path, not a registry:
  // `myteam/api` is a Docker Hub repository.
  if (
    registry &&
    !/[.:]/.test(registry) &&
    registry !== "localhost" &&
    registry !== registry.toLowerCase()
  ) {
    return "repository names must be lowercase";
  }
  if ((registry ? registry.length + 1 : 0) + repository.length > 255) {
    return "its name is longer than 255 characters";
  }
  if (digest?.startsWith("sha256:") && !SHA256_DIGEST.test(digest)) {
    return "a sha256 digest must be 64 lowercase hexadecimal characters";
  }
  return undefined;
}

export function parseImageReference(text: string): ImageReference | undefined {
  if (imageReferenceProblem(text) !== undefined) return undefined;
  const match = REFERENCE.exec(text)!;
  const [, domain, path = "", tag, digest] = match;
  let registry = domain;
  let repository = path;
  if (registry && !/[.:]/.test(registry) && registry !== "localhost") {
    repository = `${registry}/${path}`;
    registry = undefined;
  }
  return {
    ...(registry ? { registry } : {}),
    repository,
    ...(tag ? { tag } : {}),
    ...(digest ? { digest } : {}),
  };
}

/** The registry an image is pulled from; Docker Hub for short names. */
export function registryOf(reference: ImageReference): string {
  return reference.registry ?? "docker.io";
}
