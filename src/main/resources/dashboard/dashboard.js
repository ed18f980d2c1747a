// sikifanso dashboard: keeps the server-rendered page live from the cluster's AG-UI event stream and sends changes
// as AG-UI runs of the CLI's own operations. No build step, no dependencies; loaded with `defer` (CSP: no inline).
(() => {
  'use strict';
  const body = document.body;
  const cluster = body.dataset.cluster;
  const csrf = body.dataset.csrf;
  const rendered = Number(body.dataset.rendered || 0);
  const FEED_MAX = 300;
  let state = null;
  const feed = SikifansoFeed.createFeed();        // the cluster's journal: every event names its run
  const agentFeed = SikifansoFeed.createFeed();   // the agents' watch (feed.js says how runs are told apart)

  const $ = (sel, root = document) => root.querySelector(sel);
  const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));
  const text = (el, value) => { if (el) el.textContent = value; };

  // --- JSON Patch (RFC 6902: add, replace, remove; what the state feed sends) ---
  const tokens = (path) => path.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  function applyPatch(doc, ops) {
    for (const op of ops) {
      const keys = tokens(op.path);
      if (keys.length === 0) { doc = op.value; continue; }
      let parent = doc;
      for (const k of keys.slice(0, -1)) parent = parent[Array.isArray(parent) ? Number(k) : k];
      const last = keys[keys.length - 1];
      if (Array.isArray(parent)) {
        const i = last === '-' ? parent.length : Number(last);
        if (op.op === 'add') parent.splice(i, 0, op.value);
        else if (op.op === 'replace') parent[i] = op.value;
        else if (op.op === 'remove') parent.splice(i, 1);
      } else if (op.op === 'remove') {
        delete parent[last];
      } else {
        parent[last] = op.value;
      }
    }
    return doc;
  }

  // --- state: nodes, apps, agents, doctor ---
  const verdictClass = (v) => (/^(Synced|Healthy|pass|ready)$/i.test(v) ? 'ok'
    : /^(OutOfSync|Degraded|Missing|fail|Unknown)$/i.test(v) ? 'bad' : 'warn');
  function cell(el, value) {
    el.textContent = value;
    el.className = value === '–' ? '' : verdictClass(value);
  }
  function renderState() {
    if (!state) return;
    const nodes = Object.entries(state.nodes || {});
    const agents = Object.entries(state.agents || {});
    const apps = Object.values(state.apps || {});
    text($('[data-state=nodesReady]'), nodes.filter(([, n]) => n.ready).length);
    text($('[data-state=nodesTotal]'), nodes.length);
    text($('[data-state=agentsReady]'), agents.filter(([, a]) => a.ready).length);
    text($('[data-state=agentsTotal]'), agents.length);
    text($('[data-state=appsHealthy]'), apps.filter((a) => a.sync === 'Synced' && a.health === 'Healthy').length);
    list($('#nodes'), nodes.map(([name, n]) => [`${name} (${n.role})`, n.ready ? 'ready' : 'not ready']));
    list($('#agents-state'), agents.map(([name, a]) => [`${name}: ${a.podsReady}/${a.pods} pods ready`,
      a.ready ? 'ready' : 'not ready']));
    for (const row of $$('tr[data-app]')) {
      const app = (state.apps || {})[row.dataset.app];
      for (const c of $$('[data-app-field]', row)) {
        cell(c, app ? (app[c.dataset.appField] || '–') : (c.dataset.appField === 'sync' ? 'not in Argo CD' : '–'));
        if (app && app.message && c.dataset.appField === 'health') c.title = app.message;
      }
    }
    for (const section of $$('[data-agent]')) {
      const a = (state.agents || {})[section.dataset.agent];
      const c = $('[data-agent-field=ready]', section);
      if (c) cell(c, a ? (a.ready ? 'ready' : `not ready (${a.podsReady}/${a.pods} pods)`) : 'no namespace yet');
    }
    renderDoctor(state.doctor || []);
  }
  function list(ul, items) {
    if (!ul) return;
    ul.replaceChildren(...items.map(([label, verdict]) => {
      const li = document.createElement('li');
      li.textContent = label + ' ';
      const v = document.createElement('span');
      v.textContent = verdict;
      v.className = verdictClass(verdict);
      li.append(v);
      return li;
    }));
  }
  function renderDoctor(checks) {
    const tbody = $('#doctor tbody');
    if (!tbody) return;
    const failing = checks.filter((c) => c.status !== 'pass').length;
    text($('#doctor-summary'), checks.length === 0 ? 'no verdicts yet'
      : `${checks.length - failing} of ${checks.length} checks pass`);
    tbody.replaceChildren(...checks.map((c) => {
      const tr = document.createElement('tr');
      for (const [value, cls] of [[c.name], [c.status, verdictClass(c.status)], [c.message], [c.cause], [c.fix]]) {
        const td = document.createElement('td');
        td.textContent = value || '';
        if (cls) td.className = cls;
        tr.append(td);
      }
      return tr;
    }));
  }

  // --- the activity feed: rows from feed.js's model ---
  function feedRow(row) {
    const li = document.createElement('li');
    li.dataset.surface = row.surface;
    li.dataset.operation = row.operation;
    li.dataset.caller = row.caller;
    li.dataset.type = row.type;
    li.dataset.run = row.runId || '';
    if (row.type === 'RUN_ERROR') li.className = 'bad';
    if (row.notice) li.className = 'muted';
    const when = new Date(row.timestamp || Date.now()).toLocaleTimeString();
    const who = [row.surface, row.caller].filter(Boolean).join(' · ');
    li.innerHTML = '<span class="seq"></span> <time></time> <strong class="op"></strong> <span class="who"></span> '
      + '<code class="run"></code> <span class="what"></span>';
    text($('.seq', li), row.seq === undefined ? '' : '#' + row.seq);
    text($('time', li), when);
    text($('.op', li), row.operation);
    text($('.who', li), who);
    text($('.run', li), row.runId ? row.runId.slice(0, 12) : '');
    if (row.runId) $('.run', li).title = 'run ' + row.runId;
    text($('.what', li), row.text);
    return li;
  }
  function addToFeed(row) {
    const list = $('#feed');
    if (!list) return;
    list.prepend(feedRow(row));
    while (list.children.length > FEED_MAX) list.lastElementChild.remove();
    filterFeed();
  }
  function filterFeed() {
    const form = $('#filters');
    if (!form) return;
    const surface = form.surface.value;
    const agent = form.agent.value.trim();
    const operation = form.operation.value.trim();
    for (const li of $$('#feed > li')) {
      const shown = (!surface || li.dataset.surface === surface)
        && (!agent || li.dataset.caller === 'agent:' + agent)
        && (!operation || li.dataset.operation.includes(operation));
      li.hidden = !shown;
    }
  }

  // --- the event stream ---
  // The state feed's word when it cannot read the cluster (not running, API gone): said on every page until the next
  // snapshot, rather than "waiting for the cluster's state…" for ever.
  function unreachable(value) {
    const banner = $('#unreachable');
    banner.hidden = !value;
    text(banner, value ? `${value.message}${value.hint ? ' To fix: ' + value.hint : ''}` : '');
    if (value) text($('#doctor-summary'), 'no verdicts: the cluster cannot be read now');
  }
  function handle(ev, seq) {
    if (ev.type === 'CUSTOM' && ev.name === 'sikifanso.state.unreachable') unreachable(ev.value);
    if (ev.type === 'STATE_SNAPSHOT') { state = ev.snapshot; unreachable(null); renderState(); }
    if (ev.type === 'STATE_DELTA' && state) {
      try { state = applyPatch(state, ev.delta); } catch (e) { /* a delta of an older feed: the next snapshot fixes it */ }
      renderState();
    }
    const row = feed.add(ev, seq);
    addToFeed(row);
    if ((ev.type === 'RUN_FINISHED' || ev.type === 'RUN_ERROR') && seq > rendered && !row.isState) {
      refreshSoon();
    }
  }

  // --- each agent's live activity, as `sikifanso agent watch NAME` shows it: one stream for the page's agents ---
  let agentSource = null;
  let agentsWatched = '';
  function watchAgents() {
    const names = $$('ol[data-agent-feed]').map((ol) => ol.dataset.agentFeed).sort();
    if (names.join(',') === agentsWatched) return;
    agentsWatched = names.join(',');
    if (agentSource) agentSource.close();
    agentSource = null;
    if (names.length === 0) return;
    agentSource = new EventSource(`/api/agui/agents/watch?cluster=${encodeURIComponent(cluster)}`
      + names.map((n) => '&agent=' + encodeURIComponent(n)).join(''));
    agentSource.onopen = () => { body.dataset.agentsWatched = agentsWatched; };
    agentSource.onmessage = (m) => {
      try {
        const ev = JSON.parse(m.data);
        const agent = ev.metadata && ev.metadata.agent;
        const row = agentFeed.add(ev, undefined, 'agent:' + agent);
        const ol = $(`ol[data-agent-feed="${CSS.escape(agent || '')}"]`);
        if (!ol) return;
        ol.prepend(feedRow(row));
        while (ol.children.length > 50) ol.lastElementChild.remove();
      } catch (e) { console.error(e); }
    };
  }

  function connect() {
    // No &state=1: the dashboard server keeps the cluster's state feed running, so its snapshot and deltas are in
    // the journal this stream replays (from just before the newest snapshot) and follows.
    const url = `/api/agui/events?cluster=${encodeURIComponent(cluster)}&after=${body.dataset.replayFrom || 0}`;
    const source = new EventSource(url);
    source.onopen = () => { text($('#live'), 'live'); $('#live').className = 'ok'; };
    source.onerror = () => {
      // A dropped connection is retried by the browser; a refused one (a server restarted since this page signed in
      // answers 401) is not, and "reconnecting…" would stand for ever.
      const closed = source.readyState === EventSource.CLOSED;
      text($('#live'), closed ? 'not connected: the server refused this page (restarted?); open the link '
        + 'sikifanso dashboard printed' : 'reconnecting…');
      $('#live').className = closed ? 'bad' : 'warn';
    };
    source.onmessage = (m) => {
      try { handle(JSON.parse(m.data), Number(m.lastEventId)); } catch (e) { console.error(e); }
    };
  }

  // --- re-reading the live part of the page after a change (an event, not a timer) ---
  let refreshTimer = null;
  function refreshSoon() {
    if (!$('#part')) return;
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refresh, 100);
  }
  async function refresh() {
    const res = await fetch(location.pathname, { credentials: 'same-origin' });
    if (!res.ok) return;
    const fresh = new DOMParser().parseFromString(await res.text(), 'text/html');
    const part = $('#part', fresh);
    const focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.args : null;
    const kept = new Map($$('ol[data-agent-feed]').map((ol) => [ol.dataset.agentFeed, Array.from(ol.children)]));
    if (part) $('#part').replaceChildren(...part.childNodes);
    for (const ol of $$('ol[data-agent-feed]')) ol.append(...(kept.get(ol.dataset.agentFeed) || []));
    watchAgents();
    renderState();
    search();
    if (focused) { const again = $$('[data-args]').find((b) => b.dataset.args === focused); if (again) again.focus(); }
    body.dataset.refreshed = String(Number(body.dataset.refreshed || 0) + 1);
  }

  // --- changes: one operation per AG-UI run, with the CSRF token ---
  function notice(message, kind) {
    const n = $('#notice');
    n.textContent = message;
    n.className = kind || '';
  }
  async function run(operation, args, confirmed = false) {
    notice(`${operation}…`, 'warn');
    const input = {
      threadId: cluster, runId: 'dashboard-' + crypto.randomUUID(), state: {}, tools: [], context: [],
      forwardedProps: { confirm: confirmed },
      messages: [{ id: 'm1', role: 'assistant', toolCalls: [{ id: 'call-1', type: 'function',
        function: { name: operation, arguments: JSON.stringify(args) } }] }],
    };
    let res;
    let answer;
    try {
      res = await fetch(`/api/agui/run?cluster=${encodeURIComponent(cluster)}`, {
        method: 'POST', credentials: 'same-origin', body: JSON.stringify(input),
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
      });
      answer = await res.text();
    } catch (e) {
      // The server stopped (Ctrl+C), or the network went: say so rather than leave "operation…" standing.
      notice(`${operation}: no answer from the dashboard's server (${e.message}); is sikifanso dashboard still `
        + 'running? Whether the change ran shows on the Activity page once it is back.', 'bad');
      return false;
    }
    const consent = /Ask the user: ([\s\S]*) Then send the run again/.exec(answer);
    if (res.status === 403 && consent && !confirmed) {
      if (window.confirm(consent[1])) return run(operation, args, true);
      notice(`${operation}: cancelled; nothing was changed.`, '');
      return false;
    }
    if (!res.ok) { notice(answer.trim(), 'bad'); return false; }
    const events = answer.split('\n').filter((l) => l.startsWith('data: ')).map((l) => JSON.parse(l.slice(6)));
    const error = events.find((e) => e.type === 'RUN_ERROR');
    if (error) { notice(error.message, 'bad'); return false; }
    notice(`${operation}: done.`, 'ok');
    return true;
  }
  document.addEventListener('click', (e) => {
    const button = e.target.closest('button[data-run]');
    if (!button) return;
    if (button.dataset.ask && !window.confirm(button.dataset.ask)) return;
    run(button.dataset.run, JSON.parse(button.dataset.args));
  });
  document.addEventListener('click', (e) => {
    if (!e.target.closest('#apply-profiles')) return;
    const profiles = $$('input[name=profile]:checked').map((c) => c.value);
    if (profiles.length === 0) { notice('Tick at least one profile first.', 'bad'); return; }
    if (window.confirm(`Apply ${profiles.join(', ')} (with what they need) in one commit?`)) {
      run('profile_apply', { profiles, wait: false });
    }
  });
  const csv = (v) => v.split(',').map((s) => s.trim()).filter(Boolean);
  const createForm = $('#agent-create');
  if (createForm) createForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const args = { wait: false };
    for (const [k, v] of new FormData(createForm)) {
      if (!String(v).trim()) continue;
      args[k] = k === 'allow' || k === 'egressFqdns' ? csv(v) : k === 'pods' && /^\d+$/.test(v) ? Number(v) : String(v).trim();
    }
    if (await run('agent_create', args)) createForm.reset();
  });
  const captureForm = $('#snapshot-capture');
  if (captureForm) captureForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const name = captureForm.name.value.trim();
    run('snapshot_capture', name ? { name } : {});
  });

  // --- catalog search, activity filters ---
  function search() {
    const box = $('#search');
    if (!box) return;
    const q = box.value.trim().toLowerCase();
    for (const row of $$('tr[data-search]')) row.hidden = q !== '' && !row.dataset.search.includes(q);
    for (const section of $$('section.category')) section.hidden = $$('tr[data-search]', section).every((r) => r.hidden);
  }
  const box = $('#search');
  if (box) box.addEventListener('input', search);
  const filters = $('#filters');
  if (filters) { filters.addEventListener('input', filterFeed); filters.addEventListener('submit', (e) => e.preventDefault()); }

  connect();
  watchAgents();
})();
