import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../src/catalog/rubric-catalog';
import { PRESET_IDS } from '../../src/catalog/preset-ids';
import { rubricJsonSchemaText } from '../../src/core/rubric-json-schema';
import { listCriteria } from '../../src/core/rubric-index';
import type { Rubric } from '../../src/core/schema';
import type { Lang } from '../../src/core/vocabulary';
import { STAGES } from '../../src/core/vocabulary';
import { loadRubric, repoPath } from '../helpers/fixtures';

/** docs/rubric-format.md: these ids and names are part of the file format. */
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

  it('is version 2.0.0 and names the band that a company at its stage’s expectations lands in', async () => {
    const rubric = await loadPreset(id);
    expect(rubric.version).toBe('2.0.0');
    expect(rubric.bands.map((b) => b.id)).toContain(rubric.stageBand);
  });

  it('knocks out only where level 1 is a reason to walk away: a team without its key roles', async () => {
    const rubric = await loadPreset(id);
    const knockouts = listCriteria(rubric)
      .filter((e) => e.criterion.knockoutBelow !== undefined)
      .map((e) => [e.fullId, e.criterion.knockoutBelow]);
    // Regulation level 1 ("not yet mapped") is homework; the deal-breakers carry the real risks.
    expect(knockouts).toEqual([['market.team', 2]]);
  });

  it('gives every level a checklist of 2 to 4 facts in both languages, ids unique per criterion', async () => {
    const rubric = await loadPreset(id);
    for (const { fullId, criterion } of listCriteria(rubric)) {
      const ids: string[] = [];
      for (const level of criterion.levels) {
        const facts = level.checklist ?? [];
        expect(facts.length, `${fullId} level ${level.value}`).toBeGreaterThanOrEqual(2);
        expect(facts.length, `${fullId} level ${level.value}`).toBeLessThanOrEqual(4);
        for (const fact of facts) {
          expect(fact.text.en, `${fullId} ${fact.id}`).toMatch(/[a-z]{3}/i);
          expect(fact.text.zh, `${fullId} ${fact.id}`).toMatch(/\p{Script=Han}/u);
          ids.push(fact.id);
        }
      }
      expect(new Set(ids).size, fullId).toBe(ids.length);
    }
  });

  it('makes levels cumulative: each builds on the one below, in both languages', async () => {
    const rubric = await loadPreset(id);
    for (const { fullId, criterion } of listCriteria(rubric)) {
      criterion.levels.slice(1).forEach((level, i) => {
        expect(level.descriptor.en, fullId).toMatch(
          new RegExp(`^Everything in level ${i + 1}, and`),
        );
        expect(level.descriptor.zh, fullId).toMatch(new RegExp(`^在第 ${i + 1} 级基础上`));
      });
    }
  });

  it('says how many instead of "several", "many" or "most"', async () => {
    const rubric = await loadPreset(id);
    for (const { fullId, criterion } of listCriteria(rubric)) {
      for (const level of criterion.levels) {
        const texts = [level.descriptor, ...(level.checklist ?? []).map((f) => f.text)];
        for (const text of texts) {
          // "At most 3" is a number; "most users" is not.
          expect(text.en, fullId).not.toMatch(/\b(several|many)\b|(?<!at )\bmost\b/i);
          expect(text.zh, fullId).not.toMatch(/多家|多个|多数|大部分|众多|若干/);
        }
      }
    }
  });

  it('expects a level per stage that never drops as the company matures', async () => {
    const rubric = await loadPreset(id);
    for (const { fullId, criterion } of listCriteria(rubric)) {
      const expected = STAGES.map((stage) => criterion.expected?.[stage]);
      expect(
        expected.every((v) => v !== undefined),
        fullId,
      ).toBe(true);
      expect(
        [...(expected as number[])].sort((a, b) => a - b),
        fullId,
      ).toEqual(expected);
    }
  });

  it('asks the six deal-breakers investors walk away on', async () => {
    const rubric = await loadPreset(id);
    expect(rubric.dealBreakers?.map((d) => [d.id, d.walkAwayWhen])).toEqual([
      ['ip-assigned', 'no'],
      ['data-rights', 'yes'],
      ['filings-route', 'no'],
      ['runway-3-months', 'yes'],
      ['thin-wrapper', 'yes'],
      ['integrity', 'yes'],
    ]);
    // Short runway holds the verdict one band above the lowest (wait for a bridge);
    // the others cap it at the lowest band.
    const capped = rubric.dealBreakers!.filter((d) => d.capBand !== undefined);
    expect(capped.map((d) => [d.id, d.capBand])).toEqual([
      ['runway-3-months', rubric.bands[1]!.id],
    ]);
  });
});

/** Every level descriptor and checklist fact of a criterion, in one language, from level `from` + 1. */
function levelText(rubric: Rubric, fullId: string, lang: Lang, from = 0): string {
  const entry = listCriteria(rubric).find((e) => e.fullId === fullId)!;
  return entry.criterion.levels
    .slice(from)
    .flatMap((l) => [l.descriptor[lang], ...(l.checklist ?? []).map((f) => f.text[lang])])
    .join('\n');
}

describe.each(PRESET_IDS)('preset %s is faithful to the article', (id) => {
  it('reads technology maturity as the article does: maturity, range of applications, trend', async () => {
    const rubric = await loadPreset(id);
    const technology = listCriteria(rubric).find((e) => e.fullId === 'market.technology')!;
    for (const term of ['成熟度', '应用范围', '发展趋势', '基础模型'])
      expect(technology.criterion.question.zh).toContain(term);
    // The company's own build stages are not technology maturity…
    const text = levelText(rubric, 'market.technology', 'zh');
    for (const stage of ['需求分析', '数据准备', '验证集', '模型部署'])
      expect(text).not.toContain(stage);
    // …they live where they belong: requirements and deployment in commercial application,
    // data preparation in data advantage, evaluation on held-out sets in algorithm optimization.
    expect(levelText(rubric, 'differentiation.commercialization', 'zh')).toContain('需求分析');
    expect(levelText(rubric, 'differentiation.commercialization', 'zh')).toContain('部署');
    expect(levelText(rubric, 'differentiation.data', 'zh')).toContain('数据准备');
    expect(levelText(rubric, 'differentiation.algorithms', 'zh')).toMatch(/验证集和测试集/);
    expect(levelText(rubric, 'differentiation.algorithms', 'zh')).toMatch(/F1/);
  });

  it('restores what the article names: market size, data volume, innovation capability', async () => {
    const rubric = await loadPreset(id);
    const question = (fullId: string) =>
      listCriteria(rubric).find((e) => e.fullId === fullId)!.criterion.question.zh;
    expect(question('market.demand')).toContain('潜在的市场规模');
    expect(levelText(rubric, 'market.demand', 'zh', 3)).toMatch(/SAM 每年不低于 10 亿元/);
    expect(levelText(rubric, 'market.demand', 'zh', 4)).toMatch(/潜在市场规模每年不低于 50 亿元/);
    expect(question('differentiation.data')).toContain('大量高质量');
    expect(levelText(rubric, 'differentiation.data', 'zh')).toMatch(/至少 1 万条/);
    expect(levelText(rubric, 'differentiation.data', 'zh')).toMatch(/至少 10 万条/);
    expect(question('market.team')).toContain('合作和创新能力');
    expect(levelText(rubric, 'market.team', 'zh')).toContain('创新能力');
    expect(levelText(rubric, 'market.team', 'zh')).toContain('共事');
  });

  it('counts each kind of evidence once: revenue, uptime, beating a baseline', async () => {
    const rubric = await loadPreset(id);
    const where = (pattern: RegExp, lang: Lang) =>
      listCriteria(rubric)
        .filter((e) => pattern.test(levelText(rubric, e.fullId, lang)))
        .map((e) => e.fullId);
    expect(levelText(rubric, 'market.demand', 'en')).not.toMatch(/revenue|paying|paid/i);
    expect(where(/recurring revenue|net revenue retention|paid pilot/i, 'en')).toEqual([
      'differentiation.commercialization',
    ]);
    expect(where(/uptime/i, 'en')).toEqual(['differentiation.experience']);
    expect(where(/服务可用率/, 'zh')).toEqual(['differentiation.experience']);
    expect(where(/baseline/i, 'en')).toEqual(['differentiation.algorithms']);
    expect(where(/基线/, 'zh')).toEqual(['differentiation.algorithms']);
  });

  it('speaks the regulation and the trade as practitioners do', async () => {
    const rubric = await loadPreset(id);
    const all = JSON.stringify(rubric);
    expect(levelText(rubric, 'market.regulation', 'zh')).toContain(
      '《生成式人工智能服务管理暂行办法》',
    );
    expect(levelText(rubric, 'market.regulation', 'zh')).toContain('双备案');
    expect(levelText(rubric, 'market.regulation', 'zh')).toContain('个人信息保护影响评估并留档');
    expect(levelText(rubric, 'market.resources', 'zh')).toContain('GPU 卡时');
    for (const word of ['红旗', '交易', '背调', 'GPU 时数', '种子前'])
      expect(all, word).not.toContain(word);
    // The impact assessment is kept on file inside the company, never "submitted".
    expect(all).not.toMatch(/个人信息保护影响评估[^；。]*提交|提交[^；。]*个人信息保护影响评估/);
  });
});

describe('the two presets', () => {
  it('share levels, checklists, expectations and weights, so a founder and investors rate on one scale', async () => {
    const [founder, investor] = await Promise.all(PRESET_IDS.map((id) => loadPreset(id)));
    const scale = (rubric: Rubric) => ({
      sections: rubric.sections.map((s) => [s.id, s.weight]),
      criteria: listCriteria(rubric).map((e) => [
        e.fullId,
        e.criterion.weight,
        e.criterion.levels,
        e.criterion.expected,
        e.criterion.knockoutBelow,
      ]),
    });
    expect(scale(founder!)).toEqual(scale(investor!));
  });

  it('weigh the team first, as docs/rubric-rationale.md explains', async () => {
    const rubric = await loadPreset('ai-startup-investor');
    const effective = listCriteria(rubric)
      .map((e) => [e.fullId, (e.section.weight * e.criterion.weight) / 100] as const)
      .sort((a, b) => b[1] - a[1]);
    expect(effective.slice(0, 3)).toEqual([
      ['market.team', 24],
      ['market.demand', 18],
      ['differentiation.data', 14],
    ]);
    expect(effective.reduce((sum, [, w]) => sum + w, 0)).toBeCloseTo(100, 10);
  });

  it.each(PRESET_IDS)(
    'keep version 1.0.0 of %s in rubrics/archive, valid, with the same criteria',
    async (id) => {
      const archived = loadRubric(`rubrics/archive/${id}-1.0.0.json`);
      const current = await loadPreset(id);
      expect(archived.version).toBe('1.0.0');
      expect(listCriteria(archived).map((e) => e.fullId)).toEqual(
        listCriteria(current).map((e) => e.fullId),
      );
    },
  );
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
