import { useState } from 'react';
import { ApiError } from './api';
import type { FieldProblem } from './shapes';

/** The problems of an API answer's body, when it has any. */
export function problemsOf(body: unknown): FieldProblem[] {
  const problems = (body as { problems?: unknown } | undefined)?.problems;
  return Array.isArray(problems)
    ? problems.filter(
        (p): p is FieldProblem => typeof p === 'object' && p !== null && 'field' in p && 'code' in p,
      )
    : [];
}

/** How a save ended: stored; refused for the fields in `problems`; or another error, for the form to place. */
export type SaveEnd = 'saved' | 'refused' | { error: unknown };

/** A settings form's save: busy while it runs, and the field problems the API refused it for. */
export interface Saving {
  busy: boolean;
  problems: FieldProblem[];
  clearProblems(): void;
  /** Runs `send`, the problems of the previous save cleared. */
  run(send: () => Promise<void>): Promise<SaveEnd>;
}

export function useSave(): Saving {
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  async function run(send: () => Promise<void>): Promise<SaveEnd> {
    setBusy(true);
    setProblems([]);
    try {
      await send();
      return 'saved';
    } catch (error) {
      const refused = error instanceof ApiError ? problemsOf(error.body) : [];
      if (refused.length === 0) return { error };
      setProblems(refused);
      return 'refused';
    } finally {
      setBusy(false);
    }
  }
  return { busy, problems, clearProblems: () => setProblems([]), run };
}
