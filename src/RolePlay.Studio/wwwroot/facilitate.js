// The facilitator view: live studio practices of this tenant, and the three mid-scene nudges Core offers.
"use strict";
(function () {
  const api = window.StudioApi;
  const $ = (id) => document.getElementById(id);

  async function loadCues() {
    const result = await api.get("/studio/api/facilitate/cues");
    if (!result.ok) return;
    for (const cue of result.data) {
      const option = document.createElement("option");
      option.value = cue.id;
      option.textContent = cue.text;
      $("cue-pick").append(option);
    }
  }

  async function refresh() {
    const result = await api.get("/studio/api/facilitate/live");
    if (!result.ok) {
      api.show($("nudge-error"), result.problem);
      return;
    }
    const chosen = selected();
    const list = $("live");
    list.replaceChildren(...result.data.map((p, i) => {
      const li = document.createElement("li");
      const label = document.createElement("label");
      const radio = document.createElement("input");
      Object.assign(radio, { type: "radio", name: "learner", value: p.learner, id: `learner-${i}` });
      radio.checked = p.learner === chosen || (!chosen && i === 0);
      const state = p.paused ? ", paused" : "";
      label.append(radio, ` ${p.name} — ${p.scenario} with ${p.customer}, turn ${p.turn}${state}`);
      li.append(label);
      return li;
    }));
    $("live-set").hidden = result.data.length === 0;
    $("live-empty").hidden = result.data.length !== 0;
  }

  function selected() {
    const checked = document.querySelector("input[name=learner]:checked");
    return checked ? checked.value : null;
  }

  $("cue-pick").addEventListener("change", () => {
    const option = $("cue-pick").selectedOptions[0];
    if (option && option.value) $("nudge-text").value = option.textContent;
  });

  // The cue cards are for cue nudges only; an outage or a new goal is written in the facilitator's own words.
  for (const kind of document.querySelectorAll("input[name=kind]")) {
    kind.addEventListener("change", () => {
      $("cue-choice").hidden = kind.value !== "cue";
    });
  }

  $("refresh").addEventListener("click", refresh);

  $("nudge-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const learner = selected();
    if (!learner) {
      api.show($("nudge-error"), "Choose a live practice first (Refresh the list if it is empty).");
      return;
    }
    const kind = document.querySelector("input[name=kind]:checked").value;
    const pick = $("cue-pick").value;
    const text = kind === "cue" && pick && $("nudge-text").value === $("cue-pick").selectedOptions[0].textContent
      ? pick : $("nudge-text").value;
    const result = await api.post("/studio/api/facilitate/nudge", { learner, kind, text });
    if (!result.ok) {
      api.show($("nudge-error"), result.problem);
      $("nudge-status").textContent = "";
      return;
    }
    api.show($("nudge-error"), "");
    $("nudge-status").textContent = "Sent: it is in their chat now.";
    $("nudge-text").value = "";
    refresh();
  });

  loadCues();
  refresh();
})();
