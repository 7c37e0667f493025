import { describe, expect, it } from 'vitest';
import { checkFileLink, FILE_LINK_WINDOW_SECONDS, signedFileUrl } from './file-links.js';

const secret = 'x'.repeat(40);
const id = '6f1c1d9e-4a7b-4c1e-9a55-0d2c3b4a5e6f';
const parts = (url: string) => {
  const u = new URL(url, 'http://x');
  return { expires: Number(u.searchParams.get('expires')), signature: u.searchParams.get('signature')! };
};

describe('file links', () => {
  it('live between one and two windows, and one window hands out one URL (browser caches keep working)', () => {
    const start = Date.UTC(2026, 11, 7, 12, 0, 0);
    const a = signedFileUrl(secret, id, start);
    expect(signedFileUrl(secret, id, start + (FILE_LINK_WINDOW_SECONDS - 1) * 1000)).toBe(a);
    const { expires, signature } = parts(a);
    expect(checkFileLink(secret, id, expires, signature, start)).toEqual({ ok: true, secondsLeft: 2 * FILE_LINK_WINDOW_SECONDS });
    expect(checkFileLink(secret, id, expires, signature, start + 2 * FILE_LINK_WINDOW_SECONDS * 1000)).toEqual({ ok: false, reason: 'expired' });
    const late = parts(signedFileUrl(secret, id, start + (FILE_LINK_WINDOW_SECONDS - 1) * 1000));
    expect(checkFileLink(secret, id, late.expires, late.signature, start + (FILE_LINK_WINDOW_SECONDS - 1) * 1000)).toEqual({ ok: true, secondsLeft: FILE_LINK_WINDOW_SECONDS + 1 });
  });

  it('are bound to the file, the expiry and the secret', () => {
    const { expires, signature } = parts(signedFileUrl(secret, id));
    expect(checkFileLink(secret, id.replace('6f', '7f'), expires, signature).ok).toBe(false);
    expect(checkFileLink(secret, id, expires + 1, signature).ok).toBe(false);
    expect(checkFileLink('y'.repeat(40), id, expires, signature).ok).toBe(false);
    expect(checkFileLink(secret, id, expires, signature.slice(1)).ok).toBe(false);
  });
});
