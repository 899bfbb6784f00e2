/** The k best-scored documents of a stream, kept sorted in a small array; ties go to the lower document number. */
export class TopK {
  private readonly docs: number[] = [];
  private readonly scores: number[] = [];

  constructor(private readonly k: number) {}

  push(doc: number, score: number): void {
    const { docs, scores, k } = this;
    if (k <= 0) return;
    const n = scores.length;
    if (n === k && !better(score, doc, scores[n - 1], docs[n - 1])) return;
    let i = n === k ? n - 1 : n;
    while (i > 0 && better(score, doc, scores[i - 1], docs[i - 1])) {
      if (i < k) { scores[i] = scores[i - 1]; docs[i] = docs[i - 1]; }
      i--;
    }
    scores[i] = score;
    docs[i] = doc;
  }

  /** Best first. */
  sorted(): { doc: number; score: number }[] {
    return this.docs.map((doc, i) => ({ doc, score: this.scores[i] }));
  }
}

function better(s: number, d: number, s2: number, d2: number): boolean {
  return s > s2 || (s === s2 && d < d2);
}
