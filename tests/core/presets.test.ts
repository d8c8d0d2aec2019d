import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../src/catalog/rubric-catalog';
import { PRESET_IDS } from '../../src/catalog/preset-ids';
import { rubricJsonSchemaText } from '../../src/core/rubric-json-schema';
import { listCriteria } from '../../src/core/rubric-index';
import { repoPath } from '../helpers/fixtures';

/** PRODUCT.md §1: these ids and names are part of the file format. */
const TWELVE = [
  ['market.demand', '市场需求', 'Market demand'],
  ['market.competition', '竞争对手', 'Competitors'],
  ['market.technology', '技术成熟度', 'Technology maturity'],
  ['market.resources', '资金与资源', 'Funding & resources'],
  ['market.regulation', '法律法规', 'Laws & regulations'],
  ['market.team', '团队实力', 'Team strength'],
  ['differentiation.innovation', '技术创新', 'Technical innovation'],
  ['differentiation.data', '数据优势', 'Data advantage'],
  ['differentiation.algorithms', '算法优化', 'Algorithm optimization'],
  ['differentiation.interpretability', '模型解释性', 'Model interpretability'],
  ['differentiation.commercialization', '商业应用', 'Commercial application'],
  ['differentiation.experience', '用户体验', 'User experience'],
];

describe.each(PRESET_IDS)('preset %s', (id) => {
  it('passes the validator and has the twelve criteria of the product, in order', async () => {
    const rubric = await loadPreset(id);
    expect(rubric.id).toBe(id);
    expect(
      listCriteria(rubric).map((e) => [e.fullId, e.criterion.name.zh, e.criterion.name.en]),
    ).toEqual(TWELVE);
  });

  it('gives every criterion five anchored levels, a question, evidence prompts', async () => {
    const rubric = await loadPreset(id);
    for (const { fullId, criterion } of listCriteria(rubric)) {
      expect(criterion.levels, fullId).toHaveLength(5);
      expect(new Set(criterion.levels.map((l) => l.descriptor.en)).size, fullId).toBe(5);
      expect(criterion.question.zh, fullId).toMatch(/？$/);
      expect(criterion.evidencePrompts.length, fullId).toBeGreaterThanOrEqual(3);
    }
  });

  it('knocks out an unidentified regulatory risk', async () => {
    const rubric = await loadPreset(id);
    const regulation = listCriteria(rubric).find((e) => e.fullId === 'market.regulation');
    expect(regulation?.criterion.knockoutBelow).toBeGreaterThan(
      regulation?.criterion.levels[0]?.value ?? Infinity,
    );
  });

  it('follows the seed article where it speaks: build stages and evaluation metrics', async () => {
    const rubric = await loadPreset(id);
    const zh = (fullId: string) =>
      JSON.stringify(
        listCriteria(rubric)
          .find((e) => e.fullId === fullId)
          ?.criterion.levels.map((l) => l.descriptor.zh),
      );
    for (const stage of ['需求分析', '数据准备', '验证集', '部署'])
      expect(zh('market.technology')).toContain(stage);
    expect(zh('differentiation.algorithms')).toMatch(/基线/);
    expect(zh('differentiation.algorithms')).toMatch(/F1/);
  });
});

describe('rubrics/rubric.schema.json', () => {
  it('is the JSON Schema generated from the zod schema (run `npm run schema` when this fails)', () => {
    expect(readFileSync(repoPath('rubrics/rubric.schema.json'), 'utf8')).toBe(
      rubricJsonSchemaText(),
    );
  });
});

describe('core/', () => {
  it('imports nothing but zod and its own modules, and touches no DOM', () => {
    const dir = repoPath('src/core');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.ts'),
    );
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const source = readFileSync(`${dir}/${file}`, 'utf8');
      for (const [, from] of source.matchAll(/from '([^']+)'/g)) {
        expect(
          from === 'zod' || from!.startsWith('./') || from!.startsWith('../'),
          `${file} imports ${from}`,
        ).toBe(true);
        expect(from, file).not.toMatch(
          /\.\.\/\.\.\/|\.\.\/(ui|app|report|adapters|i18n|cli|catalog)\//,
        );
      }
      expect(source, file).not.toMatch(/\b(window|document|localStorage|navigator|HTMLElement)\b/);
    }
  });
});
