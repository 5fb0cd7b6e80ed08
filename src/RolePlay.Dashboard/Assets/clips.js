// Voice clips on the dashboard: a player beside each landed phrase that has a clip, "read aloud" (the browser's speech
// synthesis, marked as a synthetic voice) beside those without, and "hear the week": the team's clips of the last seven
// days. The list comes from the server already cut to what this viewer may hear. Text is set with textContent only.
"use strict";

const clipKey = (text) => text.normalize("NFKC").toLowerCase().replace(/[“”"'‘’.!?,]/g, "").replace(/\s+/g, " ").trim();

async function loadClips(teamId) {
  if (!teamId) return [];
  const response = await fetch(`/dashboard/api/teams/${encodeURIComponent(teamId)}/clips`, { headers: { Accept: "application/json" } });
  return response.ok ? response.json() : [];
}

// A native player (keyboard and screen reader support come with it), named by its phrase, with the transcript line.
function clipPlayer(clip) {
  const box = document.createElement("div");
  box.className = "clip";
  box.dataset.clip = clip.clipId;
  const audio = document.createElement("audio");
  audio.controls = true;
  audio.preload = "none";
  audio.src = clip.audio;
  audio.setAttribute("aria-label", `Voice clip: ${clip.transcript}`);
  const line = document.createElement("p");
  line.className = "transcript";
  // MediaRecorder's WebM states no length, so the player cannot show one: the length the bot measured is shown instead.
  line.textContent = `Transcript: “${clip.transcript}”${clip.seconds === null ? "" : ` · ${clip.seconds.toFixed(1)} s`}`;
  box.append(audio, line);
  if (clip.audience === "managers") {
    const badge = document.createElement("span");
    badge.className = "badge";
    badge.textContent = "managers only";
    line.append(" ", badge);
  }
  return box;
}

function readAloudButton(text) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "read-aloud";
  button.textContent = "Read aloud (synthetic voice)";
  button.setAttribute("aria-label", `Read aloud in a synthetic voice: ${text}`);
  button.addEventListener("click", () => {
    speechSynthesis.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = document.documentElement.lang || "en";
    speechSynthesis.speak(utterance);
  });
  return button;
}

// The clip saying this phrase: one whose transcript is the phrase, else one whose line contains it (a landed phrase
// is often one sentence of the line a clip was recorded for).
function clipFor(phrase, clips) {
  const key = clipKey(phrase);
  if (!key) return null;
  return clips.find((c) => clipKey(c.transcript) === key) || clips.find((c) => clipKey(c.transcript).includes(key)) || null;
}

// Beside each skill's trend: a landed phrase with a clip gets its player; one without, "read aloud".
function decorateLanded(container, clips) {
  for (const item of container.querySelectorAll(".phrases li")) {
    const quote = item.querySelector("q");
    if (!quote) continue;
    const clip = clipFor(quote.textContent, clips);
    item.append(clip ? clipPlayer(clip) : ("speechSynthesis" in window ? readAloudButton(quote.textContent) : ""));
  }
}

function hearTheWeek(section, clips) {
  const list = section.querySelector("ul");
  list.replaceChildren();
  const weekAgo = Date.now() - 7 * 24 * 3600 * 1000;
  const week = clips.filter((c) => Date.parse(c.createdUtc) >= weekAgo);
  section.hidden = false;
  if (week.length === 0) {
    const none = document.createElement("li");
    none.textContent = "No clips shared this week. Record one in the studio's Clips page.";
    list.append(none);
    return;
  }
  for (const clip of week) list.appendChild(document.createElement("li")).append(clipPlayer(clip));
}

async function showClips(teamId, skills, strip) {
  const clips = await loadClips(teamId);
  decorateLanded(skills, clips);
  if (teamId) hearTheWeek(strip, clips);
  return clips;
}
