"""Coreference scores of a response clustering against a key: MUC, B³, CEAF-e and their CoNLL mean.

The definitions are those of the CoNLL-2011/2012 reference scorer (Pradhan et al. 2014,
"Scoring Coreference Partitions of Predicted Mentions"):

* **MUC** (Vilain et al. 1995) counts links: recall is, over key clusters K, the sum of
  ``|K| - |partitions of K by the response|`` over the sum of ``|K| - 1``; precision swaps roles.
  A mention the other side lacks is a partition of its own.
* **B³** (Bagga and Baldwin 1998) averages, over the key's mentions, the share of a mention's key
  cluster that is in its response cluster (recall); precision swaps roles.
* **CEAF-e** (Luo 2005) aligns key and response clusters one to one (Hungarian algorithm) to
  maximise the sum of ``φ4 = 2|K ∩ R| / (|K| + |R|)``; recall divides that sum by the number of
  key clusters, precision by the number of response clusters.

Singletons are scored (a mention alone in its cluster is a cluster), as in ECB+ and MEANTIME
evaluations. Clusterings are mappings of mention → cluster label.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

__all__ = ["b_cubed", "ceaf_e", "clusters", "conll_scores", "muc"]

Clustering = Mapping[Any, Any]


def clusters(assignment: Clustering) -> list[frozenset[Hashable]]:
    """The clusters of an assignment mention → label, as sets of mentions."""
    groups: dict[Hashable, set[Hashable]] = {}
    for mention, label in assignment.items():
        groups.setdefault(label, set()).add(mention)
    return [frozenset(group) for group in groups.values()]


def _f1(recall: float, precision: float) -> dict[str, float]:
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"recall": recall, "precision": precision, "f1": f1}


def _muc_recall(key: list[frozenset[Hashable]], response: Clustering) -> float:
    numerator = denominator = 0
    for cluster in key:
        parts = {response.get(m, ("unaligned", m)) for m in cluster}
        numerator += len(cluster) - len(parts)
        denominator += len(cluster) - 1
    return numerator / denominator if denominator else 0.0


def muc(key: Clustering, response: Clustering) -> dict[str, float]:
    return _f1(_muc_recall(clusters(key), response), _muc_recall(clusters(response), key))


def _b_cubed_recall(key: list[frozenset[Hashable]], response: Clustering) -> float:
    by_label: dict[Hashable, set[Hashable]] = {}
    for mention, label in response.items():
        by_label.setdefault(label, set()).add(mention)
    total = 0.0
    mentions = 0
    for cluster in key:
        for mention in cluster:
            mentions += 1
            if mention in response:
                total += len(cluster & by_label[response[mention]]) / len(cluster)
    return total / mentions if mentions else 0.0


def b_cubed(key: Clustering, response: Clustering) -> dict[str, float]:
    return _f1(_b_cubed_recall(clusters(key), response), _b_cubed_recall(clusters(response), key))


def ceaf_e(key: Clustering, response: Clustering) -> dict[str, float]:
    """Entity-based CEAF with φ4; the assignment is solved per connected block of overlapping clusters."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    key_clusters, response_clusters = clusters(key), clusters(response)
    if not key_clusters or not response_clusters:
        return _f1(0.0, 0.0)
    position = {response[next(iter(c))]: j for j, c in enumerate(response_clusters)}
    similarity: dict[tuple[int, int], float] = {}
    for i, cluster in enumerate(key_clusters):
        shared: dict[int, int] = {}
        for mention in cluster:
            if mention in response:
                j = position[response[mention]]
                shared[j] = shared.get(j, 0) + 1
        for j, count in shared.items():
            similarity[i, j] = 2 * count / (len(cluster) + len(response_clusters[j]))
    # Blocks: key and response clusters joined by any overlap (key cluster i is node i, response cluster j node K+j).
    size = len(key_clusters) + len(response_clusters)
    rows = [i for i, _ in similarity]
    cols = [len(key_clusters) + j for _, j in similarity]
    _, component = connected_components(coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(size, size)),
                                        directed=False)
    blocks: dict[int, list[tuple[int, int]]] = {}
    for i, j in similarity:
        blocks.setdefault(int(component[i]), []).append((i, j))
    total = 0.0
    for pairs in blocks.values():
        rows = sorted({i for i, _ in pairs})
        cols = sorted({j for _, j in pairs})
        matrix = np.zeros((len(rows), len(cols)))
        row_at, col_at = {i: n for n, i in enumerate(rows)}, {j: n for n, j in enumerate(cols)}
        for i, j in pairs:
            matrix[row_at[i], col_at[j]] = similarity[i, j]
        matched_rows, matched_cols = linear_sum_assignment(matrix, maximize=True)
        total += float(matrix[matched_rows, matched_cols].sum())
    return _f1(total / len(key_clusters), total / len(response_clusters))


def conll_scores(key: Clustering, response: Clustering) -> dict[str, Any]:
    """MUC, B³ and CEAF-e of ``response`` against ``key``, and ``conll_f1``, the mean of their F1."""
    scores: dict[str, Any] = {"muc": muc(key, response), "b_cubed": b_cubed(key, response),
                              "ceaf_e": ceaf_e(key, response)}
    scores["conll_f1"] = sum(scores[name]["f1"] for name in ("muc", "b_cubed", "ceaf_e")) / 3
    return scores
