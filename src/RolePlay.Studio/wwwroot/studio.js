// The studio page: pick a scenario, role-play in a chat, answer the debrief cards, and set up a team. Cards arrive as
// the exact Adaptive Card JSON Teams gets and are drawn by Microsoft's Adaptive Cards renderer; their actions post back.
"use strict";
(function () {
  const api = window.StudioApi;
  const $ = (id) => document.getElementById(id);
  const transcript = $("transcript");
  const message = $("message");
  const rendered = new Map(); // seq -> version shown (or queued to be shown)
  const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
  const dark = window.matchMedia("(prefers-color-scheme: dark)").matches;
  let events = null;
  let epoch = null; // the bot process whose message numbers the page shows
  let scenarios = [];
  let practice = null; // the live practice, or null
  let lastPractice = null; // the one before it, named in the chat's header once it ended
  let reveal = Promise.resolve(); // customer lines are revealed one after another, as if typed
  let pendingInvite = new URLSearchParams(location.search).get("invite");

  const hostConfig = new AdaptiveCards.HostConfig({
    fontFamily: "system-ui, -apple-system, 'Segoe UI', sans-serif",
    supportsInteractivity: true,
    containerStyles: {
      default: { backgroundColor: dark ? "#1C1F24" : "#FFFFFF", foregroundColors: colours() },
      emphasis: { backgroundColor: dark ? "#262A31" : "#F1F3F6", foregroundColors: colours() },
    },
    actions: { actionsOrientation: "horizontal", buttonSpacing: 8, maxActions: 6 },
    // Card headings sit under the page's headings.
    textBlock: { headingLevel: 3 },
  });

  // The bot writes plain text with Markdown punctuation backslash-escaped (Teams renders Markdown). Teams shows such
  // text without the backslashes, so the studio does the same, and hands the renderer HTML-escaped text only.
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    const plain = text.replace(/\\([\\`*_{}\[\]()#+\-.!<>|~=])/g, "$1");
    result.outputHtml = escape(plain).replace(/\n/g, "<br>");
    result.didProcess = true;
  };

  function escape(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  // Colours chosen for at least 4.5:1 contrast on both container backgrounds of the theme.
  function colours() {
    const pair = (c) => ({ default: c, subtle: c });
    return dark
      ? { default: { default: "#E8EAEE", subtle: "#B2B8C2" }, accent: pair("#79B8FF"), good: pair("#7EE07E"), warning: pair("#FFD479"),
          attention: pair("#FF8A8F"), dark: pair("#E8EAEE"), light: pair("#B2B8C2") }
      : { default: { default: "#1B1D21", subtle: "#4F5560" }, accent: pair("#0F5EA8"), good: pair("#0B6A0B"), warning: pair("#7A4D00"),
          attention: pair("#A4262C"), dark: pair("#1B1D21"), light: pair("#4F5560") };
  }

  // ---- Arriving: a name first, nothing else of the studio before it. ----

  async function start() {
    fillZones();
    const me = await api.get("/studio/api/me");
    $("signout").hidden = !(me.ok && me.data.signedIn);
    if (me.ok && me.data.known) {
      await enter(me.data);
    } else {
      if (pendingInvite) {
        $("join-invited").textContent = "You were invited to a team. Tell us your name and you can join it.";
        $("join-invited").hidden = false;
      }
      $("join").hidden = false;
      $("join-name").focus();
    }
  }

  $("join-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const result = await api.post("/studio/api/people", { name: $("join-name").value });
    if (!result.ok) {
      api.show($("join-error"), result.problem);
      $("join-name").focus();
      return;
    }
    api.show($("join-error"), "");
    $("join").hidden = true;
    const me = await api.get("/studio/api/me");
    await enter(me.ok ? me.data : { name: result.data.name });
    result.data.entries.forEach((entry) => show(entry, false));
    $("picker-heading").setAttribute("tabindex", "-1");
    $("picker-heading").focus();
  });

  async function enter(me) {
    $("who").textContent = me.name;
    $("who").hidden = false;
    $("views").hidden = false;
    $("studio").hidden = false;
    if (me.schedule) showSchedule(me.schedule);
    await Promise.all([loadScenarios(), loadConversation(), loadPractice(), loadTeam()]);
    listen();
    route();
    if (pendingInvite) await offerInvite(pendingInvite);
  }

  // ---- Views: practice and team, by the address's fragment, so the browser's back button works. ----

  function route() {
    const view = location.hash === "#team" ? "team" : location.hash === "#clips" ? "clips" : "practice";
    $("practice-view").hidden = view !== "practice";
    $("team-view").hidden = view !== "team";
    $("clips-view").hidden = view !== "clips";
    if (view === "clips") window.StudioClips.load();
    for (const link of document.querySelectorAll("#views a[data-view]")) {
      if (link.dataset.view === view) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    }
  }
  window.addEventListener("hashchange", () => {
    route();
    const heading = location.hash === "#team" ? $("team-heading") : location.hash === "#clips" ? $("clips-heading") : $("picker-heading");
    heading.setAttribute("tabindex", "-1");
    heading.focus();
  });

  // ---- The scenario picker: every scenario as a card, filtered by customer, skill, constraint and length. ----

  async function loadScenarios() {
    const result = await api.get("/studio/api/scenarios");
    if (!result.ok) {
      api.show($("picker-error"), result.problem);
      return;
    }
    scenarios = result.data;
    options($("filter-persona"), unique(scenarios.map((s) => s.persona.name)));
    options($("filter-skill"), unique(scenarios.flatMap((s) => s.skills)), words);
    options($("filter-constraint"), unique(scenarios.flatMap((s) => s.constraintKinds)), words);
    $("scenarios").replaceChildren(...scenarios.map(scenarioItem));
    const first = $("scenarios").querySelector("input");
    if (first) first.checked = true;
    describe();
    // The live practice may have arrived before the list: mark and choose it in the list just drawn.
    setPractice(practice);
  }

  const unique = (values) => [...new Set(values)].sort();
  const words = (wire) => wire.replace(/_/g, " ");

  function options(select, values, label = (v) => v) {
    for (const value of values) select.append(new Option(label(value), value));
  }

  function scenarioItem(s, index) {
    const li = document.createElement("li");
    li.className = "scenario";
    li.dataset.id = s.id;
    const id = `scenario-${index}`;
    const label = document.createElement("label");
    const radio = document.createElement("input");
    Object.assign(radio, { type: "radio", name: "scenario", value: s.id, id });
    const text = document.createElement("span");
    const title = document.createElement("span");
    title.className = "title";
    title.textContent = s.title;
    const who = document.createElement("span");
    who.className = "persona-line";
    const p = s.persona;
    who.textContent = `${p.name}, ${p.age} · ${p.device}, ${p.network} network`;
    text.append(title, who, chips([...s.skills.map(words), ...s.constraintKinds.map(words), `${s.turns} turns`]));
    label.append(radio, text);
    li.append(label);
    return li;
  }

  // The chosen scenario's customer in full, in one panel under the list (so the list stays short and the keyboard
  // goes from the scenarios straight on to the intensity).
  function describe() {
    const chosen = $("scenarios").querySelector("input:checked");
    const s = chosen && scenarios.find((x) => x.id === chosen.value);
    const panel = $("scenario-detail");
    if (!s) {
      panel.replaceChildren();
      return;
    }
    const p = s.persona;
    panel.replaceChildren(element("h2", `${p.name}, ${p.age}`), element("p", s.brief), facts([
      ["Background", p.culture],
      ["Access needs", p.accessibility],
      ["Device and network", `${p.device}, ${p.network} network`],
      ["How they talk", p.communicationStyle],
      ["Success looks like", s.success],
      ["Constraints", s.constraints.length ? s.constraints : ["none"]],
    ]));
  }
  $("scenarios").addEventListener("change", describe);

  function chips(items) {
    const ul = document.createElement("ul");
    ul.className = "chips";
    ul.setAttribute("aria-label", "Skills, constraints and length");
    for (const item of items) {
      const li = document.createElement("li");
      li.textContent = item;
      ul.append(li);
    }
    return ul;
  }

  function facts(pairs, dl = document.createElement("dl")) {
    dl.replaceChildren();
    for (const [title, value] of pairs) {
      const dt = document.createElement("dt");
      dt.textContent = title;
      const dd = document.createElement("dd");
      if (Array.isArray(value)) {
        const ul = document.createElement("ul");
        for (const v of value) {
          const li = document.createElement("li");
          li.textContent = v;
          ul.append(li);
        }
        dd.append(ul);
      } else {
        dd.textContent = value;
      }
      dl.append(dt, dd);
    }
    return dl;
  }

  function filter() {
    const persona = $("filter-persona").value;
    const skill = $("filter-skill").value;
    const constraint = $("filter-constraint").value;
    const length = $("filter-length").value;
    const fits = (s) => (!persona || s.persona.name === persona) && (!skill || s.skills.includes(skill))
      && (!constraint || s.constraintKinds.includes(constraint))
      && (!length || (length === "short" ? s.turns <= 3 : length === "medium" ? s.turns <= 5 && s.turns > 3 : s.turns >= 6));
    let shown = 0;
    for (const li of $("scenarios").children) {
      const s = scenarios.find((x) => x.id === li.dataset.id);
      li.hidden = !fits(s) && !(practice && practice.scenarioId === s.id);
      if (!li.hidden) shown++;
    }
    $("scenario-count").textContent = `(${shown} of ${scenarios.length})`;
    $("no-scenarios").hidden = shown > 0;
  }
  for (const select of $("filters").querySelectorAll("select")) select.addEventListener("change", filter);

  $("picker-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const form = new FormData(e.target);
    const chosen = form.get("scenario");
    if (!chosen || $("scenarios").querySelector(`li[data-id="${CSS.escape(chosen)}"]`).hidden) {
      api.show($("picker-error"), "Choose a scenario first.");
      return;
    }
    $("start").disabled = true;
    const result = await submit("practice.start", { scenario: chosen, intensity: form.get("intensity") }, null);
    $("start").disabled = false;
    api.show($("picker-error"), result.ok ? "" : result.problem);
    if (result.ok) message.focus();
  });

  // ---- The live practice: which scenario, who the customer is, paused or not. ----

  async function loadPractice() {
    const result = await api.get("/studio/api/practice");
    if (result.ok) setPractice(result.data.practice);
  }

  function setPractice(live) {
    practice = live;
    if (live) lastPractice = live;
    $("practice-view").classList.toggle("live", !!live);
    $("practice-view").classList.toggle("chat-first", !!(live || lastPractice));
    $("to-picker").hidden = !!live || !lastPractice;
    for (const li of $("scenarios").children) {
      const isLive = !!live && li.dataset.id === live.scenarioId;
      li.classList.toggle("is-live", isLive);
      const title = li.querySelector(".title");
      const badge = title.querySelector(".live-badge");
      if (isLive && !badge) {
        const b = document.createElement("span");
        b.className = "live-badge";
        b.textContent = "Live";
        title.append(b);
        li.querySelector("input").checked = true;
        describe();
      } else if (!isLive && badge) {
        badge.remove();
      }
    }
    $("start").hidden = !!live;
    const shown = live || lastPractice;
    $("chat-avatar").textContent = shown ? initials(shown.customer) : "?";
    $("chat-heading").textContent = shown ? shown.customer : "Conversation";
    $("chat-sub").textContent = live
      ? `${live.title} · turn ${Math.min(live.turn + 1, live.turns)} of ${live.turns}${live.paused ? " · paused" : ""}`
      : shown ? `${shown.title} · ended` : "Pick a scenario to start.";
    $("scene").hidden = !live;
    $("message-label").textContent = live ? `Your reply to ${live.customer.split(/\s+/)[0]}` : "Message RolePlay";
    $("pause").hidden = !!(live && live.paused);
    $("resume").hidden = !(live && live.paused);
    filter();
  }

  function initials(name) {
    return name.split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w[0].toUpperCase()).join("");
  }

  // ---- The conversation. ----

  async function loadConversation() {
    const result = await api.get("/studio/api/conversation");
    if (!result.ok) return;
    epoch = result.data.epoch;
    result.data.entries.forEach((entry) => show(entry, false));
  }

  // The bot restarted: its message numbers began again, so the page starts over from the bot's transcript.
  async function reload() {
    rendered.clear();
    transcript.replaceChildren();
    await Promise.all([loadConversation(), loadPractice()]);
  }

  function listen() {
    events = new EventSource("/studio/api/events?after=" + lastVersion());
    events.addEventListener("ready", async (e) => {
      if (JSON.parse(e.data).epoch !== epoch) await reload();
      setLive(true);
    });
    events.addEventListener("entry", (e) => show(JSON.parse(e.data), true));
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
    state.textContent = live ? "Connected" : "Reconnecting…";
  }

  // Adds or updates one message; the same entry may arrive from the POST answer and from the event stream, and is
  // shown once. A new customer line is "typed" first, for as long as the engine says (their network, going quiet).
  function show(entry, paced) {
    const known = rendered.get(entry.seq);
    if (known !== undefined && known >= entry.version) return;
    rendered.set(entry.seq, entry.version);
    if (paced && known === undefined && entry.author === "customer") {
      reveal = reveal.then(() => typeThenDraw(entry));
    } else {
      reveal = reveal.then(() => draw(entry));
    }
  }

  async function typeThenDraw(entry) {
    $("typing-text").textContent = `${entry.name || "The customer"} is typing…`;
    $("typing").hidden = false;
    scrollDown();
    await new Promise((done) => setTimeout(done, entry.pauseMs || 0));
    $("typing").hidden = true;
    draw(entry);
  }

  function draw(entry) {
    let li = transcript.querySelector(`li[data-seq="${entry.seq}"]`);
    if (!li) {
      li = document.createElement("li");
      li.dataset.seq = entry.seq;
      const after = [...transcript.children].find((x) => Number(x.dataset.seq) > entry.seq);
      transcript.insertBefore(li, after || null);
    }
    li.className = `entry from-${entry.author}${entry.card ? " card" : ""}`;
    li.dataset.cardId = entry.cardId || "";
    const bubble = document.createElement("div");
    bubble.className = "bubble";
    const who = document.createElement("span");
    who.className = "author";
    who.textContent = entry.author === "you" ? "You" : entry.author === "coach" ? "Coach"
      : entry.author === "customer" ? entry.name : "RolePlay";
    if (entry.card) {
      bubble.append(nativeDebrief(entry) || renderCard(entry.card, entry.seq));
    } else {
      const body = document.createElement("span");
      body.className = "body";
      body.textContent = entry.text;
      bubble.append(who, body);
    }
    if (entry.author === "customer") {
      const avatar = document.createElement("span");
      avatar.className = "avatar";
      avatar.setAttribute("aria-hidden", "true");
      avatar.textContent = initials(entry.name || "?");
      li.replaceChildren(avatar, bubble);
    } else {
      li.replaceChildren(bubble);
    }
    scrollDown();
  }

  function scrollDown() {
    const box = $("transcript-box");
    box.scrollTo({ top: box.scrollHeight, behavior: reducedMotion.matches ? "auto" : "smooth" });
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
    await apply(result.data);
    return result;
  }

  // Shows a request's answer and, when the bot answered with a card to fill in (the debrief), moves the keyboard to
  // its first input.
  async function apply(answer) {
    setPractice(answer.practice);
    answer.entries.forEach((entry) => show(entry, true));
    await reveal;
    for (const entry of answer.entries) {
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
    button.addEventListener("click", async () => {
      await submit(button.dataset.verb, practice ? { session: practice.sessionId } : {}, null);
      // The button pressed may have gone (pause becomes resume): keep the keyboard in the scene bar.
      const next = [...document.querySelectorAll(".scene button")].find((b) => !b.hidden && !b.disabled);
      if (button.hidden || button.disabled) (next || message).focus();
    });
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
    if (practice && !practice.paused) {
      $("typing-text").textContent = `${practice.customer} is reading…`;
      $("typing").hidden = false;
    }
    const result = await api.post("/studio/api/messages", { text });
    $("send").disabled = false;
    $("typing").hidden = true;
    if (!result.ok) {
      // The typed words stay in the box, so nothing is lost.
      api.show($("message-error"), result.problem);
      message.focus();
      return;
    }
    api.show($("message-error"), "");
    message.value = "";
    if (!(await apply(result.data))) message.focus();
  });

  // ---- The debrief as a report: what happened, once per turn, with the customer's reply; one commitment picked with
  // a tap. Layer one (feelings) stays the card every channel gets. ----

  function nativeDebrief(entry) {
    if (entry.cardId === "debrief.observations" && entry.about) return reportSection(entry.about);
    const actions = entry.card && entry.card.actions;
    if (entry.cardId === "debrief.commitment" && actions && actions.length > 0) return commitmentSection(entry);
    return null;
  }

  function reportSection(sessionId) {
    const section = document.createElement("section");
    section.className = "report";
    section.setAttribute("aria-label", "What happened");
    section.textContent = "Loading the debrief…";
    api.get(`/studio/api/practices/${encodeURIComponent(sessionId)}/report`).then((result) => {
      if (!result.ok) {
        section.textContent = result.problem;
        return;
      }
      section.replaceChildren(...report(result.data));
    });
    return section;
  }

  function report(r) {
    const parts = [];
    const heading = element("h3", `What happened with ${r.customer}`);
    parts.push(heading, element("p", `${r.scenarioTitle} · ${outcomeWords(r.outcome)}`, "hint"));
    if (r.feelings) parts.push(element("p", `How it felt: ${r.feelings}`, "felt"));

    const goals = document.createElement("ul");
    goals.className = "goals";
    for (const g of r.goals) {
      const li = element("li", g.met ? `${g.name}: met at turn ${g.turn}` : `${g.name}: not yet`, g.met ? "met" : "unmet");
      goals.append(li);
    }
    parts.push(element("h4", "The scenario's goals"), goals);

    parts.push(element("h4", "Your words, and what they did"));
    const moments = document.createElement("ol");
    moments.className = "moments";
    for (const m of r.moments) {
      const li = document.createElement("li");
      li.append(element("span", `Turn ${m.turn}`, "turn"));
      for (const p of m.phrases) {
        const quote = element("blockquote", p.text, p.cost ? "cost" : "");
        const note = [p.shows, p.cost ? "cost a point" : null, `counts for ${p.countsFor.join(", ")}`].filter(Boolean).join(" · ");
        li.append(quote, element("p", note, "note"));
      }
      if (m.reply) li.append(element("p", `${r.customer.split(" ")[0]} replied: “${m.reply}”`, "reply"));
      moments.append(li);
    }
    parts.push(moments);

    if (r.missed.length) {
      parts.push(element("h4", "Moments to catch next time"));
      const missed = document.createElement("ul");
      for (const m of r.missed) missed.append(element("li", m));
      parts.push(missed);
    }

    if (r.writing.length) {
      parts.push(element("h4", "How you wrote"));
      const writing = document.createElement("ul");
      for (const w of r.writing) writing.append(element("li", w));
      parts.push(writing);
    }

    parts.push(element("h4", "The rubric"));
    const skills = document.createElement("ul");
    skills.className = "skills";
    for (const s of r.skills) {
      const li = document.createElement("li");
      const meter = document.createElement("meter");
      Object.assign(meter, { min: 0, max: s.max, value: s.score });
      meter.setAttribute("aria-label", `${s.name}: ${s.score} of ${s.max}`);
      li.append(element("span", `${s.name}`, "skill"), meter, element("span", `${s.score}/${s.max}`, "score"));
      if (s.next) li.append(element("p", `To reach ${s.score + 1}/${s.max}: ${s.next}`, "next"));
      skills.append(li);
    }
    parts.push(skills);
    const print = element("button", "Print the debrief", "quiet print");
    print.type = "button";
    print.addEventListener("click", () => window.print());
    parts.push(print);
    return parts;
  }

  function outcomeWords(outcome) {
    return outcome === "resolved" ? "the customer left with their problem in hand"
      : outcome === "escalated" ? "the customer asked for someone else" : "the scene ended before the customer was settled";
  }

  function element(tag, text, className) {
    const e = document.createElement(tag);
    e.textContent = text;
    if (className) e.className = className;
    return e;
  }

  // The commitment card's own actions become choices: a tap on a suggestion commits it; one's own words win.
  function commitmentSection(entry) {
    const form = document.createElement("form");
    form.className = "commit";
    form.noValidate = true;
    const id = `commit-${entry.seq}`;
    const texts = entry.card.body.filter((b) => b.type === "TextBlock").map((b) => b.text);
    form.append(element("h3", entry.card.body.find((b) => b.style === "heading")?.text || "One thing for your next shift"));
    for (const text of texts.filter((t) => t !== form.firstChild.textContent)) form.append(element("p", text));
    const [commit, ...suggestions] = entry.card.actions;
    const data = (action) => action.data || (action.fallback && action.fallback.data) || {};
    const list = document.createElement("div");
    list.className = "suggestions";
    list.setAttribute("role", "group");
    list.setAttribute("aria-label", "Take a suggestion");
    for (const s of suggestions) {
      const button = element("button", s.title, "suggestion");
      button.type = "button";
      button.addEventListener("click", () => sendCommit(data(s), entry.seq, form));
      list.append(button);
    }
    const label = element("label", "Or in your own words: I will…");
    label.htmlFor = id;
    const input = document.createElement("input");
    Object.assign(input, { id, maxLength: 500, placeholder: "e.g. name the customer's feeling before I offer a fix" });
    const error = element("p", "", "error");
    error.setAttribute("role", "alert");
    error.hidden = true;
    const submitButton = element("button", commit.title || "Commit");
    submitButton.type = "submit";
    form.append(list, label, input, error, submitButton);
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      sendCommit({ ...data(commit), commitment: input.value }, entry.seq, form);
    });
    return form;
  }

  async function sendCommit(data, seq, form) {
    const values = {};
    for (const [key, value] of Object.entries(data)) if (key !== "verb" && value != null) values[key] = String(value);
    const result = await submit(data.verb || "debrief.commit", values, seq);
    // A refusal re-draws the card: its new form shows the reason.
    const current = transcript.querySelector(`li[data-seq="${seq}"] form.commit`) || form;
    const error = current.querySelector(".error");
    const refused = result.ok && result.data.inputErrors && Object.values(result.data.inputErrors)[0];
    api.show(error, refused || "");
    if (refused) current.querySelector("input").focus();
  }

  // ---- The team and one's own practice time. ----

  function fillZones() {
    const here = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
    const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [here];
    for (const select of document.querySelectorAll("select.zones")) {
      select.replaceChildren(...zones.map((z) => new Option(z.replace(/_/g, " "), z)));
      select.value = here;
    }
  }

  async function loadTeam() {
    const result = await api.get("/studio/api/team");
    if (result.ok) showTeam(result.data.team);
  }

  function showTeam(team) {
    showCues(team);
    $("team-none").hidden = !!team;
    $("team-some").hidden = !team;
    if (!team) return;
    $("team-heading").textContent = team.name;
    facts([
      ["Members", `${team.members}${team.members < team.minMembers ? ` (team figures appear on the dashboard from ${team.minMembers})` : ""}`],
      ["Time zone", team.timeZone.replace(/_/g, " ")],
      ["Values", team.values.length ? team.values : ["none yet"]],
      ["Your role", team.isManager ? "manager" : "member"],
      ["Customer's voice", team.voice.said],
    ], $("team-facts"));
    showVoice(team);
    $("team-invite").hidden = !team.invite;
    $("team-connect").hidden = !(team.isManager && team.connectable);
    $("team-edit").hidden = !team.isManager;
    if (team.invite) $("invite-link").value = `${location.origin}/?invite=${encodeURIComponent(team.invite)}`;
    if (team.isManager) {
      $("edit-name").value = team.name;
      setZone($("edit-zone"), team.timeZone);
      $("edit-values").value = team.values.join("\n");
    }
  }

  // A manager chooses the voice where this deployment has a model to offer; a team's own endpoint, when it has one.
  function showVoice(team) {
    const voice = team.voice;
    const form = $("team-voice");
    form.hidden = !(team.isManager && voice.offered);
    if (form.hidden) return;
    for (const radio of form.querySelectorAll("input[name=voice]")) radio.checked = radio.value === voice.kind;
    const choices = [...(voice.shared ? [["", "This deployment's model"]] : []), ...voice.endpoints.map((e) => [e, `Our own: ${e}`])];
    $("voice-endpoint").replaceChildren(...choices.map(([value, label]) => new Option(label, value)));
    $("voice-endpoint").value = voice.endpoint ?? "";
    $("voice-privacy").textContent = voice.privacy;
    showVoiceWhere();
  }

  function showVoiceWhere() {
    const model = $("team-voice").querySelector("input[name=voice][value=model]").checked;
    $("voice-where").hidden = !model || $("voice-endpoint").options.length < 2;
  }

  $("team-voice").addEventListener("change", showVoiceWhere);

  $("team-voice").addEventListener("submit", async (e) => {
    e.preventDefault();
    const chosen = $("team-voice").querySelector("input[name=voice]:checked");
    const endpoint = $("voice-endpoint").value || null;
    const result = await api.put("/studio/api/team/voice", { voice: chosen ? chosen.value : "", endpoint });
    api.show($("voice-error"), result.ok ? "" : result.problem);
    $("voice-done").textContent = result.ok ? `Saved: ${result.data.team.voice.said}.` : "";
    if (result.ok) showTeam(result.data.team);
  });

  // The week's cue on the practice view, in the strips' language; the sheet's link for members, its language for managers.
  function showCues(team) {
    const cues = team && team.cues;
    $("cue-week").hidden = !(cues && cues.week);
    if (!cues) return;
    if (cues.week) {
      $("cue-week-text").textContent = cues.week.text;
      $("cue-week-text").lang = cues.week.language;
      $("cue-week-sheet").href = cues.sheet;
    }
    $("cues-sheet").href = cues.sheet;
    $("cues-choose").hidden = !team.isManager;
    $("cues-language").replaceChildren(...cues.languages.map((l) => new Option(l.name, l.code)));
    $("cues-language").value = cues.language;
  }

  $("team-cues").addEventListener("submit", async (e) => {
    e.preventDefault();
    const result = await api.put("/studio/api/team/cues", { language: $("cues-language").value });
    api.show($("cues-error"), result.ok ? "" : result.problem);
    $("cues-done").textContent = result.ok ? `Saved: the strips print in ${$("cues-language").selectedOptions[0].text}.` : "";
    if (result.ok) showTeam(result.data.team);
  });

  function setZone(select, zone) {
    if (![...select.options].some((o) => o.value === zone)) select.append(new Option(zone.replace(/_/g, " "), zone));
    select.value = zone;
  }

  const lines = (text) => text.split("\n").map((v) => v.trim()).filter(Boolean);

  $("team-create").addEventListener("submit", async (e) => {
    e.preventDefault();
    const result = await api.post("/studio/api/team", { name: $("team-name").value, timeZone: $("team-zone").value, values: lines($("team-values").value) });
    api.show($("create-error"), result.ok ? "" : result.problem);
    if (!result.ok) return;
    showTeam(result.data.team);
    $("team-heading").setAttribute("tabindex", "-1");
    $("team-heading").focus();
  });

  $("team-edit").addEventListener("submit", async (e) => {
    e.preventDefault();
    const result = await api.put("/studio/api/team", { name: $("edit-name").value, timeZone: $("edit-zone").value, values: lines($("edit-values").value) });
    api.show($("edit-error"), result.ok ? "" : result.problem);
    $("edit-done").textContent = result.ok ? "Saved." : "";
    if (result.ok) showTeam(result.data.team);
  });

  $("team-join").addEventListener("submit", async (e) => {
    e.preventDefault();
    await join($("invite-code").value, $("invite-error"));
  });

  async function join(invite, errorAt) {
    const result = await api.post("/studio/api/invites/accept", { invite });
    api.show(errorAt, result.ok ? "" : result.problem);
    if (!result.ok) return false;
    showTeam(result.data.team);
    return true;
  }

  // Opened from an invite link: say which team it is, and join with one click.
  async function offerInvite(invite) {
    pendingInvite = null;
    history.replaceState(null, "", location.pathname + location.hash);
    const banner = $("invite-banner");
    const look = await api.post("/studio/api/invites/look", { invite });
    banner.hidden = false;
    if (!look.ok) {
      banner.textContent = look.problem;
      return;
    }
    if (look.data.alreadyMember) {
      banner.textContent = `You're already on ${look.data.teamName}.`;
      return;
    }
    banner.textContent = `You're invited to join ${look.data.teamName} (${look.data.members} member${look.data.members === 1 ? "" : "s"}). `;
    const accept = document.createElement("button");
    accept.type = "button";
    accept.textContent = `Join ${look.data.teamName}`;
    accept.addEventListener("click", async () => {
      const error = document.createElement("span");
      if (await join(invite, error)) {
        banner.textContent = `You joined ${look.data.teamName}.`;
        location.hash = "#team";
      } else {
        banner.replaceChildren(error);
        error.hidden = false;
      }
    });
    banner.append(accept);
    accept.focus();
  }

  $("copy-invite").addEventListener("click", async () => {
    $("invite-link").select();
    try {
      await navigator.clipboard.writeText($("invite-link").value);
      $("copy-done").textContent = "Copied.";
    } catch {
      $("copy-done").textContent = "Selected: copy it with Ctrl+C.";
    }
  });

  $("leave-team").addEventListener("click", async () => {
    const result = await api.post("/studio/api/team/leave", {});
    if (result.ok) showTeam(null);
    $("team-heading").textContent = "Your team";
  });

  function showSchedule(schedule) {
    $("schedule-summary").textContent = schedule.summary;
    $("schedule-time").value = schedule.time;
    // Before daily practice is on, the zone is only the default: this browser's is the better guess.
    if (schedule.on) setZone($("schedule-zone"), schedule.timeZone);
    for (const box of $("schedule").querySelectorAll(".days input")) box.checked = schedule.days.includes(box.value);
    $("schedule-off").hidden = !schedule.on;
  }

  async function saveSchedule(body) {
    const result = await api.put("/studio/api/me/schedule", body);
    api.show($("schedule-error"), result.ok ? "" : result.problem);
    $("schedule-done").textContent = result.ok ? "Saved." : "";
    if (result.ok) showSchedule(result.data.schedule);
  }

  $("schedule").addEventListener("submit", (e) => {
    e.preventDefault();
    const days = [...$("schedule").querySelectorAll(".days input:checked")].map((b) => b.value);
    saveSchedule({ on: true, time: $("schedule-time").value, timeZone: $("schedule-zone").value, days });
  });
  $("schedule-off").addEventListener("click", () => saveSchedule({ on: false }));

  window.addEventListener("beforeunload", () => events && events.close());
  start();
})();
