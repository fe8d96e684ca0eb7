import type { HttpRequest } from '@azure/functions';

/**
 * The request's body as text, or undefined as soon as it is known to be over `max` bytes: a
 * declared length over it is refused unread, and a body read in parts stops at the first part past
 * it, so a large body is never held whole.
 */
export async function readBounded(request: HttpRequest, max: number): Promise<string | undefined> {
  if (Number(request.headers.get('content-length') ?? 0) > max) return undefined;
  if (!request.body) return '';
  const parts: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    size += next.value.byteLength;
    if (size > max) {
      await reader.cancel();
      return undefined;
    }
    parts.push(next.value);
  }
  return Buffer.concat(parts).toString('utf8');
}
