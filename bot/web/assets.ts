import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { HttpRequest, HttpResponse } from '../platform/types';
import { FRAME_ANCESTORS_DIRECTIVE } from './framing';

// Files served whole from memory, with their security headers: the tab's page and scripts, and the console's.

/** teams-js fetches an up-to-date list of host origins from here, and falls back to its own list when it cannot. */
const TEAMS_JS_ORIGINS_CDN = 'https://res.cdn.office.net';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  `connect-src 'self' ${TEAMS_JS_ORIGINS_CDN}`,
  "base-uri 'none'",
  "form-action 'none'",
  FRAME_ANCESTORS_DIRECTIVE,
].join('; ');

export const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
} as const;

export const TYPES = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
} as const;

export interface Asset {
  readonly body: Buffer;
  readonly gzipped: Buffer;
  readonly etag: string;
  readonly type: string;
}

export function asset(body: Buffer, type: string): Asset {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
  return { body, gzipped: gzipSync(body), etag, type };
}

/** Sends a file, or 304 when the browser already has it. Every file is revalidated on each load (`no-cache`). */
export function sendAsset(req: HttpRequest, res: HttpResponse, file: Asset): void {
  const headers: Record<string, string> = {
    ...SECURITY_HEADERS,
    'content-type': file.type,
    'cache-control': 'no-cache',
    etag: file.etag,
    vary: 'Accept-Encoding',
  };
  if (file.type === TYPES.html) headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
  if (req.headers['if-none-match'] === file.etag) {
    res.sendRaw(304, '', headers);
    return;
  }
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = gzip ? file.gzipped : file.body;
  if (gzip) headers['content-encoding'] = 'gzip';
  headers['content-length'] = String(body.length);
  res.sendRaw(200, body, headers);
}
