/**
 * Version 4 lets an answer carry `modelEvidence`: evaluation figures computed
 * from the founder's own files. A version 3 file has none, and the key is
 * absent when there is none, so the file is otherwise read exactly as it was.
 */
export function v3ToV4(file: Record<string, unknown>): Record<string, unknown> {
  return { ...file, version: 4 };
}
