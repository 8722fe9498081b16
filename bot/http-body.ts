/**
 * Request bodies as the bot accepts them: JSON only, read into memory up to a byte limit that
 * holds whatever the client declares (Content-Length or chunked), never written to disk. A
 * body refused early is discarded unread, so a large upload costs the sender, not the bot.
 */
import type { IncomingMessage } from 'node:http';

/** The largest body read: a card's data with every input at its limit fits many times over. */
export const MAX_BODY_BYTES = 1024 * 1024;

export type BodyRead = { ok: true; value: unknown } | { ok: false; status: 400 | 413 | 415; error: string };

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Whether the request carries a body at all (a POST with no body is allowed on some routes). */
export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

export function isJson(req: IncomingMessage): boolean {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json';
}

export async function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyRead> {
  if (!isJson(req)) return refuse(req, 415, 'Send the body as application/json.');
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return refuse(req, 413, 'The body is too large.');

  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (read: BodyRead) => {
      if (settled) return;
      settled = true;
      chunks.length = 0;
      resolve(read);
    };
    // Data goes on flowing after a refusal and is dropped: the answer can be sent at once.
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) settle({ ok: false, status: 413, error: 'The body is too large.' });
      else chunks.push(chunk);
    });
    req.on('error', () => settle({ ok: false, status: 400, error: 'The body could not be read.' }));
    req.on('end', () => settle(parse(Buffer.concat(chunks))));
  });
}

function parse(bytes: Buffer): BodyRead {
  try {
    return { ok: true, value: JSON.parse(decoder.decode(bytes)) };
  } catch {
    return { ok: false, status: 400, error: 'The body is not JSON.' };
  }
}

/** Refuses without reading: the rest of the body is discarded as it arrives, never kept. */
export function refuse<S extends 400 | 401 | 413 | 415>(req: IncomingMessage, status: S, error: string) {
  discard(req);
  return { ok: false as const, status, error };
}

export function discard(req: IncomingMessage): void {
  if (!req.readableEnded) req.resume();
}
