import { describe, expect, it } from 'vitest';
import { DraftStore } from '../../src/adapters/draft-store';
import { memoryStorage, type KeyValueStorage } from '../../src/adapters/key-value-storage';
import { readImportFiles, type ImportSource } from '../../src/adapters/read-import-files';
import { serializeAssessment } from '../../src/core/assessment-file';
import { newDraft } from '../../src/core/draft';
import { MAX_IMPORT_BYTES, parseImportText, serializeBundle } from '../../src/core/import-file';
import { migrateAssessment, MIGRATIONS } from '../../src/core/migrations/migrate-assessment';
import { v1ToV2 } from '../../src/core/migrations/v1-to-v2';
import type { Assessment } from '../../src/core/schema';
import { ASSESSMENT_VERSION } from '../../src/core/vocabulary';
import { answers, makeAssessment, readJson, tinyRubric } from '../helpers/fixtures';

const rubric = tinyRubric();
const fixtures = (): Assessment[] => [
  makeAssessment(
    rubric,
    answers({
      'alpha.x': [4, 'verified', '中文笔记：三家银行签了意向书 🚀'],
      'beta.q': [1, 'assumed'],
    }),
    { id: 'a1' },
  ),
  makeAssessment(
    rubric,
    answers({ 'alpha.y': [2, 'estimated', `${'很长的备注。'.repeat(800)}\n"quoted", commas`] }),
    {
      id: 'a2',
      company: { name: '深湖智能 ⚡ / "Lake"', stage: 'growth', sector: '金融 · AI' },
    },
  ),
  makeAssessment(rubric, {}, { id: 'a3', company: { name: '', stage: 'idea', sector: '' } }),
];

const source = (name: string, text: string): ImportSource => ({
  name,
  size: new TextEncoder().encode(text).length,
  text: async () => text,
});

describe('round trip', () => {
  it('gives back every fixture unchanged, alone and in a bundle', () => {
    for (const assessment of fixtures()) {
      const single = parseImportText(serializeAssessment(assessment));
      expect(single).toEqual({ ok: true, assessments: [assessment] });
    }
    const bundle = parseImportText(serializeBundle(fixtures(), '2026-11-29T12:00:00.000Z'));
    expect(bundle).toEqual({ ok: true, assessments: fixtures() });
  });

  it('reads back the shipped example', () => {
    const result = parseImportText(JSON.stringify(readJson('examples/deeplake-ai.json')));
    expect(result.ok).toBe(true);
  });
});

describe('migrations', () => {
  const v1 = (): Record<string, unknown> => {
    const file = JSON.parse(serializeAssessment(fixtures()[1]!)) as Record<string, unknown>;
    delete file.deal;
    return { ...file, version: 1 };
  };

  it('has one step for every old version', () => {
    for (let version = 1; version < ASSESSMENT_VERSION; version += 1)
      expect(MIGRATIONS[version]).toBeTypeOf('function');
  });

  it('takes version 1 to 2 by giving the file the deal key of its company', () => {
    expect(v1ToV2(v1())).toMatchObject({ version: 2, deal: '深湖智能-lake' });
    expect(migrateAssessment(v1())).toMatchObject({ ok: true, value: { deal: '深湖智能-lake' } });
    const parsed = parseImportText(JSON.stringify(v1()));
    expect(parsed.ok && parsed.assessments[0]?.deal).toBe('深湖智能-lake');
  });

  it('migrating twice equals migrating once', () => {
    const once = migrateAssessment(v1());
    if (!once.ok) throw new Error('migration failed');
    expect(migrateAssessment(once.value)).toEqual(once);
  });
});

/** Each bad file, what its message must say, and where. */
const valid = () =>
  JSON.parse(serializeAssessment(fixtures()[0]!)) as Record<string, unknown> & {
    answers: Record<string, Record<string, unknown>>;
    rubric: Record<string, unknown>;
  };
const corpus: { name: string; text: () => string; says: RegExp }[] = [
  {
    name: 'truncated.json',
    text: () => serializeAssessment(fixtures()[0]!).slice(0, 300),
    says: /truncated\.json: \(root\): not valid JSON/,
  },
  {
    name: 'not-json.json',
    text: () => 'PK\u0003\u0004 this is a zip',
    says: /not-json\.json: \(root\): not valid JSON/,
  },
  { name: 'empty.json', text: () => '   ', says: /empty\.json: \(root\): the file is empty/ },
  {
    name: 'wrong-type.json',
    text: () => JSON.stringify({ ...valid(), company: { name: 42, stage: 'seed', sector: '' } }),
    says: /wrong-type\.json: company\.name: .*expected string/,
  },
  {
    name: 'out-of-range.json',
    text: () => {
      const file = valid();
      file.answers['alpha.x']!.value = 9;
      return JSON.stringify(file);
    },
    says: /out-of-range\.json: answers\.alpha\.x\.value: 9 is out of range/,
  },
  {
    name: 'unknown-rubric.json',
    text: () => JSON.stringify({ ...valid(), rubric: { id: 'who-knows' } }),
    says: /unknown-rubric\.json: rubric\.version: is missing/,
  },
  {
    name: 'unknown-criterion.json',
    text: () => {
      const file = valid();
      file.answers['market.demand'] = { value: 1, evidence: 'verified', notes: '' };
      return JSON.stringify(file);
    },
    says: /unknown-criterion\.json: answers\.market\.demand: no criterion "market\.demand" in the rubric "tiny"/,
  },
  {
    name: 'newer.json',
    text: () => JSON.stringify({ ...valid(), version: ASSESSMENT_VERSION + 1 }),
    says: /newer\.json: version: written by a newer Moatscore/,
  },
  {
    name: 'deep.json',
    text: () => `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`,
    says: /deep\.json: .*nested more than 40 levels/,
  },
  {
    name: 'proto.json',
    text: () =>
      serializeAssessment(fixtures()[0]!).replace(
        '"answers": {',
        '"answers": {"__proto__": {"isAdmin": true},',
      ),
    says: /proto\.json: answers\.__proto__: the key "__proto__" is not allowed/,
  },
  {
    name: 'constructor.json',
    text: () =>
      JSON.stringify({
        ...valid(),
        company: {
          name: 'x',
          stage: 'seed',
          sector: '',
          constructor: { prototype: { polluted: 1 } },
        },
      }),
    says: /constructor\.json: company\.constructor: the key "constructor" is not allowed/,
  },
  {
    name: 'bad-bundle.json',
    text: () => {
      const bundle = JSON.parse(serializeBundle(fixtures(), 'now')) as {
        assessments: ReturnType<typeof valid>[];
      };
      bundle.assessments[0]!.answers['alpha.x']!.value = 4.5;
      return JSON.stringify(bundle);
    },
    says: /bad-bundle\.json: assessments\[0\]\.answers\.alpha\.x\.value: 4\.5 is out of range/,
  },
  {
    name: 'other-format.json',
    text: () => JSON.stringify({ format: 'excalidraw', version: 2 }),
    says: /other-format\.json: format: expected "moatscore\.assessment"/,
  },
];

/** Storage whose n-th write hits the quota, as a large record would. */
function quotaOnWrite(inner: KeyValueStorage, failing: number): KeyValueStorage {
  let writes = 0;
  return {
    ...inner,
    set: (key, value) => {
      writes += 1;
      if (writes === failing) throw new DOMException('full', 'QuotaExceededError');
      inner.set(key, value);
    },
  };
}

describe('bad files', () => {
  it.each(corpus)(
    '$name is refused with its own message, and the library does not change',
    async ({ name, text, says }) => {
      const storage = memoryStorage();
      const store = new DraftStore(storage);
      store.save(newDraft(fixtures()[2]!, '2026-11-29T12:00:00.000Z'));
      const before = JSON.stringify(storage.keys().map((k) => [k, storage.get(k)]));
      const read = await readImportFiles([
        source('good.json', serializeAssessment(fixtures()[0]!)),
        source(name, text()),
      ]);
      expect(read.ok).toBe(false);
      if (read.ok) return;
      expect(read.errors.join('\n')).toMatch(says);
      expect(read.errors.every((e) => e.startsWith(`${name}: `))).toBe(true);
      expect(JSON.stringify(storage.keys().map((k) => [k, storage.get(k)]))).toBe(before);
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    },
  );

  it('refuses a 50 MB file by its size, without reading it', async () => {
    let read = false;
    const huge: ImportSource = {
      name: 'huge.json',
      size: 50 * 1024 * 1024,
      text: async () => {
        read = true;
        return '';
      },
    };
    const result = await readImportFiles([huge]);
    expect(result).toEqual({
      ok: false,
      errors: [`huge.json: the file is 50.0 MB; the limit is ${MAX_IMPORT_BYTES / 1024 / 1024} MB`],
    });
    expect(read).toBe(false);
  });

  it('refuses the same id twice across the chosen files', async () => {
    const text = serializeAssessment(fixtures()[0]!);
    const result = await readImportFiles([source('one.json', text), source('two.json', text)]);
    expect(result).toEqual({
      ok: false,
      errors: ['the assessment id "a1" is in more than one of the chosen files'],
    });
  });
});

describe('saving an import', () => {
  it('stores all or nothing: a write that fails puts back what the others changed', () => {
    const inner = memoryStorage();
    const before = new DraftStore(inner);
    before.save(newDraft(fixtures()[0]!, '2026-11-29T12:00:00.000Z'));
    const snapshot = JSON.stringify(inner.keys().map((k) => [k, inner.get(k)]));
    const store = new DraftStore(quotaOnWrite(inner, 3));
    const changed = {
      ...fixtures()[0]!,
      company: { name: 'Replaced', stage: 'seed' as const, sector: '' },
    };
    const trouble = store.saveAll(
      [changed, fixtures()[1]!, fixtures()[2]!].map((a) => newDraft(a, '2026-11-30T00:00:00.000Z')),
    );
    expect(trouble).toBe('quota');
    expect(JSON.stringify(inner.keys().map((k) => [k, inner.get(k)]))).toBe(snapshot);
  });
});
