/**
 * Constant-factor speed-ups of the local Cosmos DB server's query engine (linearQueries.ts makes it
 * linear). The server has no index: every query evaluates its WHERE clause on every document of the
 * container, so at 20,000 documents what one evaluation costs is what a query costs.
 *
 * {@link useFastQueries} patches three things, each giving the same results as the published engine:
 *
 * - `AND` and `OR` stop at a left side that decides them (`false AND x` is false and `true OR x` is
 *   true whatever x is, undefined included), so `c.createdAt >= @since AND (ARRAY_CONTAINS(…) OR …)`
 *   no longer tests a manager's ten reports on kudos older than the week. The right side of a decided
 *   `AND`/`OR` is not evaluated at all, so an error it would raise (a built-in given the wrong number
 *   of arguments) is raised only for documents that reach it.
 * - `ARRAY_CONTAINS` of a scalar (string, number, boolean, null) is answered with `indexOf`: the
 *   strict equality the engine's deep comparison falls back to for scalars, holes skipped as `some`
 *   skips them. Any other call (an object sought, wrong arguments) goes to the engine's function.
 * - A query's compiled code is turned into a function once per query text, not once per execution,
 *   so repeated queries run optimised code instead of starting cold on every request.
 */
import { loadQueryEngineModule } from './queryEngine';

interface Node {
  type: string;
  [key: string]: unknown;
}

type Builtin = (...args: unknown[]) => unknown;
type Compiled = (...args: unknown[]) => unknown;

interface ExecuteOptions {
  code: string;
  parameters?: Array<{ name: string; value: unknown }>;
  udf?: unknown;
  maxItemCount?: unknown;
  continuation?: unknown;
  compositeIndexes?: unknown;
}

interface Engine {
  transformer: { default: (ast: unknown) => Node };
  builtins: { ARRAY_CONTAINS: Builtin };
  helpers: { and(a: unknown, b: unknown): unknown; or(a: unknown, b: unknown): unknown };
  executor: { default: (collection: unknown, options: ExecuteOptions) => unknown };
  aggregates: unknown;
}

const PATCHED = Symbol.for('moments.fastQueries');
/** The temporary the short-circuit keeps a left side in (an extra parameter of the query function). */
const TEMP = '$left';
/** Distinct query texts kept compiled; the app has a few dozen. */
const MAX_COMPILED = 500;

/** Applies the patches once per process; the local server calls it before it starts. */
export function useFastQueries(): void {
  const load = loadQueryEngineModule();
  const engine: Engine = {
    transformer: load('./transformer') as Engine['transformer'],
    builtins: load('./builtin-functions') as Engine['builtins'],
    helpers: load('./helpers') as Engine['helpers'],
    executor: load('./executor') as Engine['executor'],
    aggregates: load('./aggregate-functions'),
  };
  const marked = engine.executor as { [PATCHED]?: true };
  if (marked[PATCHED]) return;
  const transform = engine.transformer.default;
  engine.transformer.default = (ast) => shortCircuit(transform(ast));
  engine.builtins.ARRAY_CONTAINS = fastArrayContains(engine.builtins.ARRAY_CONTAINS);
  engine.executor.default = cachedExecutor(engine);
  marked[PATCHED] = true;
}

/**
 * `$h.and(a, b)` → `($left = a) === false ? false : $h.and($left, b)`, and `$h.or` likewise with
 * `true`, in the compiled query's syntax tree; `$left` is added to the query function's parameters.
 * One temporary serves every level: `$left` is read as the helper's first argument before `b`
 * (which may assign it again) is evaluated.
 */
export function shortCircuit(root: Node): Node {
  const rewritten = rewriteLogical(root);
  if (rewritten.type !== 'ArrowFunctionExpression') return rewritten;
  const params = rewritten.params as Node[];
  return { ...rewritten, params: [...params, { type: 'Identifier', name: TEMP }] };
}

function rewriteLogical<T>(node: T): T {
  if (Array.isArray(node)) return node.map((child: unknown) => rewriteLogical(child)) as T;
  if (!node || typeof node !== 'object') return node;
  const current = node as unknown as Node;
  const out: Node = { ...current };
  for (const [key, value] of Object.entries(current)) {
    if (value && typeof value === 'object') out[key] = rewriteLogical(value);
  }
  const helper = logicalHelper(out);
  if (!helper) return out as T;
  const [left, right] = out.arguments as Node[];
  const decided: Node = { type: 'BooleanLiteral', value: helper === 'or' };
  const temp = (): Node => ({ type: 'Identifier', name: TEMP });
  return {
    type: 'ConditionalExpression',
    test: {
      type: 'BinaryExpression',
      operator: '===',
      left: { type: 'AssignmentExpression', operator: '=', left: temp(), right: left },
      right: decided,
    },
    consequent: { ...decided },
    alternate: { ...out, arguments: [temp(), right] },
  } as unknown as T;
}

/** 'and' or 'or' for a two-argument call of `$h.and` / `$h.or`. */
function logicalHelper(node: Node): 'and' | 'or' | undefined {
  if (node.type !== 'CallExpression' || (node.arguments as unknown[]).length !== 2) return undefined;
  const callee = node.callee as Node;
  if (callee.type !== 'MemberExpression' || callee.computed) return undefined;
  const object = callee.object as Node;
  const property = callee.property as Node;
  if (object.type !== 'Identifier' || object.name !== '$h' || property.type !== 'Identifier')
    return undefined;
  return property.name === 'and' || property.name === 'or' ? property.name : undefined;
}

/** `ARRAY_CONTAINS(array, value[, partial])`, with `general` for anything but a scalar sought. */
export function fastArrayContains(general: Builtin): Builtin {
  return function ARRAY_CONTAINS(...args: unknown[]): unknown {
    const [array, value, partial] = args;
    const scalar = value === null || typeof value !== 'object';
    const plain =
      args.length === 2 || (args.length === 3 && (partial === undefined || typeof partial === 'boolean'));
    if (scalar && plain && Array.isArray(array)) return array.indexOf(value) !== -1;
    return general(...args);
  };
}

/** The engine's executor, compiling each query text once. */
function cachedExecutor(engine: Engine): Engine['executor']['default'] {
  const compiled = new Map<string, Compiled>();
  return (collection, { code, parameters, udf = {}, maxItemCount, continuation, compositeIndexes }) => {
    let execute = compiled.get(code);
    if (!execute) {
      if (compiled.size >= MAX_COMPILED) compiled.clear();
      // The engine's own way of turning its generated code into a function.
      execute = new Function(`"use strict";return (${code})`)() as Compiled;
      compiled.set(code, execute);
    }
    const params: Record<string, unknown> = {};
    for (const { name, value } of parameters ?? []) params[name.slice(1)] = value;
    return execute(
      engine.aggregates,
      engine.builtins,
      collection,
      engine.helpers,
      udf,
      params,
      maxItemCount,
      continuation,
      compositeIndexes,
    );
  };
}
