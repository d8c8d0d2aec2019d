import { webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createShareLink,
  isShareFragment,
  MAX_FRAGMENT_CHARS,
  MAX_LINK_LENGTH,
  openShareFragment,
  type OpenedShare,
  type ShareContent,
} from '../../src/adapters/share-link';
import { problemLines } from '../../src/i18n/problem-text';
import { parseAssessment, serializeAssessment } from '../../src/core/assessment-file';
import { serializeBundle } from '../../src/core/import-file';
import type { Assessment } from '../../src/core/schema';
import { answers, makeAssessment, repoPath, tinyRubric } from '../helpers/fixtures';
import { sealShare, unsealShare } from '../helpers/share-link-forge';

const BASE = 'https://moatscore.example/app/';

function loadExample(): Assessment {
  const checked = parseAssessment(readFileSync(repoPath('examples/deeplake-ai.json'), 'utf8'));
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.value;
}

const example = loadExample();
const rubric = tinyRubric();
const longNotes = `${'长备注：客户访谈记录 🚀 Signed LOIs, pilots, churn. '.repeat(200)}end`.slice(
  0,
  9_000,
);

const single = (): Assessment =>
  makeAssessment(
    rubric,
    answers({
      'alpha.x': [4, 'verified', '中文笔记：三家银行签了意向书 🚀'],
      'alpha.y': [2, 'estimated', longNotes],
      'beta.q': [1, 'assumed'],
    }),
    {
      id: 'share-one',
      company: { name: '深湖智能 ⚡ Lake', stage: 'seed', sector: '金融 · AI' },
      evaluator: { name: '王芳 👩‍💼', role: 'investor' },
    },
  );

const deal = (): Assessment[] => [
  example,
  {
    ...example,
    id: 'partner-2',
    evaluator: { name: 'Zhang Min 张敏', role: 'investor' },
    answers: {
      ...example.answers,
      'market.demand': { value: 2, evidence: 'assumed', notes: `${longNotes} 🧪`, facts: [] },
    },
  },
  {
    ...example,
    id: 'partner-3',
    evaluator: { name: 'Ana Ruiz', role: 'advisor' },
    answers: {},
  },
];

const fragmentOf = (url: string) => url.slice(url.indexOf('#'));

/** What the user reads (the problems, in English), or the developer detail when there are none. */
function detailOf(opened: OpenedShare | null): string {
  if (opened === null || opened.ok) return '';
  return opened.problems.length > 0 ? problemLines(opened.problems, 'en') : (opened.detail ?? '');
}

function expectOk(opened: OpenedShare): ShareContent {
  if (!opened.ok) throw new Error(`${opened.reason}: ${detailOf(opened)}`);
  return opened.content;
}

const seal = sealShare;
const unseal = unsealShare;

describe('share links: round trip', () => {
  it('gives back one assessment unchanged (Chinese, emoji, long notes)', async () => {
    const assessment = single();
    const link = await createShareLink(BASE, { kind: 'assessment', assessments: [assessment] });
    expect(link.url.startsWith(`${BASE}#share=v1.`)).toBe(true);
    expect(link.length).toBe(link.url.length);
    const content = expectOk(await openShareFragment(fragmentOf(link.url)));
    expect(content.kind).toBe('assessment');
    expect(content.assessments).toEqual([assessment]);
    expect(serializeAssessment(content.assessments[0]!)).toBe(serializeAssessment(assessment));
  });

  it('gives back a three-rater deal built on the shipped preset, in order', async () => {
    const assessments = deal();
    const link = await createShareLink(BASE, { kind: 'deal', assessments });
    const content = expectOk(await openShareFragment(fragmentOf(link.url)));
    expect(content.kind).toBe('deal');
    expect(content.assessments).toEqual(assessments);
  });

  it('keeps the shipped example short enough to be a link: the preset travels by reference', async () => {
    const link = await createShareLink(BASE, { kind: 'assessment', assessments: [example] });
    expect(link.tooLong).toBe(false);
    // Since file version 3 the example carries ticked facts and notes that justify every
    // level (about 6 KB as a link); the rubric itself would add about 40 KB more.
    expect(link.length).toBeLessThan(MAX_LINK_LENGTH);
    const payload = (await unseal(fragmentOf(link.url))) as { kind: string; file: string };
    expect(Object.keys(payload)).toEqual(['kind', 'file']);
    const file = JSON.parse(payload.file) as { format: string; assessments: { rubric: unknown }[] };
    expect(file.format).toBe('moatscore.bundle');
    expect(file.assessments[0]!.rubric).toEqual({
      $preset: 'ai-startup-founder',
      version: example.rubric.version,
      sha256: expect.stringMatching(/^[\w-]{43}$/),
    });
  });

  it('carries a custom rubric in full, as the bundle file a user would export', async () => {
    const assessment = single();
    const link = await createShareLink(BASE, { kind: 'assessment', assessments: [assessment] });
    const payload = (await unseal(fragmentOf(link.url))) as { kind: string; file: string };
    expect(payload.kind).toBe('assessment');
    const file = JSON.parse(payload.file) as { assessments: unknown[] };
    const expected = JSON.parse(serializeBundle([assessment], 'x')) as { assessments: unknown[] };
    expect(file.assessments).toEqual(expected.assessments);
  });

  it('drops any fragment already on the base address', async () => {
    const link = await createShareLink(`${BASE}#results`, {
      kind: 'assessment',
      assessments: [single()],
    });
    expect(link.url.startsWith(`${BASE}#share=v1.`)).toBe(true);
    expect(link.url.match(/#/g)).toHaveLength(1);
  });

  it('uses a fresh key and IV every time, and shows no plaintext', async () => {
    const content: ShareContent = { kind: 'deal', assessments: deal() };
    const a = await createShareLink(BASE, content);
    const b = await createShareLink(BASE, content);
    expect(a.url).not.toBe(b.url);
    const [, keyA] = fragmentOf(a.url).split('.');
    const [, keyB] = fragmentOf(b.url).split('.');
    expect(keyA).toHaveLength(43);
    expect(keyA).not.toBe(keyB);
    expect(a.url).toMatch(/^[\w:/.#=-]+$/);
    const lower = decodeURIComponent(a.url).toLowerCase();
    for (const plain of ['deeplake', '深湖', 'li wei', 'zhang', 'market', 'founder']) {
      expect(lower).not.toContain(plain);
    }
  });

  it('says when a link is too long and a file is better', async () => {
    expect(
      (await createShareLink(BASE, { kind: 'assessment', assessments: [single()] })).tooLong,
    ).toBe(false);
    // Forty raters with their own notes: no compression makes this fit.
    let seed = 7;
    const noise = () =>
      Array.from({ length: 400 }, () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return String.fromCharCode(0x4e00 + (seed % 2000));
      }).join('');
    const many = Array.from({ length: 40 }, (_, i) =>
      makeAssessment(rubric, answers({ 'alpha.x': [3, 'estimated', noise()] }), {
        id: `rater-${i}`,
      }),
    );
    const big = await createShareLink(BASE, { kind: 'deal', assessments: many });
    expect(big.tooLong).toBe(true);
    expect(big.length).toBeGreaterThan(MAX_LINK_LENGTH);
    // The link still works: the app chooses to offer a file instead.
    expect(expectOk(await openShareFragment(fragmentOf(big.url))).assessments).toHaveLength(40);
  });

  it('refuses to make a link for no assessment, or several under kind "assessment"', async () => {
    await expect(createShareLink(BASE, { kind: 'deal', assessments: [] })).rejects.toThrow(
      RangeError,
    );
    await expect(
      createShareLink(BASE, { kind: 'assessment', assessments: deal() }),
    ).rejects.toThrow(RangeError);
  });
});

describe('share links: damaged, wrong or hostile', () => {
  const made = async () =>
    fragmentOf((await createShareLink(BASE, { kind: 'assessment', assessments: [single()] })).url);

  const reasonOf = async (fragment: string) => {
    const opened = await openShareFragment(fragment);
    expect(opened.ok).toBe(false);
    return opened.ok ? null : opened;
  };

  it('refuses a link with one character of the data changed', async () => {
    const fragment = await made();
    const at = fragment.length - 40;
    const flipped = fragment[at] === 'A' ? 'B' : 'A';
    const tampered = `${fragment.slice(0, at)}${flipped}${fragment.slice(at + 1)}`;
    expect((await reasonOf(tampered))?.reason).toBe('wrong-key-or-damaged');
  });

  it('refuses a truncated link, whatever is cut', async () => {
    const fragment = await made();
    for (const cut of [1, 2, 3, 4, 5, 100]) {
      const reason = (await reasonOf(fragment.slice(0, -cut)))?.reason;
      expect(['malformed', 'wrong-key-or-damaged'], `cut ${cut}`).toContain(reason);
    }
    const keyEnd = fragment.indexOf('.', 12);
    expect((await reasonOf(fragment.slice(0, keyEnd)))?.reason).toBe('malformed');
    expect((await reasonOf(fragment.slice(0, keyEnd - 3)))?.reason).toBe('malformed');
    expect((await reasonOf(`${fragment.slice(0, keyEnd + 1)}AAAA`))?.reason).toBe('malformed');
  });

  it('refuses a key taken from another link', async () => {
    const [a, b] = [await made(), await made()];
    const [version, , body] = a.split('.');
    const [, keyB] = b.split('.');
    expect((await reasonOf(`${version}.${keyB}.${body}`))?.reason).toBe('wrong-key-or-damaged');
  });

  it('says when an address is not a share link at all', async () => {
    for (const hash of ['', '#', '#results', '#shared=v1.a.b', '#foo=1&share=v1.a.b']) {
      expect(isShareFragment(hash)).toBe(false);
      expect((await reasonOf(hash))?.reason).toBe('not-a-share-link');
    }
    expect(isShareFragment('#share=v1.a.b')).toBe(true);
  });

  it('names a newer version, and refuses shapes that are not links', async () => {
    const [, key, body] = (await made()).split('.');
    const v2 = await reasonOf(`#share=v2.${key}.${body}`);
    expect(v2?.reason).toBe('unsupported-version');
    expect(detailOf(v2)).toContain('v2');
    for (const bad of [
      `#share=${key}.${body}`,
      `#share=V1.${key}.${body}`,
      `#share=v1.${key}.${body}.extra`,
      `#share=v1.${key}`,
      `#share=v1.${key}.${body}=`,
      `#share=v1.${key}.${body!.slice(0, 20)}+/${body!.slice(22)}`,
      `#share=v1.${key!.slice(0, 40)}.${body}`,
      `#share=v1.${key}.${'A'.repeat(36)}`,
    ]) {
      expect((await reasonOf(bad))?.reason, bad.slice(0, 40)).toBe('malformed');
    }
  });

  it('refuses an absurdly long link before decoding it, naming the limit', async () => {
    const huge = `#share=v1.${'A'.repeat(43)}.${'A'.repeat(MAX_FRAGMENT_CHARS)}`;
    const opened = await reasonOf(huge);
    expect(opened?.reason).toBe('over-limit');
    expect(detailOf(opened)).toBe(
      `the link is ${MAX_FRAGMENT_CHARS + 47} characters long; the limit is ${MAX_FRAGMENT_CHARS}`,
    );
  });

  it('refuses a valid encryption of an out-of-range answer, naming the field', async () => {
    const hostile = makeAssessment(rubric, answers({ 'alpha.x': [9, 'verified'] }), {
      id: 'hostile',
    });
    const link = await createShareLink(BASE, { kind: 'assessment', assessments: [hostile] });
    const opened = await reasonOf(fragmentOf(link.url));
    expect(opened?.reason).toBe('invalid-content');
    expect(detailOf(opened)).toContain('assessments[0].answers.alpha.x.value: 9 is out of range');
  });

  it('refuses prototype keys, newer bundles and wrong payload shapes, with the core messages', async () => {
    const bundle = (extra: string) =>
      `{"format":"moatscore.bundle","version":1,"exportedAt":"x","assessments":[${extra}]}`;
    const cases: [string, RegExp][] = [
      [
        JSON.stringify({ kind: 'deal', file: bundle('{"__proto__":{"polluted":true}}') }),
        /__proto__/,
      ],
      ['{"kind":"deal","file":"{}","__proto__":{}}', /__proto__/],
      [
        JSON.stringify({
          kind: 'deal',
          file: '{"format":"moatscore.bundle","version":7,"assessments":[]}',
        }),
        /version/,
      ],
      [JSON.stringify({ kind: 'deal', file: bundle('') }), /holds no assessment/],
      [JSON.stringify({ kind: 'secret', file: bundle('') }), /^kind: /],
      [JSON.stringify({ kind: 'deal', file: 42 }), /^file: /],
      [JSON.stringify({ kind: 'deal', file: bundle(''), extra: 1 }), /does not know: "extra"/],
      [JSON.stringify({ kind: 'deal', file: 'not json' }), /not valid JSON/],
      ['[]', /expected an object/],
      [JSON.stringify({ kind: 'assessment', file: serializeBundle(deal(), 'x') }), /exactly one/],
    ];
    for (const [payload, detail] of cases) {
      const opened = await reasonOf(await seal(payload));
      expect(opened?.reason, payload.slice(0, 60)).toBe('invalid-content');
      expect(detailOf(opened), payload.slice(0, 60)).toMatch(detail);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a preset reference it cannot honour', async () => {
    const file = JSON.parse(serializeBundle([example], 'x')) as {
      assessments: { rubric: unknown }[];
    };
    const refs: [unknown, RegExp][] = [
      [{ $preset: 'ai-startup-founder', version: '1.0.0', sha256: 'A'.repeat(43) }, /differs/],
      [{ $preset: 'someone-elses', version: '1.0.0', sha256: 'A'.repeat(43) }, /does not ship/],
      [{ $preset: 'ai-startup-founder' }, /exactly \$preset, version and sha256/],
    ];
    for (const [ref, detail] of refs) {
      file.assessments[0]!.rubric = ref;
      const payload = JSON.stringify({ kind: 'assessment', file: JSON.stringify(file) });
      const opened = await reasonOf(await seal(payload));
      expect(opened?.reason).toBe('invalid-content');
      expect(detailOf(opened)).toMatch(/^assessments\[0\]\.rubric: /);
      expect(detailOf(opened)).toMatch(detail);
    }
  });

  it('stops unpacking a compression bomb at the cap', async () => {
    const bomb = new Uint8Array(11 * 1024 * 1024).fill(0x20);
    const fragment = await seal(bomb);
    expect(fragment.length).toBeLessThan(MAX_LINK_LENGTH * 4);
    const opened = await reasonOf(fragment);
    expect(opened?.reason).toBe('over-limit');
    expect(detailOf(opened)).toBe('the content unpacks to more than 10 MB, the limit');
  });

  it('refuses well-encrypted bytes that are not deflate data or not UTF-8', async () => {
    const rawKey = webcrypto.getRandomValues(new Uint8Array(32));
    const iv = webcrypto.getRandomValues(new Uint8Array(12));
    const key = await webcrypto.subtle.importKey('raw', rawKey, 'AES-GCM', false, ['encrypt']);
    const garbage = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x00, 0x13]);
    const sealed = Buffer.from(
      await webcrypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, garbage),
    );
    const fragment = `#share=v1.${Buffer.from(rawKey).toString('base64url')}.${Buffer.concat([iv, sealed]).toString('base64url')}`;
    const notDeflate = await reasonOf(fragment);
    expect(notDeflate?.reason).toBe('invalid-content');
    expect(detailOf(notDeflate)).toMatch(/not compressed data/);
    const latin1 = await reasonOf(await seal(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])));
    expect(detailOf(latin1)).toMatch(/UTF-8/);
  });
});
