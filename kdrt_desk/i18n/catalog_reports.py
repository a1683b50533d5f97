"""Texts of the printed documents: the consent form and the recovery sheet (Paragraph markup
such as <b> is allowed here; user data is escaped where the report puts it in)."""

from __future__ import annotations

REPORTS: dict[str, tuple[str, str]] = {
    # the consent form (formulir persetujuan)
    "report.consent.title": ("Formulir Persetujuan Peserta", "Participant Consent Form"),
    "report.consent.subtitle": (
        "Program pemberdayaan perempuan penyintas kekerasan dalam rumah tangga",
        "Empowerment programme for women survivors of domestic violence",
    ),
    "report.consent.name": ("Nama peserta", "Participant's name"),
    "report.consent.code": ("Kode peserta", "Participant code"),
    "report.consent.consent_date": ("Tanggal persetujuan", "Date of consent"),
    "report.consent.intro": (
        "Formulir ini menjelaskan bagaimana kami menyimpan dan memakai data Anda. Bacalah bersama "
        "petugas, dan tanyakan apa saja yang belum jelas sebelum menandatangani. Anda sendiri "
        "yang memilih apa yang Anda setujui. Hanya penggunaan data untuk program yang diperlukan "
        "agar kami dapat mendampingi Anda; pilihan lainnya boleh Anda tolak tanpa kehilangan "
        "layanan.",
        "This form explains how we keep and use your data. Read it with a staff member, and ask "
        "about anything that is not clear before you sign. You choose what you agree to. Only the "
        "use of your data for the programme is needed for us to support you; you may refuse any "
        "other choice without losing any service.",
    ),
    "report.consent.choices_heading": ("Yang Anda setujui", "What you agree to"),
    "report.consent.choices_note": (
        "Kotak yang sudah dicentang sesuai dengan catatan kami saat ini. Bila ada yang tidak "
        "sesuai keinginan Anda, beri tahu petugas sebelum menandatangani.",
        "The ticked boxes match what our records hold now. If anything is not what you want, tell "
        "the staff member before you sign.",
    ),
    "report.consent.scope.data_use": (
        "Penggunaan data untuk program",
        "Data use for the programme",
    ),
    "report.consent.scope.data_use.text": (
        "Kami mencatat data diri dan keadaan Anda untuk mendampingi Anda dalam program. Data "
        "disimpan terkunci (terenkripsi) dan hanya dibuka petugas yang berwenang.",
        "We record your details and your situation to support you in the programme. The data is "
        "kept locked (encrypted) and only authorised staff open it.",
    ),
    "report.consent.scope.contact": (
        "Dihubungi lewat telepon/WhatsApp",
        "Contact by phone/WhatsApp",
    ),
    "report.consent.scope.contact.text": (
        "Petugas boleh menelepon atau mengirim pesan WhatsApp kepada Anda atau kontak tepercaya "
        "Anda, hanya pada waktu yang Anda sebut aman.",
        "Staff may call or send WhatsApp messages to you or your trusted contact, only at the "
        "times you say are safe.",
    ),
    "report.consent.scope.photos": ("Foto", "Photos"),
    "report.consent.scope.photos.text": (
        "Foto kegiatan yang memperlihatkan Anda boleh diambil dan disimpan untuk dokumentasi "
        "program.",
        "Photos of activities that show you may be taken and kept to document the programme.",
    ),
    "report.consent.scope.partner_sharing": (
        "Berbagi dengan mitra untuk rujukan",
        "Sharing with partners for referrals",
    ),
    "report.consent.scope.partner_sharing.text": (
        "Bila Anda dirujuk, misalnya ke LBH, UPTD PPA, psikolog atau puskesmas, kami boleh "
        "memberikan data yang diperlukan untuk rujukan itu kepada lembaga tersebut.",
        "When you are referred, for example to LBH, UPTD PPA, a psychologist or a health centre, "
        "we may give that organisation the details the referral needs.",
    ),
    "report.consent.scope.statistics": ("Statistik anonim", "Anonymised statistics"),
    "report.consent.scope.statistics.text": (
        "Anda boleh dihitung dalam laporan angka untuk donor dan pemerintah. Laporan itu tidak "
        "memuat nama, NIK, alamat atau apa pun yang dapat mengenali Anda.",
        "You may be counted in reports of figures for donors and the government. Those reports "
        "hold no name, NIK, address or anything else that could identify you.",
    ),
    "report.consent.withdraw_heading": ("Menarik persetujuan", "Withdrawing your consent"),
    "report.consent.withdraw": (
        "Anda boleh menarik sebagian atau seluruh persetujuan <b>kapan saja, tanpa memberi "
        "alasan</b>: cukup beri tahu petugas atau konselor. Bila Anda menarik persetujuan "
        "penggunaan data, nama, NIK, nomor telepon, alamat dan catatan kasus Anda <b>dihapus "
        "untuk selamanya</b>; yang tersisa hanya angka tanpa nama untuk statistik yang Anda "
        "setujui.",
        "You may withdraw some or all of your consent <b>at any time, without giving a "
        "reason</b>: just tell a staff member or counsellor. If you withdraw consent to the use "
        "of your data, your name, NIK, phone number, address and case notes are <b>erased for "
        "good</b>; only figures without your name remain, for the statistics you agreed to.",
    ),
    "report.consent.declaration": (
        "Dengan menandatangani, saya menyatakan bahwa formulir ini sudah saya baca atau dibacakan "
        "kepada saya, saya mengerti isinya, dan saya memberikan persetujuan di atas dengan "
        "sukarela.",
        "By signing, I declare that I have read this form or had it read to me, that I understand "
        "it, and that I give the consent above freely.",
    ),
    "report.consent.place_date": ("Palembang, tanggal", "Palembang, date"),
    "report.consent.participant": ("Peserta", "Participant"),
    "report.consent.staff": ("Petugas", "Staff member"),
    "report.consent.signature": ("Tanda tangan atau cap jempol", "Signature or thumbprint"),
    "report.consent.sign_name": ("Nama", "Name"),
    "report.consent.sign_date": ("Tanggal", "Date"),
    "report.consent.printed": ("Dicetak", "Printed"),
    "report.consent.footer": (
        "RAHASIA — simpan di lemari terkunci",
        "CONFIDENTIAL — keep in a locked cabinet",
    ),
    # the recovery sheet (lembar kode pemulihan)
    "report.recovery.title": ("Lembar Pemulihan KDRT Desk", "KDRT Desk Recovery Sheet"),
    "report.recovery.subtitle": (
        "Kunci cadangan untuk brankas data terenkripsi",
        "The spare key to the encrypted data vault",
    ),
    "report.recovery.centre": ("Lembaga", "Centre"),
    "report.recovery.address": ("Alamat", "Address"),
    "report.recovery.created": ("Tanggal dibuat", "Created on"),
    "report.recovery.vault": ("ID brankas", "Vault ID"),
    "report.recovery.code_heading": ("Kode pemulihan", "Recovery code"),
    "report.recovery.one_line": ("Dalam satu baris:", "On one line:"),
    "report.recovery.code_note": (
        "7 kelompok × 4 karakter, hanya angka 0–9 dan huruf kapital. Tanda minus dan spasi tidak "
        "perlu diketik.<br/>Tidak ada huruf O, I, L, atau U: yang bulat adalah angka nol (0), "
        "yang tegak adalah angka satu (1).",
        "7 groups × 4 characters, only digits 0–9 and capital letters. You do not need to type "
        "the dashes or spaces.<br/>There is no letter O, I, L or U: a round sign is the digit "
        "zero (0), an upright stroke is the digit one (1).",
    ),
    "report.recovery.purpose_heading": ("Untuk apa kode ini?", "What is this code for?"),
    "report.recovery.purpose": (
        "Kode ini membuka brankas data KDRT Desk bila kata sandi Admin hilang atau terlupa, atau "
        "bila data dipindahkan ke komputer baru atau akun Windows baru. Pada layar masuk, pilih "
        "<b>“Lupa kata sandi / komputer baru? Pakai kode pemulihan”</b>.",
        "This code opens the KDRT Desk data vault when the Admin password is lost or forgotten, "
        "or when the data moves to a new computer or a new Windows account. On the sign-in "
        "screen, choose <b>“Forgot the password / new computer? Use the recovery code”</b>.",
    ),
    "report.recovery.keep_heading": ("Cara menyimpan lembar ini", "How to keep this sheet"),
    "report.recovery.keep.1": (
        "Simpan kertas ini di <b>tempat terkunci</b>, misalnya lemari arsip pimpinan, <b>jauh "
        "dari komputer kantor</b>.",
        "Keep this paper in a <b>locked place</b>, for example the director's filing cabinet, "
        "<b>away from the office computer</b>.",
    ),
    "report.recovery.keep.2": (
        "<b>Jangan pernah memotret</b> lembar ini, dan <b>jangan mengirimnya</b> lewat WhatsApp "
        "atau email.",
        "<b>Never photograph</b> this sheet, and <b>never send it</b> by WhatsApp or email.",
    ),
    "report.recovery.keep.3": (
        "Siapa pun yang memegang kode ini dan salinan data <b>dapat membuka semua catatan "
        "peserta</b>.",
        "Anyone who has this code and a copy of the data <b>can open all participant records</b>.",
    ),
    "report.recovery.keep.4": (
        "Bila lembar ini hilang atau terlihat oleh orang lain, <b>segera buat kode baru</b> "
        "(Admin: menu Berkas › Buat lembar pemulihan baru) dan cetak lembar itu.",
        "If this sheet is lost or seen by someone else, <b>create a new code</b> at once (Admin: "
        "File menu › Make a new recovery sheet) and print that sheet.",
    ),
    "report.recovery.keep.5": (
        "Hapus berkas PDF ini dari komputer setelah dicetak.",
        "Delete this PDF file from the computer once it is printed.",
    ),
    "report.recovery.stored_by": ("Disimpan oleh / Stored by:", "Disimpan oleh / Stored by:"),
    "report.recovery.date": ("Tanggal / Date:", "Tanggal / Date:"),
    "report.recovery.footer": ("RAHASIA / CONFIDENTIAL", "RAHASIA / CONFIDENTIAL"),
}
