/**
 * The key that groups assessments of one company into a deal: letters and
 * digits of any script, lower-cased, other runs as single dashes. "DeepLake
 * AI" and "deeplake-ai" land in the same deal; 深湖智能 stays readable.
 */
export function dealKeyOf(companyName: string): string {
  const slug = companyName
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return [...slug].slice(0, 60).join('').replace(/-+$/, '');
}
