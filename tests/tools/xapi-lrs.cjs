// Learning Locker's own LRS statements service (npm xapi-statements) for the xAPI publisher's contract tests: in
// memory (no MongoDB, Redis or S3), fake auth (any Authorization is its built-in test client), on 127.0.0.1 only.
// Usage: node xapi-lrs.cjs <data dir>   Prints "LRS_READY http://127.0.0.1:<port>/xAPI/" once it listens.
"use strict";
const net = require("node:net");
const path = require("node:path");
const fs = require("node:fs");

const data = process.argv[2];
if (!data) {
  throw new Error("usage: node xapi-lrs.cjs <data dir>");
}

fs.mkdirSync(data, { recursive: true });
Object.assign(process.env, {
  EXPRESS_PORT: "0",
  MODELS_REPO: "memory",
  AUTH_REPO: "test",
  EVENTS_REPO: "test",
  STORAGE_REPO: "local", // attachments on disk: there is no in-memory attachment store
  FS_LOCAL_STORAGE_DIR: path.join(data, "storage"),
  EXPRESS_MORGAN_DIRECTORY: path.join(data, "accessLogs"),
  WINSTON_CLOUDWATCH_ENABLED: "false",
  WINSTON_CONSOLE_LEVEL: "error",
  SERVICE_AWAIT_UPDATES: "true", // a voiding statement has voided its target when its POST returns
  NEW_RELIC_ENABLED: "false",
  NEW_RELIC_NO_CONFIG_FILE: "true",
});

// The service listens on every interface (app.listen(port)); nothing here may be reached from outside the machine.
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (/^\d+$/.test(String(args[0]))) {
    const done = args.find((a) => typeof a === "function");
    const server = this;
    return listen.call(this, Number(args[0]), "127.0.0.1", function () {
      console.log(`LRS_READY http://127.0.0.1:${server.address().port}/xAPI/`);
      if (done) done.apply(this, arguments);
    });
  }

  return listen.apply(this, args);
};

process.chdir(data); // its dotenv reads ./.env from the working directory: there is none here
require("xapi-statements");
