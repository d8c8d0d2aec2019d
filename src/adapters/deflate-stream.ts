/**
 * Raw deflate through the browser's (and Node's) CompressionStream. Inflating
 * is fed in small slices and stops at a cap, so a "zip bomb" costs about the
 * cap in memory, never what it would unpack to.
 */

export type Bytes = Uint8Array<ArrayBuffer>;

/** Deflate's worst case is about 1:1032, so a 1 KB slice unpacks to about 1 MB at most. */
const SLICE_BYTES = 1024;

export type Inflated = { ok: true; bytes: Bytes } | { ok: false; reason: 'over-cap' | 'corrupt' };

export async function deflate(bytes: Bytes): Promise<Bytes> {
  if (typeof CompressionStream === 'undefined') {
    throw new Error('this browser cannot compress (no CompressionStream)');
  }
  const stream = new CompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const writing = writer.write(bytes).then(() => writer.close());
  writing.catch(() => undefined);
  const chunks = await readAll(stream.readable.getReader(), Number.POSITIVE_INFINITY);
  await writing;
  if (chunks === null) throw new Error('compression produced more than it could hold');
  return concat(chunks);
}

export async function inflate(bytes: Bytes, cap: number): Promise<Inflated> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let stopped = false;
  const feeding = (async () => {
    for (let at = 0; at < bytes.length && !stopped; at += SLICE_BYTES) {
      // Waiting for room before each slice is what keeps the output bounded.
      await writer.ready;
      if (stopped) return;
      await writer.write(bytes.subarray(at, at + SLICE_BYTES));
    }
    if (!stopped) await writer.close();
  })();
  feeding.catch(() => undefined);
  try {
    const chunks = await readAll(reader, cap);
    if (chunks === null) {
      stopped = true;
      await Promise.allSettled([reader.cancel(), writer.abort()]);
      return { ok: false, reason: 'over-cap' };
    }
    await feeding;
    return { ok: true, bytes: concat(chunks) };
  } catch {
    stopped = true;
    await Promise.allSettled([writer.abort()]);
    return { ok: false, reason: 'corrupt' };
  }
}

/** Every chunk, or null as soon as they add up to more than `cap` bytes. */
async function readAll(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  cap: number,
): Promise<Uint8Array[] | null> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    total += value.length;
    if (total > cap) return null;
    chunks.push(value);
  }
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
