"""Messages of her case worker (konselor pendamping): the screening form's choice, the line on her
screening tab, the service's refusals and the audit actions."""

from __future__ import annotations

CASE_WORKERS: dict[str, tuple[str, str]] = {
    # errors
    "error.case_worker.unknown": (
        "Akun \"{username}\" tidak ada. Pilih konselor pendamping dari daftar.",
        "There is no account \"{username}\". Choose the case worker from the list."),
    "error.case_worker.inactive": (
        "Akun \"{username}\" sudah tidak aktif. Pilih konselor pendamping yang masih aktif.",
        "The account \"{username}\" is no longer active. Choose an active case worker."),
    "error.case_worker.role": (
        "Akun \"{username}\" bukan Konselor atau Admin; hanya mereka yang dapat menjadi "
        "konselor pendamping.",
        "The account \"{username}\" is not a Case worker or Admin; only they can be her "
        "case worker."),
    # the screening form and her screening tab
    "ui.case_worker.label": ("Konselor pendamping", "Case worker"),
    "ui.case_worker.none": ("— belum ditentukan —", "— not chosen yet —"),
    "ui.case_worker.item": ("{name} ({username})", "{name} ({username})"),
    "ui.case_worker.inactive_item": ("{username} (tidak aktif lagi)",
                                     "{username} (no longer active)"),
    "ui.case_worker.hint": (
        "Peringatan dari asesmen dikirim kepadanya; bila belum ditentukan, kepada semua "
        "konselor dan admin. Disimpan bersama asesmen awal.",
        "Assessment alerts go to her; when none is chosen, to every case worker and admin. "
        "Saved with the screening."),
    "ui.case_worker.summary": ("Konselor pendamping: {name}", "Case worker: {name}"),
    # audit actions
    "ui.admin.audit.action.case_worker_assigned": ("Konselor pendamping ditetapkan",
                                                   "Case worker assigned"),
    "ui.admin.audit.action.case_workers_imported": ("Konselor pendamping demo ditetapkan",
                                                    "Demo case workers assigned"),
}
