import type { Assessment, Lang } from '../core/schema';
import { reportFileName } from './file-name';
import { renderReportPdf, type Paper, type RenderedReport } from './pdf-report';
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

/** The one way a report is made, in the browser and in the CLI alike. */
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
    ...Object.values(answers).map((a) => a.notes),
  ];
  const fonts = await loadReportFonts(lang, readFont, userTexts);
  const rendered = renderReportPdf(buildReportModel(assessment, lang, now), fonts, paper);
  return { ...rendered, fileName: reportFileName(assessment.company.name, now) };
}
