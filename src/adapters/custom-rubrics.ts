import type { KeyValueStorage } from './key-value-storage';
import { storageTroubleOf as troubleOf, type StorageTrouble } from './storage-trouble';

const PREFIX = 'moatscore.rubric.';

/** A saved custom rubric as the first screen lists it: no parsing beyond its name. */
export interface CustomRubricEntry {
  id: string;
  name: { en: string; zh: string } | null;
}

/** The custom rubrics in storage, listed cheaply (the schema checks them when one is used). */
export function listCustomRubrics(storage: KeyValueStorage | null): CustomRubricEntry[] {
  return (storage?.keys() ?? [])
    .filter((key) => key.startsWith(PREFIX))
    .sort()
    .map((key) => {
      const id = key.slice(PREFIX.length);
      try {
        const value = JSON.parse(storage?.get(key) ?? 'null') as {
          name?: { en?: unknown; zh?: unknown };
        } | null;
        const name = value?.name;
        return typeof name?.en === 'string' && typeof name.zh === 'string'
          ? { id, name: { en: name.en, zh: name.zh } }
          : { id, name: null };
      } catch {
        return { id, name: null };
      }
    });
}

export function readCustomRubricText(storage: KeyValueStorage | null, id: string): string | null {
  return storage?.get(`${PREFIX}${id}`) ?? null;
}

export function saveCustomRubricText(
  storage: KeyValueStorage | null,
  id: string,
  text: string,
): StorageTrouble | null {
  if (storage === null) return 'unavailable';
  try {
    storage.set(`${PREFIX}${id}`, text);
    return null;
  } catch (error) {
    return troubleOf(error);
  }
}

export function removeCustomRubric(storage: KeyValueStorage | null, id: string): void {
  storage?.remove(`${PREFIX}${id}`);
}
