import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../src/core/content-security-policy';
import { repoPath } from '../helpers/fixtures';

describe('the security headers', () => {
  it('forbid framing, which a <meta> policy cannot', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(
      `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
    );
    expect(CONTENT_SECURITY_POLICY).not.toContain('frame-ancestors');
  });

  it('are the ones the README tells static hosts to send, word for word', () => {
    const readme = readFileSync(repoPath('README.md'), 'utf8');
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      expect(readme).toContain(`${name}: ${value}\n`);
    }
  });
});
