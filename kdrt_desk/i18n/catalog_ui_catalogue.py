"""Texts of the catalogue screen: modules, facilitators, venues and partners."""

from __future__ import annotations

UI_CATALOGUE: dict[str, tuple[str, str]] = {
    # -- shared ---------------------------------------------------------------------------------
    "ui.catalogue.tab_module": ("Modul", "Modules"),
    "ui.catalogue.tab_facilitator": ("Fasilitator", "Facilitators"),
    "ui.catalogue.tab_venue": ("Tempat", "Venues"),
    "ui.catalogue.tab_partner": ("Mitra", "Partners"),
    "ui.catalogue.add": ("Tambah…", "Add…"),
    "ui.catalogue.edit": ("Ubah…", "Edit…"),
    "ui.catalogue.archive": ("Arsipkan", "Archive"),
    "ui.catalogue.restore": ("Pulihkan", "Restore"),
    "ui.catalogue.delete": ("Hapus…", "Delete…"),
    "ui.catalogue.show_archived": ("Tampilkan arsip", "Show archived"),
    "ui.catalogue.archived_name": ("{name} (diarsipkan)", "{name} (archived)"),
    "ui.catalogue.view_only": (
        "Anda hanya dapat melihat daftar ini. Perubahan dilakukan oleh Admin.",
        "You can only view this list. An Admin makes changes."),
    "ui.catalogue.delete_title": ("Hapus data", "Delete"),
    "ui.catalogue.save": ("Simpan", "Save"),
    "ui.catalogue.required_hint": ("Isian bertanda * wajib diisi.",
                                   "Fields marked * are required."),
    "ui.catalogue.yes": ("Ya", "Yes"),
    "ui.catalogue.no": ("Tidak", "No"),
    # -- modules --------------------------------------------------------------------------------
    "ui.catalogue.module.intro": (
        "Modul pelatihan jalur sosial dan ekonomi. Modul yang sudah dipakai kelompok tidak "
        "dapat dihapus; arsipkan bila tidak ditawarkan lagi.",
        "Training modules of the social and the economic track. A module a group has used "
        "cannot be deleted; archive it when it is no longer offered."),
    "ui.catalogue.module.count": ("{count} modul", "{count} {count:module|modules}"),
    "ui.catalogue.module.col_code": ("Kode", "Code"),
    "ui.catalogue.module.col_title": ("Judul", "Title"),
    "ui.catalogue.module.col_track": ("Jalur", "Track"),
    "ui.catalogue.module.col_sessions": ("Sesi", "Sessions"),
    "ui.catalogue.module.col_facilitator_type": ("Fasilitator", "Facilitator"),
    "ui.catalogue.module.col_partner": ("Pelaksana", "Delivered by"),
    "ui.catalogue.module.sessions_cell": ("{count} × {minutes} menit",
                                          "{count} × {minutes} min"),
    "ui.catalogue.module.own_centre_short": ("Pusat sendiri", "The centre itself"),
    "ui.catalogue.module.delete_question": (
        "Hapus modul {name} untuk selamanya?\n\nModul yang sudah dipakai kelompok atau sesi "
        "tidak dapat dihapus; arsipkan saja.",
        "Delete module {name} for good?\n\nA module used by a group or session cannot be "
        "deleted; archive it instead."),
    "ui.catalogue.module.title_new": ("Modul baru", "New module"),
    "ui.catalogue.module.title_edit": ("Modul {code}", "Module {code}"),
    "ui.catalogue.module.code": ("Kode", "Code"),
    "ui.catalogue.module.code_example": ("mis. EKO-05", "e.g. EKO-05"),
    "ui.catalogue.module.code_hint": (
        "Singkat dan unik, misalnya SOS-04 untuk jalur sosial atau EKO-05 untuk ekonomi.",
        "Short and unique, e.g. SOS-04 for the social track or EKO-05 for the economic one."),
    "ui.catalogue.module.title_field": ("Judul", "Title"),
    "ui.catalogue.module.track": ("Jalur", "Track"),
    "ui.catalogue.module.facilitator_type": ("Jenis fasilitator", "Facilitator type"),
    "ui.catalogue.module.session_count": ("Jumlah sesi", "Number of sessions"),
    "ui.catalogue.module.minutes": ("Lama per sesi", "Length of a session"),
    "ui.catalogue.module.minutes_suffix": (" menit", " minutes"),
    "ui.catalogue.module.min_attendance": ("Kehadiran minimal", "Minimum attendance"),
    "ui.catalogue.module.min_attendance_hint": (
        "Persentase sesi yang harus dihadiri agar modul dinyatakan selesai.",
        "The share of sessions she must attend for the module to count as completed."),
    "ui.catalogue.module.partner": ("Dilaksanakan oleh", "Delivered by"),
    "ui.catalogue.module.own_centre": ("— (pusat sendiri)", "— (the centre itself)"),
    "ui.catalogue.module.venue_features": ("Kebutuhan tempat", "Venue needs"),
    "ui.catalogue.module.assessment_box": (
        "Peserta harus lulus uji keterampilan", "Participants must pass a skills assessment"),
    "ui.catalogue.module.description": ("Deskripsi", "Description"),
    "ui.catalogue.module.objectives": ("Tujuan", "Objectives"),
    # -- facilitators ---------------------------------------------------------------------------
    "ui.catalogue.facilitator.intro": (
        "Fasilitator yang mengajar modul. Yang sudah punya riwayat kelompok atau sesi tidak "
        "dapat dihapus; arsipkan bila tidak aktif lagi.",
        "Facilitators who teach the modules. One with groups or sessions in her history "
        "cannot be deleted; archive her when she no longer teaches."),
    "ui.catalogue.facilitator.count": ("{count} fasilitator", "{count} {count:facilitator|facilitators}"),
    "ui.catalogue.facilitator.col_name": ("Nama", "Name"),
    "ui.catalogue.facilitator.col_type": ("Jenis", "Type"),
    "ui.catalogue.facilitator.col_organisation": ("Lembaga", "Organisation"),
    "ui.catalogue.facilitator.col_modules": ("Modul", "Modules"),
    "ui.catalogue.facilitator.col_account": ("Akun", "Login"),
    "ui.catalogue.facilitator.delete_question": (
        "Hapus fasilitator {name} untuk selamanya?\n\nFasilitator yang sudah punya riwayat "
        "kelompok atau sesi tidak dapat dihapus; arsipkan saja.",
        "Delete facilitator {name} for good?\n\nA facilitator with groups or sessions in "
        "her history cannot be deleted; archive her instead."),
    "ui.catalogue.facilitator.title_new": ("Fasilitator baru", "New facilitator"),
    "ui.catalogue.facilitator.title_edit": ("Fasilitator: {name}", "Facilitator: {name}"),
    "ui.catalogue.facilitator.name": ("Nama", "Name"),
    "ui.catalogue.facilitator.name_example": ("mis. Ibu Mariani, S.Psi.",
                                              "e.g. Ibu Mariani, S.Psi."),
    "ui.catalogue.facilitator.type": ("Jenis", "Type"),
    "ui.catalogue.facilitator.organisation": ("Lembaga", "Organisation"),
    "ui.catalogue.facilitator.organisation_example": ("mis. WCC Palembang",
                                                      "e.g. WCC Palembang"),
    "ui.catalogue.facilitator.phone": ("Nomor HP/telepon", "Phone"),
    "ui.catalogue.facilitator.email": ("Email", "Email"),
    "ui.catalogue.facilitator.email_example": ("nama@contoh.org", "name@example.org"),
    "ui.catalogue.facilitator.modules": ("Modul yang diajar", "Modules she teaches"),
    "ui.catalogue.facilitator.modules_hint": (
        "Centang modul yang boleh ia ajarkan; jadwal hanya menawarkannya untuk modul ini.",
        "Tick the modules she may teach; the schedule offers her only for these."),
    "ui.catalogue.facilitator.account": ("Akun masuk", "Login account"),
    "ui.catalogue.facilitator.no_account": ("— tanpa akun —", "— no account —"),
    "ui.catalogue.facilitator.account_hint": (
        "Akun berperan Fasilitator yang belum terhubung ke fasilitator lain. Dengan akun ini "
        "ia melihat kelompok dan sesinya sendiri.",
        "A Facilitator-role login not linked to anyone else. With it she sees her own groups "
        "and sessions."),
    # -- venues ---------------------------------------------------------------------------------
    "ui.catalogue.venue.intro": (
        "Tempat kegiatan. Kecamatan dipakai untuk memperingatkan bila peserta berisiko tinggi "
        "tinggal di dekatnya.",
        "Where sessions take place. The kecamatan is used to warn when a high-risk "
        "participant lives nearby."),
    "ui.catalogue.venue.count": ("{count} tempat", "{count} {count:venue|venues}"),
    "ui.catalogue.venue.col_name": ("Nama", "Name"),
    "ui.catalogue.venue.col_kecamatan": ("Kecamatan", "Kecamatan"),
    "ui.catalogue.venue.col_capacity": ("Kapasitas", "Capacity"),
    "ui.catalogue.venue.col_features": ("Fasilitas", "Facilities"),
    "ui.catalogue.venue.col_childcare": ("Penitipan anak", "Childcare"),
    "ui.catalogue.venue.delete_question": (
        "Hapus tempat {name} untuk selamanya?\n\nTempat yang sudah dipakai kelompok atau sesi "
        "tidak dapat dihapus; arsipkan saja.",
        "Delete venue {name} for good?\n\nA venue used by a group or session cannot be "
        "deleted; archive it instead."),
    "ui.catalogue.venue.title_new": ("Tempat baru", "New venue"),
    "ui.catalogue.venue.title_edit": ("Tempat: {name}", "Venue: {name}"),
    "ui.catalogue.venue.name": ("Nama tempat", "Name"),
    "ui.catalogue.venue.name_example": ("mis. Aula Kelurahan Plaju Ulu",
                                        "e.g. Aula Kelurahan Plaju Ulu"),
    "ui.catalogue.venue.address": ("Alamat / ruang", "Address / room"),
    "ui.catalogue.venue.address_example": ("mis. Jl. Kapten Robani 3, lantai 2",
                                           "e.g. Jl. Kapten Robani 3, 2nd floor"),
    "ui.catalogue.venue.kecamatan": ("Kecamatan", "Kecamatan"),
    "ui.catalogue.venue.no_kecamatan": ("— tidak diisi —", "— not given —"),
    "ui.catalogue.venue.kecamatan_hint": (
        "Isi bila diketahui: peringatan jarak bagi peserta berisiko tinggi memerlukannya.",
        "Give it when known: the nearby warning for high-risk participants needs it."),
    "ui.catalogue.venue.capacity": ("Kapasitas", "Capacity"),
    "ui.catalogue.venue.people_suffix": (" orang", " people"),
    "ui.catalogue.venue.features": ("Fasilitas", "Facilities"),
    "ui.catalogue.venue.childcare_box": ("Ada penitipan anak", "Childcare available"),
    # -- partners -------------------------------------------------------------------------------
    "ui.catalogue.partner.intro": (
        "Lembaga mitra: penerima rujukan, pelaksana modul, donor. Mitra yang sudah punya "
        "riwayat tidak dapat dihapus; arsipkan bila kerja sama berakhir.",
        "Partner organisations: referral services, module providers, donors. A partner with "
        "history cannot be deleted; archive it when the cooperation ends."),
    "ui.catalogue.partner.count": ("{count} mitra", "{count} {count:partner|partners}"),
    "ui.catalogue.partner.col_name": ("Nama", "Name"),
    "ui.catalogue.partner.col_kind": ("Jenis", "Kind"),
    "ui.catalogue.partner.col_contact": ("Narahubung", "Contact person"),
    "ui.catalogue.partner.col_phone": ("Telepon", "Phone"),
    "ui.catalogue.partner.col_mou": ("Masa MoU", "MoU period"),
    "ui.catalogue.partner.mou_period": ("{start} – {end}", "{start} – {end}"),
    "ui.catalogue.partner.mou_from": ("sejak {start}", "from {start}"),
    "ui.catalogue.partner.mou_until": ("sampai {end}", "until {end}"),
    "ui.catalogue.partner.delete_question": (
        "Hapus mitra {name} untuk selamanya?\n\nMitra yang sudah menerima rujukan atau "
        "melaksanakan modul tidak dapat dihapus; arsipkan saja.",
        "Delete partner {name} for good?\n\nA partner that received referrals or delivers a "
        "module cannot be deleted; archive it instead."),
    "ui.catalogue.partner.title_new": ("Mitra baru", "New partner"),
    "ui.catalogue.partner.title_edit": ("Mitra: {name}", "Partner: {name}"),
    "ui.catalogue.partner.name": ("Nama lembaga", "Name"),
    "ui.catalogue.partner.name_example": ("mis. LBH APIK Sumatera Selatan",
                                          "e.g. LBH APIK Sumatera Selatan"),
    "ui.catalogue.partner.kind": ("Jenis", "Kind"),
    "ui.catalogue.partner.contact_person": ("Narahubung", "Contact person"),
    "ui.catalogue.partner.phone": ("Nomor telepon", "Phone"),
    "ui.catalogue.partner.mou_start": ("MoU mulai", "MoU starts"),
    "ui.catalogue.partner.mou_end": ("MoU berakhir", "MoU ends"),
    "ui.catalogue.partner.date_known": ("ada", "set"),
    "ui.catalogue.partner.mou_hint": (
        "Centang \"ada\" untuk mengisi tanggal; biarkan kosong bila belum ada MoU.",
        "Tick \"set\" to enter a date; leave it empty when there is no MoU yet."),
    "ui.catalogue.partner.contribution": ("Kontribusi", "Contribution"),
    "ui.catalogue.partner.contribution_example": (
        "mis. konsultasi hukum gratis, pendampingan di pengadilan",
        "e.g. free legal advice, accompaniment in court"),
}
