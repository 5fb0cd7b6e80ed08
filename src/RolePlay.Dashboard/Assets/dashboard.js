// The dashboard page: reads the JSON API and draws every chart as inline SVG. No library, nothing from the network
// beyond this bot. Text from the server is only ever set with textContent, never as HTML.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const COLOURS = ["#1f4e8c", "#a34700", "#2e6b30", "#6b2f86"];
const $ = (id) => document.getElementById(id);

function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function svgEl(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

function setStatus(text) { $("status").textContent = text; }

// A line chart of one or more weekly series. Gaps (null) break the line: a week with no practice is not a zero.
// Each chart carries a text alternative and its numbers as a table for screen readers and keyboard users.
function lineChart(figure, { title, weeks, series, yMax, bars = false }) {
  figure.replaceChildren();
  figure.append(el("figcaption", {}, title));
  const width = 560, height = 200, left = 36, right = 8, top = 10, bottom = 28;
  const plotW = width - left - right, plotH = height - top - bottom;
  const max = yMax ?? Math.max(1, ...series.flatMap((s) => s.values.filter((v) => v !== null)));
  const x = (i) => left + (weeks.length <= 1 ? plotW / 2 : (i * plotW) / (weeks.length - 1));
  const y = (v) => top + plotH - (v / max) * plotH;
  const summary = series.map((s) => {
    const known = s.values.filter((v) => v !== null);
    const total = known.reduce((a, b) => a + b, 0);
    return `${s.name}: ${known.length ? (bars ? `${total} in total` : `latest ${known[known.length - 1]}`) : "no data yet"}`;
  }).join("; ");
  const svg = svgEl("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": `${title}. ${summary}.` });
  for (const tick of [0, max / 2, max]) {
    svg.append(svgEl("line", { x1: left, x2: width - right, y1: y(tick), y2: y(tick), stroke: "#d6d6d6" }));
    svg.append(svgEl("text", { x: left - 6, y: y(tick) + 4, "text-anchor": "end" }, Number.isInteger(tick) ? tick : tick.toFixed(1)));
  }
  const step = Math.max(1, Math.ceil(weeks.length / 6));
  weeks.forEach((w, i) => {
    const last = i === weeks.length - 1;
    if ((i % step === 0 && i + step < weeks.length) || last) {
      svg.append(svgEl("text", { x: x(i), y: height - 8, "text-anchor": last ? "end" : i === 0 ? "start" : "middle" }, w));
    }
  });
  series.forEach((s, n) => {
    const colour = COLOURS[n % COLOURS.length];
    if (bars) {
      const barW = Math.max(1, plotW / weeks.length / series.length - 1);
      s.values.forEach((v, i) => {
        if (!v) return;
        const bx = left + (i * plotW) / weeks.length + n * barW;
        svg.append(svgEl("rect", { x: bx, y: y(v), width: barW, height: top + plotH - y(v), fill: colour, "data-week": weeks[i], "data-value": v }));
      });
      return;
    }
    let d = "";
    s.values.forEach((v, i) => {
      if (v === null) { d += " "; return; }
      d += `${d.endsWith(" ") || d === "" ? "M" : "L"}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
      svg.append(svgEl("circle", { cx: x(i), cy: y(v), r: 2.5, fill: colour, "data-week": weeks[i], "data-value": v }));
    });
    svg.prepend(svgEl("path", { d: d.trim().replace(/ +/g, " ").replace(/ M/g, "M"), fill: "none", stroke: colour, "stroke-width": 2 }));
  });
  figure.append(svg);
  if (series.length > 1) {
    const legend = el("ul", { class: "legend" });
    series.forEach((s, n) => {
      const item = el("li");
      item.append(el("span", { class: "swatch", style: `background:${COLOURS[n % COLOURS.length]}`, "aria-hidden": "true" }), s.name);
      legend.append(item);
    });
    figure.append(legend);
  }
  figure.append(dataTable(title, weeks, series));
}

function dataTable(title, weeks, series) {
  const details = el("details");
  details.append(el("summary", {}, `${title}: the numbers`));
  const table = el("table");
  table.append(el("caption", { class: "sr-only" }, title));
  const head = el("tr");
  head.append(el("th", { scope: "col" }, "Week"), ...series.map((s) => el("th", { scope: "col" }, s.name)));
  table.appendChild(el("thead")).append(head);
  const body = el("tbody");
  weeks.forEach((w, i) => {
    if (series.every((s) => s.values[i] === null || s.values[i] === 0)) return;
    const row = el("tr");
    row.append(el("th", { scope: "row" }, w), ...series.map((s) => el("td", {}, s.values[i] === null ? "—" : String(s.values[i]))));
    body.append(row);
  });
  if (!body.children.length) body.appendChild(el("tr")).append(el("td", { colspan: series.length + 1 }, "Nothing yet."));
  table.append(body);
  details.append(table);
  return details;
}

function skillCards(container, weeks, skills, { withProgress }) {
  container.replaceChildren();
  for (const skill of skills) {
    const card = el("article", { class: "skill", "data-skill": skill.skill });
    const chart = el("figure", { class: "chart" });
    lineChart(chart, { title: skill.label, weeks, series: [{ name: "average score", values: skill.mean }], yMax: 4 });
    const side = el("div");
    if (withProgress && skill.progress) side.append(el("p", { class: "progress" }, skill.progress));
    side.append(el("h4", {}, "Phrases that landed"));
    const list = el("ul", { class: "phrases" });
    if (skill.landed.length === 0) list.append(el("li", {}, "None yet."));
    for (const phrase of skill.landed) list.appendChild(el("li")).append(el("q", {}, phrase));
    side.append(list);
    card.append(chart, side);
    container.append(card);
  }
}

async function showTeam(teamId) {
  $("person").hidden = true;
  setStatus("Loading the team…");
  const team = await getJson(`/dashboard/api/teams/${encodeURIComponent(teamId)}`);
  $("team").hidden = false;
  $("team-title").textContent = `Team ${team.teamName} (${team.members} member${team.members === 1 ? "" : "s"})`;
  const hidden = team.hiddenReason !== null;
  $("team-hidden").hidden = !hidden;
  $("team-hidden").textContent = team.hiddenReason ?? "";
  $("team-aggregates").hidden = hidden;
  if (!hidden) {
    skillCards($("team-skills"), team.weeks, team.skills, { withProgress: false });
    const a = team.activity;
    lineChart($("chart-sessions"), { title: "Sessions per week", weeks: team.weeks, series: [{ name: "sessions", values: a.sessions }], bars: true });
    lineChart($("chart-commitments"), { title: "Commitments made vs checked in", weeks: team.weeks, bars: true,
      series: [{ name: "made", values: a.commitmentsMade }, { name: "checked in", values: a.checkIns }] });
    lineChart($("chart-recognition"), { title: "Recognitions and empathy wins", weeks: team.weeks, bars: true,
      series: [{ name: "recognitions", values: a.recognitions }, { name: "empathy wins", values: a.empathyWins }] });
  }
  const clips = await showClips(teamId, $("team-skills"), $("team-week"));
  const library = $("library");
  library.replaceChildren();
  if (team.phraseLibrary.length === 0) library.append(el("li", {}, "No phrases logged yet."));
  for (const p of team.phraseLibrary) {
    const item = el("li");
    item.append(el("q", {}, p.text));
    if (p.behaviour) item.append(` — ${p.behaviour.replace(/_/g, " ")}`);
    library.append(item);
  }
  decorateLanded($("library").parentElement, clips);
  const pairing = $("pairing");
  pairing.replaceChildren();
  if (team.pairing.length === 0) pairing.append(el("p", {}, "No pairing rounds yet."));
  for (const round of team.pairing) {
    pairing.append(el("h4", {}, `Round ${round.round} — ${new Date(round.createdUtc).toLocaleDateString()} — ${round.pairCount} pairs`));
    if (round.pairs.length) {
      const list = el("ul");
      for (const [a, b] of round.pairs) list.append(el("li", {}, `${a} & ${b}`));
      if (round.pairsNotShown > 0) list.append(el("li", {}, `…and ${round.pairsNotShown} more pairs`));
      pairing.append(list);
    }
    if (round.unpaired.length) pairing.append(el("p", {}, `Not paired this round (odd number): ${round.unpaired.join(", ")}`));
  }
  const routines = $("routines").tBodies[0];
  routines.replaceChildren();
  for (const r of team.routines) {
    const row = el("tr");
    row.append(el("th", { scope: "row" }, r.routine.replace(/_/g, " ")),
      el("td", {}, r.lastRunUtc ? new Date(r.lastRunUtc).toLocaleString() : "not run yet"),
      el("td", {}, r.lastRunUtc ? `${r.sent} sent, ${r.failed} failed` : "—"),
      el("td", {}, r.summary));
    routines.append(row);
  }
  await showKpis(teamId);
  setStatus("");
}

async function showKpis(teamId) {
  const view = await getJson(`/dashboard/api/teams/${encodeURIComponent(teamId)}/kpis`);
  $("kpi-header").textContent = view.header;
  $("kpi-hidden").hidden = view.hiddenReason === null;
  $("kpi-hidden").textContent = view.hiddenReason ?? "";
  $("kpi-form").hidden = view.hiddenReason !== null;
  const charts = $("kpi-charts");
  charts.replaceChildren();
  for (const c of view.comparisons) charts.append(scatter(c));
}

// One practised skill against one KPI: a dot per (subject, week), and the honest statement (n, r, no causal claim).
function scatter(c) {
  const figure = el("figure", { class: "chart", "data-kpi": c.kpi });
  figure.append(el("figcaption", {}, c.title));
  const width = 360, height = 220, left = 44, bottom = 34, top = 10, right = 10;
  const xs = c.points.map((p) => p.x), ys = c.points.map((p) => p.y);
  const xMax = Math.max(1, ...xs), yMax = Math.max(0.0001, ...ys);
  const svg = svgEl("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": `${c.title}. ${c.statement}` });
  svg.append(svgEl("line", { x1: left, x2: width - right, y1: height - bottom, y2: height - bottom, stroke: "#767676" }));
  svg.append(svgEl("line", { x1: left, x2: left, y1: top, y2: height - bottom, stroke: "#767676" }));
  svg.append(svgEl("text", { x: (left + width) / 2, y: height - 6, "text-anchor": "middle" }, `${c.skill} per session`));
  svg.append(svgEl("text", { x: 12, y: (top + height - bottom) / 2, transform: `rotate(-90 12 ${(top + height - bottom) / 2})`, "text-anchor": "middle" }, c.kpi.replace(/_/g, " ")));
  for (const p of c.points) {
    svg.append(svgEl("circle", {
      cx: left + (p.x / xMax) * (width - left - right), cy: height - bottom - (p.y / yMax) * (height - bottom - top), r: 3,
      fill: "#1f4e8c", "fill-opacity": 0.7, "data-week": p.week,
    }));
  }
  figure.append(svg, el("p", { class: "statement" }, c.statement));
  return figure;
}

async function importKpis(event) {
  event.preventDefault();
  const teamId = $("team-select").value;
  const file = $("kpi-file").files[0];
  const result = $("kpi-result");
  result.replaceChildren();
  if (!file) return;
  const response = await fetch(`/dashboard/api/teams/${encodeURIComponent(teamId)}/kpis`, {
    method: "POST", headers: { "Content-Type": "text/csv" }, body: await file.text(),
  });
  const body = await response.json().catch(() => ({ stored: 0, errors: [`The import failed (${response.status}).`] }));
  if (response.ok) {
    result.append(el("p", { class: "ok" }, `Imported ${body.stored} rows.`));
    await showKpis(teamId);
    return;
  }
  result.append(el("p", { class: "errors" }, "Nothing was imported. Fix these lines and import the file again:"));
  const list = el("ul", { class: "errors" });
  for (const e of body.errors ?? [`The import failed (${response.status}).`]) list.append(el("li", {}, e));
  result.append(list);
}

async function showPerson(userId) {
  setStatus("Loading…");
  const person = await getJson(`/dashboard/api/people/${encodeURIComponent(userId)}`);
  $("team").hidden = true;
  $("person").hidden = false;
  $("person-title").textContent = `${person.displayName}: own trend`;
  skillCards($("person-skills"), person.weeks, person.skills, { withProgress: true });
  await showClips(viewerTeam, $("person-skills"), $("person-week"));
  const a = person.activity;
  lineChart($("chart-person-sessions"), { title: "Sessions per week", weeks: person.weeks, series: [{ name: "sessions", values: a.sessions }], bars: true });
  lineChart($("chart-person-commitments"), { title: "Commitments made vs checked in", weeks: person.weeks, bars: true,
    series: [{ name: "made", values: a.commitmentsMade }, { name: "checked in", values: a.checkIns }] });
  setStatus("");
}

// The team's members, each with a "new hire" switch that saves at once (PUT, JSON: a cross-site form cannot send it).
async function loadMembers(teamId) {
  const list = $("members");
  list.replaceChildren();
  const roster = await getJson(`/dashboard/api/teams/${encodeURIComponent(teamId)}/roster`);
  if (roster.length === 0) list.append(el("li", {}, "Nobody has joined yet. People join with “team join” in the team's channel."));
  for (const member of roster) {
    const id = `new-hire-${member.userId}`;
    const box = el("input", { type: "checkbox", id });
    box.checked = member.isNewHire;
    box.addEventListener("change", () => markNewHire(teamId, member, box));
    // The checkbox's name says whose it is ("Agent 4 new hire"), the visible label only "new hire".
    const label = el("label", { for: id }, " new hire");
    label.prepend(box, el("span", { class: "sr-only" }, member.name));
    const item = el("li");
    item.append(el("span", {}, member.name), label);
    list.append(item);
  }
}

// The xAPI statements of the team's members: how many wait for the LRS, and which it refused. Hidden when there are none.
async function loadRecords(teamId) {
  const records = await getJson(`/dashboard/api/teams/${encodeURIComponent(teamId)}/learning-records`);
  const section = $("records");
  section.hidden = records.waiting === 0 && records.parked.length === 0;
  $("records-waiting").textContent = records.waiting === 0 ? "Every learning record has reached the learning record store."
    : `${records.waiting} learning record${records.waiting === 1 ? "" : "s"} waiting for the learning record store.`;
  const table = $("records-parked");
  table.hidden = records.parked.length === 0;
  const body = table.querySelector("tbody");
  body.replaceChildren();
  for (const p of records.parked) {
    const row = el("tr");
    row.append(el("td", {}, p.verb), el("td", {}, p.about), el("td", {}, new Date(p.atUtc).toLocaleString()), el("td", {}, p.reason));
    body.append(row);
  }
}

// Peer checklists: reviews given per week (and helpful marks), and where peers and the rubric agree per behaviour.
async function loadPeerCoaching(teamId) {
  const view = await getJson(`/dashboard/api/teams/${encodeURIComponent(teamId)}/peer-coaching`);
  const hidden = view.hiddenReason !== null;
  $("peer-hidden").hidden = !hidden;
  $("peer-hidden").textContent = view.hiddenReason ?? "";
  $("peer-figures").hidden = hidden;
  if (hidden) return;
  const pick = (name) => view.perWeek.map((w) => w[name]);
  lineChart($("chart-peer-reviews"), { title: "Peer checklists given per week", weeks: view.weeks, bars: true,
    series: [{ name: "reviews", values: pick("reviews") }, { name: "found helpful", values: pick("helpful") },
      { name: "teammates reviewing", values: pick("reviewers") }] });
  const body = $("peer-calibration").tBodies[0];
  body.replaceChildren();
  if (view.calibration.length === 0) body.appendChild(el("tr")).append(el("td", { colspan: 5 }, "No peer checklists yet."));
  for (const c of view.calibration) {
    const share = (n) => `${n} (${Math.round((100 * n) / c.compared)}%)`;
    const row = el("tr");
    row.append(el("th", { scope: "row" }, c.text), el("td", {}, String(c.compared)), el("td", {}, share(c.agreed)),
      el("td", {}, share(c.peerHigher)), el("td", {}, share(c.peerLower)));
    body.append(row);
  }
}

async function markNewHire(teamId, member, box) {
  const result = $("members-result");
  const url = `/dashboard/api/teams/${encodeURIComponent(teamId)}/members/${encodeURIComponent(member.userId)}/new-hire`;
  const response = await fetch(url, { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ newHire: box.checked }) });
  if (response.ok) {
    result.className = "ok";
    result.textContent = box.checked ? `${member.name} is marked as a new hire.` : `${member.name} is no longer marked as a new hire.`;
  } else {
    box.checked = !box.checked;
    result.className = "errors";
    result.textContent = response.status === 409 ? `${member.name}'s settings changed at the same moment; try again.` : `Not saved (${response.status}).`;
  }
}

async function loadPeople(teamId) {
  const select = $("person-select");
  select.replaceChildren(el("option", { value: "" }, "— choose a person —"));
  const people = await getJson(`/dashboard/api/teams/${encodeURIComponent(teamId)}/people`);
  for (const p of people) select.append(el("option", { value: p.userId }, p.name));
  $("person-choice").hidden = false;
}

// The studio's person on this machine (local mode), with their team: null when nobody gave the studio a name here.
async function studioPerson() {
  const response = await fetch("/studio/api/me", { headers: { Accept: "application/json" } });
  const me = response.ok ? await response.json() : null;
  if (!me || !me.known) return null;
  const team = await fetch("/studio/api/team", { headers: { Accept: "application/json" } });
  const body = team.ok ? await team.json() : null;
  return { userId: me.userId, name: me.name, teamId: body && body.team ? body.team.teamId : null };
}

// The viewer's own team, whose shared clips their own page plays.
let viewerTeam = null;

async function start() {
  try {
    const viewer = await getJson("/dashboard/api/viewer");
    // On this machine the studio knows who is practising: their own trend comes first, and their team.
    const studio = viewer.isLocal ? await studioPerson() : null;
    const me = viewer.userId || (studio && studio.userId);
    viewerTeam = viewer.teamId || (studio && studio.teamId);
    $("viewer").textContent = viewer.isLocal
      ? (studio ? `${studio.name} · local mode: this machine's people and teams.` : "Local mode: you are this machine's manager.")
      : `Signed in as ${viewer.displayName}`;
    $("signout").hidden = viewer.isLocal;
    const select = $("team-select");
    for (const t of viewer.teams) select.append(el("option", { value: t.teamId }, t.name));
    $("kpi-form").addEventListener("submit", (e) => importKpis(e).catch((err) => setStatus(err.message)));
    if (me) {
      $("my-trend").hidden = false;
      $("my-trend").addEventListener("click", () => showPerson(me).catch((err) => setStatus(err.message)));
    }
    if (studio && studio.teamId && viewer.teams.some((t) => t.teamId === studio.teamId)) select.value = studio.teamId;
    if (viewer.teams.length > 0) {
      $("team-choice").hidden = false;
      const openTeam = (teamId) => showTeam(teamId).then(() => loadMembers(teamId)).then(() => loadRecords(teamId))
        .then(() => loadPeerCoaching(teamId))
        .then(() => viewer.isLocal && loadPeople(teamId));
      select.addEventListener("change", () => openTeam(select.value).catch((err) => setStatus(err.message)));
      $("person-select").addEventListener("change", (e) => e.target.value
        ? showPerson(e.target.value).catch((err) => setStatus(err.message))
        : showTeam(select.value).catch((err) => setStatus(err.message)));
      $("show-team").hidden = false;
      $("show-team").addEventListener("click", () => openTeam(select.value).catch((err) => setStatus(err.message)));
      if (me) {
        await showPerson(me);
      } else {
        await openTeam(select.value);
        setStatus("");
      }
    } else if (me) {
      await showPerson(me);
    } else {
      setStatus(viewer.isLocal
        ? "Nobody has practised here yet. Open the practice studio to start; create or join a team on its Team page."
        : "No team has been set up yet. Set one up in a channel with “team standup 09:15”, then practise.");
    }
    // The first view is drawn: what the render benchmark and the browser tests wait for.
    performance.mark("dashboard-ready");
    document.body.dataset.ready = "true";
  } catch (err) {
    setStatus(`The dashboard could not load: ${err.message}`);
  }
}

start();
