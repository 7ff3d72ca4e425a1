import type {
  WidgetChallenge,
  WidgetIdentifyRequest,
  WidgetSessionToken,
  WidgetSnapshot,
  WidgetVerifyRequest,
} from '@recupera/shared';
import type { WidgetFailure } from './widget-format.util';

export class WidgetApiError extends Error implements WidgetFailure {
  constructor(
    readonly status: number,
    readonly code: string | null,
    message: string,
  ) {
    super(message);
  }
}

/** The widget's REST calls, to the Recupera server the script was loaded from. */
export class WidgetApi {
  constructor(
    private readonly base: string,
    private readonly clientCode: string,
    private readonly fetcher: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  identify(request: WidgetIdentifyRequest): Promise<WidgetChallenge> {
    return this.call('POST', `/api/widget/${encodeURIComponent(this.clientCode)}/identify`, request);
  }

  verify(request: WidgetVerifyRequest): Promise<WidgetSessionToken> {
    return this.call('POST', '/api/widget/verify', request);
  }

  snapshot(token: string): Promise<WidgetSnapshot> {
    return this.call('GET', '/api/widget/session', undefined, token);
  }

  private async call<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers['authorization'] = `Bearer ${token}`;
    let response: Response;
    try {
      response = await this.fetcher(`${this.base}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        // The creditor's cookies are none of our business, and ours are not needed.
        credentials: 'omit',
      });
    } catch (error) {
      throw new WidgetApiError(0, null, error instanceof Error ? error.message : 'network');
    }
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    if (!response.ok) {
      const error = (parsed ?? {}) as { code?: unknown; message?: unknown };
      throw new WidgetApiError(
        response.status,
        typeof error.code === 'string' ? error.code : null,
        typeof error.message === 'string' ? error.message : response.statusText,
      );
    }
    return parsed as T;
  }
}
