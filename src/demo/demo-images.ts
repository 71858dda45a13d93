/**
 * The demo's image step. With Buildah and a registry installed, each release is really
 * built (a FROM scratch image holding its version) by build-push and pushed to a local
 * registry, and the digest reference it outputs is what gets deployed. Without them, the
 * demo says so and uses prepared references whose digests are derived, not pushed.
 */
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CliIo, CliRunner } from "../cli/io.js";
import { versionOf } from "./demo-fleet.js";
import { DEMO_REGISTRY } from "./demo-infra.js";
import { commandAvailable, startLocalRegistry, type LocalRegistry } from "./local-registry.js";

export interface DemoImages {
  /** How images are made, for the timeline. */
  description: string;
  /** The immutable reference of `version`, built (or prepared) on first use. */
  imageFor(version: string): Promise<string>;
  /** The version an image reference holds (digest references carry no tag). */
  versionOf(image: string): string;
  close(): Promise<void>;
}

export function preparedImages(): DemoImages {
  return {
    description: `Buildah or docker-registry is not installed (apt-get install -y buildah docker-registry), so the demo uses prepared image references ${DEMO_REGISTRY}/api:<version>@sha256:… that were not built`,
    imageFor: async (version) => {
      const digest = createHash("sha256").update(`api:${version}`).digest("hex");
      return `${DEMO_REGISTRY}/api:${version}@sha256:${digest}`;
    },
    versionOf,
    close: async () => {},
  };
}

/** Real images when Buildah and docker-registry are installed, else prepared references. */
export async function demoImages(root: string, io: CliIo, runCli: CliRunner): Promise<DemoImages> {
  if (!(await commandAvailable("buildah")) || !(await commandAvailable("docker-registry"))) {
    return preparedImages();
  }
  const registry: LocalRegistry = await startLocalRegistry(join(root, "registry"));
  const project = join(root, "service");
  mkdirSync(project, { recursive: true });
  const built = new Map<string, string>();
  return {
    description: `building each release with Buildah (build-push) and pushing it to a local registry at ${registry.host}`,
    async imageFor(version) {
      writeFileSync(
        join(project, "Dockerfile"),
        "FROM scratch AS api\nCOPY version.txt /version.txt\n",
      );
      writeFileSync(join(project, "version.txt"), `${version}\n`);
      let out = "";
      let errors = "";
      const code = await runCli(
        [
          "build-push",
          ...["--services", "api=.#api", "--registry", registry.host, "--tags", version],
          ...["--engine", "buildah", "--tls-verify", "false", "--storage-driver", "vfs"],
          ...["--storage-root", join(root, "buildah"), "--isolation", "chroot", "--json"],
        ],
        { ...io, cwd: project, stdout: (t) => (out += t), stderr: (t) => (errors += t) },
      );
      if (code !== 0)
        throw new Error(`build-push failed: ${errors.trim().split("\n").at(-1) ?? ""}`);
      const images = JSON.parse(JSON.parse(out).images as string) as Record<string, string>;
      const image = images["api"];
      if (!image) throw new Error("build-push output no image for api");
      built.set(image, version);
      return image;
    },
    versionOf: (image) => built.get(image) ?? versionOf(image),
    close: () => registry.stop(),
  };
}
