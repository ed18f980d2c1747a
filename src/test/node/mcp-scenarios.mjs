#!/usr/bin/env node
// Drives `sikifanso mcp serve` over stdio with the official MCP TypeScript SDK client, runs one
// named scenario and prints ONE JSON object with what it saw on stdout. The Java tests
// (src/test/java/com/sikifanso/mcp) and bench/mcp.sh assert on / print that object.
//
//   node mcp-scenarios.mjs SCENARIO 'PARAMS_JSON' [-- COMMAND [ARG...]]
//
// COMMAND/ARGs start the stdio server (e.g. java -cp ... com.sikifanso.Main mcp serve -c lab); it
// inherits this process's environment (SIKIFANSO_HOME). Scenarios:
//   inspect         initialize, tools/list with every schema compiled by ajv, every read-only tool
//                   called (cluster from params.cluster) and its structuredContent validated
//                   against its outputSchema; params.parallel cluster_list/catalog_list calls in
//                   flight at once; then params.calls as in `calls`
//   calls           tools/list, then params.calls ([{name, arguments, progress?}]) in order; progress: true
//                   sends a progress token and records the notifications/progress the call got
//   elicit-accept   as `calls`, with a client that supports elicitation and confirms
//   elicit-decline  as `calls`, with a client that supports elicitation and declines
//   http            against a running `mcp serve --http` at params.url (no COMMAND): initialize
//                   POSTed without a token and with a wrong one (status, WWW-Authenticate), an SDK
//                   client without a token, and an SDK client sending params.token: initialize,
//                   tools/list, cluster_list
//   external        resources/subscribe to each of params.subscribe, then runs params.external
//                   ({command: [...]}: another process, e.g. the sikifanso CLI, changing the cluster) and
//                   waits (up to 20 s) for notifications/resources/updated of every subscribed URI; returns
//                   the notifications seen and the external command's exit code
//   bench           timings: spawn→initialize (over params.spawns + 1 servers), tools/list,
//                   params.reads catalog_list calls and params.pairs catalog_enable/catalog_disable
//                   pairs of params.app (params.cluster); the server's RSS after them
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  ElicitRequestSchema, LATEST_PROTOCOL_VERSION, ResourceListChangedNotificationSchema,
  ResourceUpdatedNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { spawnSync } from 'node:child_process';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const [scenario, paramsJson, separator, command, ...commandArgs] = process.argv.slice(2);
if (!scenario || (separator !== undefined && (separator !== '--' || !command))) {
  process.stderr.write('usage: mcp-scenarios.mjs SCENARIO PARAMS_JSON [-- COMMAND [ARG...]]\n');
  process.exit(2);
}
const params = JSON.parse(paramsJson || '{}');

/** A strict 2020-12 validator (MCP's default dialect), with formats such as date-time. */
function newAjv() {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv;
}

/** Compiles a schema; returns {validate} or {error}. */
function compile(ajv, schema) {
  try {
    return { validate: ajv.compile(schema) };
  } catch (e) {
    return { error: String(e.message ?? e) };
  }
}

function errorOf(e) {
  return { code: e?.code ?? null, message: String(e?.message ?? e), data: e?.data ?? null };
}

const stderrChunks = [];
function stderrTail() {
  return Buffer.concat(stderrChunks).toString('utf8').split('\n').slice(-40).join('\n');
}

async function connect({ elicitation } = {}) {
  const transport = new StdioClientTransport({
    command,
    args: commandArgs,
    env: { ...process.env },
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (chunk) => stderrChunks.push(chunk));
  const capabilities = elicitation ? { elicitation: {} } : {};
  const client = new Client({ name: 'sikifanso-tests', version: '1.0.0' }, { capabilities });
  const elicitations = [];
  if (elicitation) {
    client.setRequestHandler(ElicitRequestSchema, async (request) => {
      elicitations.push({ message: request.params.message, requestedSchema: request.params.requestedSchema });
      return elicitation === 'accept'
        ? { action: 'accept', content: { confirm: true } }
        : { action: 'decline' };
    });
  }
  const started = performance.now();
  await client.connect(transport);
  const initializeMs = performance.now() - started;
  return { client, transport, elicitations, initializeMs };
}

function initializeFindings(client, initializeMs) {
  return {
    serverInfo: client.getServerVersion(),
    capabilities: client.getServerCapabilities(),
    instructions: client.getInstructions() ?? null,
    initializeMs,
  };
}

async function listAllTools(client) {
  const tools = [];
  let cursor;
  do {
    const page = await client.listTools(cursor ? { cursor } : {});
    tools.push(...page.tools);
    cursor = page.nextCursor;
  } while (cursor);
  return tools;
}

/**
 * One tools/call through the SDK (which also checks structuredContent against the cached outputSchema). With
 * `progress`, the call carries a progress token (the SDK's onprogress) and the finding lists the notifications.
 */
async function call(client, tool, args, outputValidators, progress) {
  const notifications = [];
  const options = progress ? { onprogress: (p) => notifications.push(p) } : undefined;
  try {
    const result = await client.callTool({ name: tool, arguments: args ?? {} }, undefined, options);
    const text = (result.content ?? []).filter((c) => c.type === 'text').map((c) => c.text).join('\n');
    const finding = {
      name: tool,
      arguments: args ?? {},
      ok: true,
      isError: result.isError === true,
      text,
      structuredContent: result.structuredContent ?? null,
      ...(progress ? { progress: notifications } : {}),
    };
    const validate = outputValidators?.get(tool);
    if (validate && result.structuredContent !== undefined) {
      finding.outputValid = validate(result.structuredContent);
      finding.outputErrors = finding.outputValid ? [] : validate.errors;
    }
    return finding;
  } catch (e) {
    return { name: tool, arguments: args ?? {}, ok: false, error: errorOf(e) };
  }
}

async function runCalls(client, calls, outputValidators) {
  const results = [];
  for (const c of calls ?? []) {
    results.push(await call(client, c.name, c.arguments, outputValidators, c.progress === true));
  }
  return results;
}

async function inspect() {
  const { client, initializeMs } = await connect();
  try {
    const findings = initializeFindings(client, initializeMs);
    const tools = await listAllTools(client);
    const ajv = newAjv();
    const outputValidators = new Map();
    findings.tools = tools.map((t) => {
      const input = compile(ajv, t.inputSchema);
      const output = t.outputSchema ? compile(ajv, t.outputSchema) : { error: 'no outputSchema' };
      if (output.validate) outputValidators.set(t.name, output.validate);
      return {
        name: t.name,
        title: t.title ?? null,
        description: t.description ?? null,
        inputSchema: t.inputSchema,
        outputSchema: t.outputSchema ?? null,
        annotations: t.annotations ?? null,
        inputSchemaError: input.error ?? null,
        outputSchemaError: output.error ?? null,
      };
    });
    findings.reads = [];
    for (const t of tools.filter((t) => t.annotations?.readOnlyHint === true)) {
      const props = t.inputSchema?.properties ?? {};
      const args = {};
      if ('cluster' in props && params.cluster) args.cluster = params.cluster;
      if ('name' in props && params.names?.[t.name]) args.name = params.names[t.name];
      if ('namespace' in props && t.inputSchema?.required?.includes('namespace')) args.namespace = 'default';
      if ('pod' in props && t.inputSchema?.required?.includes('pod')) args.pod = 'none';
      findings.reads.push(await call(client, t.name, args, outputValidators));
    }
    if (params.parallel) { // many calls in flight at once: every one must be answered
      const started = performance.now();
      const answers = await Promise.all(Array.from({ length: params.parallel }, (_, i) =>
        call(client, i % 2 ? 'catalog_list' : 'cluster_list', i % 2 ? { cluster: params.cluster } : {})));
      findings.parallel = {
        sent: params.parallel,
        answered: answers.filter((a) => a.ok && !a.isError).length,
        failures: answers.filter((a) => !a.ok || a.isError).slice(0, 3),
        ms: performance.now() - started,
      };
    }
    findings.calls = await runCalls(client, params.calls, outputValidators);
    return findings;
  } finally {
    await client.close();
  }
}

async function calls(elicitation) {
  const { client, elicitations, initializeMs } = await connect({ elicitation });
  try {
    const findings = initializeFindings(client, initializeMs);
    const tools = await listAllTools(client);
    findings.toolNames = tools.map((t) => t.name);
    findings.calls = await runCalls(client, params.calls);
    findings.elicitations = elicitations;
    return findings;
  } finally {
    await client.close();
  }
}

async function http() {
  const url = new URL(params.url);
  const initialize = {
    jsonrpc: '2.0', id: 1, method: 'initialize',
    params: { protocolVersion: LATEST_PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
  };
  const post = async (headers) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
      body: JSON.stringify(initialize),
    });
    const body = await res.text();
    return { status: res.status, wwwAuthenticate: res.headers.get('www-authenticate'), body: body.slice(0, 2000) };
  };
  const findings = {
    noToken: await post({}),
    wrongToken: await post({ authorization: 'Bearer not-the-token' }),
    emptyToken: await post({ authorization: 'Bearer ' }),
    badVersion: await post({ authorization: `Bearer ${params.token}`, 'mcp-protocol-version': '1999-01-01' }),
  };
  // What clients probe besides the endpoint: OAuth discovery and registration (must be 404), and GET.
  const probe = async (path, init) => (await fetch(new URL(path, url), init)).status;
  findings.probes = {
    protectedResource: await probe('/.well-known/oauth-protected-resource/mcp'),
    authorizationServer: await probe('/.well-known/oauth-authorization-server'),
    openidConfiguration: await probe('/.well-known/openid-configuration'),
    register: await probe('/register', { method: 'POST', body: '{}' }),
    getEndpoint: await probe(url.pathname,
      { headers: { authorization: `Bearer ${params.token}`, accept: 'text/event-stream' } }),
  };
  const anonymous = new Client({ name: 'sikifanso-tests', version: '1.0.0' });
  try {
    await anonymous.connect(new StreamableHTTPClientTransport(url));
    findings.sdkWithoutToken = { connected: true };
    await anonymous.close();
  } catch (e) {
    findings.sdkWithoutToken = { connected: false, error: errorOf(e) };
  }
  const client = new Client({ name: 'sikifanso-tests', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(url, {
    requestInit: { headers: { Authorization: `Bearer ${params.token}` } },
  });
  const started = performance.now();
  await client.connect(transport);
  Object.assign(findings, initializeFindings(client, performance.now() - started));
  try {
    findings.sessionId = transport.sessionId ?? null;
    findings.toolNames = (await listAllTools(client)).map((t) => t.name);
    findings.calls = await runCalls(client, params.calls);
  } finally {
    await client.close();
  }
  return findings;
}

function percentile(sorted, p) {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    min: sorted[0],
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1],
  };
}

/** Resident set size of a process in MB, from /proc (Linux). */
function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)[1]);
  return kb / 1024;
}

async function timed(fn) {
  const t = performance.now();
  const r = await fn();
  return [performance.now() - t, r];
}

async function bench() {
  const spawnSamples = [];
  for (let i = 0; i < (params.spawns ?? 5); i++) { // fresh servers: spawn → initialize response
    const { client, initializeMs } = await connect();
    spawnSamples.push(initializeMs);
    await client.close();
  }
  const { client, transport, initializeMs } = await connect();
  spawnSamples.push(initializeMs);
  try {
    const cluster = params.cluster;
    const app = params.app ?? 'qdrant';
    const reads = params.reads ?? 200;
    const pairs = params.pairs ?? 50;
    const [listMs, tools] = await timed(() => listAllTools(client));
    const failures = [];
    const check = (r, what) => {
      if (r.isError) failures.push(`${what}: ${JSON.stringify(r.content)}`);
    };
    for (let i = 0; i < 5; i++) { // warm-up, not counted
      check(await client.callTool({ name: 'catalog_list', arguments: { cluster } }), 'catalog_list');
    }
    const readSamples = [];
    for (let i = 0; i < reads; i++) {
      const [ms, r] = await timed(() => client.callTool({ name: 'catalog_list', arguments: { cluster } }));
      check(r, 'catalog_list');
      readSamples.push(ms);
    }
    const enableSamples = [];
    const disableSamples = [];
    for (let i = 0; i < pairs; i++) {
      const [e, re] = await timed(() => client.callTool({ name: 'catalog_enable', arguments: { cluster, names: [app] } }));
      check(re, 'catalog_enable');
      enableSamples.push(e);
      const [d, rd] = await timed(() => client.callTool({ name: 'catalog_disable', arguments: { cluster, name: app } }));
      check(rd, 'catalog_disable');
      disableSamples.push(d);
    }
    return {
      tools: tools.length,
      initialize: stats(spawnSamples),
      toolsListMs: listMs,
      catalogList: stats(readSamples),
      catalogEnable: stats(enableSamples),
      catalogDisable: stats(disableSamples),
      rssMb: rssMb(transport.pid),
      failures: failures.slice(0, 5),
    };
  } finally {
    await client.close();
  }
}

async function external() {
  const { client } = await connect();
  const notifications = [];
  client.setNotificationHandler(ResourceUpdatedNotificationSchema, (n) => {
    notifications.push({ method: n.method, uri: n.params.uri });
  });
  client.setNotificationHandler(ResourceListChangedNotificationSchema, (n) => {
    notifications.push({ method: n.method });
  });
  try {
    for (const uri of params.subscribe) await client.subscribeResource({ uri });
    const [program, ...args] = params.external.command;
    const run = spawnSync(program, args, { env: { ...process.env }, encoding: 'utf8', timeout: 60_000 });
    const heard = () => params.subscribe.every((uri) => notifications.some((n) => n.uri === uri));
    for (let i = 0; i < 200 && !heard(); i++) await new Promise((r) => setTimeout(r, 100));
    return {
      capabilities: client.getServerCapabilities(),
      externalExit: run.status,
      externalStderr: (run.stderr ?? '').slice(-2000),
      notifications,
    };
  } finally {
    await client.close();
  }
}

const scenarios = {
  inspect,
  external,
  calls: () => calls(null),
  'elicit-accept': () => calls('accept'),
  'elicit-decline': () => calls('decline'),
  http,
  bench,
};

let output;
try {
  if (!scenarios[scenario]) throw new Error(`unknown scenario ${scenario}; known: ${Object.keys(scenarios).join(', ')}`);
  output = { scenario, ok: true, ...(await scenarios[scenario]()) };
} catch (e) {
  output = { scenario, ok: false, error: errorOf(e), stack: e?.stack ?? null };
}
output.serverStderrTail = stderrTail();
process.stdout.write(JSON.stringify(output) + '\n');
process.exit(output.ok ? 0 : 1);
