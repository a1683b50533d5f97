"""Messages of her livelihood follow-ups and business capital (the Penghidupan tab, its dialogs,
the service's refusals, the enum labels and the audit actions)."""

from __future__ import annotations

LIVELIHOOD: dict[str, tuple[str, str]] = {
    # enums
    "enum.LivelihoodStatus.none": ("Belum ada kegiatan", "No activity"),
    "enum.LivelihoodStatus.planning": ("Merencanakan usaha", "Planning"),
    "enum.LivelihoodStatus.business": ("Menjalankan usaha", "Running a business"),
    "enum.LivelihoodStatus.employed": ("Bekerja", "Employed"),
    "enum.BusinessKind.food": ("Makanan", "Food"),
    "enum.BusinessKind.sewing": ("Menjahit", "Sewing"),
    "enum.BusinessKind.crafts": ("Kerajinan", "Crafts"),
    "enum.BusinessKind.trade": ("Dagang", "Trade"),
    "enum.BusinessKind.services": ("Jasa", "Services"),
    "enum.BusinessKind.other": ("Lainnya", "Other"),
    "enum.SalesChannel.social_media": ("Media sosial", "Social media"),
    "enum.SalesChannel.bazaar": ("Bazar", "Bazaar"),
    "enum.SalesChannel.market_stall": ("Lapak di pasar", "Market stall"),
    "enum.SalesChannel.orders": ("Pesanan", "Orders"),
    "enum.CapitalKind.grant": ("Hibah", "Grant"),
    "enum.CapitalKind.loan": ("Pinjaman", "Loan"),
    # errors
    "error.livelihood.before_registration": (
        "Tanggal tidak boleh sebelum tanggal pendaftaran peserta.",
        "The date cannot be before she registered."),
    "error.livelihood.date_invalid": ("Tanggal tidak valid.", "Not a valid date."),
    "error.livelihood.whole_rupiah": (
        "Tulis jumlah rupiah dalam angka bulat, misalnya 1.500.000.",
        "Write the Rupiah amount as a whole number, e.g. 1.500.000."),
    "error.livelihood.negative": ("Jumlah tidak boleh negatif.",
                                  "The amount cannot be negative."),
    "error.livelihood.amount_zero": ("Jumlah modal harus lebih dari nol.",
                                     "The capital amount must be more than zero."),
    "error.livelihood.confirm_amount": (
        "Jumlah {amount} di atas batas wajar {bound}. Apakah jumlah ini benar?",
        "The amount {amount} is above the plausible limit of {bound}. Is it right?"),
    "error.livelihood.kind_without_business": (
        "Jenis usaha hanya diisi bila statusnya \"Menjalankan usaha\".",
        "A business kind only goes with the status \"Running a business\"."),
    "error.livelihood.grant_repaid": (
        "Hibah tidak dikembalikan: hapus angsurannya, atau pilih \"Pinjaman\".",
        "A grant is not repaid: remove the repayments, or choose \"Loan\"."),
    "error.livelihood.too_many_repayments": ("Paling banyak {limit} angsuran.",
                                             "At most {limit} repayments."),
    "error.livelihood.repayment_amount": (
        "Setiap angsuran harus berupa jumlah rupiah lebih dari nol.",
        "Each repayment must be a Rupiah amount above zero."),
    "error.livelihood.repaid_before_given": (
        "Angsuran tidak boleh sebelum tanggal modal diterima.",
        "A repayment cannot be before the capital was given."),
    "error.livelihood.repaid_too_much": (
        "Jumlah angsuran {repaid} melebihi pinjaman {amount}.",
        "The repayments of {repaid} are more than the loan of {amount}."),
    "error.livelihood.repayments_format": (
        "Tulis satu angsuran per baris: tanggal dan jumlah, misalnya 15-01-2027 250.000.",
        "Write one repayment per line: date and amount, e.g. 15-01-2027 250.000."),
    "error.livelihood.unknown": ("Catatan penghidupan ini tidak ditemukan (mungkin sudah "
                                 "dihapus).",
                                 "This livelihood record was not found (it may have been "
                                 "deleted)."),
    "error.livelihood.capital_unknown": ("Catatan modal ini tidak ditemukan (mungkin sudah "
                                         "dihapus).",
                                         "This capital record was not found (it may have been "
                                         "deleted)."),
    # the tab
    "ui.form.tab_livelihood": ("Penghidupan", "Livelihood"),
    "ui.livelihood.intro": (
        "Perkembangan usaha atau pekerjaannya dari waktu ke waktu, dan modal usaha yang ia "
        "terima. Angka ini rahasia (tingkat kontak) dan dipakai untuk indikator program.",
        "Her business or work over time, and the business capital she received. These figures "
        "are confidential (contact tier) and feed the programme indicators."),
    "ui.livelihood.records": ("Perkembangan usaha dan pekerjaan", "Business and work over time"),
    "ui.livelihood.capital": ("Modal usaha", "Business capital"),
    "ui.livelihood.add": ("Catat perkembangan…", "Record a follow-up…"),
    "ui.livelihood.edit": ("Ubah…", "Edit…"),
    "ui.livelihood.delete": ("Hapus", "Delete"),
    "ui.livelihood.add_capital": ("Catat modal…", "Record capital…"),
    "ui.livelihood.col_date": ("Tanggal", "Date"),
    "ui.livelihood.col_status": ("Status", "Status"),
    "ui.livelihood.col_income": ("Penghasilan/bulan", "Income/month"),
    "ui.livelihood.col_covers": ("Cukup untuk kebutuhan pokok", "Covers basic needs"),
    "ui.livelihood.col_depends": ("Bergantung pada pelaku", "Depends on the abuser"),
    "ui.livelihood.col_amount": ("Jumlah", "Amount"),
    "ui.livelihood.col_kind": ("Jenis", "Kind"),
    "ui.livelihood.col_source": ("Sumber", "Source"),
    "ui.livelihood.col_repaid": ("Sudah dikembalikan", "Repaid"),
    "ui.livelihood.col_outstanding": ("Sisa", "Outstanding"),
    "ui.livelihood.yes": ("Ya", "Yes"),
    "ui.livelihood.no": ("Tidak", "No"),
    "ui.livelihood.unknown": ("Belum diketahui", "Not known"),
    "ui.livelihood.centre": ("Pusat sendiri", "The centre itself"),
    "ui.livelihood.not_applicable": ("—", "—"),
    "ui.livelihood.none": ("Belum ada catatan.", "No records yet."),
    "ui.livelihood.count": ("{count} catatan", "{count} {count:record|records}"),
    "ui.livelihood.capital_none": ("Belum ada modal usaha.", "No business capital yet."),
    "ui.livelihood.capital_count": ("{count} modal, total {total}",
                                    "{count} capital records, {total} in all"),
    "ui.livelihood.delete_title": ("Hapus catatan", "Delete record"),
    "ui.livelihood.delete_record": ("Hapus catatan penghidupan tanggal {date}?",
                                    "Delete the livelihood record of {date}?"),
    "ui.livelihood.delete_capital": ("Hapus catatan modal {amount} tanggal {date}?",
                                     "Delete the capital record of {amount} on {date}?"),
    "ui.livelihood.confirm_title": ("Periksa jumlah", "Check the amount"),
    # the follow-up dialog
    "ui.livelihood.dialog.title_new": ("Catat perkembangan penghidupan",
                                       "Record a livelihood follow-up"),
    "ui.livelihood.dialog.title_edit": ("Ubah perkembangan penghidupan",
                                        "Edit a livelihood follow-up"),
    "ui.livelihood.dialog.date": ("Tanggal", "Date"),
    "ui.livelihood.dialog.status": ("Status", "Status"),
    "ui.livelihood.dialog.business_kind": ("Jenis usaha", "Business kind"),
    "ui.livelihood.dialog.no_kind": ("— tidak ada —", "— none —"),
    "ui.livelihood.dialog.kind_hint": ("Hanya bila ia menjalankan usaha.",
                                       "Only when she runs a business."),
    "ui.livelihood.dialog.income": ("Penghasilan per bulan", "Monthly income"),
    "ui.livelihood.dialog.savings": ("Tabungan", "Savings"),
    "ui.livelihood.dialog.amount_hint": ("Dalam rupiah; kosongkan bila belum diketahui.",
                                         "In Rupiah; leave empty when not known."),
    "ui.livelihood.dialog.covers": ("Penghasilannya cukup untuk kebutuhan pokok",
                                    "Her income covers her basic needs"),
    "ui.livelihood.dialog.depends": ("Masih bergantung secara ekonomi pada pelaku",
                                     "Still depends economically on the abuser"),
    "ui.livelihood.dialog.channels": ("Cara menjual", "Sales channels"),
    "ui.livelihood.dialog.note": ("Catatan singkat", "Short note"),
    "ui.livelihood.dialog.save": ("Simpan", "Save"),
    # the capital dialog
    "ui.livelihood.capital.title_new": ("Catat modal usaha", "Record business capital"),
    "ui.livelihood.capital.title_edit": ("Ubah modal usaha", "Edit business capital"),
    "ui.livelihood.capital.date": ("Tanggal diterima", "Date given"),
    "ui.livelihood.capital.amount": ("Jumlah", "Amount"),
    "ui.livelihood.capital.kind": ("Bentuk", "Kind"),
    "ui.livelihood.capital.source": ("Sumber dana", "Source"),
    "ui.livelihood.capital.purpose": ("Untuk keperluan", "Purpose"),
    "ui.livelihood.capital.repayments": ("Angsuran", "Repayments"),
    "ui.livelihood.capital.repayments_hint": (
        "Hanya untuk pinjaman. Satu per baris: tanggal dan jumlah, misalnya 15-01-2027 "
        "250.000.",
        "Loans only. One per line: date and amount, e.g. 15-01-2027 250.000."),
    # audit actions
    "ui.admin.audit.action.livelihood_recorded": ("Perkembangan penghidupan dicatat",
                                                  "Livelihood follow-up recorded"),
    "ui.admin.audit.action.livelihood_updated": ("Perkembangan penghidupan diubah",
                                                 "Livelihood follow-up changed"),
    "ui.admin.audit.action.livelihood_deleted": ("Perkembangan penghidupan dihapus",
                                                 "Livelihood follow-up deleted"),
    "ui.admin.audit.action.capital_recorded": ("Modal usaha dicatat",
                                               "Business capital recorded"),
    "ui.admin.audit.action.capital_updated": ("Modal usaha diubah", "Business capital changed"),
    "ui.admin.audit.action.capital_deleted": ("Modal usaha dihapus", "Business capital deleted"),
    "ui.admin.audit.action.livelihoods_imported": ("Data penghidupan dimuat",
                                                   "Livelihood data loaded"),
}
