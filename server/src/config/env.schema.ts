import { createHash, randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CARRIER_NAMES, isE164, type CarrierName } from '@recupera/shared';

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  databaseUrl: string;
  redisUrl: string;
  jwtSecret: string;
  /** True when no JWT_SECRET was given and an ephemeral one was generated (development only). */
  jwtSecretGenerated: boolean;
  /**
   * AES-256 key for secrets kept in the database (payment gateways' HMAC secrets):
   * DATA_ENCRYPTION_KEY, 64 hex characters; required in production, a fixed development key otherwise.
   */
  dataKey: Buffer;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  loginMaxFailures: number;
  loginLockSeconds: number;
  importMaxBytes: number;
  uploadDir: string;
  consoleDir: string;
  seedDemo: boolean;
  /** The public UCI portfolio the demo bank is built from (shared/data beside the repository). */
  demoUciFile: string;
  /** Prefix of every BullMQ key, so several deployments (or test runs) can share one Redis. */
  queuePrefix: string;
  /** Whether this process consumes queued jobs (the import CLI does not: it runs its own import). */
  runWorkers: boolean;
  /** Rows in each INSERT batch of an import. */
  importBatchSize: number;
  /** Import batches written at once, each on its own connection. */
  importWriteConcurrency: number;
  /** Whether this process runs the dialer's queues (pacing ticks, dials, retries, callbacks). */
  runDialer: boolean;
  /** The telephony carrier: the built-in simulated one, or Twilio. */
  carrier: CarrierName;
  /** IANA zone campaign schedules are written in (the agency's); debtors' windows use their own zones. */
  agencyTimeZone: string;
  /** The agency's name as scripts say it to debtors (MX: identify the agency at first contact). */
  agencyName: string;
  /** Caller id every outbound call shows, E.164. */
  callerId: string;
  /** Seed of the simulated carrier's draws, so a floor replays the same way. */
  simulatedCarrierSeed: number;
  /** Which scenario the simulated carrier plays: `reference` (people, machines, busy lines) or `bench-floor`. */
  simulatedCarrierScenario: 'reference' | 'bench-floor' | 'everyone-answers';
  /** Time scale of the simulated carrier's scenario (1 = real durations; 0.1 = ten times faster). */
  simulatedCarrierTimeScale: number;
  twilio: TwilioConfig | null;
  /** The carrier account's calls-per-second limit (Twilio's default is 1). */
  dialerCallsPerSecond: number;
  /** The carrier account's concurrent lines. */
  dialerMaxLines: number;
  /**
   * Simulated agents the demo floor runs on the demo agency (simulated carrier only); 0 turns them
   * off. agente1 and agente9 are never among them: they stay free for people to log in as.
   */
  demoAgents: number;
  /** The numbers SMS and WhatsApp messages go from, E.164 (SMS_FROM, WHATSAPP_FROM; the caller id by default). */
  messagingFrom: { sms: string; whatsapp: string };
  /**
   * The simulated carrier signs its message webhooks as Twilio does, with this token
   * (SIMULATED_CARRIER_AUTH_TOKEN; a fixed development token unless production).
   */
  simulatedCarrierAuthToken: string;
  /**
   * The simulated carrier reports messages to numbers ending in these digits undelivered (error
   * 30003), so failure paths can be shown (SIMULATED_CARRIER_UNREACHABLE_SUFFIX, default 0000).
   */
  simulatedCarrierUnreachableSuffix: string;
  /** Seconds a waiting chat is offered to one agent before it passes to the next. */
  chatOfferSeconds: number;
  /** Seconds an agent may stay logged out holding chats before they go back to the queue. */
  chatOfflineGraceSeconds: number;
  /** Messages each process hands the carrier per second, campaigns and reminders together (MESSAGES_PER_SECOND). */
  messagesPerSecond: number;
  /**
   * The creditor sites that embed the debtor's widget, as origins (https://www.banco.example):
   * WIDGET_ALLOWED_ORIGINS, a comma list; `*` allows any, outside production only (its default there).
   */
  widgetAllowedOrigins: WidgetOrigins;
}

export type WidgetOrigins = '*' | readonly string[];

export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  /** Public https origin Twilio reaches the webhooks on, e.g. https://recupera.example.com. */
  webhookBaseUrl: string;
  /** Where the SDK sends its REST calls; Twilio's own API unless set (a proxy, or a test double). */
  apiBaseUrl: string | null;
  /** Browser audio (`@twilio/voice-sdk`): an API key and the TwiML app the softphone dials. */
  voice: TwilioVoiceConfig | null;
}

export interface TwilioVoiceConfig {
  apiKeySid: string;
  apiKeySecret: string;
  twimlAppSid: string;
}

type Env = Record<string, string | undefined>;

function int(env: Env, key: string, fallback: number, problems: string[], min = 0): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    problems.push(`${key} must be an integer >= ${min} (got "${raw}")`);
    return fallback;
  }
  return value;
}

function url(env: Env, key: string, fallback: string, protocols: string[], problems: string[]): string {
  const raw = env[key] || fallback;
  try {
    const parsed = new URL(raw);
    if (!protocols.includes(parsed.protocol))
      problems.push(`${key} must start with ${protocols.join(' or ')} (got "${raw}")`);
  } catch {
    problems.push(`${key} is not a URL (got "${raw}")`);
  }
  return raw;
}

function carrierName(env: Env, problems: string[]): CarrierName {
  const raw = env['CARRIER'] || 'simulated';
  if (!(CARRIER_NAMES as readonly string[]).includes(raw)) {
    problems.push(`CARRIER must be ${CARRIER_NAMES.join(' or ')} (got "${raw}")`);
    return 'simulated';
  }
  return raw as CarrierName;
}

function scenarioName(env: Env, problems: string[]): AppConfig['simulatedCarrierScenario'] {
  const raw = env['SIMULATED_CARRIER_SCENARIO'] || 'reference';
  if (raw !== 'reference' && raw !== 'bench-floor' && raw !== 'everyone-answers') {
    problems.push(
      `SIMULATED_CARRIER_SCENARIO must be reference, bench-floor or everyone-answers (got "${raw}")`,
    );
    return 'reference';
  }
  return raw;
}

function timeZone(env: Env, key: string, fallback: string, problems: string[]): string {
  const raw = env[key] || fallback;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: raw });
  } catch {
    problems.push(`${key} is not an IANA time zone (got "${raw}")`);
    return fallback;
  }
  return raw;
}

/** Signs the simulated carrier's webhooks outside production (tests and demos sign theirs with it). */
export const DEV_SIMULATED_CARRIER_TOKEN = 'recupera-simulated-carrier-dev-token';

function unreachableSuffix(env: Env, problems: string[]): string {
  const raw = env['SIMULATED_CARRIER_UNREACHABLE_SUFFIX'] || '0000';
  if (!/^\d{1,8}$/.test(raw))
    problems.push(`SIMULATED_CARRIER_UNREACHABLE_SUFFIX must be 1 to 8 digits (got "${raw}")`);
  return raw;
}

function e164Setting(env: Env, key: string, fallback: string, problems: string[]): string {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  if (!isE164(raw)) problems.push(`${key} must be an E.164 number such as +15005550006 (got "${raw}")`);
  return raw;
}

function callerId(env: Env, problems: string[]): string {
  const raw = env['CALLER_ID'] || '+5716015000';
  if (!/^\+[1-9]\d{6,14}$/.test(raw))
    problems.push(`CALLER_ID must be an E.164 number such as +5716015000 (got "${raw}")`);
  return raw;
}

function fraction(env: Env, key: string, fallback: number, problems: string[]): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > 1) {
    problems.push(`${key} must be a number in (0, 1] (got "${raw}")`);
    return fallback;
  }
  return value;
}

/** Twilio's credentials are secrets: only ever from the environment, and all three or none. */
function twilioConfig(env: Env, carrier: CarrierName, problems: string[]): TwilioConfig | null {
  if (carrier !== 'twilio') return null;
  const accountSid = env['TWILIO_ACCOUNT_SID'] ?? '';
  const authToken = env['TWILIO_AUTH_TOKEN'] ?? '';
  const webhookBaseUrl = env['TWILIO_WEBHOOK_BASE_URL'] ?? '';
  if (!/^AC[0-9a-f]{32}$/i.test(accountSid))
    problems.push(
      'TWILIO_ACCOUNT_SID must be an account SID (AC followed by 32 hex digits) when CARRIER=twilio',
    );
  if (authToken.length < 16) problems.push('TWILIO_AUTH_TOKEN is required when CARRIER=twilio');
  const base = url(
    env,
    'TWILIO_WEBHOOK_BASE_URL',
    webhookBaseUrl || 'missing:',
    ['https:', 'http:'],
    problems,
  );
  const apiBase = env['TWILIO_API_BASE_URL']
    ? url(env, 'TWILIO_API_BASE_URL', '', ['https:', 'http:'], problems)
    : null;
  return {
    accountSid,
    authToken,
    webhookBaseUrl: base.replace(/\/+$/, ''),
    apiBaseUrl: apiBase,
    voice: twilioVoiceConfig(env, problems),
  };
}

/** The browser softphone's credentials: all three or none (then agents use their own phones). */
function twilioVoiceConfig(env: Env, problems: string[]): TwilioVoiceConfig | null {
  const apiKeySid = env['TWILIO_API_KEY_SID'] ?? '';
  const apiKeySecret = env['TWILIO_API_KEY_SECRET'] ?? '';
  const twimlAppSid = env['TWILIO_TWIML_APP_SID'] ?? '';
  if (!apiKeySid && !apiKeySecret && !twimlAppSid) return null;
  if (!/^SK[0-9a-f]{32}$/i.test(apiKeySid))
    problems.push('TWILIO_API_KEY_SID must be an API key SID (SK followed by 32 hex digits)');
  if (apiKeySecret.length < 16) problems.push('TWILIO_API_KEY_SECRET is required with TWILIO_API_KEY_SID');
  if (!/^AP[0-9a-f]{32}$/i.test(twimlAppSid))
    problems.push('TWILIO_TWIML_APP_SID must be a TwiML app SID (AP followed by 32 hex digits)');
  return { apiKeySid, apiKeySecret, twimlAppSid };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

/** Each entry is an origin only (scheme, host, port): a path or a typo would silently match nothing. */
function widgetOrigins(env: Env, nodeEnv: string, problems: string[]): WidgetOrigins {
  const raw = env['WIDGET_ALLOWED_ORIGINS'] ?? (nodeEnv === 'production' ? '' : '*');
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.includes('*')) {
    if (nodeEnv === 'production')
      problems.push('WIDGET_ALLOWED_ORIGINS may not be * in production: list the sites');
    return '*';
  }
  for (const entry of entries) {
    let origin: string | null = null;
    try {
      const parsed = new URL(entry);
      origin = ['http:', 'https:'].includes(parsed.protocol) ? parsed.origin : null;
    } catch {
      origin = null;
    }
    if (origin !== entry.replace(/\/+$/, ''))
      problems.push(
        `WIDGET_ALLOWED_ORIGINS entries must be origins such as https://www.banco.example (got "${entry}")`,
      );
  }
  return entries.map((entry) => entry.replace(/\/+$/, ''));
}

function dataKey(env: Env, nodeEnv: string, problems: string[]): Buffer {
  const text = env['DATA_ENCRYPTION_KEY'];
  if (!text) {
    if (nodeEnv === 'production') problems.push('DATA_ENCRYPTION_KEY is required in production');
    return createHash('sha256').update('recupera development data key').digest();
  }
  if (!/^[0-9a-fA-F]{64}$/.test(text))
    problems.push('DATA_ENCRYPTION_KEY must be 64 hex characters (32 bytes)');
  return Buffer.from(text.padEnd(64, '0').slice(0, 64), 'hex');
}

/** Reads and validates the environment once; every problem is reported on its own line. */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const nodeEnv = (env['NODE_ENV'] ?? 'development') as AppConfig['nodeEnv'];
  if (!['development', 'production', 'test'].includes(nodeEnv))
    problems.push(`NODE_ENV must be development, production or test`);
  const secret = env['JWT_SECRET'];
  if (secret !== undefined && secret.length < 32) problems.push('JWT_SECRET must be at least 32 characters');
  if (!secret && nodeEnv === 'production') problems.push('JWT_SECRET is required in production');
  const config: AppConfig = {
    nodeEnv,
    port: int(env, 'PORT', 3000, problems, 1),
    databaseUrl: url(
      env,
      'DATABASE_URL',
      'mysql://root@127.0.0.1:3306/recupera',
      ['mysql:', 'mariadb:'],
      problems,
    ),
    redisUrl: url(env, 'REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:'], problems),
    jwtSecret: secret || randomBytes(48).toString('base64url'),
    jwtSecretGenerated: !secret,
    dataKey: dataKey(env, nodeEnv, problems),
    accessTokenTtlSeconds: int(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, problems, 30),
    refreshTokenTtlSeconds: int(env, 'REFRESH_TOKEN_TTL_SECONDS', 7 * 24 * 3600, problems, 60),
    loginMaxFailures: int(env, 'LOGIN_MAX_FAILURES', 5, problems, 1),
    loginLockSeconds: int(env, 'LOGIN_LOCK_SECONDS', 300, problems, 1),
    importMaxBytes: int(env, 'IMPORT_MAX_BYTES', 512 * 1024 * 1024, problems, 1024),
    uploadDir: env['UPLOAD_DIR'] || join(tmpdir(), 'recupera-uploads'),
    consoleDir: env['CONSOLE_DIR'] || 'dist/console/browser',
    seedDemo: (env['SEED_DEMO'] ?? 'true') !== 'false',
    demoUciFile: env['DEMO_UCI_FILE'] || join('..', 'shared', 'data', 'uci-credit-card-default.csv'),
    importBatchSize: int(env, 'IMPORT_BATCH_SIZE', 2000, problems, 1),
    importWriteConcurrency: int(env, 'IMPORT_WRITE_CONCURRENCY', 2, problems, 1),
    runWorkers: (env['RUN_WORKERS'] ?? 'true') !== 'false',
    queuePrefix: env['QUEUE_PREFIX'] || 'recupera',
    runDialer: (env['RUN_DIALER'] ?? 'true') !== 'false',
    carrier: carrierName(env, problems),
    agencyTimeZone: timeZone(env, 'AGENCY_TIME_ZONE', 'America/Bogota', problems),
    agencyName: env['AGENCY_NAME'] || 'Recupera Cobranzas',
    callerId: callerId(env, problems),
    simulatedCarrierSeed: int(env, 'SIMULATED_CARRIER_SEED', 2026, problems),
    simulatedCarrierScenario: scenarioName(env, problems),
    simulatedCarrierTimeScale: fraction(env, 'SIMULATED_CARRIER_TIME_SCALE', 1, problems),
    twilio: null,
    dialerCallsPerSecond: int(env, 'DIALER_CALLS_PER_SECOND', 5, problems, 1),
    dialerMaxLines: int(env, 'DIALER_MAX_LINES', 200, problems, 1),
    // 14: every demo agent but the two the README lists for people; tests ask for bots explicitly.
    demoAgents: int(env, 'DEMO_AGENTS', nodeEnv === 'test' ? 0 : 14, problems),
    messagingFrom: { sms: '', whatsapp: '' },
    simulatedCarrierAuthToken: env['SIMULATED_CARRIER_AUTH_TOKEN'] || DEV_SIMULATED_CARRIER_TOKEN,
    simulatedCarrierUnreachableSuffix: unreachableSuffix(env, problems),
    chatOfferSeconds: int(env, 'CHAT_OFFER_SECONDS', 20, problems, 1),
    chatOfflineGraceSeconds: int(env, 'CHAT_OFFLINE_GRACE_SECONDS', 120, problems, 0),
    messagesPerSecond: int(env, 'MESSAGES_PER_SECOND', 10, problems, 1),
    widgetAllowedOrigins: widgetOrigins(env, nodeEnv, problems),
  };
  config.twilio = twilioConfig(env, config.carrier, problems);
  if (nodeEnv === 'production' && config.carrier === 'simulated' && !env['SIMULATED_CARRIER_AUTH_TOKEN'])
    problems.push('SIMULATED_CARRIER_AUTH_TOKEN is required in production with CARRIER=simulated');
  config.messagingFrom = {
    sms: e164Setting(env, 'SMS_FROM', config.callerId, problems),
    whatsapp: e164Setting(env, 'WHATSAPP_FROM', config.callerId, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
