// The agent desk: sign-in, state with reasons, the call with its caller data, wrap-up, outbound,
// skill statistics. It reads the agent's event stream, so a change made on the phone (or by a
// supervisor, or the server's timers) shows here within a moment, and one made here on the phone.
"use strict";

(() => {
  const session = Desk.session("desk.token");
  const $ = id => document.getElementById(id);
  let status = null;        // the agent as last read
  let readAt = 0;           // when (performance.now) it was read
  let running = false;
  let ringer = null;

  const CHOICES = ["READY", "WORK"];   // the states the desk offers a button for
  const choiceId = state => "to-" + state.toLowerCase();

  const message = text => Desk.show($("message"), text || "");
  const act = Desk.actor(session, $("message"), text => signedOut(text));

  async function reasons(kind, select) {
    const list = await Desk.api(session, "GET", "reasons?kind=" + kind);
    select.replaceChildren(...(list.reasons.length ? list.reasons : [{ code: 0, label: "No reason" }])
      .map(r => Desk.element("option", r.label, { value: String(r.code) })));
  }

  /**
   * Recent calls, as this desk saw them end (newest first, ten kept in this tab's storage so a
   * refresh keeps them): when, who, the caller's name, the queue, how long (or "Missed").
   */
  const recent = JSON.parse(sessionStorage.getItem("desk.recent") || "[]");
  let current = null;   // the call on screen: { id, caller, name, queue, connectedAt }

  function noteCalls(s) {
    const call = s && s.call;
    if (current && (!call || call.id !== current.id)) {
      recent.unshift({
        ended: new Date().toLocaleTimeString(), caller: current.caller, name: current.name, queue: current.queue || "",
        duration: current.connectedAt ? Desk.duration(Date.now() - current.connectedAt) : "Missed",
      });
      recent.splice(10);
      sessionStorage.setItem("desk.recent", JSON.stringify(recent));
      current = null;
    }
    if (call) {
      current = current || { id: call.id, caller: call.ani === s.extension ? call.dnis : call.ani, queue: call.queue };
      current.name = callerName(call);
      if (call.state !== "RINGING" && !current.connectedAt) current.connectedAt = Date.now() - call.connectedMs;
    }
    $("no-recent").hidden = recent.length > 0;
    Desk.fill($("recent"), recent.map(r => [r.ended, r.caller, r.name, r.queue, r.duration]));
  }

  async function refresh() {
    status = await Desk.api(session, "GET", "agents/me");
    readAt = performance.now();
    if (status.state === "LOGOUT") {
      signedOut("Signed out.");
      return;
    }
    render();
  }

  function render() {
    const s = status;
    Desk.show($("who"), `${s.name} (${s.agentId}) at ${s.extension}`);
    Desk.show($("state"), Desk.words(s.state));
    Desk.show($("reason"), s.reasonLabel || "");
    Desk.show($("pending"), s.pendingState ? "Next: " + Desk.words(s.pendingState) + (s.pendingReasonLabel ? ` (${s.pendingReasonLabel})` : "") : "");
    // Shown or hidden, never rebuilt: a control the agent has focused keeps its focus when an event redraws the page.
    CHOICES.forEach(a => $(choiceId(a)).hidden = !s.allowed.includes(a));
    $("not-ready").disabled = !s.allowed.includes("NOT_READY");

    const call = s.call;
    $("call").hidden = !call;
    $("no-call").hidden = !!call;
    $("call-panel").classList.toggle("ringing", !!call && call.state === "RINGING");
    document.body.dataset.ringing = call && call.state === "RINGING" ? "true" : "false";
    if (call) {
      const placed = call.ani === s.extension;
      const name = callerName(call);
      Desk.show($("call-state"), (call.state === "RINGING" ? "Ringing" : call.state === "HELD" ? "On hold" : "Talking") + (name ? " · " + name : "")
        + (call.consultFrom ? " · consult from " + call.consultFrom : ""));
      const rows = [placed ? ["Calling", call.dnis] : ["Caller", call.ani], ["Dialed", call.dnis]];
      if (call.queue) rows.push(["Queue", call.queue]);
      if (call.layout) rows.push(["Layout", call.layout]);
      (call.variables || []).forEach(v => rows.push([v.name, v.value]));
      Desk.fill($("caller-data"), rows);
      $("answer").hidden = call.state !== "RINGING";
      $("hold").hidden = call.state !== "CONNECTED";
      $("resume").hidden = call.state !== "HELD";
      $("release").hidden = call.state === "RINGING";
      $("transfer-row").hidden = call.state !== "CONNECTED";
      // A consult: the caller on hold while the agent talks with another; Transfer or Conference
      // completes it, Resume goes back to the caller, End consult hangs up on the other agent.
      const consulting = !!call.consultTo;
      $("consult-row").hidden = !consulting;
      Desk.show($("consult-status"), consulting ? `Consulting ${call.consultTo}: ${call.consultState === "RINGING" ? "ringing" : "talking"}` : "");
      Desk.show($("release"), consulting ? "End consult" : "Release");
    }
    $("wrapup-row").hidden = !(s.state === "WORK" || (call && call.routed));
    $("dial-row").hidden = !(s.state === "NOT_READY" && !call);
    ring(!!call && call.state === "RINGING");
    noteCalls(s);
    tick();
  }

  /** The caller's name as the layout gives it: the variables labelled "... name", in order ("Ada Lovelace"). */
  function callerName(call) {
    return (call.variables || []).filter(v => /name$/i.test(v.name) && v.value).map(v => v.value).join(" ");
  }

  /** The timers, counted on between reads: time in state, the call (and its hold), the wrap-up's time left. */
  function tick() {
    if (!status) return;
    const since = performance.now() - readAt;
    Desk.show($("in-state"), "for " + Desk.duration(status.timeInStateMs + since));
    const call = status.call;
    const connected = call && call.state !== "RINGING";
    Desk.show($("call-timer"), connected
      ? "Call " + Desk.duration(call.connectedMs + since) + (call.state === "HELD" ? " · on hold " + Desk.duration(status.timeInStateMs + since) : "")
      : "");
    const left = status.wrapUpRemainingMs - since;
    Desk.show($("wrapup"), status.wrapUpRemainingMs > 0 ? `Wrap-up: ${Math.max(0, Math.ceil(left / 1000))} s left` : "");
  }

  /** A ringing call sounds, as the phone's ringer does. */
  function ring(on) {
    if (on && !ringer) {
      try {
        const audio = new AudioContext();
        const tone = audio.createOscillator();
        const gain = audio.createGain();
        tone.frequency.value = 440;
        gain.gain.value = 0;
        tone.connect(gain).connect(audio.destination);
        tone.start();
        const beat = setInterval(() => { gain.gain.value = gain.gain.value ? 0 : 0.1; }, 500);
        ringer = () => { clearInterval(beat); tone.stop(); audio.close(); };
      } catch {
        ringer = () => {};
      }
    } else if (!on && ringer) {
      ringer();
      ringer = null;
    }
  }

  async function change(body) {
    status = await Desk.api(session, "PUT", "agents/me/state", body);
    readAt = performance.now();
    render();
  }

  async function callAction(action, body) {
    status = await Desk.api(session, "POST", "agents/me/call/" + action, body);
    readAt = performance.now();
    render();
  }

  async function stats() {
    const answer = await Desk.api(session, "GET", "stats");
    Desk.fill($("stats"), Desk.queueRows(answer.queues));
    Desk.show($("handled"), `Calls handled: ${answer.callsHandled}`);
  }

  function signedOut(text) {
    running = false;
    session.token = null;
    status = null;
    ring(false);
    // The next agent at this desk starts with no one else's calls.
    recent.length = 0;
    current = null;
    sessionStorage.removeItem("desk.recent");
    ["state-panel", "call-panel", "recent-panel", "stats-panel"].forEach(id => $(id).hidden = true);
    $("signin").hidden = false;
    Desk.show($("who"), "");
    message(text);
  }

  /** The reason lists and the stats; a list a server outage kept from loading loads on the next change. */
  let listsLoaded = false;
  async function lists() {
    if (!listsLoaded) {
      await Promise.all([reasons("NOT_READY", $("not-ready-reason")), reasons("LOGOUT", $("logout-reason")), reasons("WRAP_UP", $("wrapup-reason"))]);
      listsLoaded = true;
    }
    await stats();
  }

  /** Once the agent is read the page follows its events, so a server lost from here on is ridden
   * out; only a failure to read the agent fails the start (and a sign-in drops its session). */
  async function start() {
    await refresh();
    if (!status) return;
    $("signin").hidden = true;
    ["state-panel", "call-panel", "recent-panel", "stats-panel"].forEach(id => $(id).hidden = false);
    $("page").classList.add("desk");
    running = true;
    const mine = session.token;
    Desk.follow(session, "agents/me/events", () => running && session.token === mine,
      async () => {
        await refresh();
        lists().catch(() => {});
      },
      signedOut, $("message"));
    // Not awaited: the session stands once the page follows it, and a list an outage kept from
    // loading loads on the next change (the follow loop says the server is down meanwhile).
    lists().catch(() => {});
  }

  Desk.onSignIn(Desk.signInForm($("signin")), session, act, start);
  CHOICES.forEach(a => $(choiceId(a)).addEventListener("click", () => act(() => change({ state: a }))));
  $("not-ready").addEventListener("click", () => act(() => change({ state: "NOT_READY", reasonCode: Number($("not-ready-reason").value) })));
  $("signout").addEventListener("click", () => act(async () => {
    status = await Desk.api(session, "POST", "signout", { reasonCode: Number($("logout-reason").value) });
    if (status.state === "LOGOUT") signedOut("Signed out.");
    else render();
  }));
  ["answer", "hold", "resume", "release"].forEach(a => $(a).addEventListener("click", () => act(() => callAction(a))));
  ["consult", "transfer", "conference"].forEach(a => $(a).addEventListener("click", () => act(() => callAction(a, { extension: $("target").value.trim() }))));
  // Completing a consult names nobody new: the server knows whom the agent consults.
  ["transfer", "conference"].forEach(a => $("complete-" + a).addEventListener("click", () => act(() => callAction(a))));
  $("set-wrapup").addEventListener("click", () => act(async () => {
    status = await Desk.api(session, "PUT", "agents/me/wrapup", { reasonCode: Number($("wrapup-reason").value) });
    readAt = performance.now();
    render();
  }));
  $("dial").addEventListener("click", () => act(async () => {
    await Desk.api(session, "POST", "agents/me/call/dial", { number: $("number").value.trim() });
    await refresh();
  }));
  setInterval(tick, 1000);
  setInterval(() => { if (running) stats().catch(() => {}); }, 15000);

  // A refresh keeps the session: the token is still in this tab's storage.
  if (session.token) act(start);
})();
