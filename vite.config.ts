import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
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
  const text =
    `/*\n${Object.entries(SECURITY_HEADERS)
      .map(([name, value]) => `  ${name}: ${value}`)
      .join('\n')}\n` +
    // Browsers look for a new service worker on every visit; a cached sw.js would hide new versions.
    `/sw.js\n  Cache-Control: no-cache\n`;
  return {
    name: 'moatscore-headers-file',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: text });
    },
  };
}

/**
 * A build may be stamped with an identifier (a commit, a release number), read
 * from the page's `<meta name="moatscore-build">`: which version a browser runs,
 * for support and for the tests of the update prompt.
 */
function buildStamp(id: string | undefined): Plugin {
  return {
    name: 'moatscore-build-stamp',
    apply: 'build',
    transformIndexHtml: () =>
      id === undefined || id === ''
        ? []
        : [{ tag: 'meta', attrs: { name: 'moatscore-build', content: id }, injectTo: 'head' }],
  };
}

/**
 * Offline and installable: the web app manifest and a Workbox service worker,
 * generated at build time. The worker precaches every file the app can load
 * (each lazy screen and rubric chunk included), but not the report fonts
 * (2+ MB): those are fetched when a PDF first needs them and kept in the Cache
 * Storage by src/adapters/font-reader.ts. A new worker waits until the user
 * says reload (registerType 'prompt', src/adapters/app-update.ts).
 */
function progressiveWebApp(): Plugin[] {
  return VitePWA({
    registerType: 'prompt',
    // No inline registration script (the CSP forbids it): the app imports
    // virtual:pwa-register itself, after the first screen is drawn.
    injectRegister: null,
    mode: 'production',
    filename: 'sw.js',
    // The icons are precached by globPatterns already; listing them twice would conflict.
    includeManifestIcons: false,
    manifest: {
      name: 'Moatscore',
      short_name: 'Moatscore',
      description:
        'Score an AI large-model startup on six market factors and six differentiation levers.',
      lang: 'en',
      // Relative, so the app installs the same when hosted under a sub-path.
      start_url: '.',
      scope: '.',
      display: 'standalone',
      theme_color: '#1d4e89',
      background_color: '#f4f6f8',
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        {
          src: 'icons/icon-maskable-512.png',
          sizes: '512x512',
          type: 'image/png',
          purpose: 'maskable',
        },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg,png}'],
      // The report fonts stay on demand (see above).
      globIgnores: ['fonts/**'],
      // The worker runs under the same `script-src 'self'` policy: one file, no importScripts.
      inlineWorkboxRuntime: true,
      // The first visit is controlled as soon as the worker is installed, so it
      // works offline without a reload. Updates still wait for the user.
      clientsClaim: true,
      // The team server's API answers its own paths; only pages fall back to the app.
      navigateFallbackDenylist: [/^\/api(\/|$)/],
    },
  });
}

export default defineConfig({
  plugins: [
    react(),
    contentSecurityPolicy(),
    headersFile(),
    buildStamp(process.env.MOATSCORE_BUILD_ID),
    progressiveWebApp(),
  ],
  build: {
    target: 'es2022',
    // Inlined assets would become data: URLs for scripts and fonts, which the CSP refuses.
    assetsInlineLimit: 0,
  },
  preview: {
    headers: { ...SECURITY_HEADERS },
  },
});
