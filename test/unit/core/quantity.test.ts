import { describe, expect, it } from "vitest";
import { parseQuantity } from "../../../src/core/quantity.js";

describe("parseQuantity", () => {
  const units = { "": 1, kb: 1000, mib: 1 << 20 };
  it("multiplies by the unit and accepts a space", () => {
    expect(parseQuantity("1.5 MiB", units)).toBe(1572864);
    expect(parseQuantity("2kb", units)).toBe(2000);
    expect(parseQuantity("42", units)).toBe(42);
  });
  it("refuses unknown units, including names every object inherits", () => {
    expect(parseQuantity("5gb", units)).toBeUndefined();
    expect(parseQuantity("5constructor", units)).toBeUndefined();
    expect(parseQuantity("5toString", units)).toBeUndefined();
    expect(parseQuantity("-1kb", units)).toBeUndefined();
  });
});
