"""The shipped table of neighbouring kecamatan and its pure helpers: every one of the 18 is in
it with at least one neighbour, it is symmetric with no kecamatan beside itself, and edited
pairs are checked (unknown, self, twice)."""

from __future__ import annotations

from kdrt_desk.domain.kecamatan_neighbours import (
    BRIDGE_KEYS,
    SHIPPED_PAIRS,
    NeighbourPair,
    is_near,
    neighbours_map,
    normalised,
    problems,
)
from kdrt_desk.domain.places import KECAMATAN


def test_the_table_names_all_18_kecamatan_and_only_them() -> None:
    named = {k for pair in SHIPPED_PAIRS for k in (pair.a, pair.b)}
    assert len(KECAMATAN) == 18
    assert named == set(KECAMATAN)


def test_the_map_is_symmetric_without_self_pairs_and_everyone_has_a_neighbour() -> None:
    near = neighbours_map(SHIPPED_PAIRS)
    assert set(near) == set(KECAMATAN)
    for kecamatan, others in near.items():
        assert kecamatan not in others
        assert others, kecamatan
        for other in others:
            assert kecamatan in near[other]


def test_the_shipped_table_is_valid_and_each_pair_is_listed_once() -> None:
    assert problems(SHIPPED_PAIRS) == []
    assert len(normalised(SHIPPED_PAIRS)) == len(SHIPPED_PAIRS) == 40


def test_only_the_six_bridge_pairs_cross_the_musi() -> None:
    expected = {frozenset(p) for p in (
        ("Gandus", "Kertapati"), ("Ilir Barat II", "Kertapati"),
        ("Ilir Timur I", "Seberang Ulu I"), ("Bukit Kecil", "Seberang Ulu I"),
        ("Ilir Timur II", "Seberang Ulu II"), ("Ilir Barat II", "Seberang Ulu I"))}
    assert expected == BRIDGE_KEYS
    assert normalised([("Seberang Ulu I", "Bukit Kecil")]) == (
        NeighbourPair("Bukit Kecil", "Seberang Ulu I", by_bridge=True),)
    assert normalised([("Plaju", "Jakabaring")]) == (NeighbourPair("Jakabaring", "Plaju"),)


def test_near_is_the_same_or_a_neighbouring_kecamatan() -> None:
    near = neighbours_map(SHIPPED_PAIRS)
    assert is_near("Plaju", "Plaju", near)
    assert is_near("Plaju", "Jakabaring", near) and is_near("Jakabaring", "Plaju", near)
    assert not is_near("Plaju", "Alang-Alang Lebar", near)
    assert not is_near("", "", near)
    assert not is_near("Plaju", "Jakabaring", neighbours_map([]))


def test_edited_pairs_are_checked() -> None:
    found = problems([("Plaju", "Jakabaring"), ("Jakabaring", "Plaju"), ("Plaju", "Plaju"),
                      ("Plaju", "Bandung"), ("Sako", "Kalidoni"), ("Sako", "Kalidoni")])
    assert [(p.kind, p.a, p.b) for p in found] == [
        ("duplicate", "Jakabaring", "Plaju"), ("self", "Plaju", "Plaju"),
        ("unknown", "Plaju", "Bandung"), ("duplicate", "Sako", "Kalidoni")]
