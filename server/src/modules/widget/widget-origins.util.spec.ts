import type { IncomingMessage, ServerResponse } from 'node:http';
import { originAllowed, sameOrigin, widgetCors } from './widget-origins.util';

function exchange(method: string, origin: string | undefined) {
  const headers: Record<string, string> = {};
  const response = {
    statusCode: 200,
    ended: false,
    setHeader(name: string, value: string) {
      headers[name.toLowerCase()] = value;
    },
    end() {
      this.ended = true;
    },
  };
  let passed = false;
  widgetCors(['https://www.banco.example'])(
    { method, headers: origin ? { origin } : {} } as IncomingMessage,
    response as unknown as ServerResponse,
    () => (passed = true),
  );
  return { headers, response, passed };
}

describe('widget origins', () => {
  it('allows the listed origins exactly, or any with *', () => {
    expect(originAllowed('https://www.banco.example', ['https://www.banco.example'])).toBe(true);
    expect(originAllowed('https://banco.example', ['https://www.banco.example'])).toBe(false);
    expect(originAllowed('https://anything.example', '*')).toBe(true);
  });

  it("recognises this server's own pages by their host", () => {
    expect(sameOrigin('http://127.0.0.1:3000', '127.0.0.1:3000')).toBe(true);
    expect(sameOrigin('http://127.0.0.1:3001', '127.0.0.1:3000')).toBe(false);
    expect(sameOrigin('not a url', '127.0.0.1:3000')).toBe(false);
    expect(sameOrigin('http://127.0.0.1:3000', undefined)).toBe(false);
  });

  it("answers an allowed site's preflight itself, echoing its origin", () => {
    const { headers, response, passed } = exchange('OPTIONS', 'https://www.banco.example');
    expect(passed).toBe(false);
    expect(response).toMatchObject({ statusCode: 204, ended: true });
    expect(headers['access-control-allow-origin']).toBe('https://www.banco.example');
    expect(headers['vary']).toBe('Origin');
  });

  it('adds the origin to an allowed request and passes it on; others pass on without CORS', () => {
    expect(exchange('POST', 'https://www.banco.example')).toMatchObject({
      passed: true,
      headers: { 'access-control-allow-origin': 'https://www.banco.example' },
    });
    for (const origin of ['https://phishing.example', undefined]) {
      const other = exchange('OPTIONS', origin);
      expect(other.passed).toBe(true);
      expect(other.headers).toEqual({});
    }
  });
});
