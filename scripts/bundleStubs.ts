/**
 * What the Functions bundle leaves out, and the small modules it holds in their place
 * (scripts/build.ts). Moments uses two things of `@microsoft/teams-ai`, `Application` and
 * `TeamsAdapter`, with no AI planner and no sign-in; the package's entry loads all of it anyway
 * (models, planners, prompts, a GPT tokenizer, the OpenAI client, sign-in dialogs and, through
 * botbuilder-dialogs, the text recognisers): about half of the bundle, parsed on every cold start.
 *
 * Every stub that stands for code Moments never calls throws a message naming what was left out,
 * so a feature that starts to need it fails loudly in tests/build/bundleRun.test.ts, which runs
 * every trigger from the built bundle.
 */
import type { Plugin } from 'esbuild';

/** Throws, naming what is missing and where to bring it back. */
const leftOutError = (what: string) =>
  `new Error(${JSON.stringify(`${what} is left out of the Functions bundle (scripts/bundleStubs.ts)`)})`;

/** A module whose every export throws when used: for packages nothing Moments runs reaches. */
const throwingPackage = (name: string) => `
const fail = () => { throw ${leftOutError(name)}; };
module.exports = new Proxy({}, {
  get: (_target, key) => (key === '__esModule' ? undefined : typeof key === 'symbol' ? undefined : fail),
  ownKeys: () => [],
});
`;

export interface Stub {
  /** The import as written (`args.path` in esbuild). */
  filter: RegExp;
  /** Only imports from files matching this (the importer's absolute path); any importer without it. */
  importer?: RegExp;
  what: string;
  contents: string;
}

const TEAMS_AI_LIB = /[\\/]node_modules[\\/]@microsoft[\\/]teams-ai[\\/]lib[\\/]Application\.js$/;

export const stubs: readonly Stub[] = [
  {
    filter: /^@microsoft\/teams-ai$/,
    what: "teams-ai's entry, narrowed to Application and TeamsAdapter",
    // Getters: the messenger (TeamsAdapter) loads without the Application, so a timer run that
    // sends does not evaluate the bot's handlers' framework.
    contents: `
Object.defineProperty(exports, '__esModule', { value: true });
Object.defineProperty(exports, 'Application', {
  enumerable: true,
  get: () => require('@microsoft/teams-ai/lib/Application').Application,
});
Object.defineProperty(exports, 'TeamsAdapter', {
  enumerable: true,
  get: () => require('@microsoft/teams-ai/lib/TeamsAdapter').TeamsAdapter,
});
`,
  },
  {
    filter: /^\.\/AI$/,
    importer: TEAMS_AI_LIB,
    what: "teams-ai's AI module (planners, models, moderators)",
    contents: `exports.AI = class AI { constructor() { throw ${leftOutError("teams-ai's AI module")}; } };`,
  },
  {
    filter: /^\.\/authentication\/Authentication$/,
    importer: TEAMS_AI_LIB,
    what: "teams-ai's user sign-in",
    contents: `exports.AuthenticationManager = class AuthenticationManager {
  constructor() { throw ${leftOutError("teams-ai's user sign-in")}; }
};`,
  },
  {
    filter: /^\.\/authentication\/BotAuthenticationBase$/,
    importer: TEAMS_AI_LIB,
    what: "teams-ai's sign-in state (botbuilder-dialogs' OAuth prompts)",
    // Application asks on every turn whether the user is half-way through signing in; with no
    // authentication configured nobody ever is, but the answer is read from the state as teams-ai
    // reads it. The other helpers only run once sign-in is configured.
    contents: `
const fail = () => { throw ${leftOutError("teams-ai's sign-in")}; };
exports.userInSignInFlow = (state) =>
  typeof state.user.__InSignInFlow__ === 'string' ? state.user.__InSignInFlow__ : undefined;
exports.setSettingNameInContextActivityValue = fail;
exports.setTokenInState = fail;
exports.setUserInSignInFlow = fail;
exports.deleteUserInSignInFlow = fail;
`,
  },
  ...['openai', 'gpt-tokenizer', 'botbuilder-dialogs'].map((name) => ({
    filter: new RegExp(`^${name}(/|$)`),
    what: name,
    contents: throwingPackage(name),
  })),
  {
    filter: /^@microsoft\/recognizers-text/,
    what: 'the text recognisers (@microsoft/recognizers-text-*)',
    contents: throwingPackage('@microsoft/recognizers-text-*'),
  },
  {
    filter: /^botframework-streaming$/,
    what: 'botframework-streaming (Direct Line App Service Extension: named pipes, web sockets)',
    // botbuilder's CloudAdapter extends RequestHandler as it loads, for the streaming connections
    // of connectNamedPipe() and of a web socket upgrade, which a Functions HTTP trigger never opens.
    // It brings ws with it.
    contents: `
const fail = () => { throw ${leftOutError('botframework-streaming')}; };
class RequestHandler { constructor() { fail(); } }
module.exports = new Proxy({ RequestHandler }, {
  get: (target, key) =>
    key in target ? target[key] : key === '__esModule' || typeof key === 'symbol' ? undefined : fail,
  ownKeys: () => [],
});
`,
  },
  // Required at load by what Moments uses, called only by features it never uses:
  ...[
    // Cosmos DB's client-side encryption key resolver (no container is encrypted);
    '@azure/keyvault-keys',
    // the HTTP client of Bot Framework skills (a bot calling another bot: BotFrameworkClientImpl,
    // BotFrameworkHttpClient), with follow-redirects, form-data and its own proxy agents;
    'axios',
    // botbuilder's FileTranscriptStore (transcripts on a local disk);
    'fs-extra',
    // the browser that @azure/identity's interactive sign-in opens (never on a Function App);
    'open',
    // the card templates' xml() and xPath() functions (adaptive-expressions; no template uses them);
    'fast-xml-parser',
    'xpath',
    '@xmldom/xmldom',
    // botbuilder's SSML `speak` middleware (Moments sends no speech);
    'htmlparser2',
    // node-fetch's fallback for runtimes without a global URL (Node has had one since 10).
    'whatwg-url',
  ].map((name) => ({
    filter: new RegExp(`^${name.replace(/[/.]/g, '\\$&')}$`),
    what: name,
    contents: throwingPackage(name),
  })),
];

/** Resolves each stubbed import to its stub; everything else resolves as usual. */
export function stubPlugin(projectRoot: string, list: readonly Stub[] = stubs): Plugin {
  return {
    name: 'left-out-stubs',
    setup(b) {
      list.forEach((stub, index) => {
        b.onResolve({ filter: stub.filter }, (args) =>
          !stub.importer || stub.importer.test(args.importer)
            ? { path: `${index}:${args.path}`, namespace: 'left-out' }
            : undefined,
        );
      });
      b.onLoad({ filter: /.*/, namespace: 'left-out' }, (args) => ({
        contents: list[Number(args.path.split(':')[0])]!.contents,
        loader: 'js',
        resolveDir: projectRoot,
      }));
    },
  };
}
