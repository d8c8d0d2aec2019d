import { fromBase64Url, toBase64Url } from '../core/base64url';
import {
  bundleValue,
  countImportItems,
  MAX_IMPORT_BYTES,
  parseImportValue,
} from '../core/import-file';
import { isRecord, problem, type Problem } from '../core/problems';
import { parseJsonSafely } from '../core/safe-json';
import type { Assessment } from '../core/schema';
import { deflate, inflate, type Bytes } from './deflate-stream';
import { presetRefFor, resolvePresetRefs } from './preset-refs';

/**
 * Private share links (docs/file-format.md). The assessments travel in the URL
 * fragment, `#share=v1.<key>.<payload>`: a bundle file, deflate-compressed,
 * then AES-GCM-256 encrypted with a fresh random key that is itself part of
 * the fragment. Browsers never send the fragment to a server, so the server
 * never sees the key or the data; whoever holds the link can read it.
 *
 * The link is untrusted input when opened: every limit is checked before the
 * work it would bound (length before decoding, size while inflating, count
 * before reading any assessment), and opening never throws.
 */

export const SHARE_PARAM = 'share';
/** Above this many characters, offer a file instead: some chat tools and browsers cut longer URLs. */
export const MAX_LINK_LENGTH = 8 * 1024;
export const SHARE_VERSION = 'v1';

/** Refused before decoding: far beyond any link this app makes. */
export const MAX_FRAGMENT_CHARS = 1024 * 1024;
/** Inflating stops past this many bytes (a "zip bomb" cannot fill memory). */
export const MAX_DECOMPRESSED_BYTES = MAX_IMPORT_BYTES;
/** A deal is a handful of raters; a link holding more is not one of ours. */
export const MAX_SHARE_ASSESSMENTS = 50;

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type ShareContent =
  { kind: 'assessment'; assessments: Assessment[] } | { kind: 'deal'; assessments: Assessment[] };

export type ShareFailure =
  | 'not-a-share-link'
  | 'malformed'
  | 'unsupported-version'
  | 'wrong-key-or-damaged'
  /** Longer, larger or fuller than any link this app makes: `problems` says which limit. */
  | 'over-limit'
  | 'invalid-content'
  /** No WebCrypto or CompressionStream here (e.g. a page served over plain http). */
  | 'unsupported-browser';

export type OpenedShare =
  | { ok: true; content: ShareContent }
  | { ok: false; reason: ShareFailure; problems: Problem[]; detail?: string };

/**
 * Makes a link for `content`. `url` is always returned; `tooLong` says it is
 * over MAX_LINK_LENGTH and a file should be offered instead. Rejects only on
 * a programming error (no assessment, or several for kind "assessment") or
 * when the browser lacks WebCrypto / CompressionStream.
 */
export async function createShareLink(
  baseUrl: string,
  content: ShareContent,
): Promise<{ url: string; length: number; tooLong: boolean }> {
  const count = content.assessments.length;
  if (count === 0 || (content.kind === 'assessment' && count !== 1)) {
    throw new RangeError(
      `a share link of kind "${content.kind}" cannot hold ${count} assessment(s)`,
    );
  }
  const subtle = requireSubtle();
  const bundle = bundleValue(content.assessments, new Date().toISOString());
  const files = await Promise.all(
    bundle.assessments.map(async (file) => {
      const ref = await presetRefFor(file.rubric);
      return ref === null ? file : { ...file, rubric: ref };
    }),
  );
  const payload = JSON.stringify({
    kind: content.kind,
    file: JSON.stringify({ ...bundle, assessments: files }),
  });

  const compressed = await deflate(new TextEncoder().encode(payload));
  const rawKey = globalThis.crypto.getRandomValues(new Uint8Array(KEY_BYTES));
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const key = await subtle.importKey('raw', rawKey, 'AES-GCM', false, ['encrypt']);
  const sealed = new Uint8Array(
    await subtle.encrypt({ name: 'AES-GCM', iv, tagLength: TAG_BYTES * 8 }, key, compressed),
  );
  const body = new Uint8Array(IV_BYTES + sealed.length);
  body.set(iv, 0);
  body.set(sealed, IV_BYTES);

  const fragment = `#${SHARE_PARAM}=${SHARE_VERSION}.${toBase64Url(rawKey)}.${toBase64Url(body)}`;
  const url = `${withoutFragment(baseUrl)}${fragment}`;
  return { url, length: url.length, tooLong: url.length > MAX_LINK_LENGTH };
}

/** Reads `location.hash` (with or without the leading #). Never throws. */
export async function openShareFragment(fragment: string): Promise<OpenedShare> {
  try {
    return await open(fragment);
  } catch (error) {
    // Only a bug or an exotic environment gets here; still nothing is imported.
    return fail('malformed', [], error instanceof Error ? error.message : String(error));
  }
}

/** True when `hash` looks like a share link at all: the app can decide to show the importer. */
export function isShareFragment(hash: string): boolean {
  return stripHash(hash).startsWith(`${SHARE_PARAM}=`);
}

async function open(fragment: string): Promise<OpenedShare> {
  if (typeof fragment !== 'string' || !isShareFragment(fragment)) {
    return fail('not-a-share-link', []);
  }
  const value = stripHash(fragment).slice(SHARE_PARAM.length + 1);
  if (value.length > MAX_FRAGMENT_CHARS) {
    return fail('over-limit', [
      problem('(root)', 'share.tooLong', { length: value.length, max: MAX_FRAGMENT_CHARS }),
    ]);
  }
  const parts = value.split('.');
  const version = parts[0] ?? '';
  if (version !== SHARE_VERSION) {
    return /^v\d+$/.test(version)
      ? fail(
          'unsupported-version',
          [],
          `the link is version ${version}; this reads ${SHARE_VERSION}`,
        )
      : fail('malformed', [], 'the link does not start with a version (v1)');
  }
  if (parts.length !== 3) {
    return fail('malformed', [], `expected 3 parts separated by ".", found ${parts.length}`);
  }
  const rawKey = fromBase64Url(parts[1]!);
  const body = fromBase64Url(parts[2]!);
  if (rawKey === null || body === null) {
    return fail('malformed', [], 'the key or the data is not base64url text');
  }
  if (rawKey.length !== KEY_BYTES || body.length < IV_BYTES + TAG_BYTES) {
    return fail('malformed', [], 'the key or the data has the wrong length');
  }

  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined || typeof DecompressionStream === 'undefined') {
    return fail('unsupported-browser', []);
  }
  let compressed: Bytes;
  try {
    const key = await subtle.importKey('raw', rawKey, 'AES-GCM', false, ['decrypt']);
    compressed = new Uint8Array(
      await subtle.decrypt(
        { name: 'AES-GCM', iv: body.subarray(0, IV_BYTES), tagLength: TAG_BYTES * 8 },
        key,
        body.subarray(IV_BYTES),
      ),
    );
  } catch {
    return fail('wrong-key-or-damaged', []);
  }

  const inflated = await inflate(compressed, MAX_DECOMPRESSED_BYTES);
  if (!inflated.ok) {
    return inflated.reason === 'over-cap'
      ? fail('over-limit', [
          problem('(root)', 'share.unpacksTooLarge', {
            max: MAX_DECOMPRESSED_BYTES / 1024 / 1024,
          }),
        ])
      : fail('invalid-content', [problem('(root)', 'share.notCompressed')]);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes);
  } catch {
    return fail('invalid-content', [problem('(root)', 'file.notUtf8')]);
  }
  return readPayload(text);
}

async function readPayload(text: string): Promise<OpenedShare> {
  const json = parseJsonSafely(text);
  if (!json.ok) return fail('invalid-content', json.problems);
  const payload = json.value;
  if (!isRecord(payload)) return fail('invalid-content', [problem('(root)', 'share.notObject')]);
  const extra = Object.keys(payload).filter((k) => k !== 'kind' && k !== 'file');
  if (extra.length > 0) {
    return fail('invalid-content', [
      problem('(root)', 'keys.unknown', { keys: extra.map((k) => `"${k}"`).join(', ') }),
    ]);
  }
  const kind = payload.kind;
  if (kind !== 'assessment' && kind !== 'deal') {
    return fail('invalid-content', [problem('kind', 'share.kind')]);
  }
  if (typeof payload.file !== 'string') {
    return fail('invalid-content', [problem('file', 'share.file')]);
  }
  const file = parseJsonSafely(payload.file);
  if (!file.ok) return fail('invalid-content', file.problems);

  // Counted before anything is resolved or checked: the work below grows with it.
  const count = countImportItems(file.value);
  if (count > MAX_SHARE_ASSESSMENTS) {
    return fail('over-limit', [
      problem('assessments', 'share.tooMany', { count, max: MAX_SHARE_ASSESSMENTS }),
    ]);
  }
  const items =
    isRecord(file.value) && Array.isArray(file.value.assessments)
      ? (file.value.assessments as unknown[])
      : [file.value];
  const resolved = await resolvePresetRefs(items);
  if (!resolved.ok) return fail('invalid-content', resolved.problems);

  const parsed = parseImportValue(file.value, { knownRubrics: resolved.presets });
  if (!parsed.ok) return fail('invalid-content', parsed.problems);
  const { assessments } = parsed;
  if (assessments.length === 0) {
    return fail('invalid-content', [problem('assessments', 'share.empty')]);
  }
  if (kind === 'assessment' && assessments.length !== 1) {
    const found = problem('assessments', 'share.oneOnly', { count: assessments.length });
    return fail('invalid-content', [found]);
  }
  return { ok: true, content: { kind, assessments } };
}

function requireSubtle(): SubtleCrypto {
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) {
    throw new Error('this browser cannot encrypt here (WebCrypto needs a secure https:// page)');
  }
  return subtle;
}

function stripHash(hash: string): string {
  return hash.startsWith('#') ? hash.slice(1) : hash;
}

function withoutFragment(url: string): string {
  const at = url.indexOf('#');
  return at === -1 ? url : url.slice(0, at);
}

function fail(reason: ShareFailure, problems: Problem[], detail?: string): OpenedShare {
  return detail === undefined
    ? { ok: false, reason, problems }
    : { ok: false, reason, problems, detail };
}
