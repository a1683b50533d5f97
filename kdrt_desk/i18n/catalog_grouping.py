"""Messages of the grouping help (groups suggested from the waiting list)."""

from __future__ import annotations

GROUPING: dict[str, tuple[str, str]] = {
    "error.grouping.size": ("Ukuran kelompok harus antara {low} dan {high} orang.",
                            "The group size must be between {low} and {high} people."),
    "error.grouping.no_candidates": ("Tidak ada peserta diterima yang belum masuk kelompok.",
                                     "There are no accepted participants outside a group."),
    "error.grouping.name_prefix": ("Isi awalan nama kelompok.",
                                   "Fill in the group name prefix."),
    "error.grouping.nothing_ticked": ("Centang minimal satu kelompok untuk dibuat.",
                                      "Tick at least one group to create."),
    "grouping.kecamatan_only": (
        "Jadwal rutin peserta tidak dapat dibaca dengan akses Anda: kelompok disarankan "
        "menurut kecamatan saja.",
        "Your access cannot read the participants' routines: groups are suggested by "
        "kecamatan only."),
    "grouping.times": ("{days} {start}–{end}", "{days} {start}–{end}"),
    "grouping.and": ("&", "&"),
    "grouping.no_times": ("(waktu tidak diketahui)", "(times not known)"),
    "grouping.share": ("{share}% bisa hadir", "{share}% can attend"),
    "grouping.group_line": ("Kelompok {n}: {count} orang · {kecamatan} · {times}",
                            "Group {n}: {count} {count:person|people} · {kecamatan} · {times}"),
    "ui.grouping.group_n": ("Kelompok {n}", "Group {n}"),
    "grouping.created": ("{count} kelompok dibuat.", "{count} {count:group|groups} created."),
    "grouping.failed": ("Kelompok {name} tidak dibuat: {problem}",
                        "Group {name} was not created: {problem}"),
    "ui.grouping.title": ("Sarankan kelompok", "Suggest groups"),
    "ui.grouping.open": ("Sarankan kelompok…", "Suggest groups…"),
    "ui.grouping.size": ("Ukuran kelompok", "Group size"),
    "ui.grouping.kecamatan": ("Kecamatan", "Kecamatan"),
    "ui.grouping.any_kecamatan": ("(semua kecamatan)", "(all kecamatan)"),
    "ui.grouping.suggest": ("Sarankan", "Suggest"),
    "ui.grouping.groups": ("Kelompok yang disarankan", "Suggested groups"),
    "ui.grouping.members": ("Anggota kelompok terpilih", "Members of the selected group"),
    "ui.grouping.move_to": ("Pindahkan ke…", "Move to…"),
    "ui.grouping.remove": ("Keluarkan", "Remove"),
    "ui.grouping.prefix": ("Awalan nama", "Name prefix"),
    "ui.grouping.prefix_default": ("Angkatan", "Angkatan"),
    "ui.grouping.create": ("Buat kelompok", "Create groups"),
    "ui.grouping.summary": ("{groups} kelompok, {people} peserta",
                            "{groups} {groups:group|groups}, {people} {people:participant|participants}"),
    "ui.grouping.working": ("Menyusun saran…", "Working out a suggestion…"),
}
