// Loads a Functions app entry point the way the Azure Functions Node.js worker does, with a fake
// `@azure/functions-core`, and reports what the app registered:
//
//   node scripts/fakeFunctionsCore.cjs <entry.js> <report.json> [--files] [--invoke <http function>]
//                                      [--plan <plan.json>]
//
// The real worker provides `@azure/functions-core` by wrapping Module.prototype.require (it is not
// an npm package); `@azure/functions` 4.x requires it lazily and, when it is missing, drops into
// "test mode" and registers nothing. This fake wraps require the same way and records
// setProgrammingModel, registerFunction, registerHook and log calls. An ES module entry (`.mjs`, or
// `"type": "module"` in the package.json beside it) is loaded with `import()`, as the worker does,
// anything else with `require`. The report (JSON) holds
// `requireMs` (wall time of the load), `cpuMs`, `programmingModel`, `functions`
// (metadata as the worker would receive it), `hooks`, `logs`, `activeResources` (what keeps the
// process alive right after loading) and, with --files, every file in require.cache with its size.
// The process is left to exit by itself: an app that starts a server or a timer at import hangs it.
// With --invoke, the named function is then called once, as the worker would on a cold instance's
// first invocation: an HTTP function with an empty POST (for Moments' bot endpoint: a 400 once the
// whole runtime is built), a timer with a timer that is not past due; `readyMs` and `readyCpuMs`
// cover the load and that first invocation, and `invokeStatus` is its answer (a timer's: 'done'). The process then exits, whatever the app left running.
// With --plan, the functions are invoked one after the other as the plan's steps say
// ({ function, request?: { method, url, headers, body } } — a timer when there is no request),
// with @azure/functions' own HttpRequest and InvocationContext; `steps` in the report holds each
// answer, the lines it logged and `globalThis.__loadedModules` after it (a build can mark modules).
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS script, run by node */
/* global setImmediate, Headers, URLSearchParams */
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');

const [entryArg, reportArg, ...flags] = process.argv.slice(2);
const invokeAt = flags.indexOf('--invoke');
const invokeName = invokeAt >= 0 ? flags[invokeAt + 1] : undefined;
const planAt = flags.indexOf('--plan');
const planPath = planAt >= 0 ? flags[planAt + 1] : undefined;
if (!entryArg || !reportArg) {
  console.error('Usage: node scripts/fakeFunctionsCore.cjs <entry.js> <report.json> [--files]');
  process.exit(2);
}
const entry = path.resolve(entryArg);
const reportPath = path.resolve(reportArg);

const report = { entry, programmingModel: undefined, functions: [], hooks: [], logs: [] };
/** The registered handlers by function name, for --invoke. */
const handlers = new Map();
/** The registered functions' trigger types by name ('httpTrigger', 'timerTrigger', …). */
const triggerTypes = new Map();

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
    handlers.set(metadata.name, callback);
    const trigger = Object.values(metadata.bindings ?? {}).find((binding) => binding.direction === 'in');
    triggerTypes.set(metadata.name, trigger?.type);
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

/** Whether Node loads `file` as an ES module: `.mjs`, or `.js` under a package of type module. */
function isEsModule(file) {
  if (file.endsWith('.mjs')) return true;
  if (!file.endsWith('.js')) return false;
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) return JSON.parse(fs.readFileSync(pkg, 'utf8')).type === 'module';
    if (path.dirname(dir) === dir) return false;
  }
}

const cpu = process.cpuUsage();
const start = process.hrtime.bigint();

/** Loads the entry as the worker does; the load's wall and CPU time go into the report. */
async function loadEntry() {
  if (isEsModule(entry)) await import(require('node:url').pathToFileURL(entry).href);
  else require(entry);
  report.requireMs = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  report.cpuMs = (used.user + used.system) / 1000;
}

const writeReport = () => {
  report.activeResources = process.getActiveResourcesInfo();
  if (flags.includes('--files')) {
    report.files = Object.keys(require.cache)
      .filter((file) => path.isAbsolute(file) && fs.existsSync(file))
      .map((file) => ({ path: file, bytes: fs.statSync(file).size }));
  }
  fs.writeFileSync(reportPath, JSON.stringify(report, null, 2));
};

/**
 * The first invocation of a cold instance, with a context whose log goes nowhere: an HTTP
 * function gets an empty POST, a timer a timer that is not past due.
 */
async function invokeOnce(name) {
  const handler = handlers.get(name);
  if (!handler) throw new Error(`no function named ${name} was registered`);
  const quiet = () => undefined;
  const context = { invocationId: 'cold-start', functionName: name, log: quiet, trace: quiet, debug: quiet };
  Object.assign(context, { info: quiet, warn: quiet, error: quiet });
  if (triggerTypes.get(name) === 'timerTrigger') {
    try {
      await handler({ isPastDue: false, schedule: { adjustForDST: false } }, context);
      return 'done';
    } catch (error) {
      return `threw: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  const request = {
    method: 'POST',
    url: `http://127.0.0.1/api/${name}`,
    headers: new Headers({ 'content-length': '0' }),
    query: new URLSearchParams(),
    params: {},
    body: null,
  };
  try {
    const response = await handler(request, context);
    return response?.status ?? 200;
  } catch (error) {
    return `threw: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Runs the plan's steps in order (see the header). */
async function runPlan(steps) {
  // The project's copy, resolved from here: its classes are what the worker would pass.
  const { HttpRequest, InvocationContext } = require('@azure/functions');
  report.steps = [];
  for (const [i, step] of steps.entries()) {
    const handler = handlers.get(step.function);
    if (!handler) throw new Error(`no function named ${step.function} was registered`);
    const logs = [];
    const context = new InvocationContext({
      invocationId: `plan-${i}`,
      functionName: step.function,
      logHandler: (level, ...args) => logs.push({ level, line: args.map(String).join(' ') }),
    });
    const input = step.request
      ? new HttpRequest({
          method: step.request.method ?? 'POST',
          url: step.request.url,
          headers: step.request.headers ?? {},
          ...(step.request.body !== undefined ? { body: { string: step.request.body } } : {}),
        })
      : { isPastDue: false, schedule: { adjustForDST: false }, scheduleStatus: undefined };
    const result = { function: step.function, logs };
    try {
      const response = await handler(input, context);
      if (response)
        result.response = { status: response.status ?? 200, body: response.jsonBody ?? response.body };
    } catch (error) {
      result.error = error instanceof Error ? error.stack : String(error);
    }
    result.loadedModules = [...(globalThis.__loadedModules ?? [])];
    report.steps.push(result);
  }
}

async function main() {
  await loadEntry();
  if (planPath) await runPlanAndExit();
  else if (invokeName) await invokeAndExit();
  else setImmediate(writeReport);
}

function runPlanAndExit() {
  return runPlan(JSON.parse(fs.readFileSync(planPath, 'utf8'))).then(
    () => {
      writeReport();
      process.exit(0);
    },
    (error) => {
      report.planError = String(error);
      writeReport();
      process.exit(1);
    },
  );
}

function invokeAndExit() {
  return invokeOnce(invokeName).then((status) => {
    report.readyMs = Number(process.hrtime.bigint() - start) / 1e6;
    const total = process.cpuUsage(cpu);
    report.readyCpuMs = (total.user + total.system) / 1000;
    report.invokeStatus = status;
    writeReport();
    process.exit(0);
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
