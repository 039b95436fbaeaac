"""Average linkage: a chain of strong links is no story, a clique is; a lone text joins the one story it links to."""

from __future__ import annotations

import numpy as np

from audit.corpus.stories.linkage import attach_singletons, average_linkage


def test_a_chain_does_not_merge_but_a_clique_does() -> None:
    left, right = np.array([0, 1, 2, 3, 4]), np.array([1, 2, 3, 4, 5])
    assert len(set(average_linkage(6, left, right, np.ones(5), 0.5))) >= 3
    pairs = np.array([(i, j) for i in range(4) for j in range(i + 1, 4)])
    assert average_linkage(4, pairs[:, 0], pairs[:, 1], np.ones(len(pairs)), 0.5) == [0, 0, 0, 0]


def test_labels_are_the_smallest_member_and_do_not_depend_on_pair_order() -> None:
    left, right, scores = np.array([2, 0, 3]), np.array([3, 1, 4]), np.array([0.9, 0.8, 0.7])
    first = average_linkage(5, left, right, scores, 0.2)
    order = np.array([2, 0, 1])
    assert first == average_linkage(5, left[order], right[order], scores[order], 0.2)
    assert first == [0, 0, 2, 2, 2]  # {2, 3} then 4: mean 0.7 / 2 is still over 0.2


def test_a_lone_text_joins_the_one_story_it_has_two_links_to() -> None:
    labels = [0, 0, 0, 3, 4]
    left, right = np.array([3, 3, 4]), np.array([0, 1, 0])
    links = np.array([True, True, True])
    assert attach_singletons(labels, left, right, links, 2) == [0, 0, 0, 0, 4]  # 4 has one link only
