/**
 * Secret masking. A credential can leak in a form other than the one it was given in: a
 * token inside a base64 Basic auth header, a webhook URL percent-encoded into a query
 * string. So every secret is registered together with the forms derived from it, and
 * every one of them is masked (in Actions) and redacted (in the CLI's output).
 */

const MIN_MASKABLE_LENGTH = 4;
export const REDACTED = "***";

function base64(text: string): string {
  return Buffer.from(text, "utf8").toString("base64");
}

function base64url(text: string): string {
  return Buffer.from(text, "utf8").toString("base64url");
}

/**
 * The base64 of `text` when it sits inside a larger encoded text: base64 turns 3 bytes into
 * 4 characters, so the secret's encoding depends on its offset modulo 3. For each offset,
 * keep only the whole 3-byte groups that hold nothing but secret bytes; those characters
 * appear verbatim in the larger encoding.
 */
function base64Alignments(text: string): string[] {
  const bytes = Buffer.from(text, "utf8");
  const forms: string[] = [];
  for (const skip of [0, 1, 2]) {
    const rest = bytes.subarray(skip);
    const whole = rest.subarray(0, rest.length - (rest.length % 3));
    if (whole.length >= 6) forms.push(whole.toString("base64"));
  }
  return forms;
}

/** Every form in which `secret` could appear in output. */
export function derivedSecretForms(secret: string): string[] {
  const forms = new Set<string>();
  const add = (form: string) => {
    if (form.length >= MIN_MASKABLE_LENGTH) forms.add(form);
  };
  add(secret);
  add(secret.trim());
  add(base64(secret));
  add(base64url(secret));
  add(encodeURIComponent(secret));
  add(encodeURI(secret));
  add(JSON.stringify(secret).slice(1, -1));
  // Git and GitHub credentials travel as Basic auth of `x-access-token:<token>`.
  add(base64(`x-access-token:${secret}`));
  for (const form of base64Alignments(secret)) add(form);
  // Multi-line secrets (private keys) are also masked line by line: Actions masks per line.
  for (const line of secret.split(/\r?\n/)) add(line.trim());
  return [...forms];
}

/**
 * The set of secrets known to this run. `add` calls `onForm` for each new form (the action
 * runner passes `core.setSecret`); `redact` replaces them all in a piece of text.
 */
export class SecretRegistry {
  private readonly forms = new Set<string>();

  constructor(private readonly onForm: (form: string) => void = () => {}) {}

  add(secret: string | undefined | null): void {
    if (!secret || secret.length < MIN_MASKABLE_LENGTH) return;
    for (const form of derivedSecretForms(secret)) {
      if (this.forms.has(form)) continue;
      this.forms.add(form);
      this.onForm(form);
    }
  }

  get size(): number {
    return this.forms.size;
  }

  redact(text: string): string {
    if (this.forms.size === 0) return text;
    // Longest first, so a secret is not half-replaced by one of its own substrings.
    let out = text;
    for (const form of [...this.forms].sort((a, b) => b.length - a.length)) {
      if (out.includes(form)) out = out.split(form).join(REDACTED);
    }
    return out;
  }
}
