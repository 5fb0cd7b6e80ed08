// The studio's Clips page: record a phrase in one's own voice with MediaRecorder (stopped at the limit, with a
// countdown), choose who may hear it with explicit consent, attach it to a library phrase or a line of a finished
// practice, save it, and list or remove one's own clips. The audio is sent as the request body; the bot sniffs its type.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const CONSENT = {
    team: "I agree that my team may hear this recording of my voice until I remove it, or until the team's retention period ends and it is deleted.",
    managers: "I agree that my team's managers, and only they, may hear this recording of my voice until I remove it, or until the team's retention period ends and it is deleted.",
  };
  let maxSeconds = 30;
  let recorder = null;
  let recording = null; // the Blob of the last recording, not saved yet
  let timer = null;
  let wired = false;

  async function send(method, path, body, type) {
    const headers = { "Accept": "application/json", "X-RolePlay-Studio": "1" };
    if (type) headers["Content-Type"] = type;
    let response;
    try {
      response = await fetch(path, { method, headers, body, credentials: "same-origin" });
    } catch {
      return { ok: false, problem: "The bot cannot be reached. Your recording is still here: try again in a moment." };
    }
    const data = (response.headers.get("Content-Type") || "").includes("json") ? await response.json() : null;
    return response.ok ? { ok: true, data } : { ok: false, status: response.status, problem: (data && (data.detail || data.title)) || `The bot answered ${response.status}.` };
  }

  function audience() { return document.querySelector("input[name=clip-audience]:checked").value; }

  function ready() {
    $("clip-save").disabled = !(recording && $("clip-consent").checked && $("clip-subject").value);
  }

  async function load() {
    wire();
    const result = await window.StudioApi.get("/studio/api/clips");
    if (!result.ok) {
      window.StudioApi.show($("clip-error"), result.problem);
      return;
    }
    maxSeconds = result.data.maxSeconds;
    $("clip-max").textContent = String(maxSeconds);
    showChoices(result.data.choices);
    showOwn(result.data.clips);
    const team = result.data.team;
    $("clip-retention").hidden = !(team && team.isManager);
    if (team) $("retention-days").value = String(team.retentionDays);
    ready();
  }

  function showChoices(choices) {
    const select = $("clip-subject");
    const chosen = select.value;
    select.replaceChildren();
    const groups = [["phrase", "Your team's phrase library"], ["moment", "Your lines in recent practices"]];
    for (const [kind, label] of groups) {
      const items = choices.filter((c) => c.kind === kind);
      if (!items.length) continue;
      const group = document.createElement("optgroup");
      group.label = label;
      for (const c of items) {
        const option = document.createElement("option");
        option.value = `${c.kind}:${c.id}`;
        option.textContent = c.text.length > 90 ? `${c.text.slice(0, 89)}…` : c.text;
        group.append(option);
      }
      select.append(group);
    }
    if (chosen && [...select.options].some((o) => o.value === chosen)) select.value = chosen;
    $("clip-no-subject").hidden = choices.length > 0;
    $("clip-record").disabled = choices.length === 0;
  }

  function showOwn(clips) {
    const list = $("clips-own");
    list.replaceChildren();
    if (!clips.length) {
      const none = document.createElement("li");
      none.textContent = "No clips yet.";
      list.append(none);
    }
    for (const clip of clips) {
      const item = document.createElement("li");
      item.dataset.clip = clip.clipId;
      const quote = document.createElement("q");
      quote.textContent = clip.transcript;
      const audio = document.createElement("audio");
      audio.controls = true;
      audio.preload = "none";
      audio.src = clip.audio;
      audio.setAttribute("aria-label", `Your clip: ${clip.transcript}`);
      const facts = document.createElement("p");
      facts.className = "hint";
      const length = clip.seconds === null ? "" : `${clip.seconds.toFixed(1)} s · `;
      facts.textContent = `${length}${clip.audience === "team" ? "your team may hear it" : "only your team's managers may hear it"} · ${new Date(clip.createdUtc).toLocaleString()}`;
      const remove = document.createElement("button");
      remove.type = "button";
      remove.className = "quiet";
      remove.textContent = "Remove";
      remove.setAttribute("aria-label", `Remove the clip: ${clip.transcript}`);
      remove.addEventListener("click", async () => {
        const result = await send("DELETE", `/studio/api/clips/${encodeURIComponent(clip.teamId)}/${encodeURIComponent(clip.clipId)}`);
        if (!result.ok) {
          window.StudioApi.show($("clip-error"), result.problem);
          return;
        }
        $("clip-done").textContent = "The clip is removed.";
        await load();
      });
      item.append(quote, audio, facts, remove);
      list.append(item);
    }
  }

  async function record() {
    window.StudioApi.show($("clip-error"), "");
    $("clip-done").textContent = "";
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      window.StudioApi.show($("clip-error"), "The browser gave no microphone. Allow it for this page and press Record again.");
      return;
    }
    const type = MediaRecorder.isTypeSupported("audio/webm;codecs=opus") ? "audio/webm;codecs=opus" : "";
    recorder = new MediaRecorder(stream, type ? { mimeType: type, audioBitsPerSecond: 64000 } : { audioBitsPerSecond: 64000 });
    const chunks = [];
    recorder.addEventListener("dataavailable", (e) => { if (e.data.size) chunks.push(e.data); });
    recorder.addEventListener("stop", () => {
      stream.getTracks().forEach((t) => t.stop());
      clearInterval(timer);
      recording = new Blob(chunks, { type: recorder.mimeType || "audio/webm" });
      const preview = $("clip-preview");
      if (preview.src) URL.revokeObjectURL(preview.src);
      preview.src = URL.createObjectURL(recording);
      preview.hidden = false;
      $("clip-countdown").textContent = "Recorded. Listen back, then save it or record again.";
      $("clip-record").disabled = false;
      $("clip-stop").disabled = true;
      $("clip-record").focus();
      ready();
    });
    const started = Date.now();
    recorder.start();
    $("clip-record").disabled = true;
    $("clip-stop").disabled = false;
    $("clip-stop").focus();
    const tick = () => {
      const left = Math.max(0, maxSeconds - Math.floor((Date.now() - started) / 1000));
      $("clip-countdown").textContent = `Recording: ${left} s left`;
      if (left === 0 && recorder.state === "recording") recorder.stop();
    };
    tick();
    timer = setInterval(tick, 250);
  }

  async function save(event) {
    event.preventDefault();
    if (!recording || !$("clip-consent").checked) {
      window.StudioApi.show($("clip-error"), "Record a clip and agree to who may hear it first.");
      return;
    }
    const [kind, ...rest] = $("clip-subject").value.split(":");
    const query = new URLSearchParams({ kind, id: rest.join(":"), audience: audience(), consent: "true" });
    $("clip-save").disabled = true;
    const result = await send("POST", `/studio/api/clips?${query}`, recording, recording.type || "application/octet-stream");
    if (!result.ok) {
      window.StudioApi.show($("clip-error"), result.problem);
      ready();
      return;
    }
    recording = null;
    $("clip-preview").hidden = true;
    $("clip-consent").checked = false;
    $("clip-countdown").textContent = "";
    $("clip-done").textContent = "Saved. It appears on the dashboard for the people you chose.";
    await load();
  }

  function wire() {
    if (wired) return;
    wired = true;
    $("clip-record").addEventListener("click", () => record());
    $("clip-stop").addEventListener("click", () => { if (recorder && recorder.state === "recording") recorder.stop(); });
    $("clip-form").addEventListener("submit", save);
    $("clip-retention").addEventListener("submit", async (event) => {
      event.preventDefault();
      $("retention-done").textContent = "";
      const result = await window.StudioApi.put("/studio/api/team/clips", { days: Number($("retention-days").value) });
      window.StudioApi.show($("retention-error"), result.ok ? "" : result.problem);
      if (result.ok) $("retention-done").textContent = `Saved: clips are kept for ${result.data.retentionDays} days.`;
    });
    $("clip-consent").addEventListener("change", ready);
    $("clip-subject").addEventListener("change", ready);
    for (const radio of document.querySelectorAll("input[name=clip-audience]")) {
      radio.addEventListener("change", () => {
        // Consent is to one audience: changing it asks again.
        $("clip-consent-text").textContent = CONSENT[audience()];
        $("clip-consent").checked = false;
        ready();
      });
    }
  }

  window.StudioClips = { load: () => load().catch((err) => window.StudioApi.show($("clip-error"), err.message)) };
})();
