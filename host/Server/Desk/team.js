// The supervisor's team page: every member live (extension, state with what is pending, reason,
// time in state, the call, calls handled), a member's state changed from here with a reason,
// and the figures of the queues the team serves.
"use strict";

(() => {
  const session = Desk.session("desk.team.token");
  const $ = id => document.getElementById(id);
  let view = null;
  let readAt = 0;
  let running = false;

  const message = text => Desk.show($("message"), text || "");
  const act = Desk.actor(session, $("message"), text => signedOut(text));

  async function refresh() {
    view = await Desk.api(session, "GET", "team");
    readAt = performance.now();
    render();
  }

  /**
   * One row per member, made once and updated in place: an event (several a second in a busy
   * center) must not close the supervisor's open list, drop a state picked but not yet set, or
   * take the focus away.
   */
  const rows = new Map();

  /** The reasons a supervisor's Not Ready or Logout may carry, read once a session. */
  let reasonLists = null;
  async function loadReasons() {
    const [notReady, logout] = await Promise.all(["NOT_READY", "LOGOUT"].map(kind => Desk.api(session, "GET", "reasons?kind=" + kind)));
    reasonLists = { NOT_READY: notReady, LOGOUT: logout };
  }

  function memberRow(agentId) {
    let row = rows.get(agentId);
    if (row) return row;
    const choice = Desk.element("select", undefined, { "aria-label": "State for " + agentId, id: "state-for-" + agentId });
    const reason = Desk.element("select", undefined, { "aria-label": "Reason for " + agentId, id: "reason-for-" + agentId });
    const set = Desk.element("button", "Set", { type: "button", id: "set-" + agentId });
    choice.addEventListener("change", () => offerReasons(row));
    set.addEventListener("click", () => act(async () => {
      const body = { state: choice.value };
      if (!reason.hidden && reason.value) body.reasonCode = Number(reason.value);
      await Desk.api(session, "PUT", `agents/${encodeURIComponent(agentId)}/state`, body);
      await refresh();
    }));
    const controls = Desk.element("div", undefined, { class: "row" });
    controls.append(choice, reason, set);
    const tr = document.createElement("tr");
    const cells = Array.from({ length: 10 }, () => tr.appendChild(document.createElement("td")));
    cells[9].append(controls);
    row = { tr, cells, choice, reason, set, allowed: null };
    rows.set(agentId, row);
    return row;
  }

  /** The states the supervisor may set now (the member's own choices), kept while they stay the same. */
  function offerStates(row, allowed) {
    const key = allowed.join(",");
    if (row.allowed === key) return;
    row.allowed = key;
    const picked = row.choice.value;
    row.choice.replaceChildren(...allowed.map(s => Desk.element("option", Desk.words(s), { value: s })));
    if (allowed.includes(picked)) row.choice.value = picked;
    row.choice.disabled = row.set.disabled = allowed.length === 0;
    if (!allowed.length) row.choice.append(Desk.element("option", "Signed out", { value: "" }));
    offerReasons(row);
  }

  /** Not Ready and Logout carry one of the center's reasons (a first choice of none where none is required). */
  function offerReasons(row) {
    const list = reasonLists && reasonLists[row.choice.value];
    row.reason.hidden = !list || !list.reasons.length;
    if (row.reason.hidden || row.reason.dataset.kind === row.choice.value) return;
    row.reason.dataset.kind = row.choice.value;
    const options = list.reasons.map(r => Desk.element("option", r.label, { value: String(r.code) }));
    if (!list.required) options.unshift(Desk.element("option", "No reason", { value: "0" }));
    row.reason.replaceChildren(...options);
  }

  /** "2301 · Support": who is on the line, from which queue, and a consult in progress. */
  function callText(call) {
    if (!call) return "";
    const consult = call.consultTo ? "consulting " + call.consultTo : call.consultFrom ? "consult from " + call.consultFrom : "";
    return [call.ani, call.queue, consult].filter(Boolean).join(" · ");
  }

  /** The state, and the one chosen for after the call: "Talking, then Not Ready (Break)". */
  function stateText(m) {
    if (!m.pendingState) return Desk.words(m.state);
    const then = Desk.words(m.pendingState) + (m.pendingReasonLabel ? ` (${m.pendingReasonLabel})` : "");
    return `${Desk.words(m.state)}, then ${then}`;
  }

  /** Each member's states as this page saw them change: the three before the current one, oldest first. */
  const seen = new Map();
  function earlier(m) {
    const now = Desk.words(m.state) + (m.reasonLabel ? ` (${m.reasonLabel})` : "");
    const list = seen.get(m.agentId) || [];
    if (list[0] !== now) list.unshift(now);
    list.splice(4);
    seen.set(m.agentId, list);
    return list.slice(1).reverse().join(", ");
  }

  function render() {
    // The team's own name ("Support Team"), not "Team Support Team".
    Desk.show($("team-title"), view.team || "Team");
    const body = $("team");
    const members = new Set(view.agents.map(m => m.agentId));
    for (const [agentId, row] of rows) if (!members.has(agentId)) { row.tr.remove(); rows.delete(agentId); }
    view.agents.forEach((m, i) => {
      const row = memberRow(m.agentId);
      [m.agentId, m.name || "", m.extension || "", stateText(m), m.reasonLabel || "", Desk.duration(m.timeInStateMs), earlier(m), callText(m.call), String(m.callsHandled)]
        .forEach((text, c) => { if (row.cells[c].textContent !== text) row.cells[c].textContent = text; });
      row.cells[5].dataset.since = String(m.timeInStateMs);
      offerStates(row, m.allowed || []);
      // Moved only when out of place: moving a row blurs what it holds.
      if (body.children[i] !== row.tr) body.insertBefore(row.tr, body.children[i] || null);
    });
    Desk.fill($("queues"), Desk.queueRows(view.queues));
  }

  /** Time in state ticks between reads. */
  function tick() {
    document.querySelectorAll("#team [data-since]").forEach(e => {
      e.textContent = Desk.duration(Number(e.dataset.since) + performance.now() - readAt);
    });
  }

  function signedOut(text) {
    running = false;
    session.token = null;
    reasonLists = null;
    rows.clear();
    seen.clear();
    $("team").replaceChildren();
    $("signin").hidden = false;
    $("signout").hidden = true;
    ["team-panel", "queues-panel"].forEach(id => $(id).hidden = true);
    Desk.show($("who"), "");
    message(text);
  }

  async function start() {
    const me = await Desk.api(session, "GET", "agents/me");
    await loadReasons();
    await refresh();
    Desk.show($("who"), `${me.name} (${me.agentId})`);
    $("signin").hidden = true;
    $("signout").hidden = false;
    ["team-panel", "queues-panel"].forEach(id => $(id).hidden = false);
    running = true;
    const mine = session.token;
    Desk.follow(session, "team/events", () => running && session.token === mine, refresh, signedOut, $("message"));
  }

  Desk.onSignIn(Desk.signInForm($("signin")), session, act, start);
  $("signout").addEventListener("click", () => act(async () => {
    await Desk.api(session, "POST", "signout", { reasonCode: 0 });
    signedOut("Signed out.");
  }));
  setInterval(tick, 1000);
  // Queue figures move with time (the oldest call's wait) as well as with events.
  setInterval(() => { if (running) refresh().catch(() => {}); }, 5000);

  if (session.token) act(start);
})();
