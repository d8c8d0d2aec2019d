import { toBase64Url } from '../core/base64url';
import { canonicalJson } from '../core/canonical-json';
import type { Rubric } from '../core/schema';

const digests = new WeakMap<Rubric, Promise<string>>();

/**
 * SHA-256 of a rubric's canonical JSON, base64url: equal rubrics, equal
 * digests, whatever their key order. It names a stored rubric snapshot and a
 * shared preset. Cached per rubric object: a wizard saves the same one often.
 */
export function rubricDigest(rubric: Rubric): Promise<string> {
  let digest = digests.get(rubric);
  if (digest === undefined) {
    digest = digestOf(canonicalJson(rubric));
    digests.set(rubric, digest);
  }
  return digest;
}

async function digestOf(text: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) throw new Error('WebCrypto is not available here');
  const bytes = new TextEncoder().encode(text);
  return toBase64Url(new Uint8Array(await subtle.digest('SHA-256', bytes)));
}
