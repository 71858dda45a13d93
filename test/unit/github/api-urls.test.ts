import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../../../src/core/errors.js";
import { graphqlUrlFor, resolveApiUrls } from "../../../src/core/github/urls.js";

describe("graphqlUrlFor", () => {
  it("maps a GHES REST root to its GraphQL endpoint", () => {
    expect(graphqlUrlFor("https://ghe.example.com/api/v3")).toBe(
      "https://ghe.example.com/api/graphql",
    );
    expect(graphqlUrlFor("https://ghe.example.com/api/v3/")).toBe(
      "https://ghe.example.com/api/graphql",
    );
  });

  it("appends /graphql for github.com, GHE.com and the sandbox", () => {
    expect(graphqlUrlFor("https://api.github.com")).toBe("https://api.github.com/graphql");
    expect(graphqlUrlFor("https://api.acme.ghe.com")).toBe("https://api.acme.ghe.com/graphql");
    expect(graphqlUrlFor("http://127.0.0.1:8123")).toBe("http://127.0.0.1:8123/graphql");
  });
});

describe("resolveApiUrls", () => {
  it("defaults to github.com", () => {
    expect(resolveApiUrls({}, {})).toEqual({
      baseUrl: "https://api.github.com",
      graphqlUrl: "https://api.github.com/graphql",
    });
  });

  it("uses the runner's GITHUB_API_URL and GITHUB_GRAPHQL_URL together", () => {
    const env = {
      GITHUB_API_URL: "https://ghe.example.com/api/v3",
      GITHUB_GRAPHQL_URL: "https://ghe.example.com/api/graphql",
    };
    expect(resolveApiUrls({}, env)).toEqual({
      baseUrl: "https://ghe.example.com/api/v3",
      graphqlUrl: "https://ghe.example.com/api/graphql",
    });
  });

  it("derives GraphQL from an explicit base URL rather than the runner's GraphQL URL", () => {
    const env = {
      GITHUB_API_URL: "https://api.github.com",
      GITHUB_GRAPHQL_URL: "https://api.github.com/graphql",
    };
    expect(resolveApiUrls({ baseUrl: "https://ghe.example.com/api/v3/" }, env)).toEqual({
      baseUrl: "https://ghe.example.com/api/v3",
      graphqlUrl: "https://ghe.example.com/api/graphql",
    });
  });

  it("keeps an explicit GraphQL URL", () => {
    expect(
      resolveApiUrls(
        { baseUrl: "http://127.0.0.1:9000", graphqlUrl: "http://127.0.0.1:9001/gql" },
        {},
      ),
    ).toEqual({ baseUrl: "http://127.0.0.1:9000", graphqlUrl: "http://127.0.0.1:9001/gql" });
  });

  it("names github-api-url when the base URL is not an http(s) URL", () => {
    expect(() => resolveApiUrls({ baseUrl: "ghe.example.com" }, {})).toThrow(ConfigurationError);
    expect(() => resolveApiUrls({ baseUrl: "ftp://ghe.example.com" }, {})).toThrow(
      /^Input "github-api-url" must be an http or https URL/,
    );
  });
});
