// Parses Adaptive Card JSON files with Microsoft's own renderer (npm adaptivecards) and prints, per file, every
// parse and validation event as one JSON line. Usage: node validate-cards.js <node_modules dir> <card.json>...
"use strict";
const fs = require("fs");
const path = require("path");

const AC = require(path.join(process.argv[2], "adaptivecards", "dist", "adaptivecards.js"));

for (const file of process.argv.slice(3)) {
  const json = JSON.parse(fs.readFileSync(file, "utf8"));
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const card = new AC.AdaptiveCard();
  card.parse(json, context);
  const events = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    events.push({ phase: e.phase, event: e.event, message: e.message });
  }
  for (const e of card.validateProperties().validationEvents) {
    events.push({ phase: e.phase, event: e.event, message: e.message });
  }
  console.log(JSON.stringify({ file: path.basename(file), events }));
}
