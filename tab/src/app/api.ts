/** What the tab's API answers on failure: a code and the reference of its log line. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly reference: string | undefined,
    readonly body: unknown,
  ) {
    super(`tab API ${status} ${code}`);
    this.name = 'ApiError';
  }
}

/** The headers that say who is calling: a bearer token, or the local preview person. */
export type Credentials = () => Promise<Record<string, string>>;

/** The tab's API client: every call carries the caller's credentials. */
export interface Api {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  /** The raw response of a GET (for downloads), after the same error handling. */
  download(path: string): Promise<Blob>;
}

export const API_BASE = '/tab/api/';

async function failure(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const code = typeof fields.error === 'string' ? fields.error : `http${response.status}`;
  const reference = typeof fields.reference === 'string' ? fields.reference : undefined;
  return new ApiError(response.status, code, reference, body);
}

/** An {@link Api} calling `/tab/api/` with `credentials`. */
export function createApi(credentials: Credentials): Api {
  async function call(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = { Accept: 'application/json', ...(await credentials()), ...(init.headers ?? {}) };
    const response = await fetch(API_BASE + path, { ...init, headers, credentials: 'same-origin' });
    if (!response.ok) throw await failure(response);
    return response;
  }
  return {
    async get<T>(path: string) {
      return (await (await call(path)).json()) as T;
    },
    async post<T>(path: string, body: unknown) {
      const response = await call(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      return (await response.json()) as T;
    },
    async download(path: string) {
      return (await call(path, { headers: { Accept: 'text/csv' } })).blob();
    },
  };
}
