import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from '../../src/core/base64url';

describe('base64url', () => {
  it('matches Node for every length, and decodes back', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = webcrypto.getRandomValues(new Uint8Array(n));
      const text = toBase64Url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(fromBase64Url(text)).toEqual(bytes);
    }
  });

  it('refuses padding, other alphabets, impossible lengths and non-canonical endings', () => {
    for (const bad of ['QQ==', 'a+b/', 'A', 'AAAAA', 'QR', 'QUJ', 'a b c']) {
      expect(fromBase64Url(bad), bad).toBeNull();
    }
    expect(fromBase64Url('QQ')).toEqual(new Uint8Array([0x41]));
  });
});
