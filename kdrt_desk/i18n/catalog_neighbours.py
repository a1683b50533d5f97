"""Messages of the kecamatan neighbours (the travel fact table and its editor)."""

from __future__ import annotations

NEIGHBOURS: dict[str, tuple[str, str]] = {
    "ui.neighbours.title": ("Kecamatan bertetangga", "Neighbouring kecamatan"),
    "ui.neighbours.open": ("Atur kecamatan bertetangga…", "Edit neighbouring kecamatan…"),
    "ui.neighbours.open_hint": (
        "Kecamatan mana yang dianggap dekat: untuk penjadwal dan peringatan risiko tinggi.",
        "Which kecamatan count as near: for the scheduler and the high-risk warning."),
    "ui.neighbours.note": (
        "\"Dekat\" berarti kecamatan yang sama atau yang bertetangga. Penjadwal memilih tempat "
        "yang dekat dengan rumah anggota, dan peringatan risiko tinggi muncul bila anggota "
        "berisiko tinggi tinggal dekat tempat kelompok. Tabel bawaan disusun pengembang dari "
        "peta kota (perbatasan darat, dan seberang Sungai Musi hanya bila ada jembatan) dan "
        "belum dicocokkan dengan sumber resmi. Periksalah dengan BPS Kota Palembang "
        "\"Kecamatan … Dalam Angka\" (batas wilayah) dan Perda Kota Palembang tentang "
        "pembentukan kecamatan, lalu perbaiki di sini bila pusat tahu lebih baik.",
        "\"Near\" means the same or a neighbouring kecamatan. The scheduler prefers venues "
        "near the members' homes, and the high-risk warning shows when a high-risk member "
        "lives near the group's venue. The shipped table was compiled by the developers from "
        "the city map (land borders, and across the Musi only where a bridge joins the banks) "
        "and has not been checked against an official source. Check it against BPS Kota "
        "Palembang \"Kecamatan … Dalam Angka\" (batas wilayah) and the Perda Kota Palembang "
        "on the formation of the kecamatan, and correct it here where the centre knows "
        "better."),
    "ui.neighbours.read_only": (
        "Hanya admin yang dapat mengubah tabel ini.", "Only the admin can change this table."),
    "ui.neighbours.kecamatan": ("Kecamatan", "Kecamatan"),
    "ui.neighbours.borders": ("Bertetangga dengan {kecamatan}:",
                              "Neighbours of {kecamatan}:"),
    "ui.neighbours.item": ("{kecamatan} ({count})", "{kecamatan} ({count})"),
    "ui.neighbours.by_bridge": ("{kecamatan} (lewat jembatan)", "{kecamatan} (by bridge)"),
    "ui.neighbours.reset": ("Kembalikan ke tabel bawaan", "Restore the shipped table"),
    "ui.neighbours.shipped": ("Tabel bawaan, belum diubah pusat.",
                              "The shipped table, not changed by the centre."),
    "ui.neighbours.edited": ("Tabel ini sudah diubah pusat.",
                             "The centre has changed this table."),
    "error.neighbours.unknown": ("Kecamatan tidak dikenal dalam pasangan {a} – {b}.",
                                 "Unknown kecamatan in the pair {a} – {b}."),
    "error.neighbours.self": ("Kecamatan {a} tidak bisa bertetangga dengan dirinya sendiri.",
                              "Kecamatan {a} cannot be its own neighbour."),
    "error.neighbours.duplicate": ("Pasangan {a} – {b} tercantum lebih dari sekali.",
                                   "The pair {a} – {b} is listed more than once."),
    "error.neighbours.too_many": ("Paling banyak {limit} pasangan.",
                                  "At most {limit} pairs."),
    "ui.admin.audit.action.kecamatan_neighbours_changed": (
        "Tabel kecamatan bertetangga diubah", "Neighbouring kecamatan table changed"),
    "ui.admin.audit.action.kecamatan_neighbours_reset": (
        "Tabel kecamatan bertetangga dikembalikan ke bawaan",
        "Neighbouring kecamatan table restored to the shipped one"),
}
