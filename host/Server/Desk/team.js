// The supervisor's team page: every member live (state, reason, time in state, calls handled),
// a member's state changed from here, and the figures of the queues the team serves.
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

  function memberRow(agentId) {
    let row = rows.get(agentId);
    if (row) return row;
    const choice = Desk.element("select", undefined, { "aria-label": "State for " + agentId, id: "state-for-" + agentId });
    ["READY", "NOT_READY", "LOGOUT"].forEach(s => choice.append(Desk.element("option", Desk.words(s), { value: s })));
    const set = Desk.element("button", "Set", { type: "button", id: "set-" + agentId });
    set.addEventListener("click", () => act(async () => {
      await Desk.api(session, "PUT", `agents/${encodeURIComponent(agentId)}/state`, { state: choice.value });
      await refresh();
    }));
    const controls = Desk.element("div", undefined, { class: "row" });
    controls.append(choice, set);
    const tr = document.createElement("tr");
    const cells = Array.from({ length: 7 }, () => tr.appendChild(document.createElement("td")));
    cells[6].append(controls);
    row = { tr, cells };
    rows.set(agentId, row);
    return row;
  }

  function render() {
    Desk.show($("team-title"), view.team ? "Team " + view.team : "Team");
    const body = $("team");
    const members = new Set(view.agents.map(m => m.agentId));
    for (const [agentId, row] of rows) if (!members.has(agentId)) { row.tr.remove(); rows.delete(agentId); }
    view.agents.forEach((m, i) => {
      const row = memberRow(m.agentId);
      [m.agentId, m.name || "", Desk.words(m.state), m.reasonLabel || "", Desk.duration(m.timeInStateMs), String(m.callsHandled)]
        .forEach((text, c) => { if (row.cells[c].textContent !== text) row.cells[c].textContent = text; });
      row.cells[4].dataset.since = String(m.timeInStateMs);
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
    rows.clear();
    $("team").replaceChildren();
    $("signin").hidden = false;
    $("signout").hidden = true;
    ["team-panel", "queues-panel"].forEach(id => $(id).hidden = true);
    Desk.show($("who"), "");
    message(text);
  }

  async function start() {
    const me = await Desk.api(session, "GET", "agents/me");
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
