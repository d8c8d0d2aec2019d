import { lazy, Suspense, useCallback } from 'react';
import { newDraft, stepValuesOf, withDealBreakerAnswer, withStepValues } from '../core/draft';
import { type PendingAnswer, type Position } from '../core/draft-record';
import { listCriteria } from '../core/rubric-index';
import { dealKeyOf } from '../core/deal-key';
import type { Assessment } from '../core/schema';
import { ASSESSMENT_FORMAT, ASSESSMENT_VERSION, type DealBreakerAnswer } from '../core/vocabulary';
import type { StartForm } from '../ui/start/start-form';
import { loadExample, loadRubricChoice } from './load-on-demand';
import { listCustomRubrics, readCustomRubricText } from '../adapters/custom-rubrics';
import { StartScreen } from '../ui/start/start-screen';
import { Loading } from '../ui/components/loading';
import { newId } from './new-id';
import type { DraftSession } from './use-draft-session';
import type { TeamSession } from './use-team';

const EXAMPLE_ID = 'example-deeplake-ai';

// The start screen loads first and alone; the rest (react-hook-form, chart.js) when needed.
const WizardStep = lazy(() =>
  import('../ui/wizard/wizard-step').then((m) => ({ default: m.WizardStep })),
);
const DealBreakerStep = lazy(() =>
  import('../ui/wizard/deal-breaker-step').then((m) => ({ default: m.DealBreakerStep })),
);
const ReviewScreen = lazy(() =>
  import('../ui/review/review-screen').then((m) => ({ default: m.ReviewScreen })),
);
const ResultsScreen = lazy(() => import('../ui/results/results-screen'));
const LibraryScreen = lazy(() => import('../ui/library/library-screen'));
const DealsScreen = lazy(() => import('../ui/deals/deals-screen'));
const RubricsScreen = lazy(() => import('../ui/rubrics/rubrics-screen'));

const TeamAssessmentPanel = lazy(() =>
  import('../ui/team/team-assessment-panel').then((m) => ({ default: m.TeamAssessmentPanel })),
);

export type View = 'start' | 'library' | 'deals' | 'rubrics';

/** A deal the team server lists that this device has no assessment of yet. */
export interface DealToScore {
  key: string;
  name: string;
}

interface ScreenProps {
  session: DraftSession;
  team: TeamSession;
  view: View;
  /** Chosen on the deals screen: the start screen then starts an assessment of it. */
  dealToScore: DealToScore | null;
  onScoreDeal: (deal: DealToScore) => void;
}

/** Which screen the open draft is on, and what each screen's buttons do. */
export function Screens(props: ScreenProps) {
  return (
    <Suspense fallback={<Loading />}>
      <CurrentScreen {...props} />
    </Suspense>
  );
}

function CurrentScreen({ session, team, view, dealToScore, onScoreDeal }: ScreenProps) {
  const { draft, open, openById, update, close, library, storage } = session;
  const { member, adopt } = team;

  const goTo = useCallback((position: Position) => update((d) => ({ ...d, position })), [update]);

  const start = useCallback(
    async (form: StartForm) => {
      const rubric = await loadRubricChoice(form.preset, (id) => readCustomRubricText(storage, id));
      const now = new Date().toISOString();
      const id = newId();
      // A founder guest rates the one company the invitation names; a deal chosen from the
      // team's list keeps the server's key, however the company name is typed.
      const deal = member?.deal ?? dealToScore?.key ?? dealKeyOf(form.companyName);
      open(
        newDraft(
          {
            format: ASSESSMENT_FORMAT,
            version: ASSESSMENT_VERSION,
            id,
            deal,
            company: { name: form.companyName, stage: form.stage, sector: form.sector },
            evaluator: { name: form.evaluatorName, role: form.role },
            createdAt: now,
            updatedAt: now,
            rubric,
            answers: {},
            dealBreakers: {},
          },
          now,
        ),
      );
      // Started while signed in to the team: it is team work, sent and kept in sync.
      if (member !== null) adopt(id, deal);
    },
    [open, storage, member, adopt, dealToScore],
  );

  const openExample = useCallback(async () => {
    if (library.summaries.some((s) => s.id === EXAMPLE_ID)) {
      await openById(EXAMPLE_ID, { screen: 'results' });
      return;
    }
    const example = await loadExample();
    open({ ...newDraft(example, new Date().toISOString()), position: { screen: 'results' } });
  }, [library.summaries, open, openById]);

  const entries = draft === null ? [] : listCriteria(draft.assessment.rubric);
  const position = draft?.position;
  const current = position?.screen === 'step' ? entries[position.index] : undefined;
  const currentId = current?.fullId;

  const changeStep = useCallback(
    (values: PendingAnswer) => {
      if (currentId !== undefined)
        update((d) => withStepValues(d, currentId, values, new Date().toISOString()));
    },
    [currentId, update],
  );

  const answerDealBreaker = useCallback(
    (id: string, answer: DealBreakerAnswer | null) =>
      update((d) => withDealBreakerAnswer(d, id, answer, new Date().toISOString())),
    [update],
  );

  // A re-score (or its undo) replaces the assessment; the open draft keeps its place.
  const replaceAssessment = useCallback(
    (assessment: Assessment) => update((d) => ({ ...d, assessment })),
    [update],
  );

  const teamRecord = draft === null ? undefined : team.sync?.records.get(draft.assessment.id);
  // A teammate's work, or one's own once submitted: read, never changed.
  const locked = teamRecord !== undefined && (!teamRecord.own || teamRecord.submittedAt !== null);

  if (session.resuming) return <Loading />;
  if ((draft === null || position === undefined) && view === 'library') {
    return session.store === null ? (
      <Loading />
    ) : (
      <LibraryScreen
        library={library}
        store={session.store}
        newId={newId}
        onOpen={(id) => void openById(id)}
        onChanged={session.reload}
        onTrouble={session.report}
      />
    );
  }
  if ((draft === null || position === undefined) && view === 'rubrics') {
    return <RubricsScreen storage={storage} onTrouble={session.report} />;
  }
  if ((draft === null || position === undefined) && view === 'deals') {
    return session.store === null ? (
      <Loading />
    ) : (
      <DealsScreen
        summaries={library.summaries}
        store={session.store}
        onOpen={(id) => void openById(id)}
        team={
          team.member === null || team.sync === null
            ? null
            : {
                deals: team.sync.deals,
                canReveal: team.member.role === 'owner',
                onReveal: team.reveal,
                onScore: onScoreDeal,
              }
        }
      />
    );
  }
  if (draft === null || position === undefined) {
    return (
      <StartScreen
        forDeal={dealToScore}
        customRubrics={listCustomRubrics(storage)}
        drafts={library.summaries}
        damaged={library.damaged}
        onStart={start}
        onResume={(id) => void openById(id)}
        onOpenExample={openExample}
      />
    );
  }

  const questions = draft.assessment.rubric.dealBreakers ?? [];
  const last = entries.length - 1;
  // The deal-breaker questions come after the criteria, when the rubric asks any.
  const afterCriteria: Position =
    questions.length > 0
      ? { screen: 'deal-breakers', returnToReview: false }
      : { screen: 'review' };
  const lastStep: Position = { screen: 'step', index: last, returnToReview: false };

  if (position.screen === 'step' && current !== undefined && !locked) {
    const inSection = entries.filter((e) => e.section.id === current.section.id);
    return (
      <WizardStep
        key={`${current.fullId}:${session.externalRevisions[current.fullId] ?? 0}`}
        entry={current}
        index={position.index}
        total={entries.length}
        sectionIndex={inSection.indexOf(current)}
        sectionSize={inSection.length}
        stage={draft.assessment.company.stage}
        initial={stepValuesOf(draft, current.fullId)}
        returnToReview={position.returnToReview}
        onChange={changeStep}
        onBack={() => {
          if (position.returnToReview) goTo({ screen: 'review' });
          else if (position.index === 0) close();
          else goTo({ screen: 'step', index: position.index - 1, returnToReview: false });
        }}
        onContinue={() =>
          goTo(
            position.returnToReview
              ? { screen: 'review' }
              : position.index >= last
                ? afterCriteria
                : { screen: 'step', index: position.index + 1, returnToReview: false },
          )
        }
      />
    );
  }

  if (position.screen === 'deal-breakers' && questions.length > 0 && !locked) {
    return (
      <DealBreakerStep
        questions={questions}
        bands={draft.assessment.rubric.bands}
        answers={draft.assessment.dealBreakers}
        returnToReview={position.returnToReview}
        focusQuestion={position.question}
        onAnswer={answerDealBreaker}
        onBack={() => goTo(position.returnToReview ? { screen: 'review' } : lastStep)}
        onContinue={() => goTo({ screen: 'review' })}
      />
    );
  }

  if (position.screen === 'results' || locked) {
    const { assessment } = draft;
    return (
      <ResultsScreen
        draft={draft}
        others={library.summaries}
        store={session.store}
        onReview={() => goTo({ screen: 'review' })}
        onAnswerDealBreakers={() => goTo({ screen: 'deal-breakers', returnToReview: true })}
        onReplace={replaceAssessment}
        onHome={close}
        readOnly={locked}
        team={
          member === null
            ? undefined
            : (results) => (
                <Suspense fallback={null}>
                  <TeamAssessmentPanel
                    company={assessment.company.name}
                    answered={results.answeredCount}
                    total={results.totalCount}
                    record={teamRecord}
                    onSend={() => adopt(assessment.id, assessment.deal)}
                    onSubmit={() => team.submit(assessment.id)}
                  />
                </Suspense>
              )
        }
      />
    );
  }

  return (
    <ReviewScreen
      draft={draft}
      onChange={(index) => goTo({ screen: 'step', index, returnToReview: true })}
      onChangeDealBreaker={(question) =>
        goTo({ screen: 'deal-breakers', returnToReview: true, question })
      }
      onBack={() => goTo(afterCriteria.screen === 'review' ? lastStep : afterCriteria)}
      onFinish={() => goTo({ screen: 'results' })}
    />
  );
}
