import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** 256 random bits: what a cookie or invitation link carries. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The database keeps only this hash of a token, so a leaked table or backup
 * holds no usable session or invitation.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newId(): string {
  return randomUUID();
}
