import type {
  Band,
  ChecklistFact,
  EvidenceThreshold,
  Criterion,
  DealBreaker,
  LocalizedText,
  Rubric,
  Section,
  StageExpectation,
} from '../../core/schema';
import { EVIDENCE_METRICS, type EvidenceMetric } from '../../core/vocabulary';

/**
 * The editor's state: a rubric whose numbers are kept as the text the user
 * typed ("", "12.", "abc" included), so inputs stay controlled without
 * fighting the keyboard. `toCandidate` turns it back into plain data for
 * validateRubric, which then reports whatever is wrong.
 */
export interface TextPair {
  en: string;
  zh: string;
}

export interface LevelForm {
  value: number;
  label: TextPair;
  descriptor: TextPair;
  /** Not editable here yet: carried through unchanged so a save keeps it. */
  checklist?: ChecklistFact[];
  evidenceThreshold?: ThresholdForm;
}

/** A level's evidence threshold as edited: numbers as typed, flags as the file had them. */
export interface ThresholdForm {
  metrics: EvidenceMetric[];
  minItems: string;
  min: string;
  delta: string;
  /** Undefined where the file left the flag out: a save keeps it out. */
  baseline?: boolean;
  lowerBoundAboveZero?: boolean;
}

/** What a level newly given a threshold starts with: any key metric, nothing more asked. */
export const NEW_THRESHOLD: ThresholdForm = {
  metrics: [...EVIDENCE_METRICS],
  minItems: '',
  min: '',
  delta: '',
};

export interface CriterionForm {
  id: string;
  name: TextPair;
  weight: string;
  question: TextPair;
  evidencePrompts: TextPair[];
  levels: LevelForm[];
  /** "" means no knock-out. */
  knockoutBelow: string;
  /** Not editable here yet: carried through unchanged so a save keeps it. */
  expected?: StageExpectation;
}

export interface SectionForm {
  id: string;
  name: TextPair;
  /** Optional in the file: both empty means none. */
  description: TextPair;
  weight: string;
  criteria: CriterionForm[];
}

export interface BandForm {
  id: string;
  min: string;
  max: string;
  label: TextPair;
  description: TextPair;
}

export interface RubricForm {
  $schema?: string;
  id: string;
  version: string;
  name: TextPair;
  description: TextPair;
  sections: SectionForm[];
  bands: BandForm[];
  /** Not editable here yet: carried through unchanged so a save keeps them. */
  stageBand?: string;
  dealBreakers?: DealBreaker[];
}

const pair = (text: LocalizedText | undefined): TextPair => ({
  en: text?.en ?? '',
  zh: text?.zh ?? '',
});
const numberText = (n: number | undefined) => (n === undefined ? '' : String(n));

export function toForm(rubric: Rubric): RubricForm {
  return {
    ...(rubric.$schema !== undefined && { $schema: rubric.$schema }),
    id: rubric.id,
    version: rubric.version,
    name: pair(rubric.name),
    description: pair(rubric.description),
    sections: rubric.sections.map((section) => ({
      id: section.id,
      name: pair(section.name),
      description: pair(section.description),
      weight: numberText(section.weight),
      criteria: section.criteria.map((criterion) => ({
        id: criterion.id,
        name: pair(criterion.name),
        weight: numberText(criterion.weight),
        question: pair(criterion.question),
        evidencePrompts: criterion.evidencePrompts.map(pair),
        levels: criterion.levels.map((level) => ({
          value: level.value,
          label: pair(level.label),
          descriptor: pair(level.descriptor),
          ...(level.checklist !== undefined && { checklist: structuredClone(level.checklist) }),
          ...(level.evidenceThreshold !== undefined && {
            evidenceThreshold: thresholdForm(level.evidenceThreshold),
          }),
        })),
        knockoutBelow: numberText(criterion.knockoutBelow),
        ...(criterion.expected !== undefined && { expected: { ...criterion.expected } }),
      })),
    })),
    bands: rubric.bands.map((band) => ({
      id: band.id,
      min: numberText(band.min),
      max: numberText(band.max),
      label: pair(band.label),
      description: pair(band.description),
    })),
    ...(rubric.stageBand !== undefined && { stageBand: rubric.stageBand }),
    ...(rubric.dealBreakers !== undefined && {
      dealBreakers: structuredClone(rubric.dealBreakers),
    }),
  };
}

/**
 * Typed text as a number: "" stays missing (so the validator says "is
 * missing"), anything unreadable becomes NaN (so it says "expected number").
 */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return Number(trimmed);
}

const optionalPair = (text: TextPair): LocalizedText | undefined =>
  text.en.trim() === '' && text.zh.trim() === '' ? undefined : { ...text };

/** Plain data in the rubric file's shape, for validateRubric and export. */
export function toCandidate(form: RubricForm): unknown {
  const sections = form.sections.map((section) => {
    const criteria = section.criteria.map((criterion) => {
      const knockoutBelow = parseNumber(criterion.knockoutBelow);
      return {
        id: criterion.id,
        name: { ...criterion.name },
        weight: parseNumber(criterion.weight),
        question: { ...criterion.question },
        evidencePrompts: criterion.evidencePrompts.map((p) => ({ ...p })),
        levels: criterion.levels.map((level) => ({
          value: level.value,
          label: { ...level.label },
          descriptor: { ...level.descriptor },
          ...(level.checklist !== undefined && { checklist: structuredClone(level.checklist) }),
          ...(level.evidenceThreshold !== undefined && {
            evidenceThreshold: thresholdCandidate(level.evidenceThreshold),
          }),
        })),
        ...(knockoutBelow !== undefined && { knockoutBelow }),
        ...(criterion.expected !== undefined && { expected: { ...criterion.expected } }),
      } satisfies Partial<Record<keyof Criterion, unknown>>;
    });
    const description = optionalPair(section.description);
    return {
      id: section.id,
      name: { ...section.name },
      ...(description !== undefined && { description }),
      weight: parseNumber(section.weight),
      criteria,
    } satisfies Partial<Record<keyof Section, unknown>>;
  });
  const bands = form.bands.map((band) => {
    const description = optionalPair(band.description);
    return {
      id: band.id,
      min: parseNumber(band.min),
      max: parseNumber(band.max),
      label: { ...band.label },
      ...(description !== undefined && { description }),
    } satisfies Partial<Record<keyof Band, unknown>>;
  });
  return {
    ...(form.$schema !== undefined && { $schema: form.$schema }),
    id: form.id,
    version: form.version,
    name: { ...form.name },
    description: { ...form.description },
    sections,
    bands,
    ...(form.stageBand !== undefined && { stageBand: form.stageBand }),
    ...(form.dealBreakers !== undefined && { dealBreakers: structuredClone(form.dealBreakers) }),
  };
}

function thresholdForm(threshold: EvidenceThreshold): ThresholdForm {
  return {
    metrics: [...threshold.metrics],
    minItems: numberText(threshold.minItems),
    min: numberText(threshold.min),
    delta: numberText(threshold.delta),
    ...(threshold.baseline !== undefined && { baseline: threshold.baseline }),
    ...(threshold.lowerBoundAboveZero !== undefined && {
      lowerBoundAboveZero: threshold.lowerBoundAboveZero,
    }),
  };
}

function thresholdCandidate(form: ThresholdForm) {
  const minItems = parseNumber(form.minItems);
  const min = parseNumber(form.min);
  const delta = parseNumber(form.delta);
  return {
    // In the vocabulary's order, however they were ticked.
    metrics: EVIDENCE_METRICS.filter((metric) => form.metrics.includes(metric)),
    ...(minItems !== undefined && { minItems }),
    ...(form.baseline !== undefined && { baseline: form.baseline }),
    ...(min !== undefined && { min }),
    ...(delta !== undefined && { delta }),
    ...(form.lowerBoundAboveZero !== undefined && {
      lowerBoundAboveZero: form.lowerBoundAboveZero,
    }),
  } satisfies Partial<Record<keyof EvidenceThreshold, unknown>>;
}

/** A copy of `items` with `items[index]` replaced by `update(items[index])`. */
export function updateAt<T>(items: readonly T[], index: number, update: (item: T) => T): T[] {
  return items.map((item, i) => (i === index ? update(item) : item));
}

/** The weights of a list as typed; null when any is not a positive number. */
export function typedWeights(texts: readonly string[]): number[] | null {
  const weights = texts.map(parseNumber);
  return weights.every((w): w is number => w !== undefined && Number.isFinite(w) && w > 0)
    ? weights
    : null;
}

/** The sum of the readable weights, ignoring the ones that are not numbers yet. */
export function sumOfTyped(texts: readonly string[]): number {
  return texts
    .map(parseNumber)
    .filter((w): w is number => w !== undefined && Number.isFinite(w))
    .reduce((a, b) => a + b, 0);
}

/** Sums as shown: at most two decimals, no float noise. */
export function formatSum(sum: number): string {
  return String(Math.round(sum * 100) / 100);
}

/**
 * The keys of a path as formatted by core/problems.ts, e.g.
 * `sections[0](market).criteria[2](technology).weight` →
 * ['sections', 0, 'criteria', 2, 'weight'].
 */
export function pathKeys(path: string): (string | number)[] {
  if (path === '(root)') return [];
  const keys: (string | number)[] = [];
  const pattern = /\[(\d+)\](?:\([^)]*\))?|\.?([^.[\]]+)/g;
  for (const match of path.matchAll(pattern)) {
    if (match[1] !== undefined) keys.push(Number(match[1]));
    else if (match[2] !== undefined) keys.push(match[2]);
  }
  return keys;
}

/** The id of the input for a path inside the rubric; the editor uses the same scheme. */
export function fieldId(base: string, keys: readonly (string | number)[]): string {
  return [base, ...keys].join('-');
}

/** Where a problem is best fixed: the id of the nearest input on the page for its path. */
export function problemTarget(
  base: string,
  path: string,
  exists: (id: string) => boolean,
): string | null {
  const keys = pathKeys(path);
  for (let length = keys.length; length >= 0; length--) {
    const id = fieldId(base, keys.slice(0, length));
    for (const suffix of ['', '-en', '-0-weight', '-name-en', '-label-en', '-min']) {
      if (length === 0 && suffix === '') continue;
      if (exists(id + suffix)) return id + suffix;
    }
  }
  return null;
}
