import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';

/** Typed configuration; the only place that reads `process.env`. */
const ConfigSchema = Type.Object({
  port: Type.Integer({ minimum: 0, maximum: 65535 }),
  host: Type.String(),
  dataDir: Type.String({ minLength: 1 }),
  databaseUrl: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  appSecret: Type.String({ minLength: 32 }),
  logLevel: Type.Union([Type.Literal('fatal'), Type.Literal('error'), Type.Literal('warn'), Type.Literal('info'), Type.Literal('debug'), Type.Literal('trace'), Type.Literal('silent')]),
  publicUrl: Type.String(),
  cityCode: Type.String(),
  nodeEnv: Type.String(),
  /** Serve the built portals from web/dist (off in API-only tests). */
  serveWeb: Type.Boolean(),
  /** Print SMS / e-mail outbox messages to the log (dev convenience). */
  logOutbox: Type.Boolean(),
  /** Behind a load balancer: true, or the proxies' addresses/CIDRs (comma-separated), so request.ip is the client's. */
  trustProxy: Type.Union([Type.Boolean(), Type.String()]),
  /** Uploaded files: `local` (DATA_DIR/uploads) or an S3-compatible bucket. */
  storage: Type.Union([
    Type.Object({ driver: Type.Literal('local') }),
    Type.Object({ driver: Type.Literal('s3'), endpoint: Type.String({ pattern: '^https?://' }), bucket: Type.String({ minLength: 3 }), region: Type.String({ minLength: 1 }), accessKeyId: Type.String({ minLength: 1 }), secretAccessKey: Type.String({ minLength: 1 }) }),
  ]),
  /** Seed the demo city on start (default: on for embedded PGlite, off for DATABASE_URL). */
  seedDemo: Type.Boolean(),
  /** Extra PII keys (`id` → secret ≥ 32 chars) from PII_KEYS, and the one new values are sealed with (`v1`: APP_SECRET's). */
  piiKeys: Type.Record(Type.String({ pattern: '^[a-z0-9]{1,16}$' }), Type.String({ minLength: 32 })),
  piiKeyId: Type.String({ pattern: '^[a-z0-9]{1,16}$' }),
  /** The external services' adapters (only the local simulators are built in today: see PROVIDERS). */
  providers: Type.Object({
    sms: Type.Literal('outbox'), mail: Type.Literal('outbox'), pay: Type.Literal('simulator'),
    kyc: Type.Literal('local'), relay: Type.Literal('local'), map: Type.Literal('local'),
  }),
});
export type Config = Static<typeof ConfigSchema>;

export class ConfigError extends Error {}

/**
 * Each external service: its environment variable and the adapters that exist. The first is the local simulator,
 * the development default; in production it runs only when named explicitly (and start-up warns loudly).
 */
export const PROVIDERS = {
  sms: { env: 'SMS_PROVIDER', adapters: ['outbox'], what: 'SMS (sign-in codes, notices)', simulated: 'messages land in the outbox table; nobody receives them' },
  mail: { env: 'MAIL_PROVIDER', adapters: ['outbox'], what: 'e-mail', simulated: 'mail lands in the outbox table; nobody receives it' },
  pay: { env: 'PAY_PROVIDER', adapters: ['simulator'], what: 'payments, refunds and payouts', simulated: 'the /paysim cashier marks charges paid with no money moving' },
  kyc: { env: 'KYC_PROVIDER', adapters: ['local'], what: 'real-name checks', simulated: 'ID numbers are checked for form only, not against the register' },
  relay: { env: 'RELAY_PROVIDER', adapters: ['local'], what: 'relay numbers (隐私号)', simulated: 'relay numbers are made up and connect no call' },
  map: { env: 'MAP_PROVIDER', adapters: ['local'], what: 'maps and geocoding', simulated: 'an offline Shanghai gazetteer and straight-line distances' },
} as const;
export type ProviderKey = keyof typeof PROVIDERS;

/** The adapters from the environment; in production every unset one is a problem (named with how to fix it). */
function providersFrom(env: NodeJS.ProcessEnv, production: boolean) {
  const chosen: Record<string, string> = {};
  const problems: string[] = [];
  for (const [key, p] of Object.entries(PROVIDERS)) {
    const value = env[p.env];
    if (value && !(p.adapters as readonly string[]).includes(value)) problems.push(`${p.env}=${value} is not an adapter for ${p.what} (available: ${p.adapters.join(', ')})`);
    else if (!value && production) problems.push(`${p.env} is not set: production needs a real provider for ${p.what}, and none is configured (set ${p.env}=${p.adapters[0]} to run on the local simulator anyway: ${p.simulated})`);
    chosen[key] = value || p.adapters[0];
  }
  return { chosen: chosen as Config['providers'], problems };
}

/** Start-up warnings: every local simulator running in production (each was named explicitly, or start-up failed). */
export function simulatorWarnings(config: Config): string[] {
  if (config.nodeEnv !== 'production') return [];
  return (Object.keys(PROVIDERS) as ProviderKey[]).map((key) => {
    const p = PROVIDERS[key];
    return `${p.env}=${config.providers[key]}: ${p.what} run on the LOCAL SIMULATOR in production — ${p.simulated}`;
  });
}

/** Builds the config from environment variables, validating once; throws ConfigError with every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const dataDir = resolve(overrides.dataDir ?? env.DATA_DIR ?? './data');
  const port = overrides.port ?? Number(env.PORT ?? 3000);
  const providers = providersFrom(env, (overrides.nodeEnv ?? env.NODE_ENV) === 'production');
  const candidate = {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    appSecret: env.APP_SECRET ?? '',
    logLevel: env.LOG_LEVEL ?? 'info',
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${port}`,
    cityCode: env.CITY_CODE ?? '310100',
    nodeEnv: env.NODE_ENV ?? 'development',
    serveWeb: env.SERVE_WEB !== '0',
    logOutbox: (env.LOG_OUTBOX ?? (env.NODE_ENV === 'production' ? '0' : '1')) !== '0',
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    storage: env.STORAGE_DRIVER === 's3'
      ? { driver: 's3' as const, endpoint: env.S3_ENDPOINT ?? '', bucket: env.S3_BUCKET ?? '', region: env.S3_REGION ?? 'us-east-1', accessKeyId: env.S3_ACCESS_KEY_ID ?? '', secretAccessKey: env.S3_SECRET_ACCESS_KEY ?? '' }
      : { driver: 'local' as const },
    seedDemo: (env.SEED_DEMO ?? (env.DATABASE_URL ? '0' : '1')) !== '0',
    providers: providers.chosen,
    piiKeys: parsePiiKeys(env.PII_KEYS),
    piiKeyId: env.PII_KEY_ID || 'v1',
    ...overrides,
  };
  const problems = [...providers.problems];
  if (candidate.piiKeyId !== 'v1' && !(candidate.piiKeyId in candidate.piiKeys)) problems.push(`PII_KEY_ID=${candidate.piiKeyId} is not among PII_KEYS (${Object.keys(candidate.piiKeys).join(', ') || 'none'})`);
  if (!candidate.appSecret && candidate.nodeEnv === 'production') problems.unshift('APP_SECRET (at least 32 characters) is required in production: every instance must share one');
  else if (!candidate.appSecret) candidate.appSecret = localSecret(dataDir);
  const errors = [...Value.Errors(ConfigSchema, candidate)].filter((e) => candidate.appSecret || e.instancePath !== '/appSecret');
  if (errors.length > 0 || problems.length > 0) {
    const lines = [...problems.map((p) => `  ${p}`), ...errors.map((e) => `  ${e.instancePath || '/'}: ${e.message}`)];
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return candidate as Config;
}

/** `PII_KEYS=k2:secret,k3:secret` → { k2: 'secret', k3: 'secret' } (a secret may not contain a comma). */
function parsePiiKeys(value: string | undefined): Record<string, string> {
  if (!value) return {};
  return Object.fromEntries(value.split(',').map((pair) => pair.trim()).filter(Boolean).map((pair) => {
    const at = pair.indexOf(':');
    return at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
  }));
}

function parseTrustProxy(value: string | undefined): boolean | string {
  if (!value || ['0', 'false', 'no'].includes(value)) return false;
  return ['1', 'true', 'yes'].includes(value) ? true : value;
}

/**
 * Without APP_SECRET a random secret is kept in the data directory, so a single embedded
 * install needs no setup. Production (several instances) must share one APP_SECRET.
 */
function localSecret(dataDir: string): string {
  const file = join(dataDir, 'app-secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
