import { describe, expect, it } from "vitest";
import type { ListedBackup } from "../../../src/backup-engine/manifest.js";
import { selectBackup } from "../../../src/restore/select-backup.js";

function listed(name: string, iso: string, verified: boolean): ListedBackup {
  return {
    key: `db/${name}`,
    time: new Date(iso),
    manifest: {
      name,
      verification: { verified, method: verified ? "restore" : "none" },
    } as ListedBackup["manifest"],
  };
}

const history = [
  listed("a", "2026-11-20T02:00:00Z", true),
  listed("b", "2026-11-21T02:00:00Z", true),
  listed("c", "2026-11-22T02:00:00Z", false),
];

describe("selectBackup", () => {
  it("chooses the latest verified backup unless unverified ones are allowed", () => {
    expect(selectBackup(history, { kind: "latest" }, false).backup?.manifest.name).toBe("b");
    expect(selectBackup(history, { kind: "latest" }, true).backup?.manifest.name).toBe("c");
  });

  it("chooses the latest at or before a time", () => {
    expect(
      selectBackup(history, { kind: "at", time: new Date("2026-11-21T02:00:00Z") }, false).backup
        ?.manifest.name,
    ).toBe("b");
    expect(
      selectBackup(history, { kind: "at", time: new Date("2026-11-21T01:59:59Z") }, false).backup
        ?.manifest.name,
    ).toBe("a");
    expect(
      selectBackup(history, { kind: "at", time: new Date("2026-01-01T00:00:00Z") }, false).reason,
    ).toBe("no verified backup started at or before 2026-01-01T00:00:00.000Z");
  });

  it("finds a backup by name, verified or not, and says when there is none", () => {
    expect(selectBackup(history, { kind: "name", name: "c" }, false).backup?.manifest.name).toBe(
      "c",
    );
    expect(
      selectBackup(history, { kind: "name", name: "c.manifest.json" }, false).backup?.manifest.name,
    ).toBe("c");
    expect(selectBackup(history, { kind: "name", name: "zzz" }, false).reason).toBe(
      "no backup named zzz",
    );
    expect(selectBackup([history[2]!], { kind: "latest" }, false).reason).toBe(
      "no verified backup exists (1 unverified; set allow-unverified to consider them)",
    );
  });
});

describe("selectBackup before a release", () => {
  const withRelease = (b: ListedBackup, version?: string): ListedBackup => ({
    ...b,
    manifest: { ...b.manifest, ...(version ? { release: { version } } : {}) },
  });
  const releases = [
    withRelease(listed("scheduled", "2026-11-20T02:00:00Z", true)),
    withRelease(listed("first-try", "2026-11-21T02:00:00Z", true), "1.4.0"),
    withRelease(listed("retry", "2026-11-21T03:00:00Z", true), "1.4.0"),
    withRelease(listed("next", "2026-11-22T02:00:00Z", true), "1.5.0"),
  ];

  it("chooses the first backup taken before the release, from before any attempt", () => {
    const choice = { kind: "before-release", release: "1.4.0" } as const;
    expect(selectBackup(releases, choice, false).backup?.manifest.name).toBe("first-try");
  });

  it("says so when no backup was taken before the release", () => {
    const choice = { kind: "before-release", release: "0.9.0" } as const;
    expect(selectBackup(releases, choice, false).reason).toBe(
      "no verified backup was taken before release 0.9.0",
    );
  });
});
