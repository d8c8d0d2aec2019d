import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readFontFile } from '../../src/cli/cli-io';
import { evidenceFromReport } from '../../src/core/evidence-from-report';
import { levelSupportedByEvidence } from '../../src/core/evidence-level';
import { computeMetrics } from '../../src/core/metrics/compute-metrics';
import { listCriteria } from '../../src/core/rubric-index';
import type { Assessment, ModelEvidence } from '../../src/core/schema';
import type { Lang } from '../../src/core/vocabulary';
import { createReport } from '../../src/report/create-report';
import { scoreCsv } from '../helpers/evaluation-files';
import { loadExample } from '../helpers/fixtures';
import { pdfText, qpdfCheck, squeeze, writeTemp } from './pdf-tools';

const NOW = new Date('2026-11-29T10:00:00Z');
const ID = 'differentiation.algorithms';
const model = scoreCsv(800, 356);
const baseline = scoreCsv(800, 332);
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** The example, its algorithm answer backed by evidence computed from the two files. */
function withEvidence(): Assessment {
  const example = loadExample();
  const outcome = computeMetrics({
    kind: 'table',
    file: { name: 'model.csv', text: model },
    baseline: { name: 'baseline.csv', text: baseline },
  });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  const criterion = listCriteria(example.rubric).find((e) => e.fullId === ID)!.criterion;
  const figures = evidenceFromReport(outcome.report, {
    task: 'Contract clause classification',
    heldOut: 'Customer A test set',
    keyMetric: 'f1',
    files: [
      { role: 'predictions', name: 'model.csv', sha256: sha(model) },
      { role: 'baseline', name: 'baseline.csv', sha256: sha(baseline) },
    ],
    computedAt: '2026-11-29T09:30:00.000Z',
  });
  const evidence: ModelEvidence = {
    ...figures,
    suggestedLevel: levelSupportedByEvidence(criterion, figures)?.value ?? null,
    accepted: true,
  };
  const answer = example.answers[ID]!;
  return {
    ...example,
    answers: { ...example.answers, [ID]: { ...answer, value: 4, modelEvidence: [evidence] } },
  };
}

async function reportFile(assessment: Assessment, lang: Lang): Promise<string> {
  const report = await createReport({
    assessment,
    lang,
    paper: 'a4',
    readFont: readFontFile,
    now: NOW,
  });
  const path = writeTemp(`evidence-${lang}.pdf`, report.bytes);
  expect(qpdfCheck(path).ok).toBe(true);
  expect(report.missing).toEqual([]);
  return path;
}

describe('the model evidence appendix of the PDF report', () => {
  it('prints the task, held-out set, figures, gain, level and fingerprints as text (en)', async () => {
    const path = await reportFile(withEvidence(), 'en');
    const text = squeeze(pdfText(path));
    // By hand (tests/helpers/evaluation-files.ts): F1 = 356/400 = 0.890 and 332/400 = 0.830,
    // a gain of 6.0 points; AUC = (356·400 + 44·356) / 400² = 0.98790.
    expect(text).toContain(squeeze('Appendix: model evidence'));
    expect(text).toContain(squeeze('Algorithm optimization · Contract clause classification'));
    expect(text).toContain(squeeze('Held-out set Customer A test set'));
    expect(text).toContain(squeeze('Items 800 (scores)'));
    expect(text).toContain(squeeze('Level 4 · Customer-verified, accepted by the rater'));
    expect(text).toMatch(/F1\*0\.890\d\.\d{3}–\d\.\d{3}0\.830\+6\.0\(\d\.\dto\d\.\d\)/);
    expect(text).toContain(squeeze('ROC curve (AUC 0.988)'));
    expect(text).toContain(sha(model));
    expect(text).toContain(sha(baseline));
    expect(text).toContain(squeeze('False positive rate'));
  });

  it('draws the ROC curve as vectors, not as a picture', async () => {
    const path = await reportFile(withEvidence(), 'en');
    const pages = pdfText(path).split('\f');
    const page = pages.findIndex((p) => p.includes('ROC curve (AUC')) + 1;
    expect(page).toBeGreaterThan(0);
    const images = execFileSync(
      'pdfimages',
      ['-list', '-f', String(page), '-l', String(page), path],
      {
        encoding: 'utf8',
      },
    );
    // The header and its rule, and no image below them.
    expect(images.trim().split('\n')).toHaveLength(2);
  });

  it('says it in Chinese too', async () => {
    const text = squeeze(pdfText(await reportFile(withEvidence(), 'zh')));
    expect(text).toContain('附录：模型证据');
    expect(text).toContain(squeeze('留出集 Customer A test set'));
    expect(text).toContain(squeeze('第 4 级 · 客户验证，评估人已采纳'));
    expect(text).toContain(squeeze('ROC 曲线（AUC 0.988）'));
  });

  it('has no appendix when no answer carries evidence', async () => {
    const text = squeeze(pdfText(await reportFile(loadExample(), 'en')));
    expect(text).not.toContain(squeeze('model evidence'));
  });
});
