"""What a certificate or her progress report may not say is caught however it is written, and
ordinary names and course titles pass."""

from __future__ import annotations

import pytest

from kdrt_desk.domain.revealing_words import revealing


@pytest.mark.parametrize("value", [
    "Rumah Aman KDRT", "Rumah-Aman Palembang", "RumahAman", "K.D.R.T Center", "K D R T",
    "kdrt", "Women's Shelter Palembang", "Domestic Violence Unit", "Pusat Krisis Perempuan",
    "Rumah Perlindungan Perempuan", "UPTD PPA Kota", "P2TP2A", "Pendampingan korban",
    "Kekerasan dalam rumah tangga", "Pemulihan Trauma", "SURVIVOR"])
def test_revealing_wordings_are_caught(value: str) -> None:
    assert revealing(value)


@pytest.mark.parametrize("value", [
    "Program Pelatihan Kemandirian Perempuan", "Lembaga Pelatihan Kerja Sriwijaya",
    "Menjahit", "Kelompok dukungan sebaya", "Penguatan psikososial", "Pak Orbansyah",
    "Dra. Sri Wahyuni, M.Si.", "Literasi keuangan", "Palembang", "Łucja Đặng Thị Ngọc Ánh"])
def test_ordinary_names_and_titles_pass(value: str) -> None:
    assert not revealing(value)
