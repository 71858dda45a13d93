import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ConfigurationError } from "../../../src/core/errors.js";
import { parseInputs } from "../../../src/core/inputs.js";
import { githubAuthFromInputs, githubAuthInputShape } from "../../../src/core/github/inputs.js";

const schema = z.object(githubAuthInputShape);
const KEY = "-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----";

function connection(raw: Record<string, string | undefined>) {
  return githubAuthFromInputs(parseInputs(schema, raw));
}

function sentence(raw: Record<string, string | undefined>): string {
  try {
    connection(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigurationError");
}

describe("GitHub auth inputs", () => {
  it("takes a plain token and a GHES API URL", () => {
    expect(
      connection({ token: "ghp_x", "github-api-url": "https://ghe.example.com/api/v3" }),
    ).toEqual({
      token: "ghp_x",
      baseUrl: "https://ghe.example.com/api/v3",
    });
  });

  it("prefers the App when a token is also given (action.yml defaults the token)", () => {
    expect(connection({ token: "ghp_x", "app-id": " 123 ", "private-key": KEY })).toEqual({
      app: { appId: "123", privateKey: KEY },
    });
    expect(connection({ "app-client-id": "Iv23abc", "private-key": KEY })).toEqual({
      app: { clientId: "Iv23abc", privateKey: KEY },
    });
  });

  it("names private-key when an App id comes without a key", () => {
    expect(sentence({ token: "t", "app-id": "123" })).toMatch(
      /^Input "private-key" is required with "app-id"/,
    );
    expect(sentence({ "app-client-id": "Iv23abc", "private-key": "  " })).toMatch(
      /^Input "private-key" is required with "app-client-id"/,
    );
  });

  it("names app-id when a key comes without an App", () => {
    expect(sentence({ token: "t", "private-key": KEY })).toMatch(
      /^Input "app-id" \(or "app-client-id"\) is required/,
    );
  });

  it("refuses both app-id and app-client-id", () => {
    expect(sentence({ "app-id": "1", "app-client-id": "Iv1", "private-key": KEY })).toMatch(
      /^Inputs "app-id" and "app-client-id" are both set/,
    );
  });

  it("asks for a token when nothing is given", () => {
    expect(sentence({ token: "" })).toMatch(
      /^Input "token" is required when no GitHub App is given/,
    );
  });

  it("rejects a non-numeric app-id and a malformed API URL with one sentence each", () => {
    expect(sentence({ "app-id": "my-app", "private-key": KEY })).toBe(
      `Input "app-id" must be the App's numeric id (or use app-client-id).`,
    );
    expect(sentence({ token: "t", "github-api-url": "ghe.example.com" })).toBe(
      `Input "github-api-url" must be an http(s) URL such as https://ghe.example.com/api/v3.`,
    );
  });
});
