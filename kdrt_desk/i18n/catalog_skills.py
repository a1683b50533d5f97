"""Texts of skill rubrics: the admin's rubric dialog, the facilitator's assessment by level, and
the messages of the rubric and level checks (Indonesian, English)."""

from __future__ import annotations

_ERRORS: dict[str, tuple[str, str]] = {
    "error.rubric_unreadable": (
        "Rubrik keterampilan modul ini tidak dapat dibaca. Susun ulang rubriknya di katalog.",
        "This module's skill rubric cannot be read. Define the rubric again in the catalogue."),
    "error.rubric_no_criteria": (
        "Tambahkan paling sedikit satu kriteria.",
        "Add at least one criterion."),
    "error.rubric_too_many_criteria": (
        "Terlalu banyak kriteria: paling banyak {limit}.",
        "Too many criteria: at most {limit}."),
    "error.rubric_criterion_name_required": (
        "Kriteria {number} belum diberi nama.",
        "Criterion {number} has no name."),
    "error.rubric_name_too_long": (
        "Nama kriteria {number} terlalu panjang: paling banyak {limit} karakter.",
        "The name of criterion {number} is too long: at most {limit} characters."),
    "error.rubric_duplicate_criterion": (
        "Kriteria \"{name}\" sudah ada. Setiap kriteria perlu nama yang berbeda.",
        "Criterion \"{name}\" is already there. Each criterion needs its own name."),
    "error.rubric_too_few_levels": (
        "Kriteria {number}: perlu paling sedikit {low} level.",
        "Criterion {number}: at least {low} levels are needed."),
    "error.rubric_too_many_levels": (
        "Kriteria {number}: paling banyak {limit} level.",
        "Criterion {number}: at most {limit} levels."),
    "error.rubric_level_label_required": (
        "Level {level} belum diberi nama.",
        "Level {level} has no name."),
    "error.rubric_level_label_too_long": (
        "Nama level {level} terlalu panjang: paling banyak {limit} karakter.",
        "The name of level {level} is too long: at most {limit} characters."),
    "error.rubric_pass_level_range": (
        "Level lulus harus di antara {low} dan {high}.",
        "The pass level must be between {low} and {high}."),
    "error.rubric_economic_only": (
        "Rubrik keterampilan hanya untuk modul jalur ekonomi.",
        "A skill rubric is only for modules of the economic track."),
    "error.skill_levels_count": (
        "Rubrik modul ini punya {expected} kriteria, tetapi {given} level yang diisi. Buka "
        "lagi jendela uji keterampilan.",
        "This module's rubric has {expected} criteria but {given} levels were given. Open the "
        "skill assessment again."),
    "error.skill_level_unknown": (
        "Level {level} tidak ada pada kriteria \"{criterion}\": pilih level 1 sampai {high}.",
        "Level {level} does not exist for criterion \"{criterion}\": choose level 1 to "
        "{high}."),
    "error.skill_level_missing": (
        "Pilih level yang dicapai pada kriteria \"{criterion}\".",
        "Choose the level reached for criterion \"{criterion}\"."),
    "error.skill_levels_required": (
        "Modul ini punya rubrik keterampilan: isi level setiap kriteria, hasil lulus dihitung "
        "dari level itu.",
        "This module has a skill rubric: give the level of each criterion; passing is worked "
        "out from them."),
    "error.skill_levels_without_rubric": (
        "Modul ini tidak punya rubrik keterampilan: catat lulus atau belum lulus saja.",
        "This module has no skill rubric: record passed or not passed only."),
}

_RUBRIC_DIALOG: dict[str, tuple[str, str]] = {
    "ui.skills.rubric_button": ("Rubrik keterampilan…", "Skill rubric…"),
    "ui.skills.rubric_row": ("Rubrik", "Rubric"),
    "ui.skills.rubric_new_hint": (
        "Simpan modul ini dulu, lalu buka lagi untuk menyusun rubriknya.",
        "Save this module first, then open it again to define its rubric."),
    "ui.skills.rubric_social_hint": (
        "Rubrik keterampilan hanya untuk modul jalur ekonomi.",
        "A skill rubric is only for modules of the economic track."),
    "ui.skills.title": ("Rubrik keterampilan {code}", "Skill rubric {code}"),
    "ui.skills.intro": (
        "Kriteria yang dinilai fasilitator di akhir modul, semuanya dengan level yang sama. "
        "Peserta lulus bila setiap kriteria mencapai level lulus. Hasil ini menentukan "
        "penyelesaian modul bila \"Peserta harus lulus uji keterampilan\" dicentang.",
        "The criteria the facilitator assesses at the end of the module, all on the same "
        "levels. A participant passes when every criterion reaches the pass level. The result "
        "decides completing the module when \"Participants must pass a skills assessment\" is "
        "ticked."),
    "ui.skills.levels_section": ("Level", "Levels"),
    "ui.skills.level_count": ("Jumlah level", "Number of levels"),
    "ui.skills.level_n": ("Level {level}", "Level {level}"),
    "ui.skills.criteria_section": ("Kriteria", "Criteria"),
    "ui.skills.criterion_n": ("Kriteria {number}", "Criterion {number}"),
    "ui.skills.criterion_placeholder": ("misalnya Kebersihan", "e.g. Hygiene"),
    "ui.skills.add_criterion": ("Tambah kriteria", "Add criterion"),
    "ui.skills.remove_criterion": ("Hapus", "Remove"),
    "ui.skills.remove_tip": ("Hapus kriteria {number}", "Remove criterion {number}"),
    "ui.skills.pass_level": ("Level lulus", "Pass level"),
    "ui.skills.pass_hint": (
        "Setiap kriteria harus mencapai level ini atau lebih.",
        "Every criterion must reach this level or higher."),
    "ui.skills.level_choice": ("{level} – {label}", "{level} – {label}"),
    "ui.skills.remove_rubric": ("Hapus rubrik", "Remove rubric"),
    "ui.skills.save": ("Simpan rubrik", "Save rubric"),
    "ui.skills.saved_none": ("Modul ini belum punya rubrik.", "This module has no rubric yet."),
}

_ASSESSMENT: dict[str, tuple[str, str]] = {
    "ui.skills.assess_intro": (
        "Pilih level yang dicapai pada setiap kriteria. Lulus atau belum dihitung dari "
        "rubrik: setiap kriteria minimal level {level} ({label}). Hasil terbaru menggantikan "
        "hasil sebelumnya.",
        "Choose the level reached on each criterion. Passed or not is worked out from the "
        "rubric: every criterion at level {level} ({label}) or higher. The latest result "
        "replaces the previous one."),
    "ui.skills.criteria_label": ("Level per kriteria", "Level per criterion"),
    "ui.skills.choose_level": ("— pilih level —", "— choose a level —"),
    "ui.skills.preview_passed": ("Hasil: Lulus", "Result: Passed"),
    "ui.skills.preview_failed": ("Hasil: Belum lulus", "Result: Not passed"),
    "ui.skills.preview_incomplete": (
        "Hasil: pilih level setiap kriteria", "Result: choose a level for every criterion"),
    "ui.skills.loading": ("Memuat rubrik…", "Loading the rubric…"),
}

_AUDIT: dict[str, tuple[str, str]] = {
    "ui.admin.audit.action.skill_rubric_set": (
        "Rubrik keterampilan disusun", "Skill rubric defined"),
    "ui.admin.audit.action.skill_rubric_removed": (
        "Rubrik keterampilan dihapus", "Skill rubric removed"),
}

SKILLS: dict[str, tuple[str, str]] = {**_ERRORS, **_RUBRIC_DIALOG, **_ASSESSMENT, **_AUDIT}
