import { gatewaySignature, verifyGatewaySignature } from './gateway-signature.util';

describe('gateway signature', () => {
  const now = new Date('2026-12-02T12:00:00Z');
  const ts = String(now.getTime() / 1000);
  const body = Buffer.from('{"reference":"R1"}');

  it('accepts the right signature within the window', () => {
    expect(verifyGatewaySignature('s3cret', ts, gatewaySignature('s3cret', ts, body), body, now)).toBe('ok');
  });

  it('refuses another secret, another body, and a missing header', () => {
    expect(verifyGatewaySignature('s3cret', ts, gatewaySignature('other', ts, body), body, now)).toBe(
      'bad_signature',
    );
    expect(
      verifyGatewaySignature('s3cret', ts, gatewaySignature('s3cret', ts, body), Buffer.from('{}'), now),
    ).toBe('bad_signature');
    expect(verifyGatewaySignature('s3cret', ts, undefined, body, now)).toBe('missing');
    expect(verifyGatewaySignature('s3cret', ts, 'zz', body, now)).toBe('bad_signature');
  });

  it('refuses a delivery older (or newer) than five minutes', () => {
    const old = String(now.getTime() / 1000 - 301);
    expect(verifyGatewaySignature('s3cret', old, gatewaySignature('s3cret', old, body), body, now)).toBe(
      'stale',
    );
    const edge = String(now.getTime() / 1000 - 300);
    expect(verifyGatewaySignature('s3cret', edge, gatewaySignature('s3cret', edge, body), body, now)).toBe(
      'ok',
    );
  });
});
