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

  function render() {
    Desk.show($("team-title"), view.team ? "Team " + view.team : "Team");
    Desk.fill($("team"), view.agents.map(m => {
      const choice = Desk.element("select", undefined, { "aria-label": "State for " + m.agentId, id: "state-for-" + m.agentId });
      ["READY", "NOT_READY", "LOGOUT"].forEach(s => choice.append(Desk.element("option", Desk.words(s), { value: s })));
      const set = Desk.element("button", "Set", { type: "button", id: "set-" + m.agentId });
      set.addEventListener("click", () => act(async () => {
        await Desk.api(session, "PUT", `agents/${encodeURIComponent(m.agentId)}/state`, { state: choice.value });
        await refresh();
      }));
      const cell = Desk.element("div", undefined, { class: "row" });
      cell.append(choice, set);
      const since = Desk.element("span", Desk.duration(m.timeInStateMs), { "data-since": String(m.timeInStateMs) });
      return [m.agentId, m.name || "", Desk.words(m.state), m.reasonLabel || "", since, String(m.callsHandled), cell];
    }));
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
