// Ranking metrics at cutoff k, computed from graded judgements
// (grade 2 = highly relevant, 1 = partially relevant, 0 or absent = not relevant).

const gain = (grade) => 2 ** grade - 1;
const discount = (rank) => Math.log2(rank + 1); // rank is 1-based

// nDCG@k: DCG of the returned list over the DCG of the ideal ordering of all
// judged documents of the query. 0 when the query has no relevant document.
export function ndcgAtK(ids, relevant, k) {
  let dcg = 0;
  ids.slice(0, k).forEach((id, i) => {
    dcg += gain(relevant[id] ?? 0) / discount(i + 1);
  });
  const ideal = Object.values(relevant).filter((g) => g > 0).sort((a, b) => b - a).slice(0, k);
  let idcg = 0;
  ideal.forEach((g, i) => {
    idcg += gain(g) / discount(i + 1);
  });
  return idcg > 0 ? dcg / idcg : 0;
}

// Reciprocal rank of the first result with grade >= 1 within the top k, else 0.
export function reciprocalRankAtK(ids, relevant, k) {
  const top = ids.slice(0, k);
  const i = top.findIndex((id) => (relevant[id] ?? 0) >= 1);
  return i === -1 ? 0 : 1 / (i + 1);
}

// Share of the query's relevant documents (grade >= 1) found in the top k.
export function recallAtK(ids, relevant, k) {
  const wanted = Object.keys(relevant).filter((id) => relevant[id] >= 1);
  if (wanted.length === 0) return 0;
  const top = new Set(ids.slice(0, k));
  return wanted.filter((id) => top.has(id)).length / wanted.length;
}

export function scoreQuery(ids, relevant, k) {
  return {
    ndcg: ndcgAtK(ids, relevant, k),
    mrr: reciprocalRankAtK(ids, relevant, k),
    recall: recallAtK(ids, relevant, k),
  };
}

// Means over queries, overall and per category.
export function aggregate(perQuery) {
  const mean = (rows, m) => (rows.length ? rows.reduce((s, r) => s + r[m], 0) / rows.length : 0);
  const summarise = (rows) => ({
    queries: rows.length,
    ndcg: mean(rows, 'ndcg'),
    mrr: mean(rows, 'mrr'),
    recall: mean(rows, 'recall'),
  });
  const byCategory = {};
  for (const row of perQuery) (byCategory[row.category] ??= []).push(row);
  return {
    overall: summarise(perQuery),
    byCategory: Object.fromEntries(Object.entries(byCategory).map(([c, rows]) => [c, summarise(rows)])),
  };
}
