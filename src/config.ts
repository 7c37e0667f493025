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
});
export type Config = Static<typeof ConfigSchema>;

export class ConfigError extends Error {}

/** Builds the config from environment variables, validating once; throws ConfigError with every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const dataDir = resolve(overrides.dataDir ?? env.DATA_DIR ?? './data');
  const port = overrides.port ?? Number(env.PORT ?? 3000);
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
    ...overrides,
  };
  if (!candidate.appSecret) candidate.appSecret = localSecret(dataDir, candidate.nodeEnv);
  const errors = [...Value.Errors(ConfigSchema, candidate)];
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.instancePath || '/'}: ${e.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return candidate as Config;
}

function parseTrustProxy(value: string | undefined): boolean | string {
  if (!value || ['0', 'false', 'no'].includes(value)) return false;
  return ['1', 'true', 'yes'].includes(value) ? true : value;
}

/**
 * Without APP_SECRET a random secret is kept in the data directory, so a single embedded
 * install needs no setup. Production (several instances) must share one APP_SECRET.
 */
function localSecret(dataDir: string, nodeEnv: string): string {
  if (nodeEnv === 'production') throw new ConfigError('APP_SECRET (at least 32 characters) is required in production');
  const file = join(dataDir, 'app-secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
