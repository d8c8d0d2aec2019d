import { useEffect, useState } from 'react';
import { isPresetId } from '../../catalog/preset-ids';
import { loadPreset } from '../../catalog/rubric-catalog';
import { compareVersions } from '../../core/rubric-version';
import type { Rubric } from '../../core/schema';

/**
 * The shipped preset, when `rubric` is an older version of it (same id, a
 * lower version): what a re-score would move the assessment to. Null while
 * loading, for custom rubrics, and for a snapshot already at the shipped
 * version or newer. The preset is its own chunk, loaded here on demand.
 */
export function useNewerPreset(rubric: Rubric): Rubric | null {
  const [newer, setNewer] = useState<Rubric | null>(null);
  const { id, version } = rubric;
  useEffect(() => {
    setNewer(null);
    if (!isPresetId(id)) return;
    let cancelled = false;
    loadPreset(id).then(
      (current) => {
        if (!cancelled && compareVersions(current.version, version) > 0) setNewer(current);
      },
      // A preset that does not load offers no re-score; the results stand as they are.
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [id, version]);
  return newer;
}
