"""Qt's own words in Indonesian: the buttons of its message boxes and button boxes (Ya, Tidak,
Batal, Tutup...), its file and print dialogs and the text fields' menu. Qt ships no Indonesian
translation, so without this an admin sees "Yes" / "No" / "Print range" in an Indonesian app.

The app itself never calls Qt's ``tr()`` (its texts come from the catalogue), so every string
that reaches this translator is Qt's; it answers only while the app speaks Indonesian and lets
English through untouched. Keyboard accelerators ("&") are kept on a letter of the new word.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTranslator

from kdrt_desk import i18n

WORDS: dict[str, str] = {
    # message boxes and button boxes (QPlatformTheme)
    "OK": "OK", "&OK": "&OK", "Save": "Simpan", "Save All": "Simpan semua", "Open": "Buka",
    "&Yes": "&Ya", "Yes to &All": "Ya untuk &semua", "&No": "&Tidak",
    "N&o to All": "T&idak untuk semua", "Abort": "Hentikan", "Retry": "Coba lagi",
    "Ignore": "Abaikan", "Close": "Tutup", "Cancel": "Batal", "Discard": "Buang",
    "Help": "Bantuan", "Apply": "Terapkan", "Reset": "Atur ulang",
    "Restore Defaults": "Kembalikan bawaan", "Don't Save": "Jangan simpan",
    "Close without Saving": "Tutup tanpa menyimpan", "Show Details...": "Tampilkan rincian...",
    "Hide Details...": "Sembunyikan rincian...",
    # file dialogs
    "Look in:": "Cari di:", "File &name:": "&Nama berkas:", "Files of type:": "Jenis berkas:",
    "&Open": "&Buka", "&Save": "&Simpan", "&Choose": "&Pilih", "Directory:": "Folder:",
    "File": "Berkas", "Folder": "Folder", "File Folder": "Folder", "Name": "Nama",
    "Size": "Ukuran", "Type": "Jenis", "Kind": "Jenis", "Date Modified": "Tanggal diubah",
    "Back": "Kembali", "Forward": "Maju", "Parent Directory": "Folder di atasnya",
    "Create New Folder": "Buat folder baru", "New Folder": "Folder baru",
    "List View": "Tampilan daftar", "Detail View": "Tampilan rincian",
    "Save As": "Simpan sebagai", "All Files (*)": "Semua berkas (*)",
    "Recent Places": "Tempat terakhir", "My Computer": "Komputer", "Computer": "Komputer",
    "&Rename": "&Ganti nama", "&Delete": "&Hapus", "Show &hidden files": "Tampilkan berkas "
    "&tersembunyi", "&New Folder": "Folder &baru",
    # print dialogs
    "Print": "Cetak", "&Print": "&Cetak", "Printer": "Pencetak", "&Name:": "&Nama:",
    "P&roperties": "P&roperti", "Properties": "Properti", "Location:": "Lokasi:",
    "Type:": "Jenis:", "Output &file:": "&Berkas keluaran:", "Print range": "Halaman dicetak",
    "Print all": "Semua", "Pages from": "Halaman", "to": "sampai",
    "Current Page": "Halaman ini", "Selection": "Pilihan", "Copies": "Salinan",
    "Copies:": "Jumlah salinan:", "Collate": "Susun", "Reverse": "Urutan terbalik",
    "Options": "Pilihan", "Color Mode": "Warna", "Color": "Berwarna",
    "Grayscale": "Hitam putih", "Duplex Printing": "Cetak bolak-balik", "None": "Tidak ada",
    "Long side": "Sisi panjang", "Short side": "Sisi pendek", "&Options >>": "&Pilihan >>",
    "&Options <<": "&Pilihan <<", "Page": "Halaman", "Paper": "Kertas",
    "Paper size:": "Ukuran kertas:", "Orientation": "Arah", "Portrait": "Tegak",
    "Landscape": "Mendatar", "Page size:": "Ukuran halaman:", "Pages per sheet:":
    "Halaman per lembar:", "Page Set": "Halaman", "All Pages": "Semua halaman",
    "Odd Pages": "Halaman ganjil", "Even Pages": "Halaman genap",
    # text fields' menu
    "&Undo": "&Urungkan", "&Redo": "&Ulangi", "Cu&t": "Po&tong", "&Copy": "&Salin",
    "&Paste": "&Tempel", "Delete": "Hapus", "Select All": "Pilih semua",
}


class QtWords(QTranslator):
    """Answers Qt's own strings in Indonesian while the app speaks it."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:  # type: ignore[override]
        if i18n.language() != "id":
            return None  # a null string: not translated, Qt keeps its English
        return WORDS.get(source)

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


def install_qt_words(app: QObject | None = None) -> QtWords:
    """Install the translator on the running application (once is enough: it follows the
    language the app speaks at each call)."""
    words = QtWords(app or QCoreApplication.instance())
    QCoreApplication.installTranslator(words)
    return words
