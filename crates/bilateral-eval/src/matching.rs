//! Maximum bipartite matching by augmenting paths (Kuhn's algorithm), for pairing key entries
//! with extracted facts and key names with our names. A greedy first-fit pairing can
//! under-count when one item could pair with two; augmenting paths re-pair as needed. The
//! sizes here (tens of facts per article) make the O(V·E) bound irrelevant.

/// Pairs `left` items with `right` items where `agree(l, r)`, as many pairs as possible,
/// each item in at most one pair. Returns, for each left item, its right partner.
pub(crate) fn maximum_matching(
    left: usize,
    right: usize,
    agree: impl Fn(usize, usize) -> bool,
) -> Vec<Option<usize>> {
    let candidates: Vec<Vec<usize>> = (0..left)
        .map(|l| (0..right).filter(|&r| agree(l, r)).collect())
        .collect();
    let mut partner_of_right: Vec<Option<usize>> = vec![None; right];
    for l in 0..left {
        let mut visited = vec![false; right];
        augment(l, &candidates, &mut partner_of_right, &mut visited);
    }
    let mut partner_of_left = vec![None; left];
    for (r, partner) in partner_of_right.into_iter().enumerate() {
        if let Some(slot) = partner.and_then(|l| partner_of_left.get_mut(l)) {
            *slot = Some(r);
        }
    }
    partner_of_left
}

/// Looks for an augmenting path from left item `l`; on finding one, flips it.
fn augment(
    l: usize,
    candidates: &[Vec<usize>],
    partner_of_right: &mut [Option<usize>],
    visited: &mut [bool],
) -> bool {
    for &r in candidates.get(l).into_iter().flatten() {
        if visited.get(r).copied().unwrap_or(true) {
            continue;
        }
        visited[r] = true;
        let free = match partner_of_right[r] {
            None => true,
            Some(other) => augment(other, candidates, partner_of_right, visited),
        };
        if free {
            partner_of_right[r] = Some(l);
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn re_pairs_where_first_fit_would_not() {
        // Left 0 agrees with both; left 1 only with right 0. First-fit gives left 0 right 0
        // and leaves left 1 alone.
        let edges = [(0, 0), (0, 1), (1, 0)];
        let pairs = maximum_matching(2, 2, |l, r| edges.contains(&(l, r)));
        assert_eq!(pairs, vec![Some(1), Some(0)]);
    }

    #[test]
    fn each_item_pairs_once() {
        let pairs = maximum_matching(1, 3, |_, _| true);
        assert_eq!(pairs, vec![Some(0)]);
        let pairs = maximum_matching(3, 1, |_, _| true);
        assert_eq!(pairs.iter().flatten().count(), 1);
        assert_eq!(
            maximum_matching(0, 2, |_, _| true),
            Vec::<Option<usize>>::new()
        );
    }
}
