"""Texts of the reminders screen (who has a session on a date, how she may be told) and of the
dialog that edits the neutral reminder texts."""

from __future__ import annotations

UI_REMINDERS: dict[str, tuple[str, str]] = {
    "ui.main.tab_reminders": ("Pengingat", "Reminders"),
    "ui.reminders.title": ("Pengingat sesi", "Session reminders"),
    "ui.reminders.intro": (
        "Siapa yang punya sesi pada tanggal ini dan bagaimana ia boleh diberi tahu. Nomor "
        "hanya tampil bila ia setuju dihubungi dan aman ditelepon. Teksnya netral: tidak "
        "menyebut pusat, program atau topiknya.",
        "Who has a session on this date and how she may be told. A number shows only when "
        "she agreed to be contacted and is safe to call. The text is neutral: it names no "
        "centre, programme or topic."),
    "ui.reminders.date": ("Tanggal sesi:", "Session date:"),
    "ui.reminders.previous": ("Hari sebelumnya", "Previous day"),
    "ui.reminders.next": ("Hari berikutnya", "Next day"),
    "ui.reminders.tomorrow": ("Besok", "Tomorrow"),
    "ui.reminders.col_time": ("Jam", "Time"),
    "ui.reminders.col_name": ("Nama", "Name"),
    "ui.reminders.col_group": ("Kelompok", "Group"),
    "ui.reminders.col_kind": ("Keterangan", "What"),
    "ui.reminders.col_how": ("Cara memberi tahu", "How to tell her"),
    "ui.reminders.col_home": ("Catatan", "Note"),
    "ui.reminders.col_message": ("Teks pengingat", "Reminder text"),
    "ui.reminders.kind.reminder": ("Pengingat", "Reminder"),
    "ui.reminders.kind.cancelled": ("Dibatalkan", "Cancelled"),
    "ui.reminders.kind.moved": ("Dipindah ke {date}", "Moved to {date}"),
    "ui.reminders.phone": ("Telepon/WA {phone}", "Phone/WA {phone}"),
    "ui.reminders.phone_times": ("Telepon/WA {phone} (hanya {times})",
                                 "Phone/WA {phone} (only {times})"),
    "ui.reminders.in_person": ("Sampaikan langsung / lewat kontak tepercaya: {name}",
                               "Tell her in person / through her trusted contact: {name}"),
    "ui.reminders.in_person_only": ("Sampaikan langsung (jangan lewat telepon)",
                                    "Tell her in person (not by phone)"),
    "ui.reminders.never_at_home": ("jangan hubungi di rumah", "do not contact at home"),
    "ui.reminders.copy": ("Salin teks", "Copy text"),
    "ui.reminders.copy_hint": ("Salin teks netral untuk ditempel di WhatsApp atau SMS.",
                               "Copy the neutral text to paste into WhatsApp or SMS."),
    "ui.reminders.whatsapp": ("Buka di WhatsApp", "Open in WhatsApp"),
    "ui.reminders.whatsapp_hint": (
        "Membuka aplikasi WhatsApp Desktop (bukan peramban, yang akan menyimpan nomornya).",
        "Opens the WhatsApp Desktop app (not a web browser, which would keep her number)."),
    "ui.reminders.edit_texts": ("Ubah teks pengingat…", "Edit reminder texts…"),
    "ui.reminders.copied": ("Teks untuk {name} disalin. Tempel di WhatsApp atau SMS.",
                            "The text for {name} was copied. Paste it into WhatsApp or SMS."),
    "ui.reminders.opened": ("WhatsApp dibuka untuk {name}. Periksa teksnya sebelum mengirim.",
                            "WhatsApp opened for {name}. Check the text before sending."),
    "ui.reminders.no_whatsapp": (
        "WhatsApp Desktop tidak dapat dibuka di komputer ini. Salin teksnya saja.",
        "WhatsApp Desktop could not be opened on this computer. Copy the text instead."),
    "ui.reminders.not_whatsapp": (
        "Tautan ini bukan tautan aplikasi WhatsApp dan tidak dibuka.",
        "This is not a WhatsApp app link and was not opened."),
    "ui.reminders.count": ("{count} orang untuk diberi tahu ({date})",
                           "{count} to tell ({date})"),
    "ui.reminders.empty": ("Tidak ada sesi, pembatalan atau perpindahan pada {date}.",
                           "No session, cancellation or move on {date}."),
    "ui.reminders.selected": ("Teks: {message}", "Text: {message}"),
    "ui.reminders.choose_row": ("Pilih seseorang di daftar untuk menyalin teksnya.",
                                "Choose someone in the list to copy her text."),
    # the dialog that edits the three texts
    "ui.reminders.dialog.title": ("Teks pengingat", "Reminder texts"),
    "ui.reminders.dialog.intro": (
        "Teks ini dikirim ke ponselnya, yang mungkin dibaca pelaku. Tulis dengan netral: "
        "jangan sebut pusat, program, pelatihan atau topiknya. Yang bisa dipakai: {jam} jam "
        "mulai (09.00), {hari} nama hari (Kamis), {tanggal} tanggal (3 Desember 2026).",
        "This text goes to her phone, which the abuser may read. Keep it neutral: do not name "
        "the centre, the programme, the training or its topic. You can use: {jam} start time "
        "(09.00), {hari} weekday (Kamis), {tanggal} date (3 Desember 2026). The text stays in "
        "Indonesian."),
    "ui.reminders.dialog.reminder": ("Pengingat sesi", "Session reminder"),
    "ui.reminders.dialog.cancelled": ("Sesi dibatalkan", "Session cancelled"),
    "ui.reminders.dialog.moved": ("Sesi dipindah", "Session moved"),
    "ui.reminders.dialog.reminder_hint": ("Mis.: Ibu, jangan lupa besok jam {jam} di tempat "
                                          "biasa.",
                                          "E.g.: Ibu, jangan lupa besok jam {jam} di tempat "
                                          "biasa."),
    "ui.reminders.dialog.moved_hint": ("{hari}, {tanggal} dan {jam} adalah jadwal barunya.",
                                       "{hari}, {tanggal} and {jam} are the new date and time."),
    "ui.reminders.dialog.save": ("Simpan teks", "Save texts"),
    "ui.reminders.saved": ("Teks pengingat disimpan.", "Reminder texts saved."),
    # what she was told
    "ui.reminders.col_told": ("Diberi tahu?", "Told?"),
    "ui.reminders.told.new": ("Belum", "Not yet"),
    "ui.reminders.told.changed": ("Berubah sejak diberi tahu", "Changed since she was told"),
    "ui.reminders.told.told": ("Sudah diberi tahu", "Already told"),
    "ui.reminders.told_when": ("{state} (terakhir {when})", "{state} (last {when})"),
    "ui.reminders.mark_told": ("Sudah diberi tahu", "Mark as told"),
    "ui.reminders.mark_told_hint": (
        "Catat bahwa ia sudah diberi tahu langsung atau lewat kontak tepercayanya.",
        "Record that she was told in person or through her trusted contact."),
    "ui.reminders.marked_told": ("Dicatat: {name} sudah diberi tahu.",
                                 "Recorded: {name} has been told."),
    "ui.reminders.kind.deleted": ("Dibatalkan (sesi dihapus)", "Cancelled (session deleted)"),
    "ui.reminders.kind.changed_reminder": ("Pengingat (jadwal berubah)",
                                           "Reminder (schedule changed)"),
    "ui.reminders.count_told": ("{count} orang untuk diberi tahu, {told} sudah ({date})",
                                "{count} to tell, {told} already told ({date})"),
    "error.reminder.not_hers": (
        "sesi ini bukan sesi kelompoknya (atau ia sudah tidak aktif di kelompok itu).",
        "this session is not one of her group's (or she is no longer active in that group)."),
}
