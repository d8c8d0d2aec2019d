import { lazy, Suspense } from 'react';
import { Loading } from '../ui/components/loading';
import { newId } from './new-id';
import type { DraftSession } from './use-draft-session';

const ShareImport = lazy(() =>
  import('../ui/share/share-import').then((m) => ({ default: m.ShareImport })),
);

/** A share link was opened: show what it holds, and import only when the user says so. */
export function SharedLink({
  fragment,
  session,
  onDone,
}: {
  fragment: string;
  session: DraftSession;
  onDone: (imported: boolean) => void;
}) {
  const { store, loaded } = session;
  if (store === null) return <Loading />;
  const existing = new Set(loaded.drafts.map((d) => d.assessment.id));
  return (
    <Suspense fallback={<Loading />}>
      <ShareImport
        fragment={fragment}
        existingIds={existing}
        onDismiss={() => onDone(false)}
        onImport={(assessments) => {
          void (async () => {
            const [{ copyAssessment }, { newDraft }] = await Promise.all([
              import('../core/library'),
              import('../core/draft'),
            ]);
            const now = new Date().toISOString();
            const records = assessments.map((a) => ({
              ...newDraft(existing.has(a.id) ? copyAssessment(a, newId(), now) : a, now),
              position: { screen: 'results' as const },
            }));
            session.report(store.saveAll(records));
            session.reload();
            onDone(true);
          })();
        }}
      />
    </Suspense>
  );
}
