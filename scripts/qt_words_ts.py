"""Qt's own words in Indonesian: the one table of them, and the Qt Linguist files made from it.

Qt 6 ships no Indonesian qtbase translation, so the app carries its own small ``.ts`` for the Qt
strings it shows (message-box and button-box buttons, the text fields' and spin boxes' menus, the
scroll bars' menu, the colour, file and print dialogs), compiled with the bundled
``pyside6-lrelease``; kdrt_desk/ui/qt_words.py loads the ``.qm`` while the app speaks Indonesian.

    .venv/bin/python scripts/qt_words_ts.py

writes kdrt_desk/assets/qt/qt_words_id.ts from ``TABLE`` and compiles it into qt_words_id.qm
beside it (both are committed; tests/gui/test_qt_words.py fails when they lag behind the table).

Each row is (source, Indonesian) or (source, Indonesian, disambiguation), under the Qt context
that asks for it: Qt looks a string up by context, source and disambiguation, so all three must
be Qt's own (they were recorded from the real widgets; a few that only show on another platform
or after an error come from Qt's own translation catalogues). A keyboard accelerator ("&") goes on
a letter of the Indonesian word, one letter per menu or dialog.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
TS_FILE = ROOT / "kdrt_desk" / "assets" / "qt" / "qt_words_id.ts"
QM_FILE = TS_FILE.with_suffix(".qm")

Row = tuple[str, str] | tuple[str, str, str]

_TEXT_MENU: list[Row] = [  # QLineEdit's and QWidgetTextControl's (QTextEdit, QPlainTextEdit)
    ("&Undo", "&Urungkan"), ("&Redo", "U&langi"), ("Cu&t", "&Potong"), ("&Copy", "&Salin"),
    ("&Paste", "&Tempel"), ("Delete", "Hapus"), ("Select All", "Pilih semua"),
]

TABLE: dict[str, list[Row]] = {
    # -- message boxes and button boxes ------------------------------------------------------
    "QPlatformTheme": [
        ("OK", "OK"), ("Save", "Simpan"), ("Save All", "Simpan semua"), ("Open", "Buka"),
        ("&Yes", "&Ya"), ("Yes to &All", "Ya untuk &semua"), ("&No", "&Tidak"),
        ("N&o to All", "T&idak untuk semua"), ("Abort", "Hentikan"), ("Retry", "Coba lagi"),
        ("Ignore", "Abaikan"), ("Close", "Tutup"), ("Cancel", "Batal"), ("Discard", "Buang"),
        ("Help", "Bantuan"), ("Apply", "Terapkan"), ("Reset", "Atur ulang"),
        ("Restore Defaults", "Kembalikan bawaan"),
    ],
    "QGnomeTheme": [  # the same buttons on a GNOME desktop (Linux)
        ("&OK", "&OK"), ("&Save", "&Simpan"), ("&Cancel", "&Batal"), ("&Close", "&Tutup"),
        ("Close without Saving", "Tutup tanpa menyimpan"),
    ],
    "QCocoaTheme": [("Don't Save", "Jangan simpan")],  # macOS
    "QMessageBox": [
        ("Show Details...", "Tampilkan rincian..."), ("Hide Details...", "Sembunyikan rincian..."),
    ],
    "QProgressDialog": [("Cancel", "Batal")],
    "QWizard": [("Cancel", "Batal")],
    "QDockWidget": [("Close", "Tutup")],
    # -- the text fields', spin boxes' and scroll bars' menus -------------------------------
    "QLineEdit": _TEXT_MENU,
    "QWidgetTextControl": [*_TEXT_MENU, ("Copy &Link Location", "Salin &alamat tautan")],
    "QAbstractSpinBox": [  # date and number fields: the text menu, then these
        ("&Select All", "Pil&ih semua"), ("&Step up", "&Naikkan"), ("Step &down", "Tu&runkan"),
    ],
    "QScrollBar": [
        ("Scroll here", "Gulir ke sini"), ("Top", "Paling atas"), ("Bottom", "Paling bawah"),
        ("Page up", "Satu halaman ke atas"), ("Page down", "Satu halaman ke bawah"),
        ("Scroll up", "Gulir ke atas"), ("Scroll down", "Gulir ke bawah"),
        ("Left edge", "Paling kiri"), ("Right edge", "Paling kanan"),
        ("Page left", "Satu halaman ke kiri"), ("Page right", "Satu halaman ke kanan"),
        ("Scroll left", "Gulir ke kiri"), ("Scroll right", "Gulir ke kanan"),
    ],
    # -- the colour dialog (the certificate template's colours) -----------------------------
    "QColorDialog": [
        ("Select Color", "Pilih warna"), ("&Basic colors", "Warna &dasar"),
        ("&Custom colors", "&Warna simpanan"),
        ("&Add to Custom Colors", "&Tambahkan ke warna simpanan"),
        ("&Pick Screen Color", "&Ambil warna dari layar"),
        ("Cursor at %1, %2\nPress ESC to cancel", "Kursor di %1, %2\nTekan Esc untuk batal"),
        ("Hu&e:", "R&ona:"), ("&Sat:", "&Saturasi:"), ("&Val:", "&Kecerahan:"),
        ("&Red:", "&Merah:"), ("&Green:", "&Hijau:"), ("Bl&ue:", "&Biru:"),
        ("A&lpha channel:", "Ke&pekatan:"), ("&HTML:", "HTM&L:"),
    ],
    # -- file dialogs (Qt's own, where the system has none) ----------------------------------
    "QFileDialog": [
        ("&Look in:", "&Cari di:"), ("File &name:", "&Nama berkas:"),
        ("Files of &type:", "&Jenis berkas:"), ("Directory:", "Folder:"),
        ("&Open", "&Buka"), ("&Save", "&Simpan"), ("&Choose", "&Pilih"), ("Open", "Buka"),
        ("Save As", "Simpan sebagai"), ("Find Directory", "Pilih folder"),
        ("Back", "Kembali"), ("Go back", "Kembali"), ("Forward", "Maju"),
        ("Go forward", "Maju"), ("Parent Directory", "Folder di atasnya"),
        ("Go to the parent directory", "Ke folder di atasnya"),
        ("Create New Folder", "Buat folder baru"), ("Create a New Folder", "Buat folder baru"),
        ("New Folder", "Folder baru"), ("List View", "Tampilan daftar"),
        ("Change to list view mode", "Tampilkan sebagai daftar"),
        ("Detail View", "Tampilan rincian"),
        ("Change to detail view mode", "Tampilkan dengan rincian"),
        ("All Files (*)", "Semua berkas (*)"), ("All files (*)", "Semua berkas (*)"),
        ("Directories", "Folder"), ("Files", "Berkas"), ("Recent Places", "Tempat terakhir"),
        ("Sidebar", "Panel samping"),
        ("List of places and bookmarks", "Daftar tempat dan penanda"),
        ("Remove", "Hapus dari daftar"), ("&Rename", "&Ganti nama"), ("&Delete", "&Hapus"),
        ("Show &hidden files", "Tampilkan berkas &tersembunyi"), ("&New Folder", "Folder &baru"),
        ("Show ", "Tampilkan "), ("Delete", "Hapus"),
        ("Are you sure you want to delete '%1'?", "Yakin ingin menghapus '%1'?"),
        ("'%1' is write protected.\nDo you want to delete it anyway?",
         "'%1' dilindungi dari perubahan.\nTetap hapus?"),
        ("Could not delete directory.", "Folder tidak dapat dihapus."),
        ("%1 already exists.\nDo you want to replace it?",
         "%1 sudah ada.\nGanti dengan yang baru?"),
        ("%1\nFile not found.\nPlease verify the correct file name was given.",
         "%1\nBerkas tidak ditemukan.\nPeriksa kembali nama berkasnya."),
        ("%1\nDirectory not found.\nPlease verify the correct directory name was given.",
         "%1\nFolder tidak ditemukan.\nPeriksa kembali nama foldernya."),
    ],
    "QFileSystemModel": [
        ("Name", "Nama"), ("Size", "Ukuran"), ("Type", "Jenis", "All other platforms"),
        ("Kind", "Jenis"), ("Date Modified", "Tanggal diubah"), ("Computer", "Komputer"),
        ("My Computer", "Komputer"),
    ],
    "QAbstractFileIconProvider": [
        ("Folder", "Folder", "All other platforms"), ("File Folder", "Folder"),
        ("File", "Berkas"), ("Drive", "Diska"), ("Shortcut", "Pintasan"),
        ("Unknown", "Tidak dikenal"),
    ],
    # -- print dialogs (Qt's own, where the system has none) ---------------------------------
    "QPrintDialog": [
        ("Print", "Cetak"), ("&Print", "&Cetak"), ("&Options >>", "&Pilihan >>"),
        ("&Options <<", "&Pilihan <<"), ("All Pages", "Semua halaman"),
        ("Odd Pages", "Halaman ganjil"), ("Even Pages", "Halaman genap"),
        ("Print to File (PDF)", "Cetak ke berkas (PDF)"), ("Local file", "Berkas di komputer ini"),
        ("Write PDF file", "Tulis berkas PDF"), ("Print To File ...", "Cetak ke berkas ..."),
        ("Left to Right, Top to Bottom", "Kiri ke kanan, atas ke bawah"),
        ("Left to Right, Bottom to Top", "Kiri ke kanan, bawah ke atas"),
        ("Right to Left, Top to Bottom", "Kanan ke kiri, atas ke bawah"),
        ("Right to Left, Bottom to Top", "Kanan ke kiri, bawah ke atas"),
        ("Top to Bottom, Left to Right", "Atas ke bawah, kiri ke kanan"),
        ("Top to Bottom, Right to Left", "Atas ke bawah, kanan ke kiri"),
        ("Bottom to Top, Left to Right", "Bawah ke atas, kiri ke kanan"),
        ("Bottom to Top, Right to Left", "Bawah ke atas, kanan ke kiri"),
        ("%1 already exists.\nDo you want to overwrite it?", "%1 sudah ada.\nTimpa berkas itu?"),
        ("The 'From' value cannot be greater than the 'To' value.",
         "Halaman awal tidak boleh lebih besar dari halaman akhir."),
    ],
    "QPrintWidget": [
        ("Printer", "Pencetak"), ("&Name:", "&Nama:"), ("P&roperties", "P&roperti"),
        ("Location:", "Lokasi:"), ("Type:", "Jenis:"), ("Output &file:", "&Berkas keluaran:"),
        ("Preview", "Pratinjau"),
    ],
    "QPrintSettingsOutput": [
        ("Print range", "Halaman dicetak"), ("Print all", "Semua"),
        ("Pages from", "Dari halaman"), ("to", "sampai"), ("Pages", "Halaman"),
        ("Current Page", "Halaman ini"), ("Selection", "Bagian terpilih"),
        ("Specify pages or ranges separated by commas. Ranges are specified by two numbers "
         "separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.",
         "Tulis nomor halaman atau rentang halaman, dipisahkan koma. Rentang ditulis dengan dua "
         "angka yang dihubungkan tanda hubung. Misalnya 3,5-7,9 mencetak halaman 3, 5, 6, 7 "
         "dan 9."),
        ("Output Settings", "Pengaturan hasil"), ("Copies", "Salinan"),
        ("Copies:", "Jumlah salinan:"), ("Collate", "Susun per salinan"),
        ("Reverse", "Urutan terbalik"), ("Options", "Pilihan"), ("Color Mode", "Warna"),
        ("Color", "Berwarna"), ("Grayscale", "Hitam putih"),
        ("Double Sided Printing", "Cetak bolak-balik"), ("Off", "Tidak"),
        ("Long side binding", "Jilid di sisi panjang"),
        ("Short side binding", "Jilid di sisi pendek"), ("Page &Set:", "&Ganjil/genap:"),
    ],
    "QPageSetupWidget": [
        ("Paper", "Kertas"), ("Page size:", "Ukuran kertas:"), ("Width:", "Lebar:"),
        ("Height:", "Tinggi:"), ("Custom", "Ukuran sendiri"), ("Paper source:", "Sumber kertas:"),
        ("Orientation", "Arah"), ("Portrait", "Tegak"), ("Landscape", "Mendatar"),
        ("Reverse portrait", "Tegak terbalik"), ("Reverse landscape", "Mendatar terbalik"),
        ("Margins", "Margin"), ("top margin", "margin atas"), ("bottom margin", "margin bawah"),
        ("left margin", "margin kiri"), ("right margin", "margin kanan"),
        ("Page Layout", "Tata letak halaman"), ("Pages &per sheet:", "Halaman &per lembar:"),
        ("Page &order:", "&Urutan halaman:"), ("Millimeters (mm)", "Milimeter (mm)"),
        ("Inches (in)", "Inci (in)"), ("Points (pt)", "Poin (pt)"),
    ],
    "QPrintPropertiesDialog": [
        ("Printer Properties", "Properti pencetak"), ("Job Options", "Pilihan pencetakan"),
    ],
    "QPrintPropertiesWidget": [("Page", "Halaman"), ("Advanced", "Lanjutan")],
    "QCupsJobWidget": [("None", "Tidak ada", "CUPS Banner page")],
    "QPrintPreviewDialog": [
        ("Print", "Cetak"), ("Portrait", "Tegak"), ("Landscape", "Mendatar"),
        ("Page Setup", "Atur halaman"),  # the page setup dialog's title
    ],
}


class QtWord(NamedTuple):
    """One Qt string as Qt asks for it, and its Indonesian."""

    context: str
    source: str
    translation: str
    disambiguation: str = ""


def words() -> list[QtWord]:
    """Every row of the table, context by context."""
    return [QtWord(context, row[0], row[1], row[2] if len(row) == 3 else "")
            for context, rows in TABLE.items() for row in rows]


def _xml(text: str) -> str:
    return escape(text, {"'": "&apos;", '"': "&quot;"})


def ts_text() -> str:
    """The Qt Linguist file (TS 2.1) of the table, one <context> per Qt context, sorted."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
             '<TS version="2.1" language="id_ID" sourcelanguage="en">']
    for context in sorted(TABLE):
        lines += ["<context>", f"    <name>{_xml(context)}</name>"]
        for word in (w for w in words() if w.context == context):
            lines += ["    <message>", f"        <source>{_xml(word.source)}</source>"]
            if word.disambiguation:
                lines.append(f"        <comment>{_xml(word.disambiguation)}</comment>")
            lines += [f"        <translation>{_xml(word.translation)}</translation>",
                      "    </message>"]
        lines.append("</context>")
    lines.append("</TS>")
    return "\n".join(lines) + "\n"


def lrelease() -> str:
    """The bundled ``pyside6-lrelease`` (beside this Python, else on PATH)."""
    tool = (shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
            or shutil.which("pyside6-lrelease"))
    if tool is None:
        raise FileNotFoundError("pyside6-lrelease (comes with PySide6) not found")
    return tool


def compile_qm(ts: Path, qm: Path) -> None:
    """Compile ``ts`` into ``qm`` with pyside6-lrelease."""
    subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True, timeout=120)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    duplicates = {(w.context, w.source, w.disambiguation) for w in words()}
    if len(duplicates) != len(words()):
        raise SystemExit("a (context, source, disambiguation) appears twice in TABLE")
    TS_FILE.parent.mkdir(parents=True, exist_ok=True)
    TS_FILE.write_text(ts_text(), encoding="utf-8", newline="\n")
    compile_qm(TS_FILE, QM_FILE)
    print(f"{len(words())} words: {TS_FILE.relative_to(ROOT)}, {QM_FILE.relative_to(ROOT)} "
          f"({QM_FILE.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
