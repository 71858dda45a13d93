import { describe, expect, it } from "vitest";
import type { ContentContext } from "../../../src/open-pr/pr-content.js";
import {
  changedServices,
  commitMessage,
  defaultBody,
  defaultTitle,
  renderTemplate,
  sourceFromEnv,
} from "../../../src/open-pr/pr-content.js";
import type { ServiceLayout } from "../../../src/release-file/service-layout.js";
import { discoverLayouts } from "../../../src/release-file/service-layout.js";

const FILE = "envs/production/release.auto.tfvars.json";

/** The layouts update-tfvars discovers for services named by the conventional fields. */
const LAYOUTS: ServiceLayout[] = discoverLayouts({
  api_blue_image: "a:1",
  api_green_image: "a:1",
  api_blue_weight: 100,
  api_green_weight: 0,
  worker_blue_image: "w:1",
  worker_green_image: "w:1",
  worker_blue_weight: 100,
  worker_green_weight: 0,
});

function context(overrides: Partial<ContentContext> = {}): ContentContext {
  return {
    environment: "production",
    kind: "deploy",
    services: ["api"],
    changes: [
      {
        file: FILE,
        path: "$.api_green_image",
        old: "r.example.com/api:1",
        new: "r.example.com/api:2",
      },
    ],
    layouts: LAYOUTS,
    source: sourceFromEnv({
      GITHUB_SERVER_URL: "https://github.example.com",
      GITHUB_REPOSITORY: "acme/api",
      GITHUB_SHA: "0123456789abcdef0123456789abcdef01234567",
      GITHUB_RUN_ID: "42",
      GITHUB_ACTOR: "octocat",
    }),
    branch: "greenlight/production/deploy-api",
    ...overrides,
  };
}

describe("titles", () => {
  it("say what happens to which services where", () => {
    expect(defaultTitle(context())).toBe("Deploy api to production");
    expect(defaultTitle(context({ kind: "rollback", services: ["api", "worker"] }))).toBe(
      "Roll back api, worker in production",
    );
    expect(defaultTitle(context({ kind: "finalize" }))).toBe("Finalize api in production");
    expect(
      defaultTitle(
        context({
          kind: "traffic",
          changes: [
            { file: FILE, path: "$.api_blue_weight", old: 100, new: 90 },
            { file: FILE, path: "$.api_green_weight", old: 0, new: 10 },
          ],
        }),
      ),
    ).toBe("Shift traffic to green in production: api 10%");
    expect(defaultTitle(context({ kind: "edit", services: [] }))).toBe(
      `Update ${FILE} in production`,
    );
  });

  it("count services beyond four, so the title stays readable", () => {
    const services = ["a", "b", "c", "d", "e", "f"];
    expect(defaultTitle(context({ services }))).toBe(
      "Deploy a, b, c and 3 more services to production",
    );
  });
});

describe("changedServices", () => {
  it("names the services whose fields change, in order, once each", () => {
    const changes = [
      { file: FILE, path: "$.worker_green_image", old: "w:1", new: "w:2" },
      { file: FILE, path: "$['api_green_image']", old: "a:1", new: "a:2" },
      { file: FILE, path: "$.worker_green_weight", old: 0, new: 10 },
      { file: FILE, path: "$.unrelated", old: 1, new: 2 },
    ];
    expect(changedServices(changes, LAYOUTS)).toEqual(["worker", "api"]);
  });
});

describe("bodies", () => {
  it("show the environment, a table of service, field, old and new, and the source", () => {
    const body = defaultBody(context());
    expect(body).toContain("**Environment:** production");
    expect(body).toContain("| api | green-image | `r.example.com/api:1` | `r.example.com/api:2` |");
    expect(body).toContain(
      "commit [acme/api@0123456](https://github.example.com/acme/api/commit/0123456789abcdef0123456789abcdef01234567)",
    );
    expect(body).toContain("workflow run https://github.example.com/acme/api/actions/runs/42");
    expect(body).toContain("started by @octocat");
    expect(body).toContain("`greenlight/production/deploy-api`");
  });

  it("name the file and path of a value no service owns, and mark created values", () => {
    const body = defaultBody(
      context({ changes: [{ file: FILE, path: "$.region", old: undefined, new: "eu-west-1" }] }),
    );
    expect(body).toContain(`| — | \`${FILE}\` \`$.region\` | (absent) | \`eu-west-1\` |`);
  });
});

describe("templates", () => {
  it("fill known placeholders and leave unknown ones visible", () => {
    const text = renderTemplate(
      "[{{ environment }}] {{title}} by {{sha}} ({{kind}}: {{services}}) {{nope}}",
      context(),
    );
    expect(text).toBe(
      "[production] Deploy api to production by 0123456789abcdef0123456789abcdef01234567 (deploy: api) {{nope}}",
    );
    expect(renderTemplate("{{changes}}", context())).toContain("| api | green-image |");
  });
});

describe("source lines", () => {
  it("carry GitLab CI's commit, branch, pipeline and actor, without an @-mention of a GitHub user", () => {
    const source = sourceFromEnv({
      GITLAB_CI: "true",
      CI_PROJECT_PATH: "shop/api",
      CI_PROJECT_URL: "https://gitlab.example.com/shop/api",
      CI_COMMIT_SHA: "0123456789abcdef0123456789abcdef01234567",
      CI_COMMIT_BRANCH: "main",
      GITLAB_USER_LOGIN: "alice",
      CI_PIPELINE_URL: "https://gitlab.example.com/shop/api/-/pipelines/981",
    });
    expect(commitMessage(context({ source }), "Deploy api to production").body).toContain(
      "Source: commit shop/api@0123456 on branch main, pipeline https://gitlab.example.com/shop/api/-/pipelines/981, started by alice.",
    );
    expect(defaultBody(context({ source }))).toContain(
      "commit [shop/api@0123456](https://gitlab.example.com/shop/api/-/commit/0123456789abcdef0123456789abcdef01234567) on branch main",
    );
  });
});

describe("commit messages", () => {
  it("list each change on its own line, with the source as plain text", () => {
    const message = commitMessage(context(), "Deploy api to production");
    expect(message.headline).toBe("Deploy api to production");
    expect(message.body).toBe(
      [
        '- api green-image: "r.example.com/api:1" -> "r.example.com/api:2"',
        "",
        "Source: commit acme/api@0123456, workflow run https://github.example.com/acme/api/actions/runs/42, started by @octocat.",
      ].join("\n"),
    );
  });
});
