/**
 * The credential every GitHub-facing action needs: a token or a GitHub App. Checked from the
 * raw inputs, so an action without one fails before its code is loaded; githubAuthFromInputs
 * checks the same with the same sentence.
 */
export const TOKEN_REQUIRED = `Input "token" is required when no GitHub App is given; pass \${{ github.token }}, a personal access token, or app-id with private-key.`;

/** The sentence when neither a token nor any App input is given; none otherwise. */
export function missingGitHubAuth(raw: Record<string, string | undefined>): string[] {
  const given = ["token", "app-id", "app-client-id", "private-key"].some((name) =>
    raw[name]?.trim(),
  );
  return given ? [] : [TOKEN_REQUIRED];
}
