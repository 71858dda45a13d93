/**
 * Shared test setup. No test may reach beyond this machine: every socket connection to a
 * host that is not loopback is refused here, the equivalent of nock.disableNetConnect().
 */
import net from "node:net";

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|::1|\[::1\]|::ffff:127\.\d+\.\d+\.\d+)$/;

type ConnectArgs = Parameters<net.Socket["connect"]>;
const originalConnect = net.Socket.prototype.connect;

function targetHost(args: unknown[]): string | undefined {
  const [first, second] = args;
  if (typeof first === "object" && first !== null) {
    const options = first as { host?: string; path?: string };
    if (options.path) return undefined; // Unix socket: local by definition.
    return options.host ?? "localhost";
  }
  if (typeof first === "number") return typeof second === "string" ? second : "localhost";
  return undefined; // A path string: Unix socket.
}

net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: ConnectArgs) {
  const host = targetHost(args);
  if (host !== undefined && !LOOPBACK.test(host)) {
    throw new Error(`Tests may only connect to loopback; refused a connection to ${host}.`);
  }
  return originalConnect.apply(this, args);
} as net.Socket["connect"];

// Runner-provided variables would change behaviour (inputs, tokens): tests set their own.
for (const name of Object.keys(process.env)) {
  if (/^(INPUT_|GITHUB_|RUNNER_|ACTIONS_)/.test(name) || name === "GH_TOKEN")
    delete process.env[name];
}
