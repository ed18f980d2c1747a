// Checks AG-UI events and SSE streams that the Java tests produced, with the official packages:
//   @ag-ui/core's zod EventSchemas          every event is valid, and has no field its schema does not describe
//   @ag-ui/client's enforce/transformChunks/verifyEvents   every stream is in an order the client accepts
//                                           (the same operators, in the same order, as HttpAgent.runAgent)
//   fast-json-patch (what the client applies deltas with)  the state and activities a consumer ends up with
//   @ag-ui/client's transformHttpEventStream  SSE text parses into the same events
//   @ag-ui/encoder's EventEncoder           our SSE frames are byte for byte its frames, plus our id: line
//   @ag-ui/client's HttpAgent               runs an operation through `sikifanso serve`'s POST /api/agui/run
//                                           and gets its events (then checked as a stream, above)
// Usage: node agui-check.mjs INPUT.json  ->  prints one JSON object on stdout.
// INPUT: { streams: [{ name, events: [...] }], sse: [{ name, text, ids: [..] }],
//          runs: [{ name, url, token, threadId, runId, messages: [...], forwardedProps }] }
import { readFileSync } from "node:fs";
import { EventSchemas } from "@ag-ui/core/schemas";
import { enforceEvents, transformChunks, verifyEvents, transformHttpEventStream, HttpAgent } from "@ag-ui/client";
import { EventEncoder } from "@ag-ui/encoder";
import jsonpatch from "fast-json-patch";
import { asyncScheduler, from, lastValueFrom, observeOn, of, toArray } from "rxjs";

const input = JSON.parse(readFileSync(process.argv[2], "utf8"));
const warnings = [];
console.warn = (...args) => warnings.push(args.map(String).join(" "));

const optionByType = new Map(EventSchemas.options.map((o) => [o.shape.type.value, o]));

function schemaErrors(events) {
  const errors = [];
  events.forEach((event, i) => {
    const parsed = EventSchemas.safeParse(event);
    if (!parsed.success) {
      errors.push(`#${i} ${event.type}: ${JSON.stringify(parsed.error.issues)}`);
      return;
    }
    const known = new Set(Object.keys(optionByType.get(event.type).shape));
    const unknown = Object.keys(event).filter((k) => !known.has(k));
    if (unknown.length > 0) errors.push(`#${i} ${event.type}: fields its schema does not describe: ${unknown}`);
  });
  return errors;
}

async function verify(events) {
  try {
    const out = await lastValueFrom(
      from(events).pipe(enforceEvents(), transformChunks(), verifyEvents(), toArray()),
    );
    return { error: null, count: out.length, types: out.map((e) => e.type) };
  } catch (e) {
    return { error: String(e && e.message ? e.message : e) };
  }
}

// What a consumer holds after the stream: state, and each activity's content.
function applied(events) {
  let state = null;
  const activities = {};
  for (const e of events) {
    if (e.type === "STATE_SNAPSHOT") state = structuredClone(e.snapshot);
    if (e.type === "STATE_DELTA") state = jsonpatch.applyPatch(state, e.delta, true, false).newDocument;
    if (e.type === "ACTIVITY_SNAPSHOT") activities[e.messageId] = structuredClone(e.content);
    if (e.type === "ACTIVITY_DELTA") {
      activities[e.messageId] = jsonpatch.applyPatch(activities[e.messageId], e.patch, true, false).newDocument;
    }
  }
  return { state, activities };
}

async function sse(item) {
  const headers = new Headers({ "content-type": "text/event-stream" });
  const data = new TextEncoder().encode(item.text);
  // Asynchronous like a real response: transformHttpEventStream reads its source as soon as it is called.
  const http$ = of({ type: "headers", status: 200, headers }, { type: "data", data }).pipe(observeOn(asyncScheduler));
  const events = await lastValueFrom(transformHttpEventStream(http$).pipe(toArray()));
  const encoder = new EventEncoder();
  const expected = events.map((e, i) => `id: ${item.ids[i]}\n` + encoder.encodeSSE(e)).join("");
  return { name: item.name, events, sameAsEncoder: expected === item.text, expected };
}

// HttpAgent as an application uses it: the conversation so far, then runAgent; the events its subscriber sees.
async function run(item) {
  const agent = new HttpAgent({
    url: item.url,
    headers: { Authorization: `Bearer ${item.token}` },
    threadId: item.threadId,
    initialMessages: item.messages,
  });
  const events = [];
  const out = { name: item.name, error: null, status: null };
  try {
    await agent.runAgent(
      { runId: item.runId, forwardedProps: item.forwardedProps ?? {} },
      { onEvent: ({ event }) => { events.push(event); } },
    );
  } catch (e) {
    out.error = String(e && e.message ? e.message : e);
    out.status = e && e.status ? e.status : null;
  }
  warnings.length = 0;
  const v = await verify(events);
  return { ...out, events, schemaErrors: schemaErrors(events), verifyError: v.error, warnings: [...warnings],
    messages: agent.messages };
}

const result = { ok: true, streams: [], sse: [], runs: [] };
for (const s of input.streams ?? []) {
  warnings.length = 0;
  const v = await verify(s.events);
  result.streams.push({
    name: s.name,
    schemaErrors: schemaErrors(s.events),
    verifyError: v.error,
    verifiedTypes: v.types ?? [],
    warnings: [...warnings],
    ...(v.error ? {} : applied(s.events)),
  });
}
for (const item of input.sse ?? []) result.sse.push(await sse(item));
console.error = (...args) => warnings.push(args.map(String).join(" "));   // runAgent logs a failed run there
for (const item of input.runs ?? []) result.runs.push(await run(item));
process.stdout.write(JSON.stringify(result));
