import { describe, expect, it } from "vitest";
import {
  imageReferenceProblem,
  parseImageReference,
  registryOf,
} from "../../../src/core/oci-reference.js";

const DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

describe("OCI image references", () => {
  it.each([
    ["nginx", { repository: "nginx" }],
    ["nginx:1.25", { repository: "nginx", tag: "1.25" }],
    ["myteam/api:v1", { repository: "myteam/api", tag: "v1" }],
    ["localhost:5000/api", { registry: "localhost:5000", repository: "api" }],
    ["localhost/api:dev", { registry: "localhost", repository: "api", tag: "dev" }],
    [
      `123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/api@${DIGEST}`,
      {
        registry: "123456789012.dkr.ecr.eu-west-1.amazonaws.com",
        repository: "team/api",
        digest: DIGEST,
      },
    ],
    [
      `ghcr.io/acme/api:1.4.2@${DIGEST}`,
      { registry: "ghcr.io", repository: "acme/api", tag: "1.4.2", digest: DIGEST },
    ],
    [
      "127.0.0.1:5000/a_b__c-d.e:tag_1.x-y",
      { registry: "127.0.0.1:5000", repository: "a_b__c-d.e", tag: "tag_1.x-y" },
    ],
  ])("parses %s", (text, expected) => {
    expect(parseImageReference(text)).toEqual(expected);
  });

  it.each([
    ["", "empty"],
    [" nginx", "spaces"],
    ["Registry.example.com/API", "lowercase"],
    ["registry.example.com/api:", "form"],
    ["registry.example.com/api@sha256:123", "form"],
    [`registry.example.com/api@sha256:${"A".repeat(64)}`, "64 lowercase"],
    ["registry.example.com/-api", "form"],
    ["registry.example.com/api:tag with space", "form"],
    [":1.0", "form"],
    ["a".repeat(300), "255"],
  ])("rejects %j", (text, reason) => {
    expect(imageReferenceProblem(text)).toContain(reason);
    expect(parseImageReference(text)).toBeUndefined();
  });

  it("names Docker Hub as the registry of short names", () => {
    expect(registryOf(parseImageReference("nginx")!)).toBe("docker.io");
    expect(registryOf(parseImageReference("ghcr.io/a/b")!)).toBe("ghcr.io");
  });
});
