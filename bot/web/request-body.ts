import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';

/** What a body is read from: a request (or, in tests, any stream with a request's headers). */
export type BodySource = Pick<Readable, 'on' | 'off' | 'pause'> & { readonly headers: IncomingHttpHeaders };

/** What a request body became: an activity-shaped object, or a fixed reason it was refused. */
export type BodyResult =
  | { readonly ok: true; readonly body: Record<string, unknown> }
  | { readonly ok: false; readonly status: 400 | 413 | 415 };

/** The fixed replies to bodies we refuse. They never repeat anything the caller sent. */
export const BODY_ERRORS = Object.freeze({
  400: { code: 'BadRequest', message: 'The request is not a Bot Framework activity in JSON.' },
  413: { code: 'PayloadTooLarge', message: 'The request is too large.' },
  415: { code: 'UnsupportedMediaType', message: 'Send the activity as JSON (Content-Type: application/json).' },
});

/** application/json, with or without parameters (charset=utf-8 is what the Bot Connector sends). */
export function isJson(contentType: string | undefined): boolean {
  return /^application\/json\s*(;|$)/i.test((contentType ?? '').trim());
}

/**
 * Reads a JSON body into memory, never to disk, and stops at `limit` bytes. Only JSON is read: any
 * other content type is refused before a byte of the body is looked at. The body must be an
 * object with a string `type`, as every Bot Framework activity has.
 */
export async function readJsonBody(req: BodySource, limit: number): Promise<BodyResult> {
  if (!isJson(req.headers['content-type'])) return { ok: false, status: 415 };
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return { ok: false, status: 413 };
  const chunks: Buffer[] = [];
  let size = 0;
  const tooLarge = await new Promise<boolean>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        chunks.length = 0;
        // Stop reading; the reply closes the connection, so the rest is never taken in.
        req.pause();
        resolve(true);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(false);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
  if (tooLarge) return { ok: false, status: 413 };
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks, size).toString('utf8'));
  } catch {
    return { ok: false, status: 400 };
  }
  if (
    typeof body !== 'object' ||
    body === null ||
    Array.isArray(body) ||
    typeof (body as { type?: unknown }).type !== 'string'
  )
    return { ok: false, status: 400 };
  return { ok: true, body: fixTimestamps(body as Record<string, unknown>) };
}

/** What botbuilder's own request handling does to an activity: its times become Dates, the text kept alongside. */
function fixTimestamps(activity: Record<string, unknown>): Record<string, unknown> {
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['expiration', 'rawExpiration'],
    ['localTimestamp', 'rawLocalTimestamp'],
  ] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return activity;
}
