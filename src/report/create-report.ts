import type { Assessment } from '../core/schema';
import type { Lang } from '../core/vocabulary';
import { exportFileName } from '../core/file-name';
import { renderReportPdf } from './pdf-report';
import { type Paper, type RenderedReport } from './pdf-writer';
import { loadReportFonts, type ReadFont } from './report-fonts';
import { buildReportModel } from './report-model';

export interface ReportRequest {
  assessment: Assessment;
  lang: Lang;
  paper: Paper;
  readFont: ReadFont;
  now: Date;
}

export interface Report extends RenderedReport {
  fileName: string;
}

/** The assessment report (the deal report is deal-report.ts), made the same way in the browser and in the CLI. */
export async function createReport({
  assessment,
  lang,
  paper,
  readFont,
  now,
}: ReportRequest): Promise<Report> {
  const { company, evaluator, answers } = assessment;
  const userTexts = [
    company.name,
    company.sector,
    evaluator.name,
    ...Object.values(answers).flatMap((a) => [
      a.notes,
      ...(a.modelEvidence ?? []).flatMap((e) => [
        e.task,
        e.heldOut,
        e.positive ?? '',
        ...e.files.map((f) => f.name),
      ]),
    ]),
  ];
  const fonts = await loadReportFonts(lang, readFont, userTexts);
  const rendered = renderReportPdf(buildReportModel(assessment, lang, now), fonts, paper, now);
  return { ...rendered, fileName: exportFileName(assessment.company.name, now) };
}
