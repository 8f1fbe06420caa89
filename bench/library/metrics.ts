/** Ranking measures over graded labels (grade 0 is not relevant). */

export type Grades = Readonly<Record<string, number>>;

/** The share of the first k results that are relevant at all (grade 1 or more); k is the divisor, as usual. */
export const precisionAt = (k: number, ranked: readonly string[], grades: Grades): number =>
  ranked.slice(0, k).filter((id) => (grades[id] ?? 0) > 0).length / k;

/** The best precision at k any ranking could reach, when fewer than k entries are relevant. */
export const precisionCeilingAt = (k: number, grades: Grades): number =>
  Math.min(k, Object.values(grades).filter((g) => g > 0).length) / k;

const dcg = (gains: readonly number[]): number =>
  gains.reduce((sum, grade, i) => sum + (2 ** grade - 1) / Math.log2(i + 2), 0);

/** Normalised discounted cumulative gain at k, with gain 2^grade − 1. */
export const ndcgAt = (k: number, ranked: readonly string[], grades: Grades): number => {
  const ideal = dcg(
    Object.values(grades)
      .sort((a, b) => b - a)
      .slice(0, k),
  );
  if (ideal === 0) return 0;
  return dcg(ranked.slice(0, k).map((id) => grades[id] ?? 0)) / ideal;
};

export const mean = (values: readonly number[]): number =>
  values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length;
