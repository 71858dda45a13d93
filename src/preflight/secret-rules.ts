/**
 * What a leaked credential looks like. Each rule finds a span; a finding reports where and
 * which rule, never the text. The entropy rule catches what has no known shape: a long,
 * random-looking value assigned to a name that says it is a secret.
 */

export interface SecretRule {
  id: string;
  description: string;
  pattern: RegExp;
  /** The capture group holding the secret itself (0: the whole match). */
  group?: number;
  /** Extra test on the captured secret, e.g. its entropy. */
  accept?: (secret: string) => boolean;
  /** A catch-all: it stays silent where a rule for a known shape already matched. */
  generic?: boolean;
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(text: string): number {
  const counts = new Map<string, number>();
  for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Values that name a secret rather than hold one: ${{ secrets.X }}, ${VAR}, process.env.X… */
const REFERENCE =
  /^(\$\{\{.*|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|%\(?[A-Za-z_]+\)?s?|process\.env\..*|os\.environ.*|env\(.*|<[^>]*>|\{\{.*\}\})$/;
const ENTROPY_THRESHOLD = 3.5;

function looksRandom(secret: string): boolean {
  if (REFERENCE.test(secret)) return false;
  // A URL without credentials (an OAuth endpoint, a docs link) is an address, not a secret.
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/@\s]+(\/|$)/i.test(secret)) return false;
  if (/^[a-z]+([_-][a-z]+)*$/i.test(secret)) return false; // words_and_dashes: an identifier
  if (!/\d/.test(secret) && !/[A-Z]/.test(secret)) return false;
  return shannonEntropy(secret) >= ENTROPY_THRESHOLD;
}

export const SECRET_RULES: SecretRule[] = [
  {
    id: "private-key",
    description: "private key",
    pattern: /-----BEGIN (?:(?:RSA|DSA|EC|OPENSSH|PGP|ENCRYPTED) )?PRIVATE KEY(?: BLOCK)?-----/g,
  },
  {
    id: "aws-access-key-id",
    description: "AWS access key id",
    pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g,
  },
  {
    id: "aws-secret-access-key",
    description: "AWS secret access key",
    pattern: /aws_?secret_?access_?key["']?\s*[:=]\s*["']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi,
    group: 1,
  },
  {
    id: "github-token",
    description: "GitHub token",
    pattern: /\bgh[pousr]_[A-Za-z0-9]{36,255}\b/g,
  },
  {
    id: "github-fine-grained-token",
    description: "GitHub fine-grained token",
    pattern: /\bgithub_pat_[A-Za-z0-9_]{22,255}\b/g,
  },
  {
    id: "google-api-key",
    description: "Google API key",
    pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g,
  },
  {
    id: "gcp-service-account-key",
    description: "Google Cloud service account key",
    pattern: /"private_key_id"\s*:\s*"([a-f0-9]{40})"/g,
    group: 1,
  },
  { id: "slack-token", description: "Slack token", pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g },
  {
    id: "slack-webhook",
    description: "Slack webhook URL",
    pattern: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]{16,}/g,
  },
  {
    id: "stripe-live-key",
    description: "Stripe live key",
    pattern: /\b[sr]k_live_[0-9a-zA-Z]{24,}\b/g,
  },
  {
    id: "high-entropy-assignment",
    description: "high-entropy value assigned to a secret-like name",
    pattern:
      /\b[A-Za-z0-9_.-]*(?:secret|token|passw(?:or)?d|pwd|api[_-]?key|access[_-]?key|private[_-]?key|credential|auth)[A-Za-z0-9_.-]*["']?\s*(?::=|=>|[:=])\s*["'`]?([^\s"'`;,]{16,})/gi,
    group: 1,
    accept: looksRandom,
    generic: true,
  },
];
