import { ConfigError, loadConfig } from './env.schema';

describe('loadConfig', () => {
  it('has working defaults for a development machine', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: 'mysql://root@127.0.0.1:3306/recupera',
      redisUrl: 'redis://127.0.0.1:6379',
      jwtSecretGenerated: true,
    });
    expect(config.jwtSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('reports every bad value at once', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'postgres://x', JWT_SECRET: 'short' })).toThrow(
      ConfigError,
    );
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'postgres://x', JWT_SECRET: 'short' });
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'JWT_SECRET must be at least 32 characters',
        'PORT must be an integer >= 1 (got "abc")',
        'DATABASE_URL must start with mysql: or mariadb: (got "postgres://x")',
      ]);
    }
  });

  it('requires the secrets in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow('JWT_SECRET is required in production');
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) })).toThrow(
      'DATA_ENCRYPTION_KEY is required in production',
    );
    const key = 'ab'.repeat(32);
    expect(() =>
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), DATA_ENCRYPTION_KEY: key }),
    ).toThrow('SIMULATED_CARRIER_AUTH_TOKEN is required in production with CARRIER=simulated');
    const config = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      DATA_ENCRYPTION_KEY: key,
      SIMULATED_CARRIER_AUTH_TOKEN: 'y'.repeat(32),
    });
    expect(config.jwtSecretGenerated).toBe(false);
    expect(config.dataKey.toString('hex')).toBe(key);
  });

  it("lets the widget run on any site in development, and only on the listed sites' origins in production", () => {
    expect(loadConfig({}).widgetAllowedOrigins).toBe('*');
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      DATA_ENCRYPTION_KEY: 'ab'.repeat(32),
      SIMULATED_CARRIER_AUTH_TOKEN: 'y'.repeat(32),
    };
    expect(loadConfig(production).widgetAllowedOrigins).toEqual([]);
    expect(
      loadConfig({
        ...production,
        WIDGET_ALLOWED_ORIGINS: 'https://www.banco.example/, http://localhost:8080',
      }).widgetAllowedOrigins,
    ).toEqual(['https://www.banco.example', 'http://localhost:8080']);
    expect(() => loadConfig({ ...production, WIDGET_ALLOWED_ORIGINS: '*' })).toThrow(
      'WIDGET_ALLOWED_ORIGINS may not be * in production',
    );
    expect(() => loadConfig({ WIDGET_ALLOWED_ORIGINS: 'www.banco.example,https://x.example/pagos' })).toThrow(
      'WIDGET_ALLOWED_ORIGINS entries must be origins such as https://www.banco.example (got "www.banco.example")',
    );
  });

  it('refuses a data key that is not 32 bytes of hex', () => {
    expect(() => loadConfig({ DATA_ENCRYPTION_KEY: 'not-hex' })).toThrow(
      'DATA_ENCRYPTION_KEY must be 64 hex characters (32 bytes)',
    );
  });
});
