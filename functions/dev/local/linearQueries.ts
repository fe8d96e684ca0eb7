/**
 * Makes the local Cosmos DB server's query engine linear in the size of a container.
 *
 * `@vercel/cosmosdb-server` evaluates every query with `@zeit/cosmosdb-query`, which compiles the
 * SQL to JavaScript that builds the FROM (and JOIN) source with `reduce(($, c) => [...$, { c }], [])`
 * and strips `undefined` from results the same way: each step copies the whole accumulator, so one
 * query over n documents costs n²/2 copies — ~0.1 s at 5,000 documents, ~6 s at 20,000, beyond the
 * SDK's timeout at the sizes the benchmarks ask for. Cosmos DB itself answers from its index.
 *
 * {@link useLinearQueries} rewrites those accumulators, in the compiled query's syntax tree before
 * its code is generated, into `($.push(...), $)`, and replaces `stripUndefined` with a loop: the same
 * results, in the same order, in linear time. It patches the two modules' exports, which the engine
 * calls through their module objects; it is idempotent and touches nothing but the local server.
 */
import { loadQueryEngineModule } from './queryEngine';

interface Node {
  type: string;
  [key: string]: unknown;
}

interface Transformer {
  default: (ast: unknown) => Node;
}

interface Helpers {
  stripUndefined: (value: unknown) => unknown;
}

const PATCHED = Symbol.for('moments.linearQueries');

/** Applies the rewrite once per process; the local server calls it before it starts. */
export function useLinearQueries(): void {
  const engine = loadQueryEngineModule();
  const transformer = engine('./transformer') as Transformer & { [PATCHED]?: true };
  const helpers = engine('./helpers') as Helpers;
  if (transformer[PATCHED]) return;

  const transform = transformer.default;
  transformer.default = (ast) => rewriteAccumulators(transform(ast));
  helpers.stripUndefined = stripUndefined;
  transformer[PATCHED] = true;
}

/**
 * `[...$, a, ...b]` → `($.push(a, ...b), $)` wherever the engine's reducers build their accumulator
 * `$`. Each reducer starts from its own fresh `[]`, so pushing onto it is safe.
 */
export function rewriteAccumulators<T>(node: T): T {
  if (Array.isArray(node)) return node.map((child: unknown) => rewriteAccumulators(child)) as T;
  if (!node || typeof node !== 'object') return node;
  const current = node as unknown as Node;
  const rewritten: Node = { ...current };
  for (const [key, value] of Object.entries(current)) {
    if (value && typeof value === 'object') rewritten[key] = rewriteAccumulators(value);
  }
  if (rewritten.type !== 'ArrayExpression') return rewritten as T;
  const [first, ...rest] = rewritten.elements as Array<Node | null>;
  const spreadsAccumulator =
    first?.type === 'SpreadElement' &&
    (first.argument as Node | undefined)?.type === 'Identifier' &&
    (first.argument as Node).name === '$';
  if (!spreadsAccumulator) return rewritten as T;
  const accumulator: Node = { type: 'Identifier', name: '$' };
  const push: Node = {
    type: 'CallExpression',
    callee: {
      type: 'MemberExpression',
      object: accumulator,
      property: { type: 'Identifier', name: 'push' },
      computed: false,
    },
    arguments: rest,
  };
  return { type: 'SequenceExpression', expressions: [push, { ...accumulator }] } as unknown as T;
}

/** The engine's `stripUndefined` (drops `undefined` from arrays and objects, as JSON does), linear. */
export function stripUndefined(value: unknown): unknown {
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) if (item !== undefined) out.push(stripUndefined(item));
    return out;
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = stripUndefined(item);
    return out;
  }
  return value;
}
