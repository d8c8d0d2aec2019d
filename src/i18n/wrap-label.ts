/**
 * Splits an axis label into short lines, so long names ("Algorithm
 * optimization", "模型解释性") stay inside a narrow radar. Latin text breaks
 * at spaces; Chinese, which has none, after every `cjkWidth` characters.
 */
export function wrapLabel(label: string, width = 12, cjkWidth = 4): string[] {
  if (!label.includes(' ')) {
    if (!/[\u3400-\u9fff]/.test(label) || label.length <= cjkWidth + 1) return [label];
    const lines: string[] = [];
    for (let i = 0; i < label.length; i += cjkWidth) lines.push(label.slice(i, i + cjkWidth));
    const last = lines.at(-1);
    // A single dangling character reads badly: keep it with the line before.
    if (lines.length > 1 && last !== undefined && last.length === 1) {
      lines.pop();
      lines[lines.length - 1] += last;
    }
    return lines;
  }
  const lines: string[] = [];
  for (const word of label.split(' ')) {
    const current = lines.at(-1);
    if (current !== undefined && current.length + 1 + word.length <= width)
      lines[lines.length - 1] = `${current} ${word}`;
    else lines.push(word);
  }
  return lines;
}
