// Drives `sikifanso mcp serve` with the v2 TypeScript client (@modelcontextprotocol/client), pinned to the
// 2026-07-28 revision, and prints one JSON object of what it saw. Run by McpModernClientsTest on Node 22.
// Usage: node modern-scenarios.mjs SCENARIO '<json input>'
//   input: {"command": [...], "env": {...}} for stdio, or {"url": "...", "token": "..."} for Streamable HTTP;
//   plus "calls": [{name, arguments}] and, for "listen", "after": {name, arguments} (a call of its own), "subscribe":
//   [uri] (resources to hear updated) and "external": {command, env} (another process run while listening).
// Scenarios: calls (no elicitation), elicit-accept, elicit-decline, explore (discover, lists, completion), listen,
// and bench: {"command", "env", "era": "modern"|"legacy", "spawns", "tool", "arguments", "calls"} times spawn ->
// first response (server/discover in the modern era, initialize in the legacy one) over fresh servers, and the
// p50/p95 of calls of one tool on one of them (used by bench/mcp.sh, for sikifanso and the reference server).
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { spawnSync } from 'node:child_process';

const [scenario, inputJson] = process.argv.slice(2);
const input = JSON.parse(inputJson);
if (scenario === 'bench') {
  await bench(input);
  process.exit(0);
}
const out = { scenario, elicitations: [], calls: [], notifications: [] };

const answer = scenario === 'elicit-accept' ? 'accept' : scenario === 'elicit-decline' ? 'decline' : null;
const client = new Client({ name: 'sikifanso-modern-test', version: '1.0.0' }, {
  capabilities: answer ? { elicitation: { form: {} } } : {},
  versionNegotiation: { mode: { pin: '2026-07-28' } },
});
if (answer) {
  client.setRequestHandler('elicitation/create', async (request) => {
    out.elicitations.push(request.params);
    return answer === 'accept' ? { action: 'accept', content: { confirm: true } } : { action: 'decline' };
  });
}
for (const method of ['notifications/resources/list_changed', 'notifications/resources/updated']) {
  client.setNotificationHandler(method, (n) => { out.notifications.push({ method, params: n.params ?? null }); });
}

const transport = input.url
  ? new StreamableHTTPClientTransport(new URL(input.url), {
      requestInit: { headers: { Authorization: `Bearer ${input.token}` } } })
  : new StdioClientTransport({ command: input.command[0], args: input.command.slice(1), env: input.env,
      stderr: 'ignore' });

async function call(c) {
  try {
    const r = await client.callTool(c);
    out.calls.push({ name: c.name, ok: true, isError: r.isError === true, text: r.content?.[0]?.text ?? '',
      structuredContent: r.structuredContent ?? null });
  } catch (e) {
    out.calls.push({ name: c.name, ok: false, code: e.code ?? null, message: String(e.message ?? e) });
  }
}

try {
  await client.connect(transport);
  out.protocolVersion = client.getNegotiatedProtocolVersion();
  out.server = client.getServerVersion();
  if (scenario === 'explore') {
    const d = await client.discover();
    out.discover = { supportedVersions: d.supportedVersions, capabilities: d.capabilities };
    out.tools = (await client.listTools()).tools.map((t) => t.name);
    out.resources = (await client.listResources()).resources.map((r) => r.uri);
    out.templates = (await client.listResourceTemplates()).resourceTemplates.map((t) => t.uriTemplate);
    out.prompts = (await client.listPrompts()).prompts.map((p) => p.name);
    out.completion = (await client.complete({ ref: { type: 'ref/prompt', name: 'troubleshoot-app' },
      argument: { name: 'cluster', value: '' } })).completion;
    out.read = (await client.readResource({ uri: out.resources[0] })).contents[0].text;
  }
  if (scenario === 'listen') {
    const subscribe = input.subscribe ?? [];
    const sub = await client.listen({ resourcesListChanged: true,
      ...(subscribe.length ? { resourceSubscriptions: subscribe } : {}) });
    out.honored = sub.honoredFilter;
    if (input.after) await call(input.after);
    if (input.external) { // another process changes the cluster (e.g. the sikifanso CLI)
      const [program, ...args] = input.external.command;
      const run = spawnSync(program, args, { env: input.external.env, encoding: 'utf8', timeout: 60_000 });
      out.externalExit = run.status;
      out.externalStderr = (run.stderr ?? '').slice(-2000);
    }
    const heard = () => out.notifications.length > 0
      && subscribe.every((uri) => out.notifications.some((n) => n.params?.uri === uri));
    for (let i = 0; i < 200 && !heard(); i++) await new Promise((r) => setTimeout(r, 100));
    await sub.close();
  }
  for (const c of input.calls ?? []) await call(c);
} catch (e) {
  out.error = String(e.stack ?? e);
} finally {
  await client.close().catch(() => {});
}
process.stdout.write(JSON.stringify(out) + '\n');

async function bench(p) {
  const { performance } = await import('node:perf_hooks');
  const mode = p.era === 'modern' ? { pin: '2026-07-28' } : 'legacy';
  const connect = async () => {
    const c = new Client({ name: 'sikifanso-bench', version: '1.0.0' }, { versionNegotiation: { mode } });
    const t = new StdioClientTransport({ command: p.command[0], args: p.command.slice(1), env: p.env, stderr: 'ignore' });
    const t0 = performance.now();
    await c.connect(t);
    return { client: c, ms: performance.now() - t0 };
  };
  const stats = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
    return { n: s.length, min: s[0], p50: at(0.5), p95: at(0.95) };
  };
  const spawns = [];
  for (let i = 0; i < (p.spawns ?? 5); i++) {
    const { client: c, ms } = await connect();
    spawns.push(ms);
    await c.close();
  }
  const { client: c, ms } = await connect();
  spawns.push(ms);
  const version = c.getNegotiatedProtocolVersion();
  const calls = [];
  let errors = 0;
  for (let i = 0; i < (p.calls ?? 100); i++) {
    const t0 = performance.now();
    const r = await c.callTool({ name: p.tool, arguments: p.arguments ?? {} });
    calls.push(performance.now() - t0);
    if (r.isError) errors++;
  }
  await c.close();
  process.stdout.write(JSON.stringify({ era: p.era, version,
    firstResponse: stats(spawns), call: stats(calls), toolErrors: errors }) + '\n');
}
