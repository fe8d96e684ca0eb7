import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { z } from 'zod';
import { scopeFields } from '../logging';
import { readBounded } from '../httpBody';

/** The largest request body the tab's API reads: its forms are a few hundred bytes. */
export const MAX_TAB_BODY_BYTES = 16 * 1024;

/**
 * What the tab's API answers on failure, beside the status: a code the tab words in the viewer's
 * language, never a sentence. `tab.notConfigured` is the app's (503: no `TAB_CLIENT_ID`).
 */
export type ApiErrorCode =
  | 'badRequest'
  | 'notAllowed'
  | 'notFound'
  | 'methodNotAllowed'
  | 'tooLarge'
  | 'internal'
  | 'unavailable'
  | 'tab.notConfigured'
  | 'preview.badCaller'
  | 'settings.invalid'
  | 'settings.changedMeanwhile'
  | 'mySettings.invalid'
  | 'forget.notConfirmed'
  | `token.${string}`;

/** A failure a route answers with: the status, the code and anything the tab needs to show it. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    readonly details: Record<string, unknown> = {},
    /** Headers the answer needs beside the body (`Allow` on a 405). */
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${code}`);
    this.name = 'ApiFailure';
  }
}

/** The correlation id of the request being handled: every log line of it carries the same. */
export const currentReference = (): string => {
  const id = scopeFields().correlationId;
  return typeof id === 'string' ? id : 'none';
};

/** A JSON answer that no cache keeps (every answer is about one signed-in person). */
export function jsonAnswer(status: number, body: unknown): HttpResponseInit {
  return { status, jsonBody: body, headers: { 'Cache-Control': 'no-store' } };
}

/** `{ error, reference, …details }` with the status of `failure`. */
export function failureAnswer(failure: ApiFailure): HttpResponseInit {
  const answer = jsonAnswer(failure.status, {
    ...failure.details,
    error: failure.code,
    reference: currentReference(),
  });
  return { ...answer, headers: { ...failure.headers, ...(answer.headers as Record<string, string>) } };
}

/**
 * The request's JSON body as `schema` reads it: the size is checked before anything is parsed
 * (413 past {@link MAX_TAB_BODY_BYTES}), then the JSON, then its shape (400).
 */
export async function readJson<T extends z.ZodTypeAny>(request: HttpRequest, schema: T): Promise<z.infer<T>> {
  const text = await readBounded(request, MAX_TAB_BODY_BYTES);
  if (text === undefined) throw new ApiFailure(413, 'tooLarge', { maxBytes: MAX_TAB_BODY_BYTES });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiFailure(400, 'badRequest');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new ApiFailure(400, 'badRequest', { fields: parsed.error.issues.map((i) => i.path.join('.')) });
  }
  return parsed.data as z.infer<T>;
}
