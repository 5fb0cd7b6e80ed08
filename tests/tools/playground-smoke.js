// A whole practice through Microsoft's Agents Playground, as its UI would do it: messages, Action.Submit, and an
// Action.Execute invoke. Prints each step and fails (exit 1) when the bot's answer is missing.
// Needs a fresh bot database (a live practice would take the messages as turns).
// Usage: node --experimental-websocket playground-smoke.js <playground port>
const base = `http://127.0.0.1:${process.argv[2]}`;
const wait = (ms) => new Promise((r) => setTimeout(r, ms));
const post = (path, body) => fetch(base + path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
(async () => {
  const config = (await (await fetch(`${base}/_internal/v1/config`)).json()).config;
  const conversation = { id: config.personalChat.id };
  const from = { id: config.currentUser.id };
  const events = [];
  const ws = new WebSocket(`ws://127.0.0.1:${process.argv[2]}/_ws_conversation/v1/conversations/stream`);
  ws.onmessage = (m) => events.push(JSON.parse(m.data));
  await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = reject; });

  const texts = () => events.filter((e) => e.action === "createMessage" && e.message.text).map((e) => e.message.text);
  const cardWith = (verb) => events.filter((e) => e.action === "createMessage").reverse()
    .map((e) => ({ id: e.message.messageId, card: (e.message.attachments || []).map((a) => a.content).find((c) => c && (c.actions || []).some((x) => x.verb === verb)) }))
    .find((x) => x.card);
  const dataOf = (card, verb) => card.actions.find((x) => x.verb === verb).data;
  const expect = async (what, probe) => {
    for (let i = 0; i < 100; i++) { const v = probe(); if (v) { console.log(`ok   ${what}`); return v; } await wait(50); }
    console.log(`FAIL ${what}`); console.log(JSON.stringify(events.map((e) => e.action + " " + (e.message?.text || "")), null, 1)); process.exit(1);
  };
  const say = (text) => post(`/_conversation/v1/conversations/${conversation.id}/messages`, { from, text, textFormat: "plain" });

  // Install in the personal scope: the welcome card asks for consent.
  const template = await (await fetch(`${base}/_internal/v1/customActivities/template?conversationId=${conversation.id}&type=install`)).json();
  await post("/_internal/v1/customActivities", template);
  await expect("install answers with the welcome card asking consent", () => cardWith("consent.opt_in"));
  await say("help");
  await expect("help answers with the command list", () => texts().find((t) => t.startsWith("Here's what I can do")));
  await say("start late-delivery-birthday");
  await expect("start opens the scene (coach intro)", () => texts().find((t) => t.startsWith("Coach: Practice:")));
  await expect("scene controls card", () => cardWith("practice.end"));
  await say("I'm so sorry, that sounds stressful with the birthday tomorrow. What happened with the order?");
  await expect("the customer answers", () => texts().filter((t) => t.startsWith("Jake:")).length >= 2);
  await say("/end");
  const feelings = await expect("debrief feelings card", () => cardWith("debrief.feelings"));
  const submit = await post("/_conversation/v1/submit", { conversation, from, replyToId: feelings.id,
    value: { ...dataOf(feelings.card, "debrief.feelings"), feeling_rating: "4", feeling_words: "tense" } });
  console.log(`     Action.Submit -> ${submit.status}`);
  await expect("feelings card replaced in place (updateMessage)", () => events.find((e) => e.action === "updateMessage"));
  const commit = await expect("commitment card", () => cardWith("debrief.commit"));
  const invoke = await post("/_conversation/v1/invoke", { name: "adaptiveCard/action", conversation, from, replyToId: commit.id,
    value: { action: { type: "Action.Execute", verb: "debrief.commit", data: { ...dataOf(commit.card, "debrief.commit"), commitment: "Name the feeling first" } }, trigger: "manual" } });
  const body = await invoke.text();
  console.log(`     Action.Execute invoke -> ${invoke.status} ${body.slice(0, 200)}`);
  if (!body.includes("application/vnd.microsoft.card.adaptive") || !body.includes("Your commitment")) { console.log("FAIL invoke answer"); process.exit(1); }
  console.log("ok   invoke answered with the replacement card");
  await expect("commitment confirmed", () => texts().find((t) => t.startsWith("Committed:")));
  ws.close();
})().catch((e) => { console.error(e); process.exit(1); });
