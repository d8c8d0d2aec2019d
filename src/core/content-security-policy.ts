/**
 * The policy the built app runs under. Scripts only from our origin, no eval
 * (zod runs jitless), and no connection to any other origin: deal data never
 * leaves the browser. Dev mode goes without it, since Vite's hot reload
 * injects inline scripts. It lives in core because both the build (vite.config.ts)
 * and the team server send it, and neither may import the other's layer.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * What a server adds as HTTP headers: `frame-ancestors` works only there (a
 * <meta> policy ignores it), so a site cannot frame the app to trick clicks.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
