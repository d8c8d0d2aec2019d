import { Suspense, useEffect, type ComponentProps } from 'react';
import { importAssessments } from '../adapters/import-assessments';
import { Loading } from '../ui/components/loading';
import type { ShareImport as ShareImportScreen } from '../ui/share/share-import';
import { newId } from './new-id';
import { preloadable } from './preloadable';
import type { DraftSession } from './use-draft-session';

const ShareImport = preloadable<ComponentProps<typeof ShareImportScreen>>(() =>
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
  const { store, library } = session;
  // Fetched while the library opens, so the link is read as soon as it has.
  useEffect(() => void ShareImport.preload(), []);
  if (!session.ready) return <Loading />;
  const existing = new Set([...library.summaries.map((s) => s.id), ...(store?.damaged() ?? [])]);
  return (
    <Suspense fallback={<Loading />}>
      <ShareImport
        fragment={fragment}
        existingIds={existing}
        onDismiss={() => onDone(false)}
        onImport={async (assessments) => {
          const { copyAssessment } = await import('../core/library');
          const now = new Date().toISOString();
          // A clashing id, even a damaged record's, is never written over: the import becomes a copy.
          const copies = assessments.map((a) =>
            existing.has(a.id) ? copyAssessment(a, newId(), now) : a,
          );
          const outcome =
            store === null
              ? ({ kind: 'refused', trouble: 'unavailable', usage: null } as const)
              : await importAssessments(store, copies, now);
          if (outcome.kind !== 'refused') {
            session.reload();
            onDone(true);
          }
          return outcome;
        }}
      />
    </Suspense>
  );
}
