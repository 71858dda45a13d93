/**
 * The GitHub client, loaded when a run first needs it (a separate chunk in the bundles):
 * Octokit and its REST route tables are a large part of what an action would otherwise
 * evaluate at start, and a run that stops at bad input never needs them.
 */
import type { GitHubClient, GitHubClientOptions } from "./client.js";

export async function connectGitHub(options: GitHubClientOptions): Promise<GitHubClient> {
  const { createGitHubClient } = await import("./client.js");
  return createGitHubClient(options);
}
