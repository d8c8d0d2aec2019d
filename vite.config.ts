import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './src/core/content-security-policy.ts';

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

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  build: {
    target: 'es2022',
    // Inlined assets would become data: URLs for scripts and fonts, which the CSP refuses.
    assetsInlineLimit: 0,
  },
  preview: {
    headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  },
});
