"""Texts of the routine editor on her record (the week grid, templates, one-off blocks)."""

from __future__ import annotations

UI_ROUTINE: dict[str, tuple[str, str]] = {
    "ui.form.tab_routine": ("Rutinitas", "Routine"),
    "ui.routine.grid_name": ("Kisi rutinitas mingguan", "Weekly routine grid"),
    "ui.routine.legend": ("Arti warna", "What the colours mean"),
    "ui.routine.grid_none_selected": ("Tidak ada blok terpilih", "No block selected"),
    "ui.routine.keys": (
        "Tarik dengan mouse di ruang kosong untuk menggambar blok. Page Up/Page Down: pilih "
        "blok; panah: geser; Shift+↑/↓: ubah jam selesai; Enter: ubah; Delete: hapus.",
        "Drag with the mouse over empty space to draw a block. Page Up/Page Down: select a "
        "block; arrows: move it; Shift+Up/Down: change its end; Enter: edit; Delete: remove."),
    "ui.routine.keys_read_only": ("Page Up/Page Down: pilih blok.",
                                  "Page Up/Page Down: select a block."),
    "ui.routine.block_words": ("{day} {hours}, {kind}, {strength}",
                               "{day} {hours}, {kind}, {strength}"),
    "ui.routine.valid_between": ("berlaku {start} s.d. {end}", "valid {start} to {end}"),
    "ui.routine.valid_since": ("berlaku sejak {start}", "valid from {start}"),
    "ui.routine.valid_until": ("berlaku sampai {end}", "valid until {end}"),
    "ui.routine.intro": (
        "Kapan ia tidak bisa (atau sebaiknya tidak) datang. Tarik dengan mouse di kisi untuk "
        "menggambar blok dengan jenis dan sifat di atas, atau pakai \"Tambah blok…\". "
        "Page Up/Page Down memilih blok; panah menggeser; Shift+↑/↓ mengubah jam selesai; "
        "Enter mengubah; Delete menghapus.",
        "When she cannot (or would rather not) come. Drag with the mouse on the grid to draw "
        "a block of the kind and strength above, or use \"Add block…\". Page Up/Page Down "
        "select a block; arrows move it; Shift+Up/Down change its end; Enter edits; Delete "
        "removes."),
    "ui.routine.intro_read_only": (
        "Kapan ia tidak bisa (atau sebaiknya tidak) datang. Hanya untuk dibaca.",
        "When she cannot (or would rather not) come. Read only."),
    "ui.routine.kind": ("Jenis:", "Kind:"),
    "ui.routine.strength": ("Sifat:", "Strength:"),
    "ui.routine.add": ("Tambah blok…", "Add block…"),
    "ui.routine.templates": ("Pakai templat", "Use a template"),
    "ui.routine.selected": ("Blok terpilih", "Selected block"),
    "ui.routine.none_selected": ("Belum ada blok terpilih. Klik sebuah blok di kisi.",
                                 "No block selected. Click a block on the grid."),
    "ui.routine.valid_from": ("Berlaku sejak", "Valid from"),
    "ui.routine.valid_to": ("Berlaku sampai", "Valid until"),
    "ui.routine.edit": ("Ubah blok…", "Edit block…"),
    "ui.routine.remove": ("Hapus blok", "Remove block"),
    "ui.routine.one_off": ("Blok satu kali (tanggal tertentu)", "One-off blocks (single dates)"),
    "ui.routine.one_off_add": ("Tambah tanggal…", "Add a date…"),
    "ui.routine.one_off_remove": ("Hapus tanggal", "Remove date"),
    "ui.routine.save": ("Simpan rutinitas", "Save routine"),
    "ui.routine.unsaved": ("Ada perubahan yang belum disimpan.", "There are unsaved changes."),
    "ui.routine.up_to_date": ("Rutinitas tersimpan.", "Routine saved."),
    "ui.routine.not_saved": ("Rutinitas belum disimpan:", "The routine was not saved:"),
    "ui.routine.dialog.title_new": ("Tambah blok mingguan", "Add a weekly block"),
    "ui.routine.dialog.title_edit": ("Ubah blok mingguan", "Edit a weekly block"),
    "ui.routine.dialog.title_one_off": ("Tambah blok satu kali", "Add a one-off block"),
    "ui.routine.dialog.weekday": ("Hari", "Day"),
    "ui.routine.dialog.date": ("Tanggal", "Date"),
    "ui.routine.dialog.hours": ("Jam", "Hours"),
    "ui.routine.dialog.until": ("sampai", "to"),
    "ui.routine.dialog.kind": ("Jenis", "Kind"),
    "ui.routine.dialog.strength": ("Sifat", "Strength"),
    "ui.routine.dialog.strength_hint": (
        "\"Sebaiknya tidak\": ia bisa datang bila perlu, dengan susah payah.",
        "\"Prefers not\": she could come if need be, at a cost."),
    "ui.routine.dialog.ok": ("OK", "OK"),
    "ui.routine.screening_hint": (
        "Hambatan jam kerja, pengasuhan anak atau transportasi: catat kapan ia tidak bisa "
        "datang di rutinitas mingguannya.",
        "Working hours, childcare or transport barriers: record when she cannot come in her "
        "weekly routine."),
    "ui.routine.screening_open": ("Isi rutinitas mingguan", "Fill in the weekly routine"),
}
