import { isPresetId, loadPreset, PRESET_IDS } from '../catalog/rubric-catalog';
import { MAX_IMPORT_BYTES, parseImportText, serializeBundle } from '../core/import-file';
import { isRecord, type Problem } from '../core/problems';
import { parseJsonSafely } from '../core/safe-json';
import type { Assessment, Rubric } from '../core/schema';

/**
 * Private share links (PRODUCT.md §7). The assessments travel in the URL
 * fragment, `#share=v1.<key>.<payload>`: a bundle file, deflate-compressed,
 * then AES-GCM-256 encrypted with a fresh random key that is itself part of
 * the fragment. Browsers never send the fragment to a server, so the server
 * never sees the key or the data; whoever holds the link can read it.
 *
 * The link is untrusted input when opened: every length is checked before
 * any work, decompression stops at a cap, and the file goes through the same
 * parser as an imported file. Opening never throws.
 */

export const SHARE_PARAM = 'share';
/** Above this many characters, offer a file instead: some chat tools and browsers cut longer URLs. */
export const MAX_LINK_LENGTH = 8 * 1024;
export const SHARE_VERSION = 'v1';

/** Refused before decoding: far beyond any link this app makes. */
export const MAX_FRAGMENT_CHARS = 1024 * 1024;
/** Decompression stops past this many bytes (a "zip bomb" cannot fill memory). */
export const MAX_DECOMPRESSED_BYTES = MAX_IMPORT_BYTES;

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
  | 'invalid-content'
  /** No WebCrypto or CompressionStream here (e.g. a page served over plain http). */
  | 'unsupported-browser';

export type OpenedShare =
  { ok: true; content: ShareContent } | { ok: false; reason: ShareFailure; detail: string };

/**
 * A rubric snapshot identical to a shipped preset travels as this reference
 * instead of its ~50 KB of text; the digest makes sure the opener's copy of
 * the preset is the very same rubric. (`$preset` can never be a key of a
 * real rubric, whose shape is strict.)
 */
interface PresetRef {
  $preset: string;
  version: string;
  sha256: string;
}

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
  const bundle = JSON.parse(serializeBundle(content.assessments, new Date().toISOString())) as {
    assessments: Record<string, unknown>[];
  };
  const presets = await shippedPresets();
  for (const [i, assessment] of content.assessments.entries()) {
    const ref = await presetRefFor(assessment.rubric, presets);
    if (ref !== null) bundle.assessments[i]!.rubric = ref;
  }
  const payload = JSON.stringify({ kind: content.kind, file: JSON.stringify(bundle) });

  const compressed = await compress(new TextEncoder().encode(payload));
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
    return fail('malformed', error instanceof Error ? error.message : String(error));
  }
}

/** True when `hash` looks like a share link at all: the app can decide to show the importer. */
export function isShareFragment(hash: string): boolean {
  return stripHash(hash).startsWith(`${SHARE_PARAM}=`);
}

async function open(fragment: string): Promise<OpenedShare> {
  if (typeof fragment !== 'string' || !isShareFragment(fragment)) {
    return fail('not-a-share-link', 'the address has no #share= part');
  }
  const value = stripHash(fragment).slice(SHARE_PARAM.length + 1);
  if (value.length > MAX_FRAGMENT_CHARS) {
    return fail(
      'malformed',
      `the link is ${value.length} characters long; the limit is ${MAX_FRAGMENT_CHARS}`,
    );
  }
  const parts = value.split('.');
  const version = parts[0] ?? '';
  if (version !== SHARE_VERSION) {
    return /^v\d+$/.test(version)
      ? fail(
          'unsupported-version',
          `the link is version ${version}; this Moatscore reads ${SHARE_VERSION}`,
        )
      : fail('malformed', 'the link does not start with a version (v1)');
  }
  if (parts.length !== 3) {
    return fail('malformed', `expected 3 parts separated by ".", found ${parts.length}`);
  }
  const rawKey = fromBase64Url(parts[1]!);
  const body = fromBase64Url(parts[2]!);
  if (rawKey === null) return fail('malformed', 'the key is not base64url text');
  if (body === null) return fail('malformed', 'the data is not base64url text');
  if (rawKey.length !== KEY_BYTES) {
    return fail('malformed', `the key is ${rawKey.length} bytes long; expected ${KEY_BYTES}`);
  }
  if (body.length < IV_BYTES + TAG_BYTES) {
    return fail(
      'malformed',
      `the data is ${body.length} bytes long; it cannot be shorter than ${IV_BYTES + TAG_BYTES}`,
    );
  }

  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined || typeof DecompressionStream === 'undefined') {
    return fail('unsupported-browser', 'WebCrypto or DecompressionStream is not available here');
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
    return fail(
      'wrong-key-or-damaged',
      'decryption failed: the data was changed or the key is not the one it was made with',
    );
  }

  const inflated = await decompress(compressed, MAX_DECOMPRESSED_BYTES);
  if (!inflated.ok) return fail('invalid-content', inflated.detail);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes);
  } catch {
    return fail('invalid-content', 'the content is not UTF-8 text');
  }
  return readPayload(text);
}

async function readPayload(text: string): Promise<OpenedShare> {
  const json = parseJsonSafely(text);
  if (!json.ok) return invalid(json.problems);
  const payload = json.value;
  if (!isRecord(payload)) return invalid([{ path: '(root)', message: 'expected an object' }]);
  const extra = Object.keys(payload).filter((k) => k !== 'kind' && k !== 'file');
  if (extra.length > 0) {
    return invalid([
      { path: '(root)', message: `unknown keys ${extra.map((k) => `"${k}"`).join(', ')}` },
    ]);
  }
  const kind = payload.kind;
  if (kind !== 'assessment' && kind !== 'deal') {
    return invalid([{ path: 'kind', message: 'must be "assessment" or "deal"' }]);
  }
  if (typeof payload.file !== 'string') {
    return invalid([{ path: 'file', message: 'expected the text of a file' }]);
  }
  const file = parseJsonSafely(payload.file);
  if (!file.ok) return invalid(file.problems);
  const resolved = await resolvePresetRefs(file.value);
  if (!resolved.ok) return invalid(resolved.problems);

  const parsed = parseImportText(JSON.stringify(file.value));
  if (!parsed.ok) return invalid(parsed.problems);
  const { assessments } = parsed;
  if (assessments.length === 0) {
    return invalid([{ path: 'assessments', message: 'holds no assessment' }]);
  }
  if (kind === 'assessment' && assessments.length !== 1) {
    return invalid([
      {
        path: 'assessments',
        message: `a shared assessment must hold exactly one, not ${assessments.length}`,
      },
    ]);
  }
  return { ok: true, content: { kind, assessments } };
}

// --- rubric presets travel as references ---------------------------------

type PresetTable = Map<string, { rubric: Rubric; sha256: string }>;
let presetTable: Promise<PresetTable> | null = null;

/** The shipped presets with their digests, loaded once. */
function shippedPresets(): Promise<PresetTable> {
  presetTable ??= loadPresetTable().catch((error: unknown) => {
    presetTable = null;
    throw error;
  });
  return presetTable;
}

async function loadPresetTable(): Promise<PresetTable> {
  const found: PresetTable = new Map();
  for (const id of PRESET_IDS) {
    try {
      const rubric = await loadPreset(id);
      found.set(id, { rubric, sha256: await rubricDigest(rubric) });
    } catch {
      // A preset that does not load is simply not used as a reference.
    }
  }
  return found;
}

async function presetRefFor(rubric: Rubric, presets: PresetTable): Promise<PresetRef | null> {
  const preset = presets.get(rubric.id);
  if (preset === undefined) return null;
  const sha256 = await rubricDigest(rubric);
  return sha256 === preset.sha256 ? { $preset: rubric.id, version: rubric.version, sha256 } : null;
}

/** Puts each referenced preset back in place, in `file` itself; refuses unknown or different ones. */
async function resolvePresetRefs(
  file: unknown,
): Promise<{ ok: true } | { ok: false; problems: Problem[] }> {
  if (!isRecord(file) || !Array.isArray(file.assessments)) return { ok: true };
  const problems: Problem[] = [];
  let presets: PresetTable | null = null;
  for (const [i, item] of (file.assessments as unknown[]).entries()) {
    if (!isRecord(item) || !isRecord(item.rubric) || !Object.hasOwn(item.rubric, '$preset')) {
      continue;
    }
    const ref = item.rubric;
    const path = `assessments[${i}].rubric`;
    const keys = Object.keys(ref).sort().join(',');
    if (
      keys !== '$preset,sha256,version' ||
      typeof ref.$preset !== 'string' ||
      typeof ref.version !== 'string' ||
      typeof ref.sha256 !== 'string'
    ) {
      problems.push({
        path,
        message: 'a preset reference needs exactly $preset, version and sha256',
      });
      continue;
    }
    presets ??= await shippedPresets();
    const preset = isPresetId(ref.$preset) ? presets.get(ref.$preset) : undefined;
    if (preset === undefined) {
      problems.push({
        path,
        message: `made with the rubric preset "${ref.$preset}", which this Moatscore does not ship`,
      });
    } else if (preset.sha256 !== ref.sha256) {
      problems.push({
        path,
        message: `made with version ${ref.version} of the rubric preset "${ref.$preset}"; this Moatscore ships version ${preset.rubric.version}, which differs: ask for a file instead`,
      });
    } else {
      item.rubric = structuredClone(preset.rubric);
    }
  }
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}

async function rubricDigest(rubric: Rubric): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(rubric));
  return toBase64Url(new Uint8Array(await requireSubtle().digest('SHA-256', bytes)));
}

/** JSON with object keys sorted at every level, so equal rubrics give equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

// --- compression ----------------------------------------------------------

async function compress(bytes: Bytes): Promise<Bytes> {
  if (typeof CompressionStream === 'undefined') {
    throw new Error('this browser cannot compress (no CompressionStream)');
  }
  const stream = new CompressionStream('deflate-raw');
  const writing = writeAll(stream.writable, bytes);
  const chunks: Uint8Array[] = [];
  const reader = stream.readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  await writing;
  return concat(chunks);
}

type Bytes = Uint8Array<ArrayBuffer>;

type Inflated = { ok: true; bytes: Bytes } | { ok: false; detail: string };

async function decompress(bytes: Bytes, cap: number): Promise<Inflated> {
  const stream = new DecompressionStream('deflate-raw');
  const writing = writeAll(stream.writable, bytes);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > cap) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, detail: `the content unpacks to more than ${cap} bytes` };
      }
      chunks.push(value);
    }
    await writing;
  } catch {
    return { ok: false, detail: 'the content cannot be decompressed' };
  }
  return { ok: true, bytes: concat(chunks) };
}

/** Feeds the stream while the caller reads; a rejection here is seen by the reader too. */
function writeAll(writable: WritableStream<BufferSource>, bytes: Bytes): Promise<void> {
  const writer = writable.getWriter();
  const done = writer.write(bytes).then(() => writer.close());
  done.catch(() => undefined);
  return done;
}

function concat(chunks: readonly Uint8Array[]): Bytes {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

// --- base64url (RFC 4648 §5, no padding), strict --------------------------

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP = new Map([...ALPHABET].map((c, i) => [c.charCodeAt(0), i]));

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += ALPHABET[a >> 2]! + ALPHABET[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    if (b !== undefined) out += ALPHABET[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    if (c !== undefined) out += ALPHABET[c & 63]!;
  }
  return out;
}

/** Null for anything but canonical unpadded base64url. */
export function fromBase64Url(text: string): Bytes | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const sextet = LOOKUP.get(text.charCodeAt(i));
    if (sextet === undefined) return null;
    buffer = ((buffer << 6) | sextet) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (buffer >> bits) & 0xff;
    }
  }
  // Leftover bits must be zero, or two different texts would decode alike.
  if ((buffer & ((1 << bits) - 1)) !== 0) return null;
  return out;
}

// --- helpers ---------------------------------------------------------------

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

function invalid(problems: readonly Problem[]): OpenedShare {
  return fail('invalid-content', problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
}

function fail(reason: ShareFailure, detail: string): OpenedShare {
  return { ok: false, reason, detail };
}
