import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../../../src/core/errors.js";
import { proxyRoute } from "../../../src/core/proxy-env.js";

const via = (env: Record<string, string>, target: string, explicit?: string) =>
  proxyRoute(env, explicit)(new URL(target))?.href;

describe("proxyRoute", () => {
  it("picks HTTPS_PROXY for https targets (falling back to HTTP_PROXY) and HTTP_PROXY for http", () => {
    const env = { HTTP_PROXY: "http://plain:3128", HTTPS_PROXY: "http://secure:3128" };
    expect(via(env, "https://api.example.com/")).toBe("http://secure:3128/");
    expect(via(env, "http://api.example.com/")).toBe("http://plain:3128/");
    expect(via({ HTTP_PROXY: "http://plain:3128" }, "https://a.example/")).toBe(
      "http://plain:3128/",
    );
    expect(via({ HTTPS_PROXY: "http://secure:3128" }, "http://a.example/")).toBeUndefined();
    expect(via({}, "https://a.example/")).toBeUndefined();
  });

  it("prefers the lower-case spelling, and reads a bare host:port as http://", () => {
    const env = { https_proxy: "lower:8080", HTTPS_PROXY: "http://upper:3128" };
    expect(via(env, "https://a.example/")).toBe("http://lower:8080/");
  });

  it("bypasses NO_PROXY hosts, their subdomains, ports and *", () => {
    const env = { HTTPS_PROXY: "http://p:1", NO_PROXY: "internal.example, .corp:8443 ,10.0.0.1" };
    expect(via(env, "https://internal.example/")).toBeUndefined();
    expect(via(env, "https://git.internal.example/")).toBeUndefined();
    expect(via(env, "https://notinternal.example/")).toBe("http://p:1/");
    expect(via(env, "https://api.corp:8443/")).toBeUndefined();
    expect(via(env, "https://api.corp/")).toBe("http://p:1/");
    expect(via(env, "https://10.0.0.1/")).toBeUndefined();
    expect(via({ HTTPS_PROXY: "http://p:1", no_proxy: "*" }, "https://a.example/")).toBeUndefined();
  });

  it("lets an explicit proxy win over the environment and NO_PROXY", () => {
    const env = { HTTPS_PROXY: "http://env:1", NO_PROXY: "*" };
    expect(via(env, "https://a.example/", "http://explicit:2")).toBe("http://explicit:2/");
  });

  it("refuses a proxy that is not an http(s) URL before any request, naming where it came from", () => {
    expect(() => proxyRoute({ HTTPS_PROXY: "socks5://p:1080" })).toThrow(ConfigurationError);
    expect(() => proxyRoute({ HTTPS_PROXY: "socks5://p:1080" })).toThrow(/HTTPS_PROXY/);
    expect(() => proxyRoute({}, "ftp://p")).toThrow(/input "proxy"/);
  });
});
