import { randomUuid } from '../adapters/random-uuid';

/** A random id for a new assessment: a UUID, which the team server also takes as it is. */
export function newId(): string {
  return randomUuid();
}
