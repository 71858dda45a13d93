/** This process's peak resident memory in KiB (see peak-probe.cjs). */
export function ownPeakKib(): number;
