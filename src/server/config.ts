import { z } from 'zod';

/** Environment configuration, parsed once at start; every bad variable is listed together. */
export const ZConfig = z.object({
  TIAODU_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  TIAODU_ADMIN_PASSWORD: z.string().min(8).optional(),
  /** A sign-in session unused for this many minutes ends. */
  TIAODU_SESSION_IDLE_MINUTES: z.coerce.number().positive().default(60),
  /** A sign-in session ends this many hours after sign-in, used or not. */
  TIAODU_SESSION_MAX_HOURS: z.coerce.number().positive().default(12),
  /** Behind a reverse proxy: trust X-Forwarded-For/-Proto for the client address and https. */
  TIAODU_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  TIAODU_BODY_LIMIT_MB: z.coerce.number().positive().default(200),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type TConfig = z.infer<typeof ZConfig>;

/** Parses `env` (default: process.env); throws one error naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): TConfig {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = ZConfig.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid configuration — ${lines.join('; ')}`);
  }
  return parsed.data;
}
