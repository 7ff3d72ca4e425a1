import { randomBytes } from 'node:crypto';
import { openSecret, sealSecret } from './secret-box.util';

describe('secret box', () => {
  const key = randomBytes(32);

  it('opens what it sealed, and every seal differs', () => {
    const a = sealSecret(key, 'gateway-secret');
    expect(openSecret(key, a)).toBe('gateway-secret');
    expect(sealSecret(key, 'gateway-secret')).not.toBe(a);
  });

  it('refuses another key and an altered seal', () => {
    const sealed = sealSecret(key, 'gateway-secret');
    expect(openSecret(randomBytes(32), sealed)).toBeNull();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(openSecret(key, parts.join('.'))).toBeNull();
    expect(openSecret(key, 'garbage')).toBeNull();
  });
});
