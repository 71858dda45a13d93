import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REDACTED, SecretRegistry, derivedSecretForms } from "../../../src/core/secrets.js";

describe("SecretRegistry", () => {
  it("registers the secret and its derived forms once each", () => {
    const registered: string[] = [];
    const registry = new SecretRegistry((form) => registered.push(form));
    registry.add("ghs_abcdefghijklmnop");
    registry.add("ghs_abcdefghijklmnop");
    expect(registered).toContain("ghs_abcdefghijklmnop");
    expect(registered).toContain(Buffer.from("ghs_abcdefghijklmnop").toString("base64"));
    expect(registered).toContain(
      Buffer.from("x-access-token:ghs_abcdefghijklmnop").toString("base64"),
    );
    expect(new Set(registered).size).toBe(registered.length);
  });

  it("ignores values too short to mask meaningfully", () => {
    const registry = new SecretRegistry();
    registry.add("ab");
    registry.add("");
    registry.add(undefined);
    expect(registry.size).toBe(0);
  });

  it("redacts a URL-encoded webhook URL and each line of a private key", () => {
    const registry = new SecretRegistry();
    const url = "https://hooks.slack.com/services/T000/B000/XXXX?x=a b";
    const key = "-----BEGIN KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END KEY-----";
    registry.add(url);
    registry.add(key);
    expect(registry.redact(`posting to ${encodeURIComponent(url)}`)).toBe(`posting to ${REDACTED}`);
    expect(registry.redact("line MIIEvQIBADANBgkqhkiG9w0BAQEFAASC")).toBe(`line ${REDACTED}`);
  });

  // Secrets of 12+ characters (every real token) are found at any offset; shorter ones
  // would need masks so short that they would hide ordinary text.
  it("finds the secret inside any larger base64 text, whatever its offset", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 12, maxLength: 40 }).filter((s) => s.trim() === s),
        fc.string({ maxLength: 20 }),
        fc.string({ maxLength: 20 }),
        (secret, before, after) => {
          const registry = new SecretRegistry();
          registry.add(secret);
          const encoded = Buffer.from(before + secret + after).toString("base64");
          expect(registry.redact(encoded)).toContain(REDACTED);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("derives base64, URL-encoded and JSON-escaped forms", () => {
    const forms = derivedSecretForms('p@ss"word/1');
    expect(forms).toContain(encodeURIComponent('p@ss"word/1'));
    expect(forms).toContain('p@ss\\"word/1');
  });
});
