// A small AG-UI agent, written with the official @ag-ui/encoder, standing in for an agent that `sikifanso agent
// watch --url` follows. Every GET answers text/event-stream: one run (started, a text message, finished), then two
// frames a foreign agent might send: an event type @ag-ui/core does not know, and data that is not JSON. The
// connection then stays open until the process is killed (as a live agent's would).
// Usage: node agui-agent.mjs PORT LABEL   -> prints "listening PORT" on stdout when ready.
import { createServer } from "node:http";
import { EventEncoder } from "@ag-ui/encoder";
import { EventType } from "@ag-ui/core";

const [port, label] = [Number(process.argv[2]), process.argv[3] ?? "agent"];
const encoder = new EventEncoder();
let connection = 0;

const server = createServer((req, res) => {
  if (req.method !== "GET" || !req.url.startsWith("/agui")) {
    res.writeHead(404).end();
    return;
  }
  connection += 1;
  const runId = `${label}-${connection}`;
  res.writeHead(200, { "Content-Type": encoder.getContentType(), "Cache-Control": "no-cache" });
  const events = [
    { type: EventType.RUN_STARTED, threadId: "watch-test", runId },
    { type: EventType.TEXT_MESSAGE_START, messageId: `m-${runId}`, role: "assistant" },
    { type: EventType.TEXT_MESSAGE_CONTENT, messageId: `m-${runId}`, delta: `hello from ${label}` },
    { type: EventType.TEXT_MESSAGE_END, messageId: `m-${runId}` },
    { type: EventType.RUN_FINISHED, threadId: "watch-test", runId },
  ];
  for (const e of events) res.write(encoder.encodeSSE(e));
  res.write(`data: ${JSON.stringify({ type: "AGENT_MOOD", mood: "curious", from: label })}\n\n`);
  res.write(`data: {not json from ${label}\n\n`);
});
server.listen(port, "127.0.0.1", () => console.log(`listening ${server.address().port}`));
