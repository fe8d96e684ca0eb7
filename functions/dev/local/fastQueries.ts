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
 * - `ARRAY_CONTAINS(x, @p0) OR ARRAY_CONTAINS(x, @p1) OR …` over one array `x` and parameters (how
 *   the kudos of a hundred people are asked for) evaluates `x` once and looks its elements up in a
 *   set of the parameters, made once per execution, when they are all scalars; otherwise it ORs the
 *   engine's calls as the query would. Unfolded, a digest batch's kudos query made ~500,000 calls at
 *   20,000 kudos (~33 ms of CPU).
 * - `ARRAY_CONTAINS(@ids, c.id)` with a long array parameter of scalars looks each document up in a
 *   set of it, made for that execution: listing 2,000 managers took ~100 ms, now ~10.
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
  builtins: { ARRAY_CONTAINS: Builtin; [CONTAINS_ANY]?: Builtin };
  helpers: { and(a: unknown, b: unknown): unknown; or(a: unknown, b: unknown): unknown };
  executor: { default: (collection: unknown, options: ExecuteOptions) => unknown };
  aggregates: unknown;
}

const PATCHED = Symbol.for('moments.fastQueries');
/** The temporary the short-circuit keeps a left side in (an extra parameter of the query function). */
const TEMP = '$left';
/** Distinct query texts kept compiled; the app has a few dozen. */
const MAX_COMPILED = 500;
/** The built-in an OR of `ARRAY_CONTAINS` over one array becomes: not a Cosmos DB function. */
const CONTAINS_ANY = 'MOMENTS_ARRAY_CONTAINS_ANY';
/** Between the parameter names the folded call carries in one string literal. */
const NAME_SEPARATOR = '\u0000';

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
  engine.transformer.default = (ast) => shortCircuit(foldContainsAny(transform(ast)));
  engine.builtins.ARRAY_CONTAINS = fastArrayContains(engine.builtins.ARRAY_CONTAINS);
  engine.builtins[CONTAINS_ANY] = containsAny(engine.builtins.ARRAY_CONTAINS, engine.helpers.or);
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

/**
 * `$h.or` chains whose every operand is `$b.ARRAY_CONTAINS(x, $p.name)` with the same `x` (two or
 * more) → `$b.MOMENTS_ARRAY_CONTAINS_ANY(x, $p, "a\u0000b\u0000…")`, anywhere in the compiled query.
 */
export function foldContainsAny<T>(node: T): T {
  if (Array.isArray(node)) return node.map((child: unknown) => foldContainsAny(child)) as T;
  if (!node || typeof node !== 'object') return node;
  const current = node as unknown as Node;
  const operands = logicalHelper(current) === 'or' ? orOperands(current) : [];
  const sought = operands.map(containsOfParameter);
  const first = sought[0];
  if (first && sought.every((s) => s && s.arrayKey === first.arrayKey)) {
    return {
      type: 'CallExpression',
      callee: {
        type: 'MemberExpression',
        object: { type: 'Identifier', name: '$b' },
        property: { type: 'Identifier', name: CONTAINS_ANY },
        computed: false,
      },
      arguments: [
        foldContainsAny(first.array),
        { type: 'Identifier', name: '$p' },
        { type: 'StringLiteral', value: sought.map((s) => s?.name).join(NAME_SEPARATOR) },
      ],
    } as unknown as T;
  }
  const out: Node = { ...current };
  for (const [key, value] of Object.entries(current)) {
    if (value && typeof value === 'object') out[key] = foldContainsAny(value);
  }
  return out as T;
}

/** The operands of nested two-argument `$h.or` calls, left to right. */
function orOperands(node: Node): Node[] {
  if (logicalHelper(node) !== 'or') return [node];
  const [left, right] = node.arguments as Node[];
  return [...orOperands(left as Node), ...orOperands(right as Node)];
}

/** For `$b.ARRAY_CONTAINS(x, $p.name)`: x, its shape as a key, and the parameter's name. */
function containsOfParameter(node: Node): { array: Node; arrayKey: string; name: string } | undefined {
  if (node.type !== 'CallExpression') return undefined;
  const callee = node.callee as Node;
  const args = node.arguments as Node[];
  if (callee.type !== 'MemberExpression' || callee.computed || args.length !== 2) return undefined;
  const object = callee.object as Node;
  const property = callee.property as Node;
  if (object.type !== 'Identifier' || object.name !== '$b') return undefined;
  if (property.type !== 'Identifier' || property.name !== 'ARRAY_CONTAINS') return undefined;
  const [array, value] = args as [Node, Node];
  if (value.type !== 'MemberExpression') return undefined;
  const holder = value.object as Node;
  const key = value.property as Node;
  if (holder.type !== 'Identifier' || holder.name !== '$p') return undefined;
  const name =
    !value.computed && key.type === 'Identifier'
      ? key.name
      : value.computed && key.type === 'StringLiteral'
        ? key.value
        : undefined;
  if (typeof name !== 'string' || name.includes(NAME_SEPARATOR)) return undefined;
  return { array, arrayKey: JSON.stringify(array), name };
}

/**
 * `MOMENTS_ARRAY_CONTAINS_ANY(array, params, names)`: what `ARRAY_CONTAINS(array, @name1) OR …`
 * gives. With an array and scalar parameters only, whether an element is one of them (the strict
 * equality of {@link fastArrayContains}'s `indexOf`, holes skipped alike; NaN, which a parameter
 * never is, left to the engine), from a set made once per execution (`params` is new for each);
 * else each parameter through `contains` and the results through the engine's `or`, in order.
 */
export function containsAny(contains: Builtin, or: (a: unknown, b: unknown) => unknown): Builtin {
  const sets = new WeakMap<object, Map<string, Set<unknown> | null>>();
  return function MOMENTS_ARRAY_CONTAINS_ANY(array: unknown, params: unknown, names: unknown): unknown {
    const values = params as Record<string, unknown>;
    const key = names as string;
    let byNames = sets.get(values);
    if (!byNames) {
      byNames = new Map();
      sets.set(values, byNames);
    }
    let set = byNames.get(key);
    if (set === undefined) {
      const sought = key.split(NAME_SEPARATOR).map((name) => values[name]);
      const scalars = sought.every((v) => (v === null || typeof v !== 'object') && !Number.isNaN(v));
      set = scalars ? new Set(sought) : null;
      byNames.set(key, set);
    }
    if (set && Array.isArray(array)) return array.some((element) => set.has(element));
    return key
      .split(NAME_SEPARATOR)
      .map((name) => contains(array, values[name]))
      .reduce((a, b) => or(a, b));
  };
}

/** `ARRAY_CONTAINS(array, value[, partial])`, with `general` for anything but a scalar sought. */
export function fastArrayContains(general: Builtin): Builtin {
  return function ARRAY_CONTAINS(...args: unknown[]): unknown {
    const [array, value, partial] = args;
    const scalar = value === null || typeof value !== 'object';
    const plain =
      args.length === 2 || (args.length === 3 && (partial === undefined || typeof partial === 'boolean'));
    if (scalar && plain && Array.isArray(array)) {
      const set = parameterSets?.get(array);
      return set && !Number.isNaN(value) ? set.has(value) : array.indexOf(value) !== -1;
    }
    return general(...args);
  };
}

/**
 * While a query runs: a set of each long array parameter of only scalars (`ARRAY_CONTAINS(@ids,
 * c.id)` with a thousand ids), so that each document is looked up in it rather than searched
 * for. Made per execution, from the parameters of that execution only, never from documents.
 */
let parameterSets: Map<unknown, Set<unknown>> | undefined;
const SET_FROM_LENGTH = 16;

function setsOfArrayParameters(params: Record<string, unknown>): Map<unknown, Set<unknown>> | undefined {
  let sets: Map<unknown, Set<unknown>> | undefined;
  for (const value of Object.values(params)) {
    if (!Array.isArray(value) || value.length < SET_FROM_LENGTH) continue;
    if (!value.every((v) => (v === null || typeof v !== 'object') && !Number.isNaN(v))) continue;
    (sets ??= new Map()).set(value, new Set(value));
  }
  return sets;
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
    // The engine runs a query synchronously to its end: the sets serve this execution only.
    parameterSets = setsOfArrayParameters(params);
    try {
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
    } finally {
      parameterSets = undefined;
    }
  };
}
