/**
 * Secret masking. A credential can leak in a form other than the one it was given in: a
 * token inside a base64 Basic auth header, a webhook URL percent-encoded into a query
 * string. So every secret is registered together with the forms derived from it, and
 * every one of them is masked (in Actions) and redacted (in the CLI's output).
 */

import { urlCredentials } from "./http/credentials.js";

const MIN_MASKABLE_LENGTH = 4;
export const REDACTED = "***";

/** A URL inside free text: a scheme, `://`, and everything up to whitespace or a quote. */
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi;
/** The user info of a URL inside free text (`scheme://user:password@`). */
const USER_INFO_IN_TEXT = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>`]+@/gi;

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The credentials carried by every URL in `text`: the password of its user info (and the
 * whole user info, whose user part alone is a token in `https://TOKEN@host`) and query
 * parameters named like credentials. Every input and config value goes through this, so a
 * URL with credentials is a secret wherever it came from.
 */
export function credentialsInUrls(text: string): string[] {
  const found: string[] = [];
  for (const [url] of text.matchAll(URL_IN_TEXT)) {
    const info = /^[a-z][a-z0-9+.-]*:\/\/([^/?#@]+)@/i.exec(url)?.[1];
    if (info) {
      const colon = info.indexOf(":");
      const user = colon >= 0 ? info.slice(0, colon) : info;
      const password = colon >= 0 ? info.slice(colon + 1) : "";
      found.push(info, decoded(info));
      if (password) found.push(password, decoded(password));
      else found.push(user, decoded(user));
    }
    try {
      found.push(...urlCredentials(new URL(url)));
    } catch {
      // Not a URL after all; its user info (if any) was taken above.
    }
  }
  return found;
}

/** `text` with the user info of every URL in it replaced, whatever its length. */
export function withoutUrlUserInfo(text: string): string {
  // `ssh://git@host` names the conventional git user, not a credential.
  return text.replace(USER_INFO_IN_TEXT, (whole, scheme: string) =>
    whole === `${scheme}git@` ? whole : `${scheme}${REDACTED}@`,
  );
}

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

  /** Registers the credentials of every URL in `text` (an input or config value). */
  addUrlCredentials(text: string | undefined | null): void {
    if (!text) return;
    for (const secret of credentialsInUrls(text)) this.add(secret);
  }

  get size(): number {
    return this.forms.size;
  }

  redact(text: string): string {
    // Longest first, so a secret is not half-replaced by one of its own substrings.
    let out = text;
    for (const form of [...this.forms].sort((a, b) => b.length - a.length)) {
      if (out.includes(form)) out = out.split(form).join(REDACTED);
    }
    // User info too short to register (`http://a:pw@host`) is still a credential.
    return withoutUrlUserInfo(out);
  }
}
