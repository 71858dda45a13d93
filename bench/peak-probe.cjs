/**
 * A process's own peak resident memory, the one way every benchmark reads it. On Linux it is
 * VmHWM from /proc/self/status: the high-water mark of this program's memory since it
 * started. getrusage's maxRSS is not, because Linux carries it across exec from the parent
 * that forked the process, so a child a benchmark starts would report at least the
 * benchmark's own size. Elsewhere, maxRSS is what there is.
 *
 * Loaded with `node --require` (plain CommonJS, so any Node runs it as is), it writes the
 * peak in KiB to the file BENCH_PEAK_FILE names when the process exits.
 */
"use strict";
const fs = require("node:fs");

/** This process's peak resident memory in KiB. */
function ownPeakKib() {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync("/proc/self/status", "utf8"));
    if (hwm) return Number(hwm[1]);
  } catch {
    // Not Linux: getrusage below.
  }
  return process.resourceUsage().maxRSS;
}

const peakFile = process.env.BENCH_PEAK_FILE;
if (peakFile) process.on("exit", () => fs.writeFileSync(peakFile, String(ownPeakKib())));

module.exports = { ownPeakKib };
