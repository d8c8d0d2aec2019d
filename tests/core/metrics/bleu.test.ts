import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bleuFromTotals, corpusBleu } from '../../../src/core/metrics/bleu';
import { readSegments } from '../../../src/core/metrics/text-segments';
import { tokenize13a } from '../../../src/core/metrics/tokenizer-13a';

// The expected values below are sacreBLEU's own, from its repository (mjpost/sacrebleu, v2.6):
// test/test_bleu.py, test/test_sentence_bleu.py and the README's examples.
const REFS = [
  ['The dog bit the man.', 'It was not unexpected.', 'The man bit him first.'],
  ['The dog had bit the man.', 'No one was surprised.', 'The man had bitten the dog.'],
];
const HYPS = ['The dog bit the man.', "It wasn't surprising.", 'The man had just bitten him.'];

describe('corpus BLEU agrees with sacreBLEU', () => {
  it('on the README example: BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)', () => {
    const bleu = corpusBleu(HYPS, REFS);
    expect(Math.abs(bleu.score - 48.530827)).toBeLessThan(1e-6); // test_corpus_bleu, default settings
    expect(bleu.precisions.map((p) => p.toFixed(1))).toEqual(['82.4', '50.0', '45.5', '37.5']);
    expect(bleu.bp.toFixed(3)).toBe('0.943');
    expect(bleu.ratio.toFixed(3)).toBe('0.944');
    expect([bleu.hypLength, bleu.refLength]).toEqual([17, 18]);
  });

  it('with other maximum n-gram orders (test_max_ngram_order)', () => {
    const expected = ['77.65', '60.50', '53.93', '48.53', '46.14', '43.28'];
    expected.forEach((score, i) => {
      expect(corpusBleu(HYPS, REFS, { maxOrder: i + 1 }).score.toFixed(2)).toBe(score);
    });
  });

  it('with empty candidates (0.0) and with a missing first reference (the README: 29.44)', () => {
    expect(corpusBleu(['', '', ''], REFS).score).toBe(0);
    const variable = [['', ...REFS[0]!.slice(1)], REFS[1]!];
    expect(corpusBleu(HYPS, variable).score.toFixed(2)).toBe('29.44');
  });

  it('on the clipped n-gram statistics of test_statistics: matches [4, 2, 1, 0] of [6, 5, 4, 3]', () => {
    const bleu = corpusBleu(
      ['am I am a character sequence'],
      [['I am a symbol string sequence a a']],
    );
    expect(bleu.counts).toEqual([4, 2, 1, 0]);
    expect(bleu.totals).toEqual([6, 5, 4, 3]);
  });

  it('from sufficient statistics (test_scoring: 0.8375922397)', () => {
    // matches [9, 7, 5, 3] of [10, 8, 6, 4], candidate and reference length 11
    const totals = Float64Array.from([11, 11, 9, 7, 5, 3, 10, 8, 6, 4]);
    expect(Math.abs(bleuFromTotals(totals).score / 100 - 0.8375922397)).toBeLessThan(1e-8);
  });

  it('at sentence level with effective order, exp smoothing and 13a on Romanian (8.493)', () => {
    const ref = 'producţia de zahăr brut se exprimă în zahăr alb;';
    const sys = 'Producția de zahăr primă va fi exprimată în ceea ce privește zahărul alb;';
    const bleu = corpusBleu([sys], [[ref]], { effectiveOrder: true });
    expect(Math.abs(bleu.score - 8.493)).toBeLessThan(1e-3);
    // nothing in common (issue #141): 0, whatever the smoothing
    expect(corpusBleu(['this is a cat'], [['okay thanks']], { effectiveOrder: true }).score).toBe(
      0,
    );
  });

  it('is 100 for a text against itself', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9.,;:!?'"()-]{1,8}$/);
    const segment = fc.array(word, { minLength: 4, maxLength: 12 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), (segments) => {
        expect(corpusBleu(segments, [segments]).score).toBeCloseTo(100, 10);
      }),
    );
  });
});

describe('13a tokenizer', () => {
  it.each([
    // apostrophes, hyphens inside words and a final period: only the period is split
    ["It wasn't well-known.", "It wasn't well-known ."],
    // numbers keep their decimal point and thousands comma; a dash after a digit is split
    ['Pay 1,000.50 for 5-6 items, now.', 'Pay 1,000.50 for 5 - 6 items , now .'],
    // the HTML escapes are undone, then every listed punctuation mark stands alone
    ['&quot;A&amp;B&quot; (e.g. x/y) $5', '" A & B " ( e . g . x / y ) $ 5'],
    // <skipped> disappears; whitespace runs collapse
    ['a <skipped>  b\tc', 'a b c'],
  ])('tokenizes %j as %j', (input, expected) => {
    expect(tokenize13a(input)).toBe(expected);
  });

  it('splits on Python’s whitespace, not JavaScript’s: U+001F yes, U+FEFF no', () => {
    expect(tokenize13a('a\u001fb')).toBe('a b');
    expect(tokenize13a('a\ufeffb')).toBe('a\ufeffb');
  });
});

describe('text segments', () => {
  it('reads one segment a line, CRLF or LF, without an empty segment after the last line break', () => {
    expect(readSegments('\ufeffone\r\ntwo\n\nfour\n')).toEqual(['one\r', 'two', '', 'four']);
    expect(readSegments('')).toEqual([]);
    expect(readSegments('x')).toEqual(['x']);
    // the CR goes with the rest of the trailing whitespace when the segment is tokenized
    expect(corpusBleu(['one two three four\r'], [['one two three four']]).score).toBeCloseTo(
      100,
      10,
    );
  });
});
