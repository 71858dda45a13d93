/** simple-user objects, as GitHub embeds them in every resource. */
import type { components } from "@octokit/openapi-types";
import type { SandboxContext } from "../context.js";
import type { User } from "../state.js";

export type SimpleUser = components["schemas"]["simple-user"];

export function nodeId(type: string, id: number): string {
  return Buffer.from(`0${type.length}:${type}${id}`).toString("base64");
}

export function simpleUser(ctx: SandboxContext, user: User): SimpleUser {
  const api = `${ctx.url}/users/${user.login}`;
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(user.type, user.id),
    avatar_url: `${ctx.url}/avatars/${user.login}`,
    gravatar_id: "",
    url: api,
    html_url: `${ctx.url}/${user.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    user_view_type: "public",
    site_admin: false,
  };
}
