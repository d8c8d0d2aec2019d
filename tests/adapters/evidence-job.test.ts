import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { computeEvidence, MAX_EVIDENCE_FILE_BYTES } from '../../src/adapters/compute-evidence';
import { runEvidenceJob } from '../../src/adapters/evidence-job';

const bytes = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;
const file = (name: string, text: string) => ({
  name,
  size: text.length,
  arrayBuffer: () => Promise.resolve(bytes(text)),
});

describe('runEvidenceJob', () => {
  it('fingerprints each file with SHA-256 and computes the metrics', async () => {
    // The digest as Node's crypto module gives it, hex as sha256sum prints it.
    const text = 'label,prediction\na,a\nb,b\n';
    const expected = createHash('sha256').update(text).digest('hex');
    const outcome = await runEvidenceJob({
      kind: 'table',
      threshold: 0.5,
      files: [{ role: 'predictions', name: 'm.csv', bytes: bytes(text) }],
    });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    expect(outcome.files).toEqual([{ role: 'predictions', name: 'm.csv', sha256: expected }]);
    expect(outcome.report.values.accuracy).toBe(1);
  });

  it('refuses a file that is not UTF-8, naming it, before computing anything', async () => {
    const latin1 = new Uint8Array([0x6c, 0x61, 0x62, 0x65, 0x6c, 0x0a, 0xe9, 0x0a]).buffer;
    const outcome = await runEvidenceJob({
      kind: 'table',
      threshold: 0.5,
      files: [{ role: 'predictions', name: 'latin1.csv', bytes: latin1 }],
    });
    expect(outcome).toEqual({
      ok: false,
      problems: [{ path: '(root)', code: 'file.notUtf8', params: {}, source: 'latin1.csv' }],
    });
  });

  it('hands reference, candidate and baseline texts to BLEU in their roles', async () => {
    const outcome = await runEvidenceJob({
      kind: 'text',
      files: [
        { role: 'reference', name: 'ref.txt', bytes: bytes('the cat sat on the mat\n') },
        { role: 'candidate', name: 'hyp.txt', bytes: bytes('the cat sat on the mat\n') },
        { role: 'baseline', name: 'old.txt', bytes: bytes('a dog stood\n') },
      ],
    });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    expect(outcome.report.values.bleu).toBeCloseTo(100, 6);
    expect(outcome.report.baselineFile).toBe('old.txt');
  });
});

describe('computeEvidence', () => {
  it('refuses a file above the cap without reading it', async () => {
    const read = vi.fn(() => Promise.resolve(new ArrayBuffer(0)));
    const run = vi.fn();
    const outcome = await computeEvidence(
      {
        kind: 'table',
        threshold: 0.5,
        files: [
          {
            role: 'predictions',
            file: { name: 'huge.csv', size: MAX_EVIDENCE_FILE_BYTES + 1, arrayBuffer: read },
          },
        ],
      },
      run,
    );
    expect(read).not.toHaveBeenCalled();
    expect(run).not.toHaveBeenCalled();
    expect(outcome).toEqual({
      ok: false,
      problems: [
        {
          path: '(root)',
          code: 'file.tooLarge',
          params: { size: '200.0', max: 200 },
          source: 'huge.csv',
        },
      ],
    });
  });

  it('reads the chosen files and hands their bytes to the job with their roles', async () => {
    const outcome = await computeEvidence(
      {
        kind: 'table',
        threshold: 0.7,
        files: [
          { role: 'predictions', file: file('m.csv', 'label,score\n1,0.9\n0,0.6\n') },
          { role: 'baseline', file: file('b.csv', 'label,score\n1,0.4\n0,0.6\n') },
        ],
      },
      runEvidenceJob,
    );
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    // At 0.7 the model calls row 1 positive and row 2 negative: both right.
    expect(outcome.report.values.accuracy).toBe(1);
    expect(outcome.report.threshold).toBe(0.7);
    expect(outcome.files.map((f) => [f.role, f.name])).toEqual([
      ['predictions', 'm.csv'],
      ['baseline', 'b.csv'],
    ]);
  });
});
