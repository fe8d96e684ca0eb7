/**
 * Test harness for the Microsoft 365 Agents Playground (`@microsoft/m365agentsplayground`).
 *
 * {@link startPlayground} spawns the Playground CLI with `startPlaygroundProcess` (the launcher `npm start`
 * uses, functions/dev/local/playgroundProcess.ts) and returns a typed client for the API the Playground's own
 * web UI uses; {@link connectPlayground} attaches the same client to a Playground that is already running
 * (e.g. the one `startLocalApp` started):
 *
 * - `POST /_conversation/v1/conversations/{id}/messages`: a message typed by the current user;
 * - `POST /_conversation/v1/submit`: an Action.Submit on a bot card;
 * - `POST /_conversation/v1/invoke`: `adaptiveCard/action`, `composeExtension/fetchTask`,
 *   `composeExtension/submitAction` (the bot's invoke response comes back as the HTTP response);
 * - `GET /_internal/v1/customActivities/template` + `POST /_internal/v1/customActivities`: mock events
 *   (installation, members added, ...), or any raw activity, sent straight to the bot;
 * - `POST /_debug/conversation/{id}/installation`: what the UI does when it opens a conversation;
 * - websocket `/_ws_conversation/v1/conversations/stream`: everything the bot posts to the mock
 *   connector (`/_connector/v3/...`), replies and proactive messages alike.
 *
 * Every shape used here was checked against Playground 0.2.28 by running it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import { startPlaygroundProcess, type PlaygroundProcess } from '../../functions/dev/local/playgroundProcess';
import { freePort } from './ports';

/** Repository root (this file is tests/support/playground.ts). */
const REPO_ROOT = resolve(__dirname, '..', '..');
const CONFIG_FILE_NAME = '.m365agentsplayground.yml';

// ---------------------------------------------------------------------------------------------
// Types: /_internal/v1/config
// ---------------------------------------------------------------------------------------------

/** A mock user as the Playground reports it (the yml `currentUser` / `users` entries). */
export interface PlaygroundUser {
  /** Channel account id (`from.id` in activities), e.g. `29:alexw`. */
  id: string;
  name: string;
  /** Spelled this way by the Playground. */
  userPrincipleName: string;
  aadObjectId: string;
  givenName: string;
  surname: string;
  email: string;
}

/** A channel of the mock team. The General channel's id is the team id. */
export interface PlaygroundChannel {
  id: string;
  name: string;
  channelType: string;
}

/** Typed subset of `GET /_internal/v1/config` → `.config`. */
export interface PlaygroundConfig {
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: PlaygroundUser;
  /** The other users (the Playground allows exactly five). Does not include `currentUser`. */
  users: PlaygroundUser[];
  personalChat: { id: string; name: string };
  /** Always one group chat; `members` lists the `users` ids (the current user is a member too). */
  groupChats: Array<{ id: string; name: string; members: string[] }>;
  /** Always one team; `channels[0]` is General (id = team id). */
  teams: Array<{
    id: string;
    name: string;
    aadGroupId: string;
    channels: PlaygroundChannel[];
    members: string[];
  }>;
}

/** Where a conversation id points. */
export type ConversationKind = 'personal' | 'groupChat' | 'channel';

// ---------------------------------------------------------------------------------------------
// Types: websocket frames
// ---------------------------------------------------------------------------------------------

/** A message as the Playground pushes it to its UI over the conversation websocket. */
export interface PlaygroundWsMessage {
  /** The Playground's message id (a millisecond timestamp as a string); use it as `replyToId`. */
  messageId: string;
  timestamp: number;
  /** The bot (`config.bot.id`) for everything the bot sent. */
  from: { id: string };
  text?: string;
  textFormat?: 'plain' | 'markdown' | 'xml';
  attachments: Array<{ contentType: string; content: unknown }>;
  attachmentLayout: 'list' | 'carousel';
  mentions: Array<{ mentioned: { id: string; name?: string }; text: string }>;
  /** Set on a bot message that opened a new channel post: `<channelId>;messageid=<messageId>`. */
  postConversationId?: string;
  directLineConversationId?: string;
  suggestedActions?: unknown;
  feedbackLoopEnabled?: boolean;
  aiEntity?: unknown;
  streamEntity?: unknown;
}

/** One frame of `/_ws_conversation/v1/conversations/stream`. */
export type PlaygroundWsFrame =
  | { action: 'createMessage'; actionConversationId: string; message: PlaygroundWsMessage }
  | { action: 'updateMessage'; actionConversationId: string; message: PlaygroundWsMessage }
  | { action: 'typing'; actionConversationId: string };

/** A message the bot sent (reply or proactive) or updated, as recorded by the harness. */
export interface BotMessage extends PlaygroundWsMessage {
  action: 'createMessage' | 'updateMessage';
  /**
   * The frame's `actionConversationId`: the chat id, the channel id for a new channel post, or the
   * thread id `<channelId>;messageid=<rootId>` for a reply in a channel thread.
   */
  conversationId: string;
  /** `conversationId` without the `;messageid=…` thread suffix. */
  rootConversationId: string;
  /** `Date.now()` when the harness received it. */
  receivedAt: number;
}

// ---------------------------------------------------------------------------------------------
// Types: requests and responses
// ---------------------------------------------------------------------------------------------

/** Options for {@link Playground.send}. */
export interface SendOptions {
  /**
   * Sender: a user `id`, `aadObjectId` or email from the config. Default: the current user.
   * The messages API always sends as the current user (it only checks membership), so a message from
   * anyone else goes to the bot as a raw activity through `/_internal/v1/customActivities`, shaped
   * like the Playground's own; it is not stored in the Playground's conversation (the UI won't show
   * it), but the bot's reply is.
   */
  from?: string;
  /**
   * Prefix `<at>{bot name}</at> ` and add the mention entity. In group chats and channels the bot only
   * receives messages that @mention it. Default: false.
   */
  mentionBot?: boolean;
  /**
   * The sender's Teams locale (e.g. `de-DE`). The Playground stamps `en-US` on the messages it
   * builds, so a message in another locale goes to the bot as a raw activity, as for another sender.
   */
  locale?: string;
}

/** What {@link Playground.send} did. */
export interface SentMessage {
  /** Playground message id (messages API) or the raw activity's id (custom activity). */
  messageId: string;
  /** In a channel: the new post's thread id `<channelId>;messageid=<messageId>` (messages API only). */
  postConversationId?: string;
  timestamp: number;
  /** The text as sent, including any `<at>…</at>` prefix. */
  text: string;
  via: 'messagesApi' | 'customActivity';
  /** False when the Playground stored the message without forwarding it (group/channel, no @mention). */
  deliveredToBot: boolean;
}

/** Body of {@link Playground.submit}: an Action.Submit on a card the bot sent. */
export interface SubmitRequest {
  conversationId: string;
  /** `messageId` of the bot message that holds the card. */
  replyToId: string;
  /** The action's data, merged with the card inputs (becomes `activity.value`). */
  value: Record<string, unknown>;
  /** User id / aadObjectId / email. Default: the current user. Must be in the conversation. */
  from?: string;
}

/** `value` of an `adaptiveCard/action` invoke (Action.Execute), as the Playground UI sends it. */
export interface AdaptiveCardActionValue {
  action: { type: 'Action.Execute'; id?: string; verb?: string; data?: Record<string, unknown> };
  trigger?: 'manual' | 'automatic';
}

/** `value` of a `composeExtension/fetchTask` / `submitAction` invoke, as the Playground UI sends it. */
export interface MessagingExtensionActionValue {
  commandId: string;
  commandContext?: 'compose' | 'commandBox' | 'message';
  /** The UI sends `{ theme: 'default' }`. */
  context?: { theme?: string };
  /** submitAction: the dialog's submitted data. */
  data?: Record<string, unknown>;
  /** For `commandContext: 'message'`: the message the action was started on. */
  messagePayload?: Record<string, unknown>;
  botMessagePreviewAction?: 'edit' | 'send';
  botActivityPreview?: unknown[];
}

interface InvokeBase {
  conversationId: string;
  /** User id / aadObjectId / email. Default: the current user. Must be in the conversation. */
  from?: string;
}

/** Body of {@link Playground.invoke}, one per supported invoke name. */
export type InvokeRequest =
  | (InvokeBase & { name: 'adaptiveCard/action'; replyToId: string; value: AdaptiveCardActionValue })
  | (InvokeBase & { name: 'composeExtension/fetchTask'; value: MessagingExtensionActionValue })
  | (InvokeBase & { name: 'composeExtension/submitAction'; value: MessagingExtensionActionValue });

/** Invoke names {@link Playground.invoke} supports. */
export type InvokeName = InvokeRequest['name'];

/** What the Playground returns from `/_conversation/v1/invoke`, picked from the bot's invoke response body. */
export interface InvokeResponses {
  /** `{ type, value }` of the bot's `AdaptiveCardInvokeResponse` (e.g. a refreshed card). */
  'adaptiveCard/action': { type?: string; value?: unknown };
  /** `{ task, composeExtension }` of the bot's `MessagingExtensionActionResponse`. */
  'composeExtension/fetchTask': { task?: unknown; composeExtension?: unknown };
  'composeExtension/submitAction': { task?: unknown; composeExtension?: unknown };
}

/** Mock event types the Playground can template (`CustomActivityTemplateTypes`). */
export type MockEventType =
  | 'install'
  | 'uninstall'
  | 'userAdded'
  | 'userRemoved'
  | 'botAdded'
  | 'botRemoved'
  | 'channelCreated'
  | 'channelRenamed'
  | 'channelDeleted'
  | 'teamRenamed'
  | 'teamDeleted'
  | 'sendEmail'
  | 'mentionInWord';

/** An activity as JSON (what the templates return and the bot receives). */
export interface MockActivity {
  type: string;
  id?: string;
  timestamp?: string;
  channelId?: string;
  serviceUrl?: string;
  from?: { id: string; name?: string; aadObjectId?: string };
  recipient?: { id: string; name?: string };
  conversation?: {
    id: string;
    conversationType?: string;
    tenantId?: string;
    isGroup?: boolean;
    name?: string;
  };
  membersAdded?: Array<{ id: string; aadObjectId?: string; name?: string }>;
  membersRemoved?: Array<{ id: string; aadObjectId?: string; name?: string }>;
  channelData?: Record<string, unknown>;
  [key: string]: unknown;
}

/** A non-2xx answer from the Playground API. */
export class PlaygroundApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`Playground ${method} ${path} answered HTTP ${status}: ${body.slice(0, 500) || '(empty body)'}`);
    this.name = 'PlaygroundApiError';
  }
}

/** Options for {@link startPlayground}. */
export interface StartPlaygroundOptions {
  /** The bot's messaging endpoint, e.g. `http://127.0.0.1:3978/api/messages`. */
  botEndpoint: string;
  /** Port for the Playground (UI + API). Default: a free port on 127.0.0.1. */
  port?: number;
  /** Working directory of the CLI; the Playground reads `.m365agentsplayground.yml` from it. Default: repo root. */
  cwd?: string;
  /** Config file to use instead of `<cwd>/.m365agentsplayground.yml` (`M365_AGENTS_PLAYGROUND_CONFIG_PATH`). */
  configPath?: string;
  /** How long to wait for the API to answer. Default: 30 s. */
  startTimeoutMs?: number;
}

/** A typed client for a running Playground (see {@link connectPlayground}). */
export interface PlaygroundClient {
  /** Base URL, e.g. `http://127.0.0.1:56150` (the web UI is at `/`). */
  readonly url: string;
  readonly port: number;

  /** `GET /_internal/v1/config` → `.config`, typed. Fetched once when the client connects and cached. */
  config(): Promise<PlaygroundConfig>;
  /** The current user (the one the UI and the messages API act as). */
  currentUser(): PlaygroundUser;
  /** All users, the current user first. */
  users(): PlaygroundUser[];
  /** Looks a user up by `id`, `aadObjectId`, email or display name; throws if unknown. */
  user(idOrAadOrEmail: string): PlaygroundUser;
  /**
   * The personal chat's conversation id. The Playground has a single personal chat, with the current
   * user; asking for another user's throws.
   */
  personalChatId(user?: string): string;
  /** The group chat's conversation id (there is one; `name` checks it). */
  groupChatId(name?: string): string;
  /** The team's id (= its General channel's conversation id). */
  teamId(): string;
  /** A channel's conversation id, by channel name (`General`, `Kudos`). */
  channelId(name: string): string;
  /** Conversation kind of an id from this config (channel thread ids `…;messageid=…` count as channel). */
  conversationKind(conversationId: string): ConversationKind;

  /** Sends a user message; see {@link SendOptions}. */
  send(conversationId: string, text: string, options?: SendOptions): Promise<SentMessage>;
  /** `POST /_conversation/v1/submit`. The bot gets a `message` activity with `value` and `replyToId`. */
  submit(request: SubmitRequest): Promise<void>;
  /** `POST /_conversation/v1/invoke`; resolves with what the Playground returns (picked from the bot's answer). */
  invoke<N extends InvokeName>(request: Extract<InvokeRequest, { name: N }>): Promise<InvokeResponses[N]>;

  /** `GET /_internal/v1/customActivities/template` for a mock event type (or the base activity). */
  mockTemplate(conversationId: string, type?: MockEventType): Promise<MockActivity>;
  /** `POST /_internal/v1/customActivities`: sends any activity to the bot (fire and forget: 200 before delivery). */
  sendCustomActivity(activity: MockActivity): Promise<void>;
  /** Mock event from its template, optionally patched (shallow: top-level keys replace). Returns what was sent. */
  fireMockEvent(
    conversationId: string,
    type: MockEventType,
    patch?: Partial<MockActivity>,
  ): Promise<MockActivity>;
  /** `installationUpdate` (action `add`) in the conversation, from the current user. */
  installApp(conversationId: string): Promise<MockActivity>;
  /** `conversationUpdate` with `membersAdded: [bot]`. */
  botAdded(conversationId: string): Promise<MockActivity>;
  /**
   * `conversationUpdate` with the given users in `membersAdded` (default: the current user). In a team
   * the Playground addresses it to the team (General channel), with `channelData.eventType: teamMemberAdded`.
   */
  membersAdded(conversationId: string, users?: string[]): Promise<MockActivity>;
  /**
   * `POST /_debug/conversation/{id}/installation`: what the web UI does when it opens a conversation;
   * the bot gets an `installationUpdate` then a `conversationUpdate` (membersAdded: in personal chat the
   * user and the bot, elsewhere the bot).
   */
  openConversationInstall(conversationId: string): Promise<void>;

  /** Everything the bot has sent or updated so far, in arrival order (a copy). */
  messages(): BotMessage[];
  /** Every websocket frame so far, including `typing` (a copy). */
  frames(): PlaygroundWsFrame[];
  /**
   * Resolves with the first recorded bot message (already arrived or arriving) that matches; rejects
   * after `timeoutMs` listing what did arrive.
   */
  waitForMessage(
    predicate: (message: BotMessage, index: number) => boolean,
    timeoutMs?: number,
  ): Promise<BotMessage>;

  /**
   * Closes the client's websocket. For a client from {@link connectPlayground} that is all (whoever
   * started the Playground stops it); {@link Playground.stop} also stops the process. Idempotent.
   */
  stop(): Promise<void>;
}

/** A Playground started by {@link startPlayground}, with its client. */
export interface Playground extends PlaygroundClient {
  /** Process id of the CLI (also its process group id). */
  readonly pid: number;
  /** The Playground's own log file (it writes no console output when stdout is not a TTY). */
  readonly logFile: string;
  /** Closes the websocket and kills the whole process group; resolves once no process of it is left. Idempotent. */
  stop(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Implementation
// ---------------------------------------------------------------------------------------------

interface HttpResult {
  status: number;
  body: string;
}

function httpCall(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
  timeoutMs = 30_000,
): Promise<HttpResult> {
  return new Promise((resolvePromise, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = httpRequest(
      new URL(path, baseUrl),
      {
        method,
        agent: false,
        headers:
          payload === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolvePromise({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () =>
      req.destroy(new Error(`Playground ${method} ${path}: no answer within ${timeoutMs} ms`)),
    );
    req.on('error', reject);
    req.end(payload);
  });
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function tail(text: string, lines = 25): string {
  return text.split('\n').slice(-lines).join('\n');
}

function describeMessage(m: BotMessage): string {
  const attachments = m.attachments.length ? ` [${m.attachments.map((a) => a.contentType).join(', ')}]` : '';
  return `${m.action} in ${m.conversationId}: ${JSON.stringify(m.text ?? '')}${attachments}`;
}

function assertConfig(raw: unknown): PlaygroundConfig {
  const config = (raw as { config?: unknown } | null)?.config as Partial<PlaygroundConfig> | undefined;
  const problems: string[] = [];
  if (!config || typeof config !== 'object') problems.push('no "config" object');
  else {
    if (typeof config.tenantId !== 'string') problems.push('config.tenantId');
    if (typeof config.bot?.id !== 'string' || typeof config.bot?.name !== 'string')
      problems.push('config.bot');
    if (typeof config.currentUser?.id !== 'string') problems.push('config.currentUser');
    if (!Array.isArray(config.users)) problems.push('config.users');
    if (typeof config.personalChat?.id !== 'string') problems.push('config.personalChat');
    if (!Array.isArray(config.groupChats) || config.groupChats.length === 0)
      problems.push('config.groupChats');
    if (!Array.isArray(config.teams) || config.teams.length === 0) problems.push('config.teams');
  }
  if (problems.length) {
    throw new Error(
      `Playground /_internal/v1/config has an unexpected shape (${problems.join(', ')}): ${JSON.stringify(raw).slice(0, 500)}`,
    );
  }
  return config as PlaygroundConfig;
}

/**
 * Starts the Playground CLI against a bot and returns a client for it.
 *
 * The process is `startPlaygroundProcess` (functions/dev/local/playgroundProcess.ts): loopback only, the
 * mock connector as service URL, its own process group, and a check that it did not fall back to
 * another port. Here its log file is in a temp dir (removed by `stop()`). The conversation websocket
 * is connected before this resolves, so every bot message from then on is recorded.
 *
 * @throws if the config file is missing, the CLI exits or does not answer within `startTimeoutMs`, or it
 * fell back to another port (the CLI does that silently when the port is taken).
 */
export async function startPlayground(options: StartPlaygroundOptions): Promise<Playground> {
  const cwd = resolve(options.cwd ?? REPO_ROOT);
  const configPath = resolve(cwd, options.configPath ?? CONFIG_FILE_NAME);
  if (!existsSync(configPath)) {
    throw new Error(`startPlayground: no Playground config at ${configPath} (pass cwd or configPath)`);
  }
  const port = options.port ?? (await freePort());
  const workDir = mkdtempSync(join(tmpdir(), 'playground-'));
  const logFile = join(workDir, 'm365agentsplayground.log');
  let proc: PlaygroundProcess;
  try {
    proc = await startPlaygroundProcess({
      projectRoot: REPO_ROOT,
      botEndpoint: options.botEndpoint,
      port,
      logFile,
      configPath,
      timeoutMs: options.startTimeoutMs ?? 30_000,
    });
  } catch (err) {
    rmSync(workDir, { recursive: true, force: true });
    throw new Error(`startPlayground: ${(err as Error).message}`);
  }
  const stopProcess = async (): Promise<void> => {
    try {
      await proc.stop();
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  };
  let client: PlaygroundClient;
  try {
    client = await connectPlayground(proc.url);
  } catch (err) {
    const log = tail(readText(logFile)) || '(empty)';
    await stopProcess().catch(() => undefined);
    throw new Error(`startPlayground: ${(err as Error).message}\n--- ${logFile} ---\n${log}`);
  }
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= client.stop().then(stopProcess);
    return stopped;
  };
  return { ...client, pid: proc.pid, logFile: proc.logFile, stop };
}

/**
 * Attaches a client to a Playground that is already running at `url` (e.g. `startLocalApp`'s
 * `playgroundUrl`): connects the conversation websocket, then reads the config. Only bot messages
 * sent after this resolves are recorded. `stop()` closes the websocket; it leaves the Playground running.
 *
 * @throws if the websocket cannot be opened or the config cannot be read.
 */
export async function connectPlayground(playgroundUrl: string): Promise<PlaygroundClient> {
  const base = new URL(playgroundUrl);
  const port = Number(base.port);
  const url = base.origin;

  let ws: WebSocket | undefined;
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      ws?.removeAllListeners();
      ws?.on('error', () => undefined);
      ws?.terminate();
    })();
    return stopped;
  };

  const fail = async (message: string): Promise<never> => {
    await stop().catch(() => undefined);
    throw new Error(`Playground at ${url}: ${message}`);
  };

  // 1. Connect the conversation websocket before anything is sent.
  const frames: PlaygroundWsFrame[] = [];
  const messages: BotMessage[] = [];
  const waiters = new Set<() => void>();
  try {
    ws = await new Promise<WebSocket>((resolveWs, rejectWs) => {
      const socket = new WebSocket(`ws://${base.host}/_ws_conversation/v1/conversations/stream`);
      socket.once('open', () => resolveWs(socket));
      socket.once('error', (err) => rejectWs(err));
    });
  } catch (err) {
    await fail(`cannot open the conversation websocket: ${(err as Error).message}`);
  }
  ws?.on('message', (data) => {
    let frame: PlaygroundWsFrame;
    try {
      frame = JSON.parse(data.toString()) as PlaygroundWsFrame;
    } catch {
      return;
    }
    frames.push(frame);
    if (frame.action === 'createMessage' || frame.action === 'updateMessage') {
      messages.push({
        ...frame.message,
        action: frame.action,
        conversationId: frame.actionConversationId,
        rootConversationId: frame.actionConversationId.split(';')[0] ?? frame.actionConversationId,
        receivedAt: Date.now(),
      });
      for (const wake of [...waiters]) wake();
    }
  });
  ws?.on('error', (err) => console.warn(`Playground websocket error: ${err.message}`));

  // 2. Read the config (the Playground first waits, up to 15 s, for the bot endpoint to answer).
  let config: PlaygroundConfig;
  try {
    const res = await httpCall(url, 'GET', '/_internal/v1/config');
    if (res.status !== 200) throw new PlaygroundApiError('GET', '/_internal/v1/config', res.status, res.body);
    config = assertConfig(JSON.parse(res.body));
  } catch (err) {
    return fail(`cannot read the config: ${(err as Error).message}`);
  }

  const api = async (method: string, path: string, body?: unknown): Promise<string> => {
    const res = await httpCall(url, method, path, body);
    if (res.status < 200 || res.status >= 300)
      throw new PlaygroundApiError(method, path, res.status, res.body);
    return res.body;
  };
  const apiJson = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const text = await api(method, path, body);
    try {
      return (text ? JSON.parse(text) : {}) as T;
    } catch {
      throw new Error(`Playground ${method} ${path} answered non-JSON: ${text.slice(0, 300)}`);
    }
  };

  const allUsers = (): PlaygroundUser[] => [config.currentUser, ...config.users];
  const user = (key: string): PlaygroundUser => {
    const lower = key.toLowerCase();
    const found = allUsers().find(
      (u) => u.id === key || u.aadObjectId === key || u.email.toLowerCase() === lower || u.name === key,
    );
    if (!found) {
      throw new Error(
        `Playground: no mock user "${key}"; known: ${allUsers()
          .map((u) => `${u.name} (${u.id}, ${u.aadObjectId})`)
          .join('; ')}`,
      );
    }
    return found;
  };
  const team = (): PlaygroundConfig['teams'][number] => {
    const t = config.teams[0];
    if (!t) throw new Error('Playground config has no team');
    return t;
  };
  const conversationKind = (conversationId: string): ConversationKind => {
    const root = conversationId.split(';')[0] ?? conversationId;
    if (root === config.personalChat.id) return 'personal';
    if (config.groupChats.some((g) => g.id === root)) return 'groupChat';
    if (config.teams.some((t) => t.channels.some((c) => c.id === root))) return 'channel';
    throw new Error(
      `Playground: unknown conversation "${conversationId}"; known: personal ${config.personalChat.id}, ` +
        `group ${config.groupChats.map((g) => g.id).join(', ')}, channels ${config.teams.flatMap((t) => t.channels.map((c) => c.id)).join(', ')}`,
    );
  };
  const enc = encodeURIComponent;

  const mockTemplate = (conversationId: string, type?: MockEventType): Promise<MockActivity> =>
    apiJson<MockActivity>(
      'GET',
      `/_internal/v1/customActivities/template?conversationId=${enc(conversationId)}${type ? `&type=${enc(type)}` : ''}`,
    );
  const sendCustomActivity = async (activity: MockActivity): Promise<void> => {
    await api('POST', '/_internal/v1/customActivities', activity);
  };
  const fireMockEvent = async (
    conversationId: string,
    type: MockEventType,
    patch?: Partial<MockActivity>,
  ): Promise<MockActivity> => {
    const activity: MockActivity = {
      ...(await mockTemplate(conversationId, type)),
      ...patch,
    } as MockActivity;
    await sendCustomActivity(activity);
    return activity;
  };

  const playground: PlaygroundClient = {
    url,
    port,
    config: async () => config,
    currentUser: () => config.currentUser,
    users: allUsers,
    user,
    personalChatId: (who?: string) => {
      if (who !== undefined && user(who).id !== config.currentUser.id) {
        throw new Error(
          `Playground has one personal chat, with the current user ${config.currentUser.name}; ` +
            `there is none for ${user(who).name} (change currentUser in the yml)`,
        );
      }
      return config.personalChat.id;
    },
    groupChatId: (name?: string) => {
      const chat = name === undefined ? config.groupChats[0] : config.groupChats.find((g) => g.name === name);
      if (!chat)
        throw new Error(
          `Playground: no group chat "${name}"; known: ${config.groupChats.map((g) => g.name).join(', ')}`,
        );
      return chat.id;
    },
    teamId: () => team().id,
    channelId: (name: string) => {
      const channel = team().channels.find((c) => c.name === name);
      if (!channel)
        throw new Error(
          `Playground: no channel "${name}" in ${team().name}; known: ${team()
            .channels.map((c) => c.name)
            .join(', ')}`,
        );
      return channel.id;
    },
    conversationKind,

    async send(conversationId, text, opts = {}) {
      const kind = conversationKind(conversationId);
      const sender = opts.from === undefined ? config.currentUser : user(opts.from);
      const mentionText = `<at>${config.bot.name}</at>`;
      const fullText = opts.mentionBot ? `${mentionText} ${text}` : text;
      const delivered = kind === 'personal' || opts.mentionBot === true;

      if (sender.id === config.currentUser.id && opts.locale === undefined) {
        const body: Record<string, unknown> = {
          from: { id: sender.id },
          text: fullText,
          textFormat: 'plain',
        };
        if (opts.mentionBot) body.mentions = [{ mentioned: { id: config.bot.id }, text: mentionText }];
        const res = await apiJson<{ messageId: string; postConversationId?: string; timestamp: number }>(
          'POST',
          `/_conversation/v1/conversations/${enc(conversationId)}/messages`,
          body,
        );
        return { ...res, text: fullText, via: 'messagesApi', deliveredToBot: delivered };
      }

      if (kind === 'personal' && sender.id !== config.currentUser.id) {
        throw new Error(
          `Playground: the personal chat belongs to ${config.currentUser.name}; ${sender.name} cannot post in it`,
        );
      }
      if (!delivered) {
        throw new Error(
          `Playground: a message from ${sender.name} in a ${kind} only reaches the bot when it @mentions it; pass mentionBot: true`,
        );
      }
      // Same shape as the activity the Playground builds for a UI message, with another sender.
      const base = await mockTemplate(conversationId);
      const t = team();
      const channelId = conversationId.split(';')[0] ?? conversationId;
      const activity: MockActivity = {
        ...base,
        type: 'message',
        text: fullText,
        textFormat: 'plain',
        from: { id: sender.id, name: sender.name, aadObjectId: sender.aadObjectId },
        localTimestamp: base.timestamp,
        localTimezone: 'UTC',
        locale: opts.locale ?? 'en-US',
        entities: [
          ...(opts.mentionBot
            ? [
                {
                  type: 'mention',
                  mentioned: { id: config.bot.id, name: config.bot.name },
                  text: mentionText,
                },
              ]
            : []),
          {
            type: 'clientInfo',
            locale: opts.locale ?? 'en-US',
            country: 'US',
            platform: 'Web',
            timezone: 'UTC',
          },
        ],
        channelData:
          kind === 'channel'
            ? {
                teamsChannelId: channelId,
                teamsTeamId: t.id,
                tenant: { id: config.tenantId },
                team: { id: t.id },
                channel: { id: channelId },
              }
            : { tenant: { id: config.tenantId } },
      };
      await sendCustomActivity(activity);
      return {
        messageId: activity.id ?? '',
        timestamp: Date.parse(activity.timestamp ?? '') || Date.now(),
        text: fullText,
        via: 'customActivity',
        deliveredToBot: true,
      };
    },

    async submit(req) {
      await api('POST', '/_conversation/v1/submit', {
        conversation: { id: req.conversationId },
        from: { id: user(req.from ?? config.currentUser.id).id },
        replyToId: req.replyToId,
        value: req.value,
      });
    },

    async invoke<N extends InvokeName>(
      req: Extract<InvokeRequest, { name: N }>,
    ): Promise<InvokeResponses[N]> {
      const { conversationId, from, ...rest } = req as InvokeRequest;
      return apiJson<InvokeResponses[N]>('POST', '/_conversation/v1/invoke', {
        ...rest,
        conversation: { id: conversationId },
        from: { id: user(from ?? config.currentUser.id).id },
      });
    },

    mockTemplate,
    sendCustomActivity,
    fireMockEvent,
    installApp: (conversationId) => fireMockEvent(conversationId, 'install'),
    botAdded: (conversationId) => fireMockEvent(conversationId, 'botAdded'),
    async membersAdded(conversationId, who) {
      const patch =
        who === undefined
          ? undefined
          : { membersAdded: who.map((w) => user(w)).map((u) => ({ id: u.id, aadObjectId: u.aadObjectId })) };
      return fireMockEvent(conversationId, 'userAdded', patch);
    },
    async openConversationInstall(conversationId) {
      await api('POST', `/_debug/conversation/${enc(conversationId)}/installation`, {});
    },

    messages: () => [...messages],
    frames: () => [...frames],
    waitForMessage(predicate, timeoutMs = 10_000) {
      return new Promise<BotMessage>((resolveWait, rejectWait) => {
        let checked = 0;
        const check = (): boolean => {
          for (; checked < messages.length; checked++) {
            const m = messages[checked];
            if (m && predicate(m, checked)) {
              resolveWait(m);
              return true;
            }
          }
          return false;
        };
        if (check()) return;
        const wake = (): void => {
          if (check()) {
            clearTimeout(timer);
            waiters.delete(wake);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(wake);
          const seen = messages.length
            ? messages.map((m, i) => `  #${i} ${describeMessage(m)}`).join('\n')
            : '  (none)';
          rejectWait(
            new Error(
              `waitForMessage: no bot message matched ${predicate.toString().slice(0, 200)} within ${timeoutMs} ms; ` +
                `${messages.length} arrived:\n${seen}`,
            ),
          );
        }, timeoutMs);
        waiters.add(wake);
      });
    },

    stop,
  };
  return playground;
}

/** Options for {@link arrivedBeforeMarker}. */
export interface MarkerOptions {
  /** What to send the bot. Default: `help`, which Moments answers in any conversation. */
  text?: string;
  /** Recognises the bot's answer to the marker. Default: Moments' help card. */
  isAnswer?: (message: BotMessage) => boolean;
  /** How long to wait for the answer. Default: 10 s. */
  timeoutMs?: number;
}

const isHelpCard = (message: BotMessage): boolean =>
  JSON.stringify(message.attachments).includes('What Moments can do');

/**
 * The bot messages that arrived from index `since` on, up to the bot's answer to a marker sent now
 * in `conversationId` (with an @mention outside the personal chat). The bot answers the marker only
 * after whatever it was already sending, and a conversation's messages arrive in order, so once the
 * answer is here nothing sent before it can still be on its way: assert on what this returns instead
 * of waiting a fixed time and hoping nothing more comes.
 */
export async function arrivedBeforeMarker(
  playground: PlaygroundClient,
  conversationId: string,
  since: number,
  options: MarkerOptions = {},
): Promise<BotMessage[]> {
  const root = conversationId.split(';')[0] ?? conversationId;
  const isAnswer = options.isAnswer ?? isHelpCard;
  const from = playground.messages().length;
  await playground.send(conversationId, options.text ?? 'help', {
    mentionBot: playground.conversationKind(conversationId) !== 'personal',
  });
  let at = -1;
  await playground.waitForMessage((m, i) => {
    if (i < from || m.rootConversationId !== root || !isAnswer(m)) return false;
    at = i;
    return true;
  }, options.timeoutMs);
  return playground.messages().slice(since, at);
}
