import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './src/core/content-security-policy.ts';

/** Puts the CSP into the built index.html, so the app is strict wherever it is hosted. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'moatscore-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * Static hosts that read a `_headers` file (Netlify, Cloudflare Pages) send
 * these with every page; others need them set by hand (see README).
 */
function headersFile(): Plugin {
  const text = `/*\n${Object.entries(SECURITY_HEADERS)
    .map(([name, value]) => `  ${name}: ${value}`)
    .join('\n')}\n`;
  return {
    name: 'moatscore-headers-file',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: text });
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), headersFile()],
  build: {
    target: 'es2022',
    // Inlined assets would become data: URLs for scripts and fonts, which the CSP refuses.
    assetsInlineLimit: 0,
  },
  preview: {
    headers: { ...SECURITY_HEADERS },
  },
});
