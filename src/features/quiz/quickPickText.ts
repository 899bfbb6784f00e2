/** Long text in QuickPicks, which show one line per label: wrapped into several rows. */

export function wrap(text: string, width = 88): string[] {
  const out: string[] = [];
  for (const para of text.replace(/\r/g, '').split(/\n+/)) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) { out.push(line); line = word; }
      else line = line ? `${line} ${word}` : word;
    }
    if (line) out.push(line);
  }
  return out;
}

/** Strips markdown emphasis and code ticks, which QuickPicks show literally. */
export function plainText(md: string): string {
  return md.replace(/\*\*([^*]+)\*\*/g, '$1').replace(/`([^`]+)`/g, '$1').replace(/\[([^\]]+)\]\([^)]*\)/g, '$1');
}

/** The score line at the end of a quiz, or after the learner stopped it part-way (`asked` of `total`). */
export function quizSummary(r: { answered: number; correct: number; total: number }, passingScore: number): string {
  const pct = Math.round((r.correct / r.answered) * 100);
  const verdict = pct >= Math.round((passingScore / 1000) * 100) ? 'On track for a pass.' : 'Keep going: review the domains you missed.';
  const head = r.answered < r.total ? `Quiz stopped after ${r.answered} of ${r.total} questions` : 'Quiz finished';
  return `${head}: ${r.correct} of ${r.answered} correct (${pct}%). ${verdict}`;
}
