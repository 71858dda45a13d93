/**
 * What each key of the config file means, attached to the zod schema as metadata so that the
 * JSON Schema (editors' hover text) and docs/config.md carry it. Kept beside schema.ts rather
 * than inside it so the schema reads as validation rules; a test requires every key to be
 * described here and every path here to exist.
 */
import { z } from "zod";
import { configSchema } from "./schema.js";

const CHECK = "verify check";

/** Descriptions by key path: `*` is any name in a map, `[]` any item of a list. */
export const CONFIG_DOCS: Record<string, string> = {
  version: "Version of the file format. Only 1 exists.",
  environments:
    "Environments by name (qa, production, …). The name is the `environment` input of every action and the name of the GitHub environment the workflows run in.",
  "environments.*": "Where one environment's release lives and how changes to it land.",
  "environments.*.repository": "The infra repository, owner/name.",
  "environments.*.base": "Branch of the infra repository that Terraform applies. Default main.",
  "environments.*.release-file":
    "The environment's release file in the infra repository: a Terraform variables file (*.auto.tfvars.json, or the literal subset of .tfvars) or a YAML file (Helm values, a kustomization, Kubernetes manifests). A path, with the format taken from its extension, or path and format.",
  "environments.*.release-file.path": "Path of the release file in the infra repository.",
  "environments.*.release-file.format":
    "json, hcl or yaml, for a file whose extension does not say. Default from the extension.",
  "environments.*.tfvars":
    "The environment's release file, by the name it had before release-file (a tfvars or YAML file). Give release-file or tfvars, not both.",
  "environments.*.merge":
    "How changes land: pull-request (merged by a person), auto-merge (a pull request that merges itself once its reviews and checks pass) or direct (a commit to the base branch). Default pull-request.",
  "environments.*.merge-method": "Merge method for auto-merge. Default squash.",
  "environments.*.allowed-paths":
    "Globs of the paths in the infra repository a change may touch, e.g. envs/production/**. Default exactly the files being changed.",
  "environments.*.labels": "Labels for the pull requests.",
  "environments.*.reviewers": "People asked to review the pull requests.",
  "environments.*.team-reviewers": "Teams (slugs) asked to review the pull requests.",
  "environments.*.draft": "Open the pull requests as drafts.",
  "environments.*.require-digest":
    "Refuse images that are not pinned by digest (registry/repository@sha256:…).",
  "environments.*.allowed-registries": "Registries that new images may come from.",
  "environments.*.promotion": "The environment's promotion plan. Default the top-level promotion.",
  "environments.*.backup-before-rollback":
    "Take a verified database backup before every rollback of this environment (rollback's database-url input names the database). The rollback never restores data: that stays an explicit restore.",
  "environments.*.backup-before-rollback.destination":
    "Where the backup goes: s3://bucket/prefix or a directory.",
  "environments.*.backup-before-rollback.name": "The backup set. Default the database name.",
  "environments.*.backup-before-rollback.s3-endpoint":
    "Endpoint of an S3-compatible store. Empty for AWS S3.",
  "environments.*.backup-before-rollback.s3-region": "S3 region. Default from the environment.",
  "environments.*.verify":
    "Checks that prove the environment is live and right, as verify runs them: after a deploy lands, and after every rollback (by hand or by a promotion tick) once it is on the base branch. Write them against the environment's public URLs: after a rollback the stable side takes all the traffic, so the same checks verify it.",
  "environments.*.verify.checks": `The checks (each a ${CHECK}).`,
  "environments.*.verify.timeout": "Time allowed for each attempt of a check, e.g. 10s.",
  "environments.*.verify.attempts": "Attempts per check before it fails.",
  "environments.*.verify.interval": "Wait between attempts of a check.",
  "environments.*.verify.deadline": "Overall deadline for all checks, e.g. 5m.",
  "environments.*.deploy-window":
    "When deploys to the environment are allowed; preflight judges it when its environment input names the environment and no deploy-window input is given.",
  "environments.*.deploy-window.timezone":
    "IANA time zone the days and hours are judged in, e.g. Asia/Shanghai. Default UTC.",
  "environments.*.deploy-window.days":
    "Days deploys are allowed, e.g. mon-fri or [mon, wed, fri]. Default every day. Left out when hours are given per day.",
  "environments.*.deploy-window.hours":
    "Open hours, end exclusive, e.g. 09:00-17:00 or 09:00-12:00, 13:00-17:00; or per day as a map of day or day range → hours, later keys winning, e.g. {mon-fri: 10:00-16:00, fri: 10:00-12:00} (days not named, or named closed, are closed). Default all day.",
  "environments.*.deploy-window.hours.*": "Open hours of these days, or closed.",
  "environments.*.deploy-window.freeze":
    "Periods when deploys are not allowed, whatever the days and hours say.",
  "environments.*.deploy-window.freeze[].from":
    "Start: a date (the whole day in the window's time zone), a local time 2026-12-20T18:00, or an instant with an offset.",
  "environments.*.deploy-window.freeze[].to":
    "End, included when a date: a date, a local time or an instant.",
  "environments.*.deploy-window.freeze[].reason": "Why, shown when the window is closed.",
  "environments.*.deploy-window.holidays":
    "Public holidays that close the window, as the country's offices keep them.",
  "environments.*.deploy-window.holidays.country":
    "ISO 3166-1 country code. CN follows the State Council's yearly schedule, including the weekend days worked in place of a holiday (调休), which are open; other countries use the date-holidays calendars.",
  "environments.*.deploy-window.holidays.state":
    "State or province code for regional holidays, e.g. BY in DE (not for CN).",
  "environments.*.deploy-window.holidays.region": "Region within the state (not for CN).",
  "environments.*.deploy-window.holidays.types":
    "Kinds of holiday that close the window (public, bank, optional, school, observance). Default public; only public for CN.",
  "environments.*.deploy-window.holidays.day-before":
    "Also close the last working day before a holiday (the Friday before a holiday on Monday). Default false.",
  services:
    "Services by name. The name is how the tfvars fields are found: api → api_green_image, api_green_weight, … (see fields).",
  "services.*": "How one service is built and where its fields are.",
  "services.*.image": "Image repository, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com/api.",
  "services.*.context": "Build context, relative to the repository root.",
  "services.*.dockerfile": "Dockerfile, relative to the context.",
  "services.*.target": "Build stage of a multi-stage Dockerfile.",
  "services.*.platforms": "Platforms to build, e.g. linux/amd64 and linux/arm64.",
  "services.*.build-args": "Build arguments (never secrets: they are readable in the image).",
  "services.*.weighted":
    "Whether the service takes traffic through blue and green weights. false for a service without a load balancer, such as a queue worker: it only gets new images and counts.",
  "services.*.fields":
    "JSONPath of a release-file field when it does not follow the convention $.<service>_<field> (dashes written as underscores).",
  "services.*.fields.green-image":
    "Where the green image is: a JSONPath, or repository plus tag and/or digest JSONPaths for an image split across fields (Helm image.repository + image.tag, Kustomize newName + newTag / digest).",
  "services.*.fields.green-image.repository":
    "JSONPath of the image's repository (registry/name), e.g. $.green.image.repository.",
  "services.*.fields.green-image.tag": "JSONPath of the image's tag, e.g. $.green.image.tag.",
  "services.*.fields.green-image.digest":
    'JSONPath of the image\'s digest (sha256:…). Keep the key in the file ("" when unused): Greenlight writes it, never adds it.',
  "services.*.fields.blue-image": "Where the blue image is; the same forms as green-image.",
  "services.*.fields.blue-image.repository": "JSONPath of the blue image's repository.",
  "services.*.fields.blue-image.tag": "JSONPath of the blue image's tag.",
  "services.*.fields.blue-image.digest": "JSONPath of the blue image's digest.",
  "services.*.fields.green-desired-count":
    "JSONPath of the green side's desired count (replicas), e.g. $.green.replicaCount.",
  "services.*.fields.blue-desired-count": "JSONPath of the blue side's desired count.",
  "services.*.fields.blue-weight":
    'JSONPath of the blue traffic weight; a filter selects a backend by name, e.g. $.spec.rules[0].backendRefs[?(@.name=="api-blue")].weight.',
  "services.*.fields.green-weight": "JSONPath of the green traffic weight.",
  "services.*.weight-mode":
    "percent: blue and green weights add up to 100. relative: the weights are shares of their sum, as Gateway API backendRefs and Istio routes read them (1 and 0 is all blue); Greenlight writes the plan's percentages as the pair's shares. Default percent.",
  "services.*.environments": "Environments the service is deployed to. Default all.",
  promotion: "Default promotion plan: how green's traffic moves to 100% and what gates each step.",
  "promotion.steps":
    "Green weights to move through, increasing and ending at 100. Default 10, 50, 100.",
  "promotion.bake-time":
    "How long each weight holds before the next step, counted from when the change reached the base branch (plus any time a Prometheus analysis had no number for: missing or NaN measurements), e.g. 10m.",
  "promotion.bake-from":
    "When a step's bake time starts: merge (when the step reached the base branch) or verified (when the plan's verify analyses first confirmed the new version answers, after the step reached the base branch). Default merge.",
  "promotion.analyses": "Measurements that gate each step; every one must pass.",
  "promotion.analyses[].name": "Name shown with the analysis's evidence.",
  "promotion.analyses[].prometheus": "A Prometheus query.",
  "promotion.analyses[].prometheus.url": "Prometheus server URL.",
  "promotion.analyses[].prometheus.query": "PromQL query; its value is `result` in the conditions.",
  "promotion.analyses[].prometheus.range":
    "Ask a range query over this window (e.g. 5m) instead of an instant query.",
  "promotion.analyses[].prometheus.step": "Resolution step of the range query.",
  "promotion.analyses[].http-json": "A metric read from an HTTP endpoint's JSON answer.",
  "promotion.analyses[].http-json.url": "URL answering JSON.",
  "promotion.analyses[].http-json.path": "JSONPath of the value; it is `result` in the conditions.",
  "promotion.analyses[].http-json.headers": "Request headers.",
  "promotion.analyses[].verify": `Checks that must pass (each a ${CHECK}).`,
  "promotion.analyses[].success-condition": "Condition on result that passes, e.g. result < 0.01.",
  "promotion.analyses[].failure-condition":
    "Condition on result that fails, e.g. result > 0.05. Neither condition met is no verdict yet.",
  "promotion.analyses[].failure-limit": "Failed measurements allowed before the analysis fails.",
  "promotion.analyses[].consecutive-error-limit":
    "Provider errors (timeouts, bad answers) in a row allowed before they count as a failure.",
  "promotion.analyses[].interval": "Time between measurements.",
  "promotion.analyses[].on-missing-data":
    "What no data or NaN means: hold (wait, never advance) or fail. Missing data never advances a release.",
  "promotion.on-failure":
    "What a failed analysis does: rollback (automatic) or hold (for a person to decide: the hold is recorded beside the release file, and no later tick advances the release until a person deletes the record). Default rollback.",
  "promotion.minimum-traffic":
    "Below this request rate a measurement is a hold, not a verdict: too little traffic proves nothing.",
  "promotion.minimum-traffic.query": "PromQL query for green's request rate (per second).",
  "promotion.minimum-traffic.at-least": "Request rate below which measurements only hold.",
  "promotion.minimum-traffic.url":
    "Prometheus to ask. Default the first Prometheus analysis's URL.",
  "promotion.merge": "How promotion steps land. Default the environment's merge.",
  notifications:
    "Where notifications go. The file names the environment variables (set from secrets) that hold URLs, tokens and signing secrets, never the values.",
  "notifications.slack": "Slack, by incoming webhook or by bot token.",
  "notifications.slack.webhook-url-env": "Variable holding the incoming webhook URL.",
  "notifications.slack.token-env":
    "Variable holding a bot token (with channel), instead of a webhook.",
  "notifications.slack.channel": "Channel for the bot token, e.g. #deploys.",
  "notifications.slack.events": "Kinds and statuses this target is told about. Default all.",
  "notifications.lark": "A Lark/Feishu custom bot.",
  "notifications.lark.webhook-url-env": "Variable holding the bot's webhook URL.",
  "notifications.lark.secret-env": "Variable holding the bot's signing secret, when signing is on.",
  "notifications.lark.events": "Kinds and statuses this target is told about. Default all.",
  "notifications.dingtalk": "A DingTalk custom robot.",
  "notifications.dingtalk.webhook-url-env": "Variable holding the robot's webhook URL.",
  "notifications.dingtalk.secret-env": "Variable holding the robot's signing secret (SEC…).",
  "notifications.dingtalk.events": "Kinds and statuses this target is told about. Default all.",
  "notifications.teams": "Microsoft Teams.",
  "notifications.teams.webhook-url-env": "Variable holding the webhook URL.",
  "notifications.teams.events": "Kinds and statuses this target is told about. Default all.",
  "notifications.webhook": "A generic webhook receiving the event as JSON.",
  "notifications.webhook.url-env": "Variable holding the webhook URL.",
  "notifications.webhook.secret-env": "Variable holding the HMAC-SHA256 signing secret.",
  "notifications.webhook.events": "Kinds and statuses this target is told about. Default all.",
  "notifications.pagerduty":
    "PagerDuty Events v2: failures and rollbacks trigger, successes resolve.",
  "notifications.pagerduty.routing-key-env": "Variable holding the integration (routing) key.",
  "notifications.pagerduty.url":
    "Events API endpoint, e.g. https://events.eu.pagerduty.com/v2/enqueue for the EU service region. Default the US endpoint; the pagerduty-url input wins.",
  "notifications.pagerduty.severity":
    "Severity of the alert a rollback that worked raises (a failed rollback is critical, another failure an error). Default warning.",
  "notifications.pagerduty.dedup-key": "Dedup key. Default greenlight/<repository>/<environment>.",
  "notifications.pagerduty.events": "Kinds and statuses this target is told about. Default all.",
  "notifications.template":
    "Override of the message words, with placeholders such as {{environment}}.",
  "notifications.template.title": "Title template.",
  "notifications.template.text": "Text template.",
  "notifications.fail-on-error":
    "Fail the step when a target could not be told. Default false: a notification should not fail a deploy that worked.",
  "notifications.github-deployments": "Also record deployments and their statuses on GitHub.",
};

/** The keys of a verify check, described once and attached wherever a check appears. */
export const CHECK_DOCS: Record<string, string> = {
  name: "Name shown in the report. Default the URL.",
  url: "URL to check.",
  method: "HTTP method. Default GET.",
  headers: "Request headers.",
  "secret-headers": "Names of headers whose values are masked everywhere.",
  body: "Request body (text, or a map sent as JSON).",
  expect: "What the answer must be.",
  "expect.status":
    "Expected status: codes, classes or ranges, e.g. 200, 2xx, 200-204. Default 2xx.",
  "expect.json": 'JSONPath assertions on the body, e.g. $.status == "ok".',
  "expect.body-matches": "Regular expressions the body must match.",
  "expect.body-not-matches": "Regular expressions the body must not match.",
  "expect.headers": "Response headers and their expected values (true: present, false: absent).",
  "expect.security-headers": "Require nosniff, frame options and, over HTTPS, HSTS.",
  "expect.max-latency": "Slowest acceptable answer, e.g. 500ms.",
  tls: "Certificate checks.",
  "tls.verify": "Verify the certificate. Default true.",
  "tls.ca-file": "PEM file of extra trusted CA certificates.",
  "tls.min-days": "Fail when the certificate expires in fewer days.",
  timeout: "Time allowed for each attempt.",
  attempts: "Attempts before the check fails.",
  interval: "Wait between attempts.",
  "follow-redirects": "Follow redirects. Default true.",
  "max-redirects": "Redirects followed before the check fails.",
  "max-body": "Largest body read, e.g. 1MiB.",
  latency: "A latency probe: many requests at once, judged by percentiles.",
  "latency.requests": "Requests to send.",
  "latency.concurrency": "Requests in flight at once.",
  "latency.p50": "Limit for the median latency.",
  "latency.p95": "Limit for the 95th percentile latency.",
  "latency.p99": "Limit for the 99th percentile latency.",
  "latency.max-error-rate": "Largest share of failed requests, e.g. 1%.",
  "latency.min-throughput": "Fewest requests per second.",
};

/** Where verify checks appear in the config file. */
const CHECK_LISTS = ["environments.*.verify.checks[]", "promotion.analyses[].verify[]"];

interface Node {
  def: {
    type: string;
    innerType?: Node;
    in?: Node;
    valueType?: Node;
    element?: Node;
    options?: Node[];
    shape?: Record<string, Node>;
  };
}

/** The schema inside optional, default, nullable and pipe wrappers. */
function unwrap(node: Node): Node {
  for (;;) {
    const inner = node.def.innerType ?? (node.def.type === "pipe" ? node.def.in : undefined);
    if (!inner) return node;
    node = inner;
  }
}

function step(node: Node, segment: string): Node[] {
  const inner = unwrap(node);
  if (inner.def.type === "union")
    return (inner.def.options ?? []).flatMap((option) => step(option, segment));
  if (segment === "*")
    return inner.def.type === "record" && inner.def.valueType ? [inner.def.valueType] : [];
  if (segment === "[]")
    return inner.def.type === "array" && inner.def.element ? [inner.def.element] : [];
  const child = inner.def.type === "object" ? inner.def.shape?.[segment] : undefined;
  return child ? [child] : [];
}

/** Every schema node at `path` (several where a union's options share a key). */
export function schemaNodesAt(path: string, root: Node = configSchema as unknown as Node): Node[] {
  const segments = path.split(/\.|(?=\[\])/).filter(Boolean);
  let nodes = [root];
  for (const segment of segments) nodes = nodes.flatMap((node) => step(node, segment));
  return nodes;
}

let unknownPaths: string[] | undefined;

/**
 * Attaches every description to the schema (once). Returns the described paths the schema
 * does not have (a test requires none), rather than throwing: stale docs must not break a build.
 */
export function describeConfigSchema(): string[] {
  if (unknownPaths) return unknownPaths;
  unknownPaths = [];
  const entries = [
    ...Object.entries(CONFIG_DOCS),
    ...CHECK_LISTS.flatMap((list) =>
      Object.entries(CHECK_DOCS).map(([key, text]): [string, string] => [`${list}.${key}`, text]),
    ),
  ];
  for (const [path, description] of entries) {
    const nodes = schemaNodesAt(path);
    if (nodes.length === 0) unknownPaths.push(path);
    for (const node of nodes) z.globalRegistry.add(node as unknown as z.ZodType, { description });
  }
  return unknownPaths;
}
