// Loads a Functions app entry point the way the Azure Functions Node.js worker does, with a fake
// `@azure/functions-core`, and reports what the app registered:
//
//   node scripts/fakeFunctionsCore.cjs <entry.js> <report.json> [--files]
//
// The real worker provides `@azure/functions-core` by wrapping Module.prototype.require (it is not
// an npm package); `@azure/functions` 4.x requires it lazily and, when it is missing, drops into
// "test mode" and registers nothing. This fake wraps require the same way and records
// setProgrammingModel, registerFunction, registerHook and log calls. The report (JSON) holds
// `requireMs` (wall time of the require), `cpuMs`, `programmingModel`, `functions`
// (metadata as the worker would receive it), `hooks`, `logs`, `activeResources` (what keeps the
// process alive right after loading) and, with --files, every file in require.cache with its size.
// The process is left to exit by itself: an app that starts a server or a timer at import hangs it.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS script, run by node */
/* global setImmediate */
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');

const [entryArg, reportArg, ...flags] = process.argv.slice(2);
if (!entryArg || !reportArg) {
  console.error('Usage: node scripts/fakeFunctionsCore.cjs <entry.js> <report.json> [--files]');
  process.exit(2);
}
const entry = path.resolve(entryArg);
const reportPath = path.resolve(reportArg);

const report = { entry, programmingModel: undefined, functions: [], hooks: [], logs: [] };

class Disposable {
  constructor(callback) {
    this.callback = callback;
  }
  dispose() {
    this.callback?.();
  }
}

const coreApi = {
  version: '0.0.0-fake',
  hostVersion: '4.0.0-fake',
  Disposable,
  setProgrammingModel(model) {
    report.programmingModel = { name: model?.name, version: model?.version };
  },
  getProgrammingModel() {
    return undefined;
  },
  registerFunction(metadata, callback) {
    report.functions.push({ ...JSON.parse(JSON.stringify(metadata)), callbackType: typeof callback });
    return new Disposable();
  },
  registerHook(hookName, callback) {
    report.hooks.push({ hookName, callbackType: typeof callback });
    return new Disposable();
  },
  log(level, category, message) {
    report.logs.push({ level, category, message: String(message) });
  },
};

Module.prototype.require = new Proxy(Module.prototype.require, {
  apply(target, thisArg, args) {
    return args[0] === '@azure/functions-core' ? coreApi : Reflect.apply(target, thisArg, args);
  },
});

const cpu = process.cpuUsage();
const start = process.hrtime.bigint();
require(entry);
report.requireMs = Number(process.hrtime.bigint() - start) / 1e6;
const used = process.cpuUsage(cpu);
report.cpuMs = (used.user + used.system) / 1000;

if (flags.includes('--files')) {
  report.files = Object.keys(require.cache)
    .filter((file) => path.isAbsolute(file) && fs.existsSync(file))
    .map((file) => ({ path: file, bytes: fs.statSync(file).size }));
}

setImmediate(() => {
  report.activeResources = process.getActiveResourcesInfo();
  fs.writeFileSync(reportPath, JSON.stringify(report, null, 2));
});
