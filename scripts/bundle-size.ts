import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

export interface BundleSizes {
  /** Gzipped bytes of the JavaScript index.html loads before anything is clicked. */
  firstScreenJs: number;
  firstScreenCss: number;
  /** Every emitted chunk by name (hash removed), gzipped bytes. */
  chunks: Map<string, number>;
}

const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/** Builds the app into a scratch folder and measures what the first screen downloads. */
export async function measureBundle(): Promise<BundleSizes> {
  const outDir = mkdtempSync(join(tmpdir(), 'moatscore-bench-'));
  try {
    await build({ logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const entryFiles = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(js|css))"/g)].map(
      (m) => m[1]!,
    );
    const chunks = new Map<string, number>();
    for (const file of readdirSync(join(outDir, 'assets'))) {
      if (file.endsWith('.js'))
        chunks.set(file.replace(/-[\w-]{8}\.js$/, ''), gz(join(outDir, 'assets', file)));
    }
    return {
      firstScreenJs: entryFiles
        .filter((f) => f.endsWith('.js'))
        .reduce((sum, f) => sum + gz(join(outDir, f)), 0),
      firstScreenCss: entryFiles
        .filter((f) => f.endsWith('.css'))
        .reduce((sum, f) => sum + gz(join(outDir, f)), 0),
      chunks,
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
