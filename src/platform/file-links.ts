/**
 * Short-lived signed links to private files. The bytes of a private file (an ID photo, a certificate, complaint
 * evidence, an order photo) are served only against a link signed here; a link is minted only after the access check
 * of the route that hands it out (the file's owner, an order's party, an auditing reviewer), which answers with a
 * redirect to it. A link names one file, carries its expiry and an HMAC-SHA256 of both under a key derived from
 * APP_SECRET, so any instance checks any other's links and nobody can stretch or move one.
 *
 * Expiries are rounded up to the next window boundary plus one window, so a link lives between one and two windows
 * and the same file asked for twice within a window gets the same URL (the browser's cache keeps working).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const FILE_LINK_WINDOW_SECONDS = 300;

const keys = new Map<string, Buffer>();
const keyOf = (appSecret: string) => {
  let key = keys.get(appSecret);
  if (!key) {
    key = createHmac('sha256', appSecret).update('daojia file links v1').digest();
    keys.set(appSecret, key);
  }
  return key;
};

const signatureOf = (appSecret: string, fileId: string, expires: number) =>
  createHmac('sha256', keyOf(appSecret)).update(`${fileId}.${expires}`).digest('base64url');

/** The signed URL of a private file, valid for one to two windows from `now`. */
export function signedFileUrl(appSecret: string, fileId: string, now = Date.now()): string {
  const windowMs = FILE_LINK_WINDOW_SECONDS * 1000;
  const expires = (Math.floor(now / windowMs) + 2) * FILE_LINK_WINDOW_SECONDS;
  return `/api/files/${fileId}?expires=${expires}&signature=${signatureOf(appSecret, fileId, expires)}`;
}

export type LinkCheck = { ok: true; secondsLeft: number } | { ok: false; reason: 'invalid' | 'expired' };

/** Checks a link's signature (in constant time) and expiry. */
export function checkFileLink(appSecret: string, fileId: string, expires: number, signature: string, now = Date.now()): LinkCheck {
  const expected = Buffer.from(signatureOf(appSecret, fileId, expires));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  const secondsLeft = expires - Math.floor(now / 1000);
  return secondsLeft > 0 ? { ok: true, secondsLeft } : { ok: false, reason: 'expired' };
}
