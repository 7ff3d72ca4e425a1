import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WidgetOrigins } from '../../config/env.schema';

/** Whether a creditor site may run the widget against this server. */
export function originAllowed(origin: string, allowed: WidgetOrigins): boolean {
  return allowed === '*' || allowed.includes(origin);
}

/** The page is served by this server itself (the demo page, or a deployment's own site). */
export function sameOrigin(origin: string, host: string | undefined): boolean {
  if (!host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * CORS for the widget's routes only: an allowed site gets its origin echoed back (never `*`, and
 * never credentials: the widget sends its token in a header), a preflight is answered here. Other
 * origins get no CORS headers, so their browsers refuse to send or read anything.
 */
export function widgetCors(allowed: WidgetOrigins) {
  return (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    const origin = request.headers.origin;
    if (!origin || !originAllowed(origin, allowed)) {
      next();
      return;
    }
    response.setHeader('Access-Control-Allow-Origin', origin);
    response.setHeader('Vary', 'Origin');
    if (request.method !== 'OPTIONS') {
      next();
      return;
    }
    response.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    response.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
    response.setHeader('Access-Control-Max-Age', '600');
    response.statusCode = 204;
    response.end();
  };
}
