// sikifanso dashboard: the activity feeds' model, apart from the page so it is tested on its own
// (DashboardFeedModelTest). For each AG-UI event of a stream, the run it belongs to and the words its row shows.
// A stream may interleave runs (the journal does; an agent's watch mixes its journal runs, its namespace's events
// and its own stream): an event's run is its metadata.runId, which the server sets on every journal event, else
// its own runId (RUN_*), else the run open on the same stream key (AG-UI's order within one stream). CUSTOM and RAW
// events that name no run stand alone: a Kubernetes event or a notice belongs to no run.
(function (global) {
  'use strict';
  const short = (s, n = 240) => (s && s.length > n ? s.slice(0, n) + '…' : s || '');
  const NOTICE = 'sikifanso.notice';
  const KUBERNETES_EVENT = 'sikifanso.kubernetes.event';

  function summary(ev) {
    switch (ev.type) {
      case 'RUN_STARTED': return `run ${short(ev.runId, 12)} started`;
      case 'RUN_FINISHED': return 'run finished';
      case 'RUN_ERROR': return 'error: ' + short(ev.message, 400);
      case 'TOOL_CALL_START': return `tool call ${ev.toolCallName}`;
      case 'TOOL_CALL_ARGS': return 'arguments ' + short(ev.delta);
      case 'TOOL_CALL_RESULT': return 'result ' + short(ev.content);
      case 'STEP_STARTED': case 'STEP_FINISHED': return `${ev.type === 'STEP_STARTED' ? 'step' : 'done'}: ${ev.stepName}`;
      case 'STATE_SNAPSHOT': return 'cluster state snapshot';
      case 'STATE_DELTA': return 'state: ' + short(ev.delta.map((o) => `${o.op} ${o.path}`).join(', '));
      case 'CUSTOM':
        if (ev.name === NOTICE) return String(ev.value);
        if (ev.name === KUBERNETES_EVENT && ev.value) {
          const k = ev.value;
          return `kubernetes ${k.type || ''} ${k.reason || ''} ${k.object || ''}: ${short(k.message)}`.replace(/\s+/g, ' ');
        }
        return `${ev.name}: ${short(JSON.stringify(ev.value))}`;
      default: return short(ev.delta || ev.content || ev.message || JSON.stringify(ev.activityContent || ev.content || ''));
    }
  }

  function describe(ev) {
    const props = (ev.input && ev.input.forwardedProps) || {};
    const isState = String(ev.runId).startsWith('state-');
    return { runId: ev.runId, threadId: ev.threadId || '', surface: props.surface || (isState ? 'state' : ''),
      operation: props.operation || (isState ? 'state feed' : ''), caller: props.caller || '', isState };
  }

  /** A feed: add(event, seq, streamKey) gives the event's row and remembers the runs it has seen start. */
  function createFeed() {
    const runs = new Map();   // runId -> run
    const open = new Map();   // stream key -> the runId started last on it and not yet finished

    function runIdOf(ev, key) {
      if (ev.metadata && ev.metadata.runId) return ev.metadata.runId;
      if (ev.runId) return ev.runId;
      if (ev.type === 'CUSTOM' || ev.type === 'RAW') return null;
      return open.get(key) || null;
    }

    function add(ev, seq, key = '') {
      if (ev.type === 'RUN_STARTED') runs.set(ev.runId, describe(ev));
      const runId = runIdOf(ev, key);
      if (ev.type === 'RUN_STARTED' && !(ev.metadata && ev.metadata.runId)) open.set(key, ev.runId);
      const run = runId ? runs.get(runId) || { runId, threadId: '', surface: '', operation: '', caller: '', isState: false }
        : null;
      if (ev.type === 'RUN_FINISHED' || ev.type === 'RUN_ERROR') {
        runs.delete(runId);
        if (open.get(key) === runId) open.delete(key);
      }
      return { seq, type: ev.type, runId, surface: run ? run.surface : '', operation: run ? run.operation : '',
        caller: run ? run.caller : '', isState: run ? run.isState : false, text: summary(ev),
        timestamp: ev.timestamp || null, notice: ev.type === 'CUSTOM' && ev.name === NOTICE };
    }

    return { add };
  }

  global.SikifansoFeed = { createFeed, summary };
})(globalThis);
