// The practice page: pick a scenario, role-play, and answer the debrief cards. Cards arrive as the exact Adaptive Card
// JSON Teams gets and are drawn by Microsoft's Adaptive Cards renderer; their actions post back to the bot.
"use strict";
(function () {
  const api = window.StudioApi;
  const $ = (id) => document.getElementById(id);
  const transcript = $("transcript");
  const message = $("message");
  const rendered = new Map(); // seq -> version shown
  let events = null;
  let epoch = null; // the bot process whose message numbers the page shows

  const hostConfig = new AdaptiveCards.HostConfig({
    fontFamily: "system-ui, -apple-system, 'Segoe UI', sans-serif",
    supportsInteractivity: true,
    containerStyles: {
      default: { backgroundColor: "#FFFFFF", foregroundColors: colours() },
      emphasis: { backgroundColor: "#EFEFEF", foregroundColors: colours() },
    },
    actions: { actionsOrientation: "horizontal", buttonSpacing: 8, maxActions: 6 },
    // Card headings sit under the page's "Conversation" (h2).
    textBlock: { headingLevel: 3 },
  });

  // The bot writes plain text with Markdown punctuation backslash-escaped (Teams renders Markdown). Teams shows such
  // text without the backslashes, so the studio does the same, and hands the renderer HTML-escaped text only.
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    const plain = text.replace(/\\([\\`*_{}\[\]()#+\-.!<>|~=])/g, "$1");
    const escaped = plain.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
    result.outputHtml = escaped.replace(/\n/g, "<br>");
    result.didProcess = true;
  };

  // Colours chosen for at least 4.5:1 contrast on both container backgrounds.
  function colours() {
    const pair = (c) => ({ default: c, subtle: c });
    return {
      default: { default: "#1F1F1F", subtle: "#474747" },
      accent: pair("#0F5EA8"), good: pair("#0B6A0B"), warning: pair("#7A4D00"),
      attention: pair("#A4262C"), dark: pair("#1F1F1F"), light: pair("#474747"),
    };
  }

  async function start() {
    const me = await api.get("/studio/api/me");
    $("signout").hidden = !(me.ok && me.data.signedIn);
    if (me.ok && me.data.known) {
      await enter(me.data.name);
    } else {
      $("join").hidden = false;
      $("join-name").focus();
    }
  }

  $("join-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const name = $("join-name").value;
    const result = await api.post("/studio/api/people", { name });
    if (!result.ok) {
      api.show($("join-error"), result.problem);
      $("join-name").focus();
      return;
    }
    api.show($("join-error"), "");
    $("join").hidden = true;
    await enter(result.data.name);
    $("picker-heading").setAttribute("tabindex", "-1");
    $("picker-heading").focus();
  });

  async function enter(name) {
    $("who").textContent = `Practising as ${name}`;
    $("who").hidden = false;
    $("studio").hidden = false;
    await Promise.all([loadScenarios(), loadConversation()]);
    listen();
  }

  async function loadScenarios() {
    const result = await api.get("/studio/api/scenarios");
    if (!result.ok) {
      api.show($("picker-error"), result.problem);
      return;
    }
    const list = $("scenarios");
    list.replaceChildren(...result.data.map(scenarioItem));
    const first = list.querySelector("input");
    if (first) first.checked = true;
  }

  function scenarioItem(s, index) {
    const li = document.createElement("li");
    li.className = "scenario";
    const id = `scenario-${index}`;
    const label = document.createElement("label");
    const radio = document.createElement("input");
    Object.assign(radio, { type: "radio", name: "scenario", value: s.id, id });
    radio.setAttribute("aria-describedby", `${id}-card`);
    label.append(radio, " ", s.title);
    const card = document.createElement("div");
    card.className = "persona";
    card.id = `${id}-card`;
    const p = s.persona;
    const brief = document.createElement("p");
    brief.textContent = s.brief;
    card.append(brief, facts([
      ["Customer", `${p.name}, ${p.age}`],
      ["Background", p.culture],
      ["Access needs", p.accessibility],
      ["Device and network", `${p.device}, ${p.network} network`],
      ["How they talk", p.communicationStyle],
      ["Success looks like", s.success.join("; ")],
      ["Constraints", s.constraints.length ? s.constraints.join("; ") : "none"],
    ]));
    li.append(label, card);
    return li;
  }

  function facts(pairs) {
    const dl = document.createElement("dl");
    for (const [title, value] of pairs) {
      const dt = document.createElement("dt");
      dt.textContent = title;
      const dd = document.createElement("dd");
      dd.textContent = value;
      dl.append(dt, dd);
    }
    return dl;
  }

  $("picker-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const form = new FormData(e.target);
    if (!form.get("scenario")) {
      api.show($("picker-error"), "Choose a scenario first.");
      return;
    }
    const result = await submit("practice.start", { scenario: form.get("scenario"), intensity: form.get("intensity") }, null);
    api.show($("picker-error"), result.ok ? "" : result.problem);
    if (result.ok) message.focus();
  });

  async function loadConversation() {
    const result = await api.get("/studio/api/conversation");
    if (!result.ok) return;
    epoch = result.data.epoch;
    result.data.entries.forEach((entry) => show(entry));
  }

  // The bot restarted: its message numbers began again, so the page starts over from the bot's transcript.
  async function reload() {
    rendered.clear();
    transcript.replaceChildren();
    await loadConversation();
  }

  function listen() {
    events = new EventSource("/studio/api/events?after=" + lastVersion());
    events.addEventListener("ready", async (e) => {
      if (JSON.parse(e.data).epoch !== epoch) await reload();
      setLive(true);
    });
    events.addEventListener("entry", (e) => show(JSON.parse(e.data)));
    events.onerror = () => setLive(false);
  }

  function lastVersion() {
    let max = 0;
    for (const version of rendered.values()) max = Math.max(max, version);
    return max;
  }

  function setLive(live) {
    const state = $("live-state");
    state.dataset.live = String(live);
    state.textContent = live ? "Live: coach nudges and prompts appear as they happen." : "Reconnecting…";
  }

  // Adds or updates one message; the same entry may arrive from the POST answer and from the event stream.
  function show(entry) {
    const known = rendered.get(entry.seq);
    if (known !== undefined && known >= entry.version) return;
    rendered.set(entry.seq, entry.version);
    let li = transcript.querySelector(`li[data-seq="${entry.seq}"]`);
    if (!li) {
      li = document.createElement("li");
      li.dataset.seq = entry.seq;
      const after = [...transcript.children].find((x) => Number(x.dataset.seq) > entry.seq);
      transcript.insertBefore(li, after || null);
    }
    li.className = `entry from-${entry.author}`;
    li.dataset.cardId = entry.cardId || "";
    const who = document.createElement("span");
    who.className = "author";
    who.textContent = entry.author === "you" ? "You" : entry.author === "coach" ? "Coach" : "RolePlay";
    const body = document.createElement("div");
    body.className = "body";
    if (entry.card) {
      body.append(renderCard(entry.card, entry.seq));
    } else {
      body.textContent = entry.author === "coach" ? entry.text.replace(/^Coach:\s*/, "") : entry.text;
    }
    li.replaceChildren(who, body);
    li.scrollIntoView({ block: "nearest" });
  }

  function renderCard(json, seq) {
    const card = new AdaptiveCards.AdaptiveCard();
    card.hostConfig = hostConfig;
    card.onExecuteAction = (action) => {
      const data = { ...(action.data || {}) };
      const verb = action.verb || data.verb;
      delete data.verb;
      const values = {};
      for (const [key, value] of Object.entries(data)) {
        if (value !== undefined && value !== null) values[key] = String(value);
      }
      submit(verb, values, seq);
    };
    card.parse(json);
    return card.render();
  }

  async function submit(verb, values, cardSeq) {
    const result = await api.post("/studio/api/submit", { verb, values, cardSeq });
    if (!result.ok) {
      api.show($("message-error"), result.problem);
      return result;
    }
    api.show($("message-error"), "");
    apply(result.data.entries);
    return result;
  }

  // Shows a request's answer (the event stream may have drawn it already) and, when the bot answered with a card to
  // fill in (the debrief), moves the keyboard to its first input.
  function apply(entries) {
    entries.forEach(show);
    for (const entry of entries) {
      const li = entry.card && transcript.querySelector(`li[data-seq="${entry.seq}"]`);
      const input = li && li.querySelector("input, textarea, select");
      if (input) {
        input.focus();
        return true;
      }
    }
    return false;
  }

  for (const button of document.querySelectorAll(".scene button")) {
    button.addEventListener("click", () => submit(button.dataset.verb, {}, null));
  }

  message.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      $("composer").requestSubmit();
    }
  });

  $("composer").addEventListener("submit", async (e) => {
    e.preventDefault();
    const text = message.value;
    if (!text.trim()) {
      api.show($("message-error"), "Type a message first.");
      return;
    }
    $("send").disabled = true;
    const result = await api.post("/studio/api/messages", { text });
    $("send").disabled = false;
    if (!result.ok) {
      // The typed words stay in the box, so nothing is lost.
      api.show($("message-error"), result.problem);
      message.focus();
      return;
    }
    api.show($("message-error"), "");
    message.value = "";
    if (!apply(result.data.entries)) message.focus();
  });

  window.addEventListener("beforeunload", () => events && events.close());
  start();
})();
