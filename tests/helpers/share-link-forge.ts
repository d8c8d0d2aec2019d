import { webcrypto } from 'node:crypto';
import { createDeflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib';

/*
 * An independent implementation of the share-link format (v1), for links the
 * app would never make: hostile payloads, bombs, thousands of references.
 */

function fragmentOf(rawKey: Uint8Array, iv: Uint8Array, sealed: ArrayBuffer): string {
  const body = Buffer.concat([iv, Buffer.from(sealed)]);
  return `#share=v1.${Buffer.from(rawKey).toString('base64url')}.${body.toString('base64url')}`;
}

async function encrypt(compressed: Uint8Array, rawKey: Uint8Array): Promise<string> {
  const iv = webcrypto.getRandomValues(new Uint8Array(12));
  const key = await webcrypto.subtle.importKey('raw', rawKey, 'AES-GCM', false, ['encrypt']);
  const sealed = await webcrypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, compressed);
  return fragmentOf(rawKey, iv, sealed);
}

/** `#share=v1.…` holding `payload` (the JSON text, or raw bytes), deflated and sealed. */
export async function sealShare(
  payload: string | Uint8Array,
  rawKey = webcrypto.getRandomValues(new Uint8Array(32)),
): Promise<string> {
  const bytes = typeof payload === 'string' ? new TextEncoder().encode(payload) : payload;
  return encrypt(deflateRawSync(bytes), rawKey);
}

/** A link whose content inflates to `megabytes` of spaces, built without holding them in memory. */
export async function sealBomb(megabytes: number): Promise<string> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const block = Buffer.alloc(1024 * 1024, 0x20);
  for (let i = 0; i < megabytes; i += 1) {
    if (!deflate.write(block)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return encrypt(Buffer.concat(chunks), webcrypto.getRandomValues(new Uint8Array(32)));
}

/** Decrypts and inflates a link with Node alone: what the link really holds. */
export async function unsealShare(fragment: string): Promise<unknown> {
  const [, keyText, bodyText] = fragment.slice(fragment.indexOf('#share=') + 7).split('.');
  const body = Buffer.from(bodyText!, 'base64url');
  const key = await webcrypto.subtle.importKey(
    'raw',
    Buffer.from(keyText!, 'base64url'),
    'AES-GCM',
    false,
    ['decrypt'],
  );
  const plain = await webcrypto.subtle.decrypt(
    { name: 'AES-GCM', iv: body.subarray(0, 12) },
    key,
    body.subarray(12),
  );
  return JSON.parse(inflateRawSync(Buffer.from(plain)).toString('utf8'));
}

/**
 * A deal link with `count` minimal assessments, each pointing at the shipped
 * preset by reference (`ref`, taken from a link the app made): a few KB that
 * would stand for `count` full rubrics.
 */
export function amplifiedPayload(ref: unknown, count: number, version: number): string {
  const assessments = Array.from({ length: count }, (_, i) => ({
    format: 'moatscore.assessment',
    version,
    id: `c${i}`,
    deal: 'x',
    company: { name: 'x', stage: 'seed', sector: '' },
    evaluator: { name: 'x', role: 'founder' },
    createdAt: '2026-11-30T00:00:00.000Z',
    updatedAt: '2026-11-30T00:00:00.000Z',
    rubric: ref,
    answers: {},
    dealBreakers: {},
  }));
  const bundle = { format: 'moatscore.bundle', version: 1, exportedAt: 'x', assessments };
  return JSON.stringify({ kind: 'deal', file: JSON.stringify(bundle) });
}
