import { problem, type Problem } from './problems';

/*
 * TextDecoder is in every browser and in Node, but not in the ES library this
 * pure core is typed against; this is the little of it used here.
 */
declare const TextDecoder: new (
  label: 'utf-8',
  options: { fatal: boolean },
) => { decode: (bytes: Uint8Array) => string };

export type DecodedText = { ok: true; text: string } | { ok: false; problems: Problem[] };

/**
 * A file's bytes as text: UTF-8 only, a byte-order mark dropped (some editors
 * write one), anything else refused rather than shown as mojibake.
 */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, problems: [problem('(root)', 'file.notUtf8')] };
  }
}
