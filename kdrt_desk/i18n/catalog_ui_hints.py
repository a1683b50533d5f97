"""Help on the main screens: the hints an empty list shows, and the tool tips of the tabs and of
their main buttons."""

from __future__ import annotations

UI_HINTS: dict[str, tuple[str, str]] = {
    # -- empty lists: what the screen is for and which button fills it -------------------------
    "ui.hints.register.empty": (
        "Belum ada peserta. Daftarkan peserta pertama dengan tombol \"Daftarkan peserta "
        "baru…\", atau masukkan daftar dari Excel lewat menu Berkas → \"Impor daftar peserta…\".",
        "No participants yet. Register the first one with the \"Register a participant…\" "
        "button, or bring in a list from Excel through File → \"Import participant list…\"."),
    "ui.hints.register.empty_view_only": (
        "Belum ada peserta yang bisa Anda lihat. Peserta tampil di sini setelah staf "
        "mendaftarkannya.",
        "No participants you can see yet. They show here once a staff member registers them."),
    "ui.hints.register.no_match": (
        "Tidak ada peserta yang cocok. Ubah kata pencarian, atau pilih \"Semua status\" dan "
        "\"Semua kecamatan\".",
        "No participant matches. Change the search words, or choose \"All statuses\" and "
        "\"All kecamatan\"."),
    "ui.hints.waitlist.empty": (
        "Belum ada peserta di daftar tunggu. Peserta masuk ke sini bila keputusan asesmen "
        "awalnya \"Daftar tunggu\": buka datanya di tab Peserta (klik dua kali), lalu di halaman "
        "\"Asesmen awal\" tekan \"Keputusan…\". Dari sini Anda menerimanya dengan \"Terima ke "
        "program\".",
        "Nobody is on the waitlist yet. A participant comes here when her screening decision is "
        "\"Waitlisted\": open her record on the Participants tab (double-click), then press "
        "\"Decision…\" on the \"Screening\" page. From here you accept her with \"Accept into "
        "the programme\"."),
    "ui.hints.dashboard.empty": (
        "Belum ada angka. Ringkasan ini terisi sendiri dari pekerjaan sehari-hari: daftarkan "
        "peserta di tab Peserta (\"Daftarkan peserta baru…\"), lalu catat asesmen awalnya.",
        "No figures yet. This summary fills itself from the daily work: register participants "
        "on the Participants tab (\"Register a participant…\"), then record their screening."),
    "ui.hints.groups.members_from": (
        "Anggotanya peserta yang sudah diterima ke program: tambahkan dengan \"Tambah "
        "anggota\", atau biarkan \"Sarankan kelompok…\" mengusulkan kelompok dari mereka.",
        "Its members are participants accepted into the programme: add them with \"Add "
        "members\", or let \"Suggest groups…\" propose groups from them."),
    "ui.hints.sessions.empty": (
        "Belum ada sesi pada bulan ini. Di sini Anda mencatat sesi kelompok dan kehadirannya. "
        "Tambahkan sesi dengan \"Sesi baru\" (kelompoknya dibuat dulu di tab Kelompok), atau "
        "buat semua sesi sekaligus di tab Penjadwalan.",
        "No sessions this month yet. Here you keep the groups' sessions and their attendance. "
        "Add a session with \"New session\" (make its group first on the Groups tab), or make "
        "every session at once on the Scheduling tab."),
    "ui.hints.catalogue.start": (
        "Sebelum membuat kelompok dan sesi, isi dulu siapa fasilitatornya dan di mana tempatnya: "
        "buka halaman \"Fasilitator\" dan \"Tempat\" di bawah, lalu tekan \"Tambah…\".",
        "Before making groups and sessions, first enter who facilitates and where: open the "
        "\"Facilitators\" and \"Venues\" pages below, then press \"Add…\"."),
    "ui.hints.catalogue.module.empty": (
        "Belum ada modul. Tambahkan modul pelatihan dengan \"Tambah…\".",
        "No modules yet. Add a training module with \"Add…\"."),
    "ui.hints.catalogue.facilitator.empty": (
        "Belum ada fasilitator. Tambahkan psikolog, pekerja sosial atau pelatih dengan "
        "\"Tambah…\".",
        "No facilitators yet. Add a psychologist, social worker or trainer with \"Add…\"."),
    "ui.hints.catalogue.venue.empty": (
        "Belum ada tempat. Tambahkan tempat sesi (balai, kantor, ruang pelatihan) dengan "
        "\"Tambah…\".",
        "No venues yet. Add a place for sessions (hall, office, training room) with \"Add…\"."),
    "ui.hints.catalogue.partner.empty": (
        "Belum ada mitra. Tambahkan mitra (dinas, LBH, UMKM, donor) dengan \"Tambah…\".",
        "No partners yet. Add a partner (government office, legal aid, UMKM, donor) with "
        "\"Add…\"."),
    "ui.hints.calendar.empty": (
        "Belum ada sesi pada periode ini. Kalender menampilkan sesi semua kelompok bersama hari "
        "libur dan hari tutup pusat. Tambahkan sesi di tab \"Sesi dan kehadiran\" (\"Sesi "
        "baru\") atau di tab Penjadwalan (\"Buat jadwal\").",
        "No sessions in this period yet. The calendar shows every group's sessions with the "
        "holidays and the days the centre is closed. Add sessions on the \"Sessions and "
        "attendance\" tab (\"New session\") or on the Scheduling tab (\"Make schedule\")."),
    "ui.hints.indicators.empty": (
        "Belum ada data untuk periode ini. Indikator dihitung sendiri dari pendaftaran, "
        "asesmen, kehadiran dan evaluasi. Mulailah di tab Peserta (\"Daftarkan peserta "
        "baru…\"), atau pilih periode lain di \"Periode\".",
        "No data for this period yet. The indicators are worked out from registrations, "
        "assessments, attendance and evaluations. Start on the Participants tab (\"Register a "
        "participant…\"), or choose another \"Period\"."),
    "ui.hints.reminders.empty": (
        "Pengingat muncul di sini untuk setiap sesi yang terjadwal pada tanggal ini. Sesi "
        "ditambahkan di tab \"Sesi dan kehadiran\" dengan \"Sesi baru\"; pilih tanggal lain "
        "dengan ◀ ▶ atau \"Besok\".",
        "Reminders show here for every session planned on this date. Sessions are added on "
        "the \"Sessions and attendance\" tab with \"New session\"; choose another date with "
        "◀ ▶ or \"Tomorrow\"."),
    "ui.hints.schedule.no_groups": (
        "Belum ada kelompok untuk dijadwalkan. Buat kelompok dulu di tab Kelompok dengan "
        "\"Kelompok baru\", lalu kembali ke sini dan tekan \"Buat jadwal\".",
        "There is no group to schedule yet. First make a group on the Groups tab with \"New "
        "group\", then come back here and press \"Make schedule\"."),
    "ui.hints.cert.none_eligible": (
        "Sertifikat diberikan kepada peserta yang menyelesaikan modul di kelompoknya. Peserta "
        "muncul di sini setelah kehadirannya dicatat (\"Daftar hadir\" di tab \"Sesi dan "
        "kehadiran\"); centang namanya lalu tekan \"Terbitkan…\".",
        "Certificates go to participants who complete a module in their group. A participant "
        "shows here once her attendance is recorded (\"Roll-call\" on the \"Sessions and "
        "attendance\" tab); tick her name, then press \"Issue…\"."),
    "ui.hints.cert.register_empty": (
        "Belum ada sertifikat yang diterbitkan. Terbitkan di halaman \"Memenuhi syarat\" dengan "
        "\"Terbitkan…\"; setiap sertifikat tercatat di sini.",
        "No certificates issued yet. Issue them on the \"Eligible\" page with \"Issue…\"; every "
        "certificate is listed here."),
    "ui.hints.monitoring.empty": (
        "Belum ada yang perlu dipantau. Asesmen yang jatuh tempo muncul di sini setelah peserta "
        "masuk kelompok (\"Tambah anggota\" di tab Kelompok), dan peringatan muncul bila hasil "
        "asesmen perlu ditindaklanjuti.",
        "Nothing to follow up yet. Assessments fall due here once participants join a group "
        "(\"Add members\" on the Groups tab), and alerts show when an assessment's result needs "
        "follow-up."),
    "ui.hints.accounts.only_you": (
        "Baru ada satu akun: akun Anda. Setiap staf sebaiknya memakai akunnya sendiri; "
        "tambahkan dengan \"Tambah akun…\".",
        "There is only one account so far: yours. Each staff member should use her own; add "
        "them with \"Add account…\"."),
    "ui.hints.audit.no_match": (
        "Tidak ada catatan yang cocok dengan filter ini. Log audit mencatat sendiri setiap "
        "tindakan; tekan \"Hapus filter\" untuk melihat semuanya.",
        "No entries match these filters. The audit log records every action by itself; press "
        "\"Clear filters\" to see them all."),

    # -- the tabs ------------------------------------------------------------------------------
    "ui.tip.tab.register": (
        "Semua peserta: cari, saring, daftarkan yang baru dan buka datanya.",
        "Every participant: search, filter, register new ones and open their records."),
    "ui.tip.tab.waitlist": (
        "Peserta yang menunggu tempat di program, dan keputusan yang menunggu konfirmasi.",
        "Participants waiting for a place in the programme, and decisions awaiting "
        "confirmation."),
    "ui.tip.tab.dashboard": (
        "Ringkasan angka program hari ini: asesmen, pelatihan, sesi dan rujukan.",
        "Today's programme figures: screening, training, sessions and referrals."),
    "ui.tip.tab.groups": (
        "Kelompok dukungan dan pelatihan: anggota, kemajuan dan jadwalnya.",
        "Support and training groups: their members, progress and schedule."),
    "ui.tip.tab.sessions": (
        "Sesi kelompok per bulan: tambah, batalkan, catat kehadiran dan cetak daftar hadir.",
        "The groups' sessions by month: add, cancel, take the roll-call and print sign-in "
        "sheets."),
    "ui.tip.tab.catalogue": (
        "Modul pelatihan, fasilitator, tempat dan mitra yang dipakai program.",
        "The training modules, facilitators, venues and partners the programme uses."),
    "ui.tip.tab.calendar": (
        "Sesi per bulan atau minggu, dengan hari libur, hari tutup dan bulan puasa.",
        "Sessions by month or week, with holidays, closures and Ramadan."),
    "ui.tip.tab.indicators": (
        "Indikator keluaran dan hasil program untuk satu periode, dengan grafiknya.",
        "The programme's output and outcome indicators for a period, with charts."),
    "ui.tip.tab.reminders": (
        "Siapa yang perlu diingatkan akan sesinya, dan cara aman menghubunginya.",
        "Who needs a reminder of her session, and the safe way to reach her."),
    "ui.tip.tab.schedule": (
        "Buat jadwal sesi kelompok untuk satu periode, periksa lalu terapkan.",
        "Make the groups' session schedule for a term, review it, then apply it."),
    "ui.tip.tab.certificates": (
        "Terbitkan sertifikat untuk yang memenuhi syarat, dan lihat yang sudah diterbitkan.",
        "Issue certificates to those eligible, and see the ones already issued."),
    "ui.tip.tab.monitoring": (
        "Peringatan dari asesmen dan asesmen yang jatuh tempo atau terlambat.",
        "Alerts from assessments, and assessments due or overdue."),
    "ui.tip.tab.accounts": (
        "Akun staf: tambah, atur ulang kata sandi, ubah peran, nonaktifkan.",
        "Staff accounts: add, reset a password, change a role, deactivate."),
    "ui.tip.tab.audit": (
        "Catatan siapa melakukan apa dan kapan; tidak dapat diubah.",
        "The record of who did what and when; it cannot be changed."),

    # -- the main buttons ----------------------------------------------------------------------
    "ui.tip.register.new": (
        "Buka formulir kosong untuk mendaftarkan peserta baru.",
        "Open an empty form to register a new participant."),
    "ui.tip.waitlist.accept": (
        "Terima peserta yang dipilih ke program; setelah itu ia bisa masuk kelompok.",
        "Accept the chosen participant into the programme; she can then join a group."),
    "ui.tip.waitlist.confirm": (
        "Sebagai staf kedua, konfirmasi keputusan \"tidak memenuhi syarat\" yang dipilih.",
        "As the second staff member, confirm the chosen \"not eligible\" decision."),
    "ui.tip.dashboard.refresh": (
        "Hitung ulang semua angka dengan data terbaru.",
        "Work out every figure again from the latest data."),
    "ui.tip.groups.new": (
        "Buat kelompok baru: nama, wilayah, periode dan tempat.",
        "Make a new group: its name, area, term and venue."),
    "ui.tip.groups.edit": (
        "Ubah nama, wilayah, periode atau tempat kelompok yang dipilih.",
        "Change the chosen group's name, area, term or venue."),
    "ui.tip.groups.archive": (
        "Simpan kelompok yang dipilih ke arsip; datanya tetap ada.",
        "Put the chosen group in the archive; its data is kept."),
    "ui.tip.groups.restore": (
        "Kembalikan kelompok yang dipilih dari arsip.",
        "Bring the chosen group back from the archive."),
    "ui.tip.groups.suggest": (
        "Usulkan kelompok dari peserta yang sudah diterima tetapi belum punya kelompok.",
        "Propose groups from the accepted participants who are in no group yet."),
    "ui.tip.groups.schedule": (
        "Lihat jadwal kelompok yang dipilih, lalu cetak atau simpan sebagai PDF.",
        "See the chosen group's schedule, then print it or save it as a PDF."),
    "ui.tip.groups.enrol": (
        "Tambahkan peserta yang sudah diterima ke kelompok ini.",
        "Add accepted participants to this group."),
    "ui.tip.groups.end": (
        "Catat bahwa anggota yang dipilih selesai atau berhenti dari kelompok ini.",
        "Record that the chosen member completed or left this group."),
    "ui.tip.groups.transfer": (
        "Pindahkan anggota yang dipilih ke kelompok lain.",
        "Move the chosen member to another group."),
    "ui.tip.sessions.this_month": (
        "Kembali ke bulan ini.", "Go back to this month."),
    "ui.tip.sessions.new": (
        "Tambahkan satu sesi untuk sebuah kelompok: tanggal, jam, modul, tempat dan fasilitator.",
        "Add one session for a group: its date, time, module, venue and facilitator."),
    "ui.tip.sessions.edit": (
        "Ubah sesi yang dipilih.", "Change the chosen session."),
    "ui.tip.sessions.cancel": (
        "Batalkan sesi yang dipilih dengan alasannya; sesinya tetap tercatat.",
        "Cancel the chosen session, with the reason; it stays on record."),
    "ui.tip.sessions.delete": (
        "Hapus sesi yang dipilih. Sesi yang sudah disampaikan kepada peserta sebaiknya "
        "dibatalkan saja.",
        "Delete the chosen session. A session the participants were already told of should "
        "rather be cancelled."),
    "ui.tip.sessions.roll_call": (
        "Catat siapa yang hadir, terlambat atau tidak hadir pada sesi yang dipilih.",
        "Record who attended, came late or was absent at the chosen session."),
    "ui.tip.sessions.print": (
        "Simpan daftar hadir sesi yang dipilih sebagai PDF untuk dicetak.",
        "Save the chosen sessions' sign-in sheets as a PDF to print."),
    "ui.tip.sessions.preview": (
        "Lihat daftar hadir sesi yang dipilih, lalu cetak.",
        "See the chosen sessions' sign-in sheets, then print them."),
    "ui.tip.catalogue.add": (
        "Tambahkan entri baru ke daftar ini.", "Add a new entry to this list."),
    "ui.tip.catalogue.edit": (
        "Ubah entri yang dipilih.", "Change the chosen entry."),
    "ui.tip.catalogue.archive": (
        "Simpan entri yang dipilih ke arsip (atau kembalikan); tidak ditawarkan lagi untuk "
        "kelompok baru.",
        "Put the chosen entry in the archive (or bring it back); it is no longer offered for "
        "new groups."),
    "ui.tip.catalogue.delete": (
        "Hapus entri yang dipilih bila belum pernah dipakai.",
        "Delete the chosen entry if it was never used."),
    "ui.tip.calendar.today": (
        "Kembali ke hari ini.", "Go back to today."),
    "ui.tip.calendar.month": (
        "Tampilkan satu bulan penuh.", "Show a whole month."),
    "ui.tip.calendar.week": (
        "Tampilkan satu minggu dengan jam-jamnya.", "Show one week, hour by hour."),
    "ui.tip.calendar.settings": (
        "Atur jam buka, hari tutup pusat, bulan puasa dan waktu salat.",
        "Set the opening hours, the centre's closures, Ramadan and prayer times."),
    "ui.tip.indicators.show": (
        "Hitung indikator untuk tanggal yang dipilih.",
        "Work out the indicators for the chosen dates."),
    "ui.tip.indicators.list": (
        "Lihat peserta di balik indikator yang dipilih.",
        "See the participants behind the chosen indicator."),
    "ui.tip.indicators.set_target": (
        "Tetapkan target untuk indikator yang dipilih pada periode ini.",
        "Set a target for the chosen indicator in this period."),
    "ui.tip.reminders.tomorrow": (
        "Tampilkan pengingat untuk sesi besok.", "Show the reminders for tomorrow's sessions."),
    "ui.tip.reminders.edit_texts": (
        "Ubah teks netral yang dikirim sebagai pengingat.",
        "Change the neutral texts sent as reminders."),
    "ui.tip.schedule.make": (
        "Cari jadwal terbaik untuk kelompok dan periode yang dipilih. Belum ada yang disimpan.",
        "Look for the best schedule for the chosen groups and term. Nothing is saved yet."),
    "ui.tip.schedule.rerun": (
        "Cari jadwal lagi, dengan sesi yang Anda kunci tetap di tempatnya.",
        "Look for a schedule again, keeping the sessions you locked where they are."),
    "ui.tip.schedule.apply": (
        "Simpan jadwal ini: sesinya masuk ke tab \"Sesi dan kehadiran\".",
        "Save this schedule: its sessions go to the \"Sessions and attendance\" tab."),
    "ui.tip.cert.pick_all": (
        "Centang semua peserta yang memenuhi syarat di daftar ini.",
        "Tick every eligible participant in this list."),
    "ui.tip.cert.preview": (
        "Lihat sertifikat yang dicentang sebelum diterbitkan; belum ada yang disimpan.",
        "See the ticked certificates before issuing them; nothing is saved yet."),
    "ui.tip.cert.issue": (
        "Terbitkan sertifikat untuk peserta yang dicentang, masing-masing dengan nomor dan "
        "kode periksa.",
        "Issue certificates to the ticked participants, each with its number and check code."),
    "ui.tip.cert.reprint": (
        "Cetak lagi sertifikat yang dipilih, dengan nomor yang sama.",
        "Print the chosen certificate again, with the same number."),
    "ui.tip.cert.reissue": (
        "Terbitkan sertifikat pengganti dengan nomor baru (misalnya nama salah eja); yang lama "
        "ditandai \"diganti\".",
        "Issue a replacement certificate with a new number (for example a misspelt name); the "
        "old one is marked \"replaced\"."),
    "ui.tip.cert.revoke": (
        "Cabut sertifikat yang dipilih dengan alasannya.",
        "Revoke the chosen certificate, with the reason."),
    "ui.tip.cert.verify": (
        "Periksa apakah kode pada sebuah sertifikat asli dan masih berlaku.",
        "Check whether the code on a certificate is genuine and still valid."),
    "ui.tip.monitoring.handle": (
        "Catat apa yang sudah dilakukan untuk peringatan yang dipilih.",
        "Record what was done about the chosen alert."),
    "ui.tip.monitoring.print_form": (
        "Simpan formulir asesmen kosong yang dipilih sebagai PDF untuk diisi di kertas.",
        "Save the chosen blank assessment form as a PDF to fill in on paper."),
    "ui.tip.monitoring.preview_form": (
        "Lihat formulir asesmen kosong yang dipilih, lalu cetak.",
        "See the chosen blank assessment form, then print it."),
    "ui.tip.accounts.add": (
        "Buat akun untuk staf baru, dengan perannya.",
        "Make an account for a new staff member, with her role."),
    "ui.tip.accounts.reset": (
        "Buat kata sandi baru untuk akun yang dipilih, misalnya bila ia lupa; ia menggantinya "
        "saat masuk berikutnya.",
        "Set a new password for the chosen account, e.g. when she forgot hers; she replaces "
        "it at her next login."),
    "ui.tip.accounts.change_role": (
        "Ubah peran akun yang dipilih, dan apa yang boleh ia lihat.",
        "Change the chosen account's role, and what she may see."),
    "ui.tip.accounts.hand_over": (
        "Serahkan kunci data perannya kepada akun yang dipilih (ia mengetik kata sandinya di "
        "sini), agar ia bisa membuka bagian yang boleh dilihat perannya.",
        "Hand the chosen account her role's data keys (she types her password here), so she "
        "can open what her role may see."),
    "ui.tip.accounts.deactivate": (
        "Hentikan akun yang dipilih: ia tidak dapat masuk lagi, catatannya tetap ada.",
        "Stop the chosen account: she can no longer log in, her records are kept."),
    "ui.tip.accounts.activate": (
        "Aktifkan lagi akun yang dipilih.", "Let the chosen account log in again."),
    "ui.tip.audit.reset_filters": (
        "Kosongkan semua filter dan tampilkan semua catatan.",
        "Clear every filter and show every entry."),
}
