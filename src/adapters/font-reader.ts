import type { ReadFont } from '../report/report-fonts';

/** Bump when the font files change, so browsers drop the old copies. */
const CACHE_NAME = 'moatscore-fonts-v1';
const inMemory = new Map<string, Promise<Uint8Array>>();

/**
 * Reads report fonts from this origin: once per tab from memory, and once per
 * browser from the Cache Storage (the Chinese font is 2.3 MB; it is fetched
 * only when a report needs it, and then never again).
 */
export function browserFontReader(baseUrl: string): ReadFont {
  return (file) => {
    const url = new URL(`fonts/${file}`, new URL(baseUrl, window.location.href)).href;
    let bytes = inMemory.get(url);
    if (bytes === undefined) {
      bytes = fetchFont(url);
      inMemory.set(url, bytes);
      bytes.catch(() => inMemory.delete(url));
    }
    return bytes;
  };
}

async function fetchFont(url: string): Promise<Uint8Array> {
  const cache = await openCache();
  const cached = await cache?.match(url);
  if (cached !== undefined) return new Uint8Array(await cached.arrayBuffer());
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  if (cache !== null) {
    // A full quota only means the font is fetched again next time.
    await cache.put(url, response.clone()).catch(() => undefined);
  }
  return new Uint8Array(await response.arrayBuffer());
}

async function openCache(): Promise<Cache | null> {
  try {
    return 'caches' in window ? await caches.open(CACHE_NAME) : null;
  } catch {
    return null;
  }
}
