"""Which of Palembang's 18 kecamatan border which: the fact table behind "near" in travel.

"Near" means the same kecamatan or a neighbouring one. The scheduler prefers venues near the
members, and the groups' high-risk warning fires when a high-risk member lives near the venue.

How the table was compiled (read this before trusting it): by the developers, from their own
reading of the city map — land borders, and across the Musi only where a bridge joins the two
banks (Ampera, Musi II, Musi IV, Musi VI), marked ``by_bridge`` — taking into account the 2022
split that formed Jakabaring (from Seberang Ulu I and II) and Ilir Timur III (from Ilir Timur I
and II). It has NOT been checked against an official source. A centre should check it against
BPS Kota Palembang, "Kecamatan … Dalam Angka" (each volume lists the kecamatan's batas wilayah),
and the Perda Kota Palembang on the formation of the kecamatan, and correct it in the editor
(Pengaturan → Kecamatan bertetangga) where it knows better.

Pairs are unordered, so the table is symmetric by construction.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kdrt_desk.domain.places import KECAMATAN


@dataclass(frozen=True)
class NeighbourPair:
    """Two kecamatan that border each other; ``by_bridge``: across the Musi by a bridge."""

    a: str
    b: str
    by_bridge: bool = False

    @property
    def key(self) -> frozenset[str]:
        return frozenset((self.a, self.b))


def _land(*pairs: tuple[str, str]) -> tuple[NeighbourPair, ...]:
    return tuple(NeighbourPair(a, b) for a, b in pairs)


def _bridge(*pairs: tuple[str, str]) -> tuple[NeighbourPair, ...]:
    return tuple(NeighbourPair(a, b, by_bridge=True) for a, b in pairs)


SHIPPED_PAIRS: tuple[NeighbourPair, ...] = (
    *_land(
        ("Alang-Alang Lebar", "Sukarami"), ("Alang-Alang Lebar", "Ilir Barat I"),
        ("Alang-Alang Lebar", "Gandus"),
        ("Sukarami", "Ilir Barat I"), ("Sukarami", "Kemuning"), ("Sukarami", "Sako"),
        ("Sukarami", "Sematang Borang"), ("Sukarami", "Kalidoni"),
        ("Sematang Borang", "Sako"),
        ("Sako", "Kalidoni"), ("Sako", "Kemuning"),
        ("Kalidoni", "Kemuning"), ("Kalidoni", "Ilir Timur II"), ("Kalidoni", "Ilir Timur III"),
        ("Kemuning", "Ilir Barat I"), ("Kemuning", "Ilir Timur I"),
        ("Kemuning", "Ilir Timur III"),
        ("Ilir Barat I", "Gandus"), ("Ilir Barat I", "Ilir Barat II"),
        ("Ilir Barat I", "Bukit Kecil"), ("Ilir Barat I", "Ilir Timur I"),
        ("Gandus", "Ilir Barat II"),
        ("Bukit Kecil", "Ilir Barat II"), ("Bukit Kecil", "Ilir Timur I"),
        ("Ilir Timur I", "Ilir Timur II"), ("Ilir Timur I", "Ilir Timur III"),
        ("Ilir Timur II", "Ilir Timur III"),
        ("Kertapati", "Seberang Ulu I"), ("Kertapati", "Jakabaring"),
        ("Seberang Ulu I", "Jakabaring"), ("Seberang Ulu I", "Seberang Ulu II"),
        ("Jakabaring", "Seberang Ulu II"), ("Jakabaring", "Plaju"),
        ("Seberang Ulu II", "Plaju"),
    ),
    *_bridge(
        ("Gandus", "Kertapati"), ("Ilir Barat II", "Kertapati"),  # Musi II
        ("Ilir Timur I", "Seberang Ulu I"), ("Bukit Kecil", "Seberang Ulu I"),  # Ampera
        ("Ilir Timur II", "Seberang Ulu II"),  # Musi IV
        ("Ilir Barat II", "Seberang Ulu I"),  # Musi VI
    ),
)

BRIDGE_KEYS: frozenset[frozenset[str]] = frozenset(p.key for p in SHIPPED_PAIRS if p.by_bridge)


def pair_of(a: str, b: str) -> NeighbourPair:
    """The pair of ``a`` and ``b`` in a stable order, flagged when the shipped table crosses
    the river there."""
    first, second = sorted((a, b))
    return NeighbourPair(first, second, frozenset((a, b)) in BRIDGE_KEYS)


def normalised(pairs: Iterable[tuple[str, str] | NeighbourPair]) -> tuple[NeighbourPair, ...]:
    """Each unordered pair once, sorted (for storing and comparing)."""
    seen: dict[frozenset[str], NeighbourPair] = {}
    for item in pairs:
        a, b = (item.a, item.b) if isinstance(item, NeighbourPair) else item
        pair = pair_of(a, b)
        seen.setdefault(pair.key, pair)
    return tuple(sorted(seen.values(), key=lambda p: (p.a, p.b)))


def neighbours_map(pairs: Iterable[tuple[str, str] | NeighbourPair]
                   ) -> dict[str, frozenset[str]]:
    """kecamatan -> its neighbours (both ways), with every one of the 18 as a key."""
    found: dict[str, set[str]] = {k: set() for k in KECAMATAN}
    for pair in normalised(pairs):
        found.setdefault(pair.a, set()).add(pair.b)
        found.setdefault(pair.b, set()).add(pair.a)
    return {k: frozenset(v) for k, v in found.items()}


def is_near(a: str, b: str, neighbours: Mapping[str, frozenset[str]]) -> bool:
    """The same kecamatan or neighbouring ones (an empty name is near nothing)."""
    if not a or not b:
        return False
    return a == b or b in neighbours.get(a, frozenset()) or a in neighbours.get(b, frozenset())


@dataclass(frozen=True)
class PairProblem:
    """What is wrong with one edited pair: ``kind`` is "unknown", "self" or "duplicate"."""

    kind: str
    a: str
    b: str


def problems(pairs: Iterable[tuple[str, str] | NeighbourPair]) -> list[PairProblem]:
    """Edited pairs checked: unknown kecamatan, a kecamatan paired with itself, a pair twice
    (in either order)."""
    known = set(KECAMATAN)
    found: list[PairProblem] = []
    seen: set[frozenset[str]] = set()
    for item in pairs:
        a, b = (item.a, item.b) if isinstance(item, NeighbourPair) else item
        if a not in known or b not in known:
            found.append(PairProblem("unknown", a, b))
        elif a == b:
            found.append(PairProblem("self", a, b))
        elif frozenset((a, b)) in seen:
            found.append(PairProblem("duplicate", a, b))
        else:
            seen.add(frozenset((a, b)))
    return found
