"""Texts of the quarterly donor report: the quarter asked for, and what is wrong with it."""

from __future__ import annotations

DONOR: dict[str, tuple[str, str]] = {
    "donor.doc_title": ("Laporan triwulanan {quarter}", "Quarterly report {quarter}"),
    "donor.sheet.summary": ("Ringkasan", "Summary"),
    "donor.sheet.participants": ("Peserta", "Participants"),
    "donor.sheet.programme": ("Program", "Programme"),
    "donor.sheet.services": ("Layanan", "Services"),
    "donor.sheet.charts": ("Grafik", "Charts"),
    "donor.sheet.notes": ("Catatan", "Notes"),
    "donor.sheet_title.summary": ("Laporan triwulanan: ringkasan indikator",
                                  "Quarterly report: indicator summary"),
    "donor.sheet_title.participants": ("Peserta yang dilayani", "Participants served"),
    "donor.sheet_title.programme": ("Pelatihan", "Training"),
    "donor.sheet_title.services": ("Layanan dan rujukan", "Services and referrals"),
    "donor.sheet_title.charts": ("Grafik", "Charts"),
    "donor.sheet_title.notes": ("Definisi dan aturan penyamaran", "Definitions and the "
                                "suppression rule"),
    "donor.period": ("{centre} · triwulan {quarter} ({start} – {end})",
                     "{centre} · quarter {quarter} ({start} – {end})"),
    "donor.generated": ("Dibuat {day}", "Made on {day}"),
    "donor.column.indicator": ("Indikator", "Indicator"),
    "donor.column.stage": ("Tahap", "Stage"),
    "donor.column.quarter": ("Triwulan ini", "This quarter"),
    "donor.column.ytd": ("Tahun berjalan", "Year to date"),
    "donor.column.target": ("Target tahun ini", "This year's target"),
    "donor.too_few": ("n < 5", "n < 5"),
    "donor.withheld": (
        "Sebagian indikator tidak dihitung karena peran pembuat laporan tidak memegang kunci "
        "datanya (kosong di atas).",
        "Some indicators were not computed because the role that made this report does not "
        "hold their key (blank above)."),
    "donor.method_title": ("Metode singkat", "Method in brief"),
    "donor.method.population": (
        "Hanya peserta yang menyetujui penggunaan data untuk statistik tanpa nama yang "
        "dihitung.",
        "Only participants who agreed to anonymised statistics are counted."),
    "donor.method.small": (
        "Jumlah 1 sampai 4 orang ditulis “<5”; nilai rata-rata, persentase dan "
        "jumlah Rupiah dari kurang dari {small} orang tidak ditampilkan (n < 5).",
        "Counts of 1 to 4 women show as “<5”; means, shares and Rupiah totals over "
        "fewer than {small} {small:woman|women} are not shown (n < 5)."),
    "donor.method.hidden": (
        "Angka bertanda “–” disamarkan agar angka “<5” tidak dapat "
        "dihitung dari jumlah, lembar lain atau tahun berjalan.",
        "Figures marked “–” are hidden so that no “<5” can be worked "
        "out from the totals, the other sheets or the year to date."),
    "donor.method.notes": ("Definisi lengkap ada di lembar Catatan.",
                           "Full definitions are on the Notes sheet."),
    "donor.marks": (
        "<5: 1 sampai 4 orang. –: disamarkan agar angka kecil tidak dapat dihitung.",
        "<5: 1 to 4 women. –: hidden so that a small count cannot be worked out."),
    "donor.row.total": ("Jumlah", "Total"),
    "donor.row.unknown": ("Tidak tercatat", "Not recorded"),
    "donor.row.programme": ("Seluruh program", "The whole programme"),
    "donor.row.new": ("Baru (mendaftar dalam periode)", "New (registered in the period)"),
    "donor.row.continuing": ("Lanjutan", "Continuing"),
    "donor.row.both": ("Sosial dan ekonomi", "Social and economic"),
    "donor.row.none": ("Belum ikut kelompok", "Not in a group yet"),
    "donor.row.18-24": ("18–24 tahun", "18–24 years"),
    "donor.row.25-44": ("25–44 tahun", "25–44 years"),
    "donor.row.45-59": ("45–59 tahun", "45–59 years"),
    "donor.row.60+": ("60 tahun ke atas", "60 years and over"),
    "donor.table.participants_by_kecamatan": ("Peserta menurut kecamatan",
                                              "Participants by kecamatan"),
    "donor.table.participants_by_age": ("Peserta menurut kelompok umur",
                                        "Participants by age band"),
    "donor.table.participants_by_status": ("Peserta menurut status", "Participants by status"),
    "donor.table.participants_by_track": ("Peserta menurut jalur pelatihan",
                                          "Participants by training track"),
    "donor.table.new_and_continuing": ("Peserta baru dan lanjutan",
                                       "New and continuing participants"),
    "donor.table.sessions_by_module": ("Sesi yang terlaksana menurut modul",
                                       "Sessions held by module"),
    "donor.table.women_by_module": ("Peserta yang hadir menurut modul",
                                    "Participants attending by module"),
    "donor.table.certificates_by_module": ("Sertifikat yang diterbitkan",
                                           "Certificates issued"),
    "donor.table.services_by_kind": ("Peserta yang menerima layanan menurut jenis",
                                     "Participants receiving services by kind"),
    "donor.rowhead.participants_by_kecamatan": ("Kecamatan", "Kecamatan"),
    "donor.rowhead.participants_by_age": ("Kelompok umur", "Age band"),
    "donor.rowhead.participants_by_status": ("Status", "Status"),
    "donor.rowhead.participants_by_track": ("Jalur", "Track"),
    "donor.rowhead.new_and_continuing": ("Peserta", "Participants"),
    "donor.rowhead.sessions_by_module": ("Modul", "Module"),
    "donor.rowhead.women_by_module": ("Modul", "Module"),
    "donor.rowhead.certificates_by_module": ("Modul", "Module"),
    "donor.rowhead.services_by_kind": ("Jenis layanan", "Kind of service"),
    "donor.note.served.name": ("Peserta yang dilayani", "Participants served"),
    "donor.note.served": (
        "Perempuan yang terdaftar sampai akhir periode dan, dalam periode itu, mendaftar, "
        "menjadi anggota kelompok pelatihan, atau menerima layanan.",
        "Women registered by the end of the period who, in it, registered, were members of a "
        "training group, or received a service."),
    "donor.note.new.name": ("Baru dan lanjutan", "New and continuing"),
    "donor.note.new": ("Baru: mendaftar dalam periode. Lanjutan: mendaftar sebelumnya.",
                       "New: registered in the period. Continuing: registered before it."),
    "donor.note.age.name": ("Kelompok umur", "Age band"),
    "donor.note.age": ("Umur saat mendaftar (dari tanggal lahir, atau perkiraan umur).",
                       "Age when she registered (from the date of birth, or the age "
                       "estimated)."),
    "donor.note.status.name": ("Status", "Status"),
    "donor.note.status": ("Status peserta pada saat laporan dibuat.",
                          "Her status when the report was made."),
    "donor.note.track.name": ("Jalur", "Track"),
    "donor.note.track": ("Jalur modul kelompok yang diikuti dalam periode: sosial, ekonomi, "
                         "atau keduanya.",
                         "The tracks of her groups' modules in the period: social, economic, "
                         "or both."),
    "donor.note.module.name": ("Sesi dan kehadiran", "Sessions and attendance"),
    "donor.note.module": (
        "Sesi: sesi yang terlaksana. Peserta yang hadir: perempuan yang hadir (atau "
        "terlambat) minimal sekali dalam modul itu; satu perempuan dapat dihitung di "
        "beberapa modul.",
        "Sessions: sessions held. Participants attending: women present (or late) at least "
        "once in that module; one woman may count in several modules."),
    "donor.note.certificates.name": ("Sertifikat", "Certificates"),
    "donor.note.certificates": ("Sertifikat yang diterbitkan dalam periode, menurut modul "
                                "atau seluruh program.",
                                "Certificates issued in the period, by module or for the "
                                "whole programme."),
    "donor.note.services.name": ("Layanan", "Services"),
    "donor.note.services": ("Perempuan yang menerima layanan jenis itu dalam periode; satu "
                            "perempuan dapat dihitung di beberapa jenis.",
                            "Women who received that kind of service in the period; one "
                            "woman may count in several kinds."),
    "donor.note.indicators.name": ("Indikator", "Indicators"),
    "donor.note.indicators": (
        "Rantai indikator aplikasi (keluaran, hasil, tindak lanjut) atas perempuan yang sama; "
        "target dari kerangka hasil lembaga.",
        "The app's indicator chain (outputs, outcomes, follow-up) over the same women; targets "
        "from the centre's results framework."),
    "donor.note.consent.name": ("Persetujuan", "Consent"),
    "donor.note.consent": ("Hanya perempuan yang menyetujui statistik tanpa nama yang "
                           "dihitung; yang menarik persetujuan tidak dihitung.",
                           "Only women who agreed to anonymised statistics count; those who "
                           "withdrew their consent do not."),
    "donor.note.suppression.name": ("<5", "<5"),
    "donor.note.suppression": ("Jumlah 1 sampai 4 orang tidak ditulis, agar tidak menunjuk "
                               "satu perempuan.",
                               "Counts of 1 to 4 women are not written, so that none points "
                               "at one woman."),
    "donor.note.complement.name": ("– (disamarkan)", "– (hidden)"),
    "donor.note.complement": (
        "Angka lain yang disamarkan agar angka “<5” tidak dapat dihitung dari "
        "jumlah baris, tabel lain yang menghitung perempuan yang sama, atau tahun berjalan "
        "(jumlah triwulan). Yang dipilih sesedikit mungkin, untuk seluruh buku kerja "
        "sekaligus.",
        "Other figures hidden so that no “<5” can be worked out from the totals, "
        "another table counting the same women, or the year to date (the sum of the "
        "quarters). As few as possible are chosen, for the whole workbook at once."),
    "donor.note.few.name": ("n < 5", "n < 5"),
    "donor.note.few": ("Rata-rata, persentase dan jumlah Rupiah dari kurang dari {small} "
                       "perempuan tidak ditampilkan.",
                       "Means, shares and Rupiah totals over fewer than {small} {small:woman|women} are not "
                       "shown."),
    "ui.admin.audit.action.donor_report_exported": ("Laporan donor triwulanan dibuat",
                                                    "Quarterly donor report made"),
    "cli.export.help": ("ekspor: laporan donor triwulanan, daftar peserta, kehadiran, asesmen, "
                        "semua data",
                        "exports: the quarterly donor report, participants, attendance, "
                        "assessments, all data"),
    "cli.export.help_donor": (
        "laporan donor triwulanan (.xlsx) tanpa identitas: hanya yang setuju statistik",
        "the quarterly donor report (.xlsx), de-identified: only those who agreed to "
        "statistics"),
    "cli.export.help_quarter": ("triwulan, misalnya 2026Q3", "the quarter, e.g. 2026Q3"),
    "cli.export.help_funder": (
        "hanya kelompok yang dibiayai program/donor ini (seperti tertulis pada kelompok)",
        "only the groups this programme/donor funds (as written on the group)"),
    "cli.export.help_out": ("berkas .xlsx yang ditulis", "the .xlsx file to write"),
    "cli.export.out_xlsx": ("{path}: tulis nama berkas yang diakhiri .xlsx.",
                            "{path}: give a file name ending in .xlsx."),
    "cli.export.donor_written": (
        "Laporan triwulan {quarter} ditulis ke {path} ({primary} angka \u201c<5\u201d, "
        "{complementary} angka lain disamarkan).",
        "The report for {quarter} is in {path} ({primary} {primary:count|counts} shown as \u201c<5\u201d, "
        "{complementary} more hidden)."),
    "ui.donor.menu": ("Laporan donor triwulanan\u2026", "Quarterly donor report\u2026"),
    "ui.donor.title": ("Laporan donor triwulanan", "Quarterly donor report"),
    "ui.donor.intro": (
        "Buku kerja Excel untuk donor: indikator triwulan dan tahun berjalan, peserta menurut "
        "kecamatan, umur, status dan jalur, pelatihan, sertifikat dan layanan, dengan grafik. "
        "Tanpa nama, kode, NIK, nomor telepon atau alamat; hanya peserta yang menyetujui "
        "statistik tanpa nama yang dihitung, dan angka kecil disamarkan.",
        "An Excel workbook for donors: the quarter's and the year's indicators, participants "
        "by kecamatan, age, status and track, training, certificates and services, with "
        "charts. No names, codes, NIKs, phone numbers or addresses; only participants who "
        "agreed to anonymised statistics count, and small numbers are hidden."),
    "ui.donor.quarter": ("Triwulan", "Quarter"),
    "ui.donor.quarter_item": ("{quarter} ({start} \u2013 {end})",
                              "{quarter} ({start} \u2013 {end})"),
    "ui.donor.language": ("Bahasa laporan", "Report language"),
    "ui.donor.make": ("Buat laporan\u2026", "Make the report\u2026"),
    "ui.donor.save": ("Simpan laporan donor", "Save the donor report"),
    "ui.donor.xlsx_filter": ("Buku kerja Excel (*.xlsx)", "Excel workbooks (*.xlsx)"),
    "ui.donor.making": ("Membuat laporan triwulan {quarter}\u2026",
                        "Making the report for {quarter}\u2026"),
    "ui.donor.cancel": ("Batal", "Cancel"),
    "ui.donor.cancelled": ("Dibatalkan. Tidak ada berkas yang ditulis.",
                           "Cancelled. No file was written."),
    "ui.donor.no_quarter": ("Belum ada peserta terdaftar, jadi belum ada triwulan untuk "
                            "dilaporkan.",
                            "Nobody is registered yet, so there is no quarter to report."),
    "ui.donor.written": (
        "Laporan disimpan: {path}. {primary} angka ditulis \u201c<5\u201d dan {complementary} "
        "angka lain disamarkan agar tidak dapat dihitung.",
        "Report saved: {path}. {primary} {primary:count shows|counts show} as \u201c<5\u201d and {complementary} "
        "more are hidden so that none can be worked out."),
    "donor.unprotected_warning": (
        "Perhatian: {count} angka kecil tidak dapat disamarkan sepenuhnya (misalnya semua "
        "angka dalam satu tabel sangat kecil). Periksa tabelnya sebelum dikirim, atau gabungkan "
        "kategorinya.",
        "Note: {count} small counts cannot be fully hidden (all of one table's figures are very "
        "small, say). Check those tables before sending, or merge their categories."),
    "ui.exports.menu": ("Ekspor data\u2026", "Export data\u2026"),
    "ui.exports.title": ("Ekspor data", "Export data"),
    "ui.exports.intro": (
        "Berkas Excel untuk pekerjaan: kolom yang boleh dilihat peran Anda, lengkap. Berkas ini "
        "berada di luar brankas dan tidak terenkripsi kecuali diberi kata sandi: simpan di "
        "tempat aman dan hapus bila tidak diperlukan lagi.",
        "An Excel file for work: the columns your role may see, in full. The file is outside "
        "the vault and not encrypted unless it has a password: keep it somewhere safe and "
        "delete it when no longer needed."),
    "ui.exports.kind.participants": ("Daftar peserta", "Participant list"),
    "ui.exports.kind.attendance": ("Kehadiran per kelompok dan sesi",
                                   "Attendance by group and session"),
    "ui.exports.kind.assessments": ("Hasil asesmen psikososial",
                                    "Psychosocial assessment results"),
    "ui.exports.kind.full": ("Semua data (Admin): satu lembar per jenis catatan",
                             "All data (Admin): one sheet per kind of record"),
    "ui.exports.file.participants": ("daftar-peserta", "participants"),
    "ui.exports.file.attendance": ("kehadiran", "attendance"),
    "ui.exports.file.assessments": ("asesmen", "assessments"),
    "ui.exports.file.full": ("semua-data", "all-data"),
    "ui.exports.password": ("Kata sandi berkas", "File password"),
    "ui.exports.again": ("Ulangi kata sandi", "Password again"),
    "ui.exports.unprotected": (
        "Tanpa kata sandi, berkas ini berisi semua data (termasuk yang paling rahasia) tanpa "
        "enkripsi. Sebaiknya beri kata sandi: Excel akan memintanya saat berkas dibuka.",
        "Without a password this file holds all the data (the most confidential included) "
        "unencrypted. Better give it a password: Excel asks for it when the file is opened."),
    "ui.exports.passwords_differ": ("Kedua kata sandi tidak sama. Ketik ulang.",
                                    "The two passwords differ. Type them again."),
    "ui.exports.language": ("Bahasa judul kolom", "Column headings in"),
    "ui.exports.export": ("Ekspor\u2026", "Export\u2026"),
    "ui.exports.save": ("Simpan ekspor", "Save the export"),
    "ui.exports.making": ("Mengekspor\u2026", "Exporting\u2026"),
    "ui.exports.cancelled": ("Dibatalkan. Tidak ada berkas yang ditulis.",
                             "Cancelled. No file was written."),
    "ui.exports.written": ("Disimpan: {path} ({rows} baris).", "Saved: {path} ({rows} {rows:row|rows})."),
    "error.donor_quarter_format": (
        "Triwulan \u201c{value}\u201d tidak dikenali. Tulis tahun dan triwulannya, misalnya "
        "2026Q3.",
        "Quarter \u201c{value}\u201d is not understood. Write the year and the quarter, for "
        "example 2026Q3."),
    "error.donor_quarter_future": (
        "Triwulan {quarter} belum dimulai. Pilih triwulan yang sudah berjalan atau selesai.",
        "Quarter {quarter} has not begun. Choose a quarter that is under way or over."),
    "error.donor_quarter_before_centre": (
        "Triwulan {quarter} sebelum pendaftaran pertama di brankas ini ({first}). Pilih "
        "triwulan sejak itu.",
        "Quarter {quarter} is before the first registration in this vault ({first}). Choose a "
        "quarter since then."),
    "donor.period_funder": (" · program/donor: {funder}", " · programme/donor: {funder}"),
    "donor.note.funder.name": ("Program / donor", "Programme / donor"),
    "donor.note.funder": (
        "Laporan ini hanya mencakup kelompok pelatihan yang dibiayai \u201c{funder}\u201d, "
        "sesi dan sertifikat kelompok itu, dan perempuan yang menjadi anggotanya.",
        "This report covers only the training groups funded by \u201c{funder}\u201d, their "
        "sessions and certificates, and the women who were their members."),
    "donor.note.served_funder.name": ("Peserta yang dilayani", "Participants served"),
    "donor.note.served_funder": (
        "Perempuan yang dalam periode itu menjadi anggota kelompok program ini. Kecamatan, umur, "
        "status dan jalur sama seperti di laporan seluruh pusat (jalur: semua kelompok yang ia "
        "ikuti), dan angka yang disamarkan dipilih bersama laporan pusat dan program lain, "
        "sehingga selisih dua laporan pun tidak menunjuk seseorang.",
        "Women who were members of this programme's groups in the period. Kecamatan, age, status "
        "and track are as in the whole centre's report (track: all the groups she followed), and "
        "the hidden figures are chosen together with the centre's and other programmes' reports, "
        "so that not even the difference of two reports points at anyone."),
    "donor.scope.centre": ("Seluruh pusat", "The whole centre"),
    "ui.donor.scope": ("Cakupan", "Covering"),
    "ui.donor.scope_tip": (
        "Seluruh pusat, atau hanya kelompok yang dibiayai satu program/donor (diisi pada data "
        "kelompok).",
        "The whole centre, or only the groups one programme/donor funds (set on the group)."),
    "error.donor_funder_unknown": (
        "Program/donor \u201c{funder}\u201d tidak ada pada kelompok mana pun. Yang ada: "
        "{known}.",
        "No group is funded by programme/donor \u201c{funder}\u201d. Those on file: {known}."),
    "error.donor_funder_none": ("(belum ada)", "(none yet)"),
}
