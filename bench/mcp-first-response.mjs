// Spawn -> first responses of MCP servers over stdio, measured with raw JSON-RPC lines (no SDK on the client
// side, so the client costs every server the same) and with the servers taking turns in one loop: run i spawns
// each server once before run i+1 starts, so a load spike on this shared machine falls on all of them alike.
// Per server: spawn -> the first response (initialize, or server/discover for the 2026-07-28 era), and
// spawn -> the tools/list response sent right after it; median and p90 over the runs. Figures only.
// Usage: node bench/mcp-first-response.mjs RUNS JSON   where JSON = [{"name", "era": "legacy"|"modern", "command": [...]}]
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';

// utime + stime of a process in ms: fields 14 and 15 of /proc/PID/stat, in clock ticks (100 a second on Linux).
const cpuMs = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

const [runs, serversJson] = [Number(process.argv[2]), process.argv[3]];
const servers = JSON.parse(serversJson);

const MODERN_META = { _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': {}, 'io.modelcontextprotocol/clientInfo': { name: 'bench', version: '1' } } };

function firstRequests(era) {
  if (era === 'modern') {
    return [{ jsonrpc: '2.0', id: 1, method: 'server/discover', params: MODERN_META },
            { jsonrpc: '2.0', id: 2, method: 'tools/list', params: MODERN_META }];
  }
  return [{ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {},
            clientInfo: { name: 'bench', version: '1' } } },
          { jsonrpc: '2.0', method: 'notifications/initialized' },
          { jsonrpc: '2.0', id: 2, method: 'tools/list' }];
}

// One spawn: resolves {first, tools} in ms from spawn. The initialize-era client waits for the initialize
// response before it sends notifications/initialized and tools/list, as a real client does; the modern one
// pipelines (the era has no handshake), which is what its clients may do.
function once(server) {
  return new Promise((resolve, reject) => {
    const [head, ...rest] = firstRequests(server.era);
    const t0 = performance.now();
    const child = spawn(server.command[0], server.command.slice(1), { stdio: ['pipe', 'pipe', 'ignore'],
      env: { ...process.env, ...(server.env ?? {}) } });
    const times = {};
    let buffered = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`${server.name}: no answer in 60 s`)); }, 60_000);
    child.on('error', reject);
    child.stdout.on('data', (chunk) => {
      buffered += chunk;
      for (let nl; (nl = buffered.indexOf('\n')) >= 0; buffered = buffered.slice(nl + 1)) {
        const message = JSON.parse(buffered.slice(0, nl));
        if (message.error) { child.kill('SIGKILL'); reject(new Error(`${server.name}: ${JSON.stringify(message.error)}`)); return; }
        if (message.id === 1) {
          times.first = performance.now() - t0;
          times.cpuFirst = cpuMs(child.pid);
          if (server.era !== 'modern') for (const m of rest) child.stdin.write(JSON.stringify(m) + '\n');
        }
        if (message.id === 2) {
          times.tools = performance.now() - t0;
          times.cpuTools = cpuMs(child.pid);
          clearTimeout(timer);
          child.stdin.end();
          child.kill();
          child.on('exit', () => resolve(times));
          if (child.exitCode !== null || child.signalCode !== null) resolve(times);
        }
      }
    });
    child.stdin.write(JSON.stringify(head) + '\n');
    if (server.era === 'modern') for (const m of rest) child.stdin.write(JSON.stringify(m) + '\n');
  });
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { p50: s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2, p90: at(0.9), min: s[0] };
};

for (const server of servers) await once(server); // warm-up: disk caches, npm's module resolution
const samples = servers.map(() => ({ first: [], tools: [], cpuFirst: [], cpuTools: [] }));
for (let i = 0; i < runs; i++) {
  for (const [k, server] of servers.entries()) {
    const t = await once(server);
    samples[k].first.push(t.first);
    samples[k].tools.push(t.tools);
    samples[k].cpuFirst.push(t.cpuFirst);
    samples[k].cpuTools.push(t.cpuTools);
  }
}
process.stdout.write(JSON.stringify(servers.map((s, k) => ({ name: s.name, era: s.era,
  first: stats(samples[k].first), tools: stats(samples[k].tools), cpuFirst: stats(samples[k].cpuFirst),
  cpuTools: stats(samples[k].cpuTools) }))) + '\n');
