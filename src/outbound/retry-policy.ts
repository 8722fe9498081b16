/**
 * What to do with a failed send. Teams throttling (429), a concurrent update (412) and gateway
 * errors (502, 504) are retried with exponential backoff and full jitter, never sooner than
 * the channel's Retry-After. 403 MessageWritesBlocked / ConversationBlockedByUser (the app was
 * uninstalled or blocked) is final and reported. Anything else is final.
 */
export type Verdict = 'retry' | 'blocked' | 'final';

const RETRIED = new Set([429, 412, 502, 504]);
const BLOCKED_CODES = /MessageWritesBlocked|ConversationBlockedByUser/i;
/**
 * Transport failures with no HTTP answer: worth another try. REQUEST_SEND_ERROR is how the
 * Azure HTTP pipeline the Bot Framework connector uses reports a connection dropped mid-request.
 */
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'REQUEST_SEND_ERROR',
]);

interface ErrorLike {
  statusCode?: unknown;
  status?: unknown;
  code?: unknown;
  message?: unknown;
  headers?: unknown;
  retryAfter?: unknown;
  response?: { status?: unknown; headers?: unknown; bodyAsText?: unknown };
  body?: unknown;
  details?: unknown;
}

const asErrorLike = (error: unknown): ErrorLike =>
  typeof error === 'object' && error !== null ? (error as ErrorLike) : {};

export function statusCodeOf(error: unknown): number | undefined {
  const e = asErrorLike(error);
  const status = e.statusCode ?? e.status ?? e.response?.status;
  return typeof status === 'number' ? status : undefined;
}

export function classify(error: unknown): Verdict {
  const status = statusCodeOf(error);
  if (status === 403) return BLOCKED_CODES.test(describe(error)) ? 'blocked' : 'final';
  if (status !== undefined) return RETRIED.has(status) ? 'retry' : 'final';
  const code = asErrorLike(error).code;
  return typeof code === 'string' && NETWORK_CODES.has(code) ? 'retry' : 'final';
}

/** Everything an error says about itself, for spotting the blocked codes wherever the SDK puts them. */
function describe(error: unknown): string {
  const e = asErrorLike(error);
  const parts = [e.code, e.message, e.response?.bodyAsText, e.body, e.details];
  return parts.map((p) => (typeof p === 'string' ? p : p === undefined ? '' : safeJson(p))).join(' ');
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return '';
  }
}

/** The Retry-After the channel asked for, in ms: seconds or an HTTP date, on `headers`, `response.headers` or `retryAfter` (seconds). */
export function retryAfterMs(error: unknown, now: number): number | undefined {
  const e = asErrorLike(error);
  if (typeof e.retryAfter === 'number' && e.retryAfter >= 0) return e.retryAfter * 1000;
  const raw =
    header(e.headers, 'retry-after') ??
    header(e.response?.headers, 'retry-after') ??
    (typeof e.retryAfter === 'string' ? e.retryAfter : undefined);
  if (raw === undefined) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function header(headers: unknown, name: string): string | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  const getter = (headers as { get?: unknown }).get;
  if (typeof getter === 'function') {
    const value: unknown = getter.call(headers, name);
    if (typeof value === 'string') return value;
  }
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? String(value[0]) : String(value);
  }
  return undefined;
}

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

/** Full jitter: a random wait up to base * 2^(attempt-1), capped; never under Retry-After. */
export function backoffMs(attempt: number, random: number, options: BackoffOptions, retryAfter?: number): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** (attempt - 1));
  const jittered = Math.floor(random * ceiling);
  return retryAfter === undefined ? jittered : Math.max(retryAfter, jittered);
}
