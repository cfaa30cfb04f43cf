// What the agent desk and the team page share: the API with the session's token, the sign-in
// form, the event long-poll, and how figures read.
"use strict";

const Desk = {
  /** What a page says when no server answers (the phone's own words). */
  down: "Connection to server is down.",

  /** The session lives in this tab's storage: a refresh keeps it, closing the tab ends it here. */
  session(key) {
    return {
      get token() { return sessionStorage.getItem(key); },
      set token(value) { value ? sessionStorage.setItem(key, value) : sessionStorage.removeItem(key); },
    };
  },

  /** One request to the agent API; a refusal throws with the server's code and message. */
  async api(session, method, path, body) {
    const headers = { "Content-Type": "application/json" };
    if (session.token) headers.Authorization = "Bearer " + session.token;
    const response = await fetch("/api/v1/" + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const error = new Error(json && json.error ? json.error.message : response.statusText);
      error.status = response.status;
      error.code = json && json.error ? json.error.code : "";
      throw error;
    }
    return json;
  },

  /** This browser's device name: the server keeps one session per agent and device. */
  device() {
    let name = localStorage.getItem("desk.device");
    if (!name) {
      name = "DESK-" + Array.from(crypto.getRandomValues(new Uint8Array(4)), b => b.toString(16).padStart(2, "0")).join("");
      localStorage.setItem("desk.device", name);
    }
    return name;
  },

  /** The sign-in form, the same on both pages, into its section (whose data-title names it). */
  signInForm(section) {
    section.innerHTML = `
      <h2 id="signin-title"></h2>
      <form id="signin-form">
        <label for="agentId">Agent ID</label><input id="agentId" name="agentId" autocomplete="username" required>
        <label for="secret">Password or PIN</label>
        <div class="row">
          <input id="secret" name="secret" type="password" autocomplete="current-password" required>
          <select id="kind" name="kind" aria-label="Password or PIN"><option value="password">Password</option><option value="pin">PIN</option></select>
        </div>
        <label for="extension">Extension (blank: your own)</label><input id="extension" name="extension" inputmode="numeric">
        <label for="tenant">Tenant (if your center has several)</label><input id="tenant" name="tenant">
        <div class="row"><button id="signin-button" type="submit">Sign in</button></div>
      </form>`;
    section.querySelector("h2").textContent = section.dataset.title;
    return section.querySelector("form");
  },

  /**
   * Runs a page's actions: the message row cleared first, a refusal shown in the server's own
   * words, and a session the server no longer knows signed out.
   */
  actor(session, message, signedOut) {
    return async action => {
      message.textContent = "";
      try {
        await action();
      } catch (error) {
        if (error.status === 401 && session.token) signedOut("The server ended the session.");
        else message.textContent = error.status === undefined ? Desk.down : error.message;
      }
    };
  },

  /** The sign-in form submits to the API and the page's session starts (or is dropped, if its start fails). */
  onSignIn(form, session, act, start) {
    form.addEventListener("submit", event => {
      event.preventDefault();
      act(async () => {
        const answer = await Desk.api(session, "POST", "signin", Desk.signInBody(form));
        session.token = answer.token;
        form.secret.value = "";
        try {
          await start();
        } catch (error) {
          session.token = null;
          throw error;
        }
      });
    });
  },

  /** The sign-in form's fields as the API's sign-in body. */
  signInBody(form) {
    const body = { agentId: form.agentId.value.trim(), device: Desk.device() };
    if (form.extension.value.trim()) body.extension = form.extension.value.trim();
    body[form.kind.value] = form.secret.value;
    if (form.tenant.value.trim()) body.tenant = form.tenant.value.trim();
    return body;
  },

  /**
   * Long-polls a stream for as long as <code>running()</code>; <code>changed</code> runs when
   * events come or were lost. A session the server no longer knows ends with
   * <code>signedOut</code>. While no server answers it says so in <code>message</code> and asks
   * again every 2 s without waiting; when one answers again <code>changed</code> runs, so the page
   * shows what happened meanwhile.
   */
  async follow(session, path, running, changed, signedOut, message) {
    let after = 0;
    let down = false;
    while (running()) {
      try {
        const answer = await Desk.api(session, "GET", `${path}?after=${after}&wait=${down ? 0 : 25}`);
        after = answer.lastSeq;
        if (down || answer.resync || answer.events.length) {
          down = false;
          message.textContent = "";
          await changed();
        }
      } catch (error) {
        if (!running()) return;
        if (error.status === 401) {
          signedOut("The server ended the session.");
          return;
        }
        if (error.status === undefined) {
          down = true;
          message.textContent = Desk.down + " Retrying…";
        }
        await new Promise(resolve => setTimeout(resolve, 2000));
      }
    }
  },

  show(element, text) { element.textContent = text; },

  words(wire) { return wire ? wire.toLowerCase().split("_").map(w => w[0].toUpperCase() + w.slice(1)).join(" ") : ""; },

  /** HH:MM:SS, as the phone shows durations. */
  duration(ms) {
    const s = Math.max(0, Math.floor(ms / 1000));
    return [Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60].map(n => String(n).padStart(2, "0")).join(":");
  },

  element(tag, text, attributes) {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    Object.entries(attributes || {}).forEach(([k, v]) => e.setAttribute(k, v));
    return e;
  },

  /** A table body filled from rows of cells (strings or elements). */
  fill(tbody, rows) {
    tbody.replaceChildren(...rows.map(cells => {
      const tr = document.createElement("tr");
      cells.forEach(c => { const td = document.createElement("td"); c instanceof Node ? td.append(c) : td.textContent = c; tr.append(td); });
      return tr;
    }));
  },

  queueRows(queues) {
    return (queues || []).map(q => [q.queue, String(q.callsQueued), Desk.duration(q.oldestInQueueMs), q.serviceLevelPercent + " %",
      Desk.duration(q.averageSpeedOfAnswerMs), String(q.abandoned), String(q.agentsReady), String(q.agentsNotReady), String(q.agentsBusy), String(q.agentsWork)]);
  },
};
