/** Runs `work` alone among this browser's tabs (Web Locks); where locks are missing, at once. */
export async function exclusively(name: string, work: () => Promise<void>): Promise<void> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks === undefined) return work();
  await locks.request(name, { mode: 'exclusive' }, work);
}
