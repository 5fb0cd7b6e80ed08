// Validates xAPI 1.0.x statements with Learning Locker's validator (@learninglocker/xapi-validation, the one its LRS
// runs). Reads a JSON array of statements on stdin and prints a JSON array of { "index": n, "errors": ["verb.id: ..."] },
// errors empty when the statement is valid. Exits 0 whatever it found; nonzero only when it could not run (input not a
// JSON array, package missing). The package knows statement versions 1.0.x only (a "version": "2.0.0" is reported), and
// its IRI check asks for a scheme and nothing more (its older, complete IRI pattern hung on percent-encoded IRIs).
// Usage: node xapi-validate.mjs < statements.json
import { createRequire } from "node:module";

// The package is CommonJS with its validator as the "default" export.
const validate = createRequire(import.meta.url)("@learninglocker/xapi-validation").default;

const show = (value) => {
  const text = value === undefined ? "undefined" : JSON.stringify(value);
  return text.length > 120 ? text.slice(0, 117) + "..." : text;
};

// Warning fields that only serve the stack trace or are shown already.
const plumbing = new Set(["data", "path", "message", "name", "stack", "warnings", "typeName", "type"]);

// The warnings a publisher most likely meets, in words.
const phrases = {
  RestrictedKeysWarning: (w) => `unknown properties ${w.keys.join(", ")}`,
  IfiCountWarning: (w) => `exactly one inverse functional identifier is allowed, found ${w.usedIfis.join(", ")}`,
  NoIfiWarning: () => "no inverse functional identifier (mbox, mbox_sha1sum, openid or account)",
  VoidWarning: (w) => `the verb ${w.voidVerbId} needs a StatementRef object`,
};

// The validator's type names that need a word more.
const typeNames = { Scaled: "scaled score (a number from -1 to 1)" };

// One readable line per warning; warnings that wrap others (rulr's composite rules) are flattened.
const describe = (warning) => {
  if (Array.isArray(warning.warnings) && warning.warnings.length > 0) {
    return warning.warnings.flatMap(describe);
  }

  // Paths start at the statement ("statement.verb.id"): the caller names the statement, so "verb.id" is enough.
  const where = (warning.path || []).slice(1).join(".") || "statement";
  const kind = warning.constructor?.name || warning.name || "Warning";
  if (kind === "RequiredWarning") {
    return [`${where}: is required`];
  }

  const named = warning.typeName ?? (typeof warning.type === "function" ? warning.type.name : warning.type);
  const type = typeNames[named] ?? named;
  if (type !== undefined) {
    return [`${where}: ${show(warning.data)} is not a valid ${type}`];
  }

  if (kind in phrases) {
    return [`${where}: ${phrases[kind](warning)}`];
  }

  // The rest by name ("RawMoreThanMaxWarning" -> "raw more than max") with the fields the warning carries.
  const words = kind.replace(/Warning$/, "").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  const details = Object.keys(warning).filter((k) => !plumbing.has(k)).map((k) => `${k}=${show(warning[k])}`);
  return [`${where}: ${words}${details.length ? " (" + details.join(", ") + ")" : ""} in ${show(warning.data)}`];
};

const chunks = [];
for await (const chunk of process.stdin) {
  chunks.push(chunk);
}

const statements = JSON.parse(Buffer.concat(chunks).toString("utf8"));
if (!Array.isArray(statements)) {
  throw new TypeError("stdin must hold a JSON array of statements");
}

const report = statements.map((statement, index) => ({ index, errors: validate(statement).flatMap(describe) }));
process.stdout.write(JSON.stringify(report) + "\n");
