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

/** Exports of the modules in {@link leftOutModules} that are values (a string, a symbol), not classes. */
const LEFT_OUT_VALUES = new Set(['USER_AGENT', 'SkillConversationReferenceKey']);

/**
 * A module of a package Moments uses that only features it never uses need: its classes throw when
 * constructed (a subclass too) or when a static member is called, its values when read.
 */
const leftOutModule = (what: string, names: readonly string[]) => `
const fail = () => { throw ${leftOutError(what)}; };
const leftOut = (c) => new Proxy(c, { get: (target, key) => (key in target ? target[key] : fail) });
${names
  .map((name) =>
    LEFT_OUT_VALUES.has(name)
      ? `Object.defineProperty(exports, '${name}', { enumerable: true, get: fail });`
      : `exports.${name} = leftOut(class ${name} { constructor() { fail(); } });`,
  )
  .join('\n')}
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

/**
 * Modules that the entries of packages Moments uses load for what Moments never does: nothing it
 * or teams-ai imports names them, and no card template calls isMatch(), xml() or xPath()
 * (tests/build/bundle.test.ts checks the templates). Each stands in for the path the importers
 * named import it with.
 */
const leftOutModules: ReadonlyArray<{
  owner: string;
  importer: RegExp;
  modules: Record<string, readonly string[]>;
}> = [
  {
    owner: 'botbuilder',
    importer: /[\\/]node_modules[\\/]botbuilder[\\/]lib[\\/][^\\/]+\.js$/,
    modules: {
      // the adapter before CloudAdapter (teams-ai's TeamsAdapter is a CloudAdapter); only
      // streaming and skill requests read its user agent;
      botFrameworkAdapter: ['BotFrameworkAdapter', 'USER_AGENT'],
      // skills: a bot calling, or hosting, another bot;
      skills: ['CloudSkillHandler', 'SkillHandler', 'SkillHttpClient'],
      botFrameworkHttpClient: ['BotFrameworkHttpClient'],
      channelServiceHandler: ['ChannelServiceHandler'],
      channelServiceHandlerBase: ['ChannelServiceHandlerBase'],
      channelServiceRoutes: ['ChannelServiceRoutes'],
      // the activity handler teams-ai's Application replaces;
      teamsActivityHandler: ['TeamsActivityHandler'],
      // the Emulator's inspection, transcripts on a disk, handoff events, speech, Viva Connections.
      inspectionMiddleware: ['InspectionMiddleware', 'InspectionState'],
      fileTranscriptStore: ['FileTranscriptStore'],
      eventFactory: ['EventFactory'],
      setSpeakMiddleware: ['SetSpeakMiddleware'],
      'sharepoint/sharePointActivityHandler': ['SharePointActivityHandler'],
      'sharepoint/sharePointSSOTokenExchangeMiddleware': ['SharePointSSOTokenExchangeMiddleware'],
    },
  },
  {
    owner: 'botbuilder-core',
    importer: /[\\/]node_modules[\\/]botbuilder-core[\\/]lib[\\/]index\.js$/,
    modules: {
      activityHandler: ['ActivityHandler'],
      testAdapter: ['TestAdapter', 'TestFlow'],
      telemetryLoggerMiddleware: ['TelemetryLoggerMiddleware'],
      transcriptLogger: ['TranscriptLoggerMiddleware', 'ConsoleTranscriptLogger'],
      memoryTranscriptStore: ['MemoryTranscriptStore'],
      skills: [
        'SkillConversationIdFactory',
        'SkillConversationIdFactoryBase',
        'SkillConversationReferenceKey',
      ],
    },
  },
  {
    owner: 'adaptive-expressions',
    importer:
      /[\\/]node_modules[\\/]adaptive-expressions[\\/]lib[\\/](index|builtinFunctions[\\/]isMatch)\.js$/,
    // isMatch()'s regular expression grammar, and the parser generated from it.
    modules: { commonRegex: ['CommonRegex'], generated: ['CommonRegexLexer', 'CommonRegexParser'] },
  },
  {
    owner: 'antlr4ts',
    importer: /[\\/]node_modules[\\/]antlr4ts[\\/]Parser\.js$/,
    // parse tree patterns and XPath, required when Parser.compileParseTreePattern() is called.
    modules: { 'tree/pattern/ParseTreePatternMatcher': ['ParseTreePatternMatcher'] },
  },
];

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
  ...leftOutModules.flatMap(({ owner, importer, modules }) =>
    Object.entries(modules).map(([module, names]) => ({
      filter: new RegExp(`^\\.\\.?/${module.replace(/[/.]/g, '\\$&')}$`),
      importer,
      what: `${owner}'s ${module}`,
      contents: leftOutModule(`${owner}'s ${module}`, names),
    })),
  ),
  // Required at load by what Moments uses, called only by features it never uses:
  ...[
    // Cosmos DB's client-side encryption key resolver (no container is encrypted);
    '@azure/keyvault-keys',
    // the HTTP client of Bot Framework skills (a bot calling another bot: BotFrameworkClientImpl,
    // BotFrameworkHttpClient), with follow-redirects, form-data and its own proxy agents;
    'axios',
    // the browser that @azure/identity's interactive sign-in opens (never on a Function App);
    'open',
    // the card templates' xml() and xPath() functions (adaptive-expressions; no template uses them);
    'fast-xml-parser',
    'xpath',
    '@xmldom/xmldom',
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
