import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../helpers/fixtures';

/*
 * The layer rules of eslint.config.js at work: each forbidden kind of import
 * is linted as if it were in the layer, and must be reported.
 */

const eslint = new ESLint({ cwd: repoPath('.'), ignore: false });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: repoPath(filePath) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('the layer rules', () => {
  it('reject an upward import: core may not import a UI component', async () => {
    expect(
      await ruleIds(
        "import { Loading } from '../ui/components/loading';\nexport const x = Loading;\n",
        'src/core/fixture.ts',
      ),
    ).toContain('import-x/no-restricted-paths');
  });

  it('reject a sideways import the allowed list leaves out: i18n may not import report', async () => {
    expect(
      await ruleIds(
        "import { PAPERS } from '../report/pdf-writer';\nexport const x = PAPERS;\n",
        'src/i18n/fixture.ts',
      ),
    ).toContain('import-x/no-restricted-paths');
  });

  it('reject a forbidden dynamic import: the CLI may not load the app', async () => {
    expect(
      await ruleIds("export const load = () => import('../app/new-id');\n", 'src/cli/fixture.ts'),
    ).toContain('import-x/no-restricted-paths');
  });

  it('reject a re-export across layers as well', async () => {
    expect(
      await ruleIds("export { newId } from '../app/new-id';\n", 'src/report/fixture.ts'),
    ).toContain('import-x/no-restricted-paths');
  });

  it('accept an allowed import, so the rules are not simply rejecting everything', async () => {
    expect(
      await ruleIds(
        "import { round1 } from '../core/score-assessment';\nexport const x = round1;\n",
        'src/report/fixture.ts',
      ),
    ).toEqual([]);
  });

  it('reject an import cycle', async () => {
    const [result] = await eslint.lintFiles([repoPath('tests/lint/fixtures/cycle/first.ts')]);
    expect(result?.messages.map((m) => m.ruleId)).toContain('import-x/no-cycle');
  });

  it('find nothing to reject in src/ itself', async () => {
    const results = await eslint.lintFiles([repoPath('src')]);
    const layerProblems = results.flatMap((r) =>
      r.messages
        .filter((m) => m.ruleId?.startsWith('import-x/'))
        .map((m) => `${r.filePath}: ${m.message}`),
    );
    expect(layerProblems).toEqual([]);
  });
});
