"""Texts of one PC shared by several Windows accounts: the wizard's choice of data folder, and
linking another Windows account to the shared folder."""

from __future__ import annotations

SHARED_PC: dict[str, tuple[str, str]] = {
    "ui.shared.page_title": ("Tempat data", "Where the data is kept"),
    "ui.shared.intro": (
        "Di PC ini bisa ada beberapa akun Windows, misalnya satu untuk setiap staf. Pilih "
        "apakah data pusat hanya untuk akun Windows ini, atau satu folder bersama untuk "
        "akun-akun Windows yang Anda pilih.",
        "This PC may have several Windows accounts, for example one for each staff member. "
        "Choose whether the centre's data is for this Windows account only, or one shared "
        "folder for the Windows accounts you choose."),
    "ui.shared.own": ("Hanya akun Windows ini ({user})", "This Windows account only ({user})"),
    "ui.shared.own_note": (
        "Data disimpan di {folder}. Akun Windows lain di PC ini tidak dapat membukanya.",
        "The data is kept in {folder}. Other Windows accounts on this PC cannot open it."),
    "ui.shared.shared": ("Bersama untuk beberapa akun Windows di PC ini",
                         "Shared by several Windows accounts on this PC"),
    "ui.shared.shared_note": (
        "Data disimpan di {folder}. Hanya akun ini dan akun Windows yang Anda sebut di bawah "
        "yang dapat membuka folder itu.",
        "The data is kept in {folder}. Only this account and the Windows accounts you name "
        "below can open that folder."),
    "ui.shared.users": ("Akun Windows lain", "Other Windows accounts"),
    "ui.shared.users_hint": ("mis. staf1, konselor", "e.g. staff1, counsellor"),
    "ui.shared.users_note": (
        "Pisahkan nama dengan koma, ejaannya seperti di Pengaturan Windows > Akun. Di setiap "
        "akun Windows itu, admin masuk sekali dengan nama pengguna dan kata sandinya (atau "
        "pakai kode pemulihan); sesudah itu rekan tersebut masuk dengan akunnya sendiri.",
        "Separate the names with commas, spelled as in Windows Settings > Accounts. On each of "
        "those Windows accounts an admin logs in once with her username and password (or uses "
        "the recovery code); after that, the colleague logs in with her own account."),
    "ui.shared.closed": (
        "Di PC ini ada folder data bersama KDRT Desk, tetapi akun Windows ini tidak termasuk "
        "yang boleh membukanya. Minta admin menambahkan akun ini, lalu buka KDRT Desk lagi. "
        "Buat brankas baru di sini hanya bila pusat memang memerlukannya.",
        "This PC has a shared KDRT Desk data folder, but this Windows account is not one of "
        "those allowed to open it. Ask the admin to add this account, then open KDRT Desk "
        "again. Only create a new vault here if the centre really needs one."),
    "ui.shared.about_users": ("Folder bersama PC ini, untuk akun Windows: {users}",
                              "This PC's shared folder, for the Windows accounts: {users}"),
    "error.windows_user_invalid": (
        "\u201c{name}\u201d bukan nama akun Windows yang sah: paling banyak 20 karakter, tanpa "
        "\" / \\ [ ] : ; | = + * ? < > @ dan tidak berakhir dengan titik.",
        "\u201c{name}\u201d is not a valid Windows account name: at most 20 characters, without "
        "\" / \\ [ ] : ; | = + * ? < > @ and not ending in a full stop."),
    "error.windows_users_too_many": ("Paling banyak {limit} akun Windows.",
                                     "At most {limit} Windows accounts."),
    "error.shared_folder_acl": (
        "Hak akses folder bersama tidak dapat diatur ({detail}). Periksa ejaan nama akun "
        "Windows (seperti di Pengaturan Windows > Akun), lalu coba lagi. Belum ada data yang "
        "dibuat.",
        "The shared folder's access could not be set ({detail}). Check the spelling of the "
        "Windows account names (as in Windows Settings > Accounts), then try again. No data "
        "was created yet."),
    "error.link_other_pc": (
        "Data pendaftaran akun di folder ini dibuat di PC lain, jadi tidak berlaku di sini. "
        "Buka dengan kode pemulihan dari lembar pemulihan.",
        "The account links in this folder were made on another PC, so they do not work here. "
        "Open the vault with the recovery code from the recovery sheet."),
    "error.keyring_secret_missing_shared": (
        "Akun Windows ini belum terdaftar untuk data bersama di PC ini. Minta admin masuk "
        "sekali di sini dengan nama pengguna dan kata sandinya, atau buka dengan kode "
        "pemulihan dari lembar pemulihan. Sesudah itu Anda masuk dengan akun Anda sendiri.",
        "This Windows account is not linked to this PC's shared data yet. Ask an admin to log "
        "in here once with her username and password, or open the vault with the recovery code "
        "from the recovery sheet. After that you log in with your own account."),
    "warning.account_linked": (
        "Akun Windows ini sekarang terdaftar untuk data bersama PC ini. Keluar, lalu rekan "
        "Anda dapat masuk di sini dengan nama pengguna dan kata sandinya sendiri.",
        "This Windows account is now linked to this PC's shared data. Log out, and your "
        "colleague can log in here with her own username and password."),
    "ui.admin.audit.action.account_linked": ("Akun Windows didaftarkan oleh admin",
                                             "Windows account linked by an admin"),
    "ui.shared.menu": ("Akun Windows di PC ini\u2026", "Windows accounts on this PC\u2026"),
    "ui.shared.dialog_title": ("Akun Windows yang boleh membuka data",
                               "Windows accounts that may open the data"),
    "ui.shared.dialog_intro": (
        "Data pusat ada di folder bersama {folder}. Hanya akun Windows Anda dan akun yang "
        "tertulis di sini yang dapat membukanya. Menghapus nama menutup folder bagi akun itu. Daftar "
        "ini hanya dapat diubah dari akun Windows yang membuat folder.",
        "The centre's data is in the shared folder {folder}. Only your Windows account and the "
        "accounts written here can open it. Removing a name closes the folder to that account. "
        "Only the Windows account that made the folder can change this list."),
    "error.not_shared_folder": (
        "Data ini ada di folder akun Windows Anda sendiri, bukan di folder bersama PC.",
        "This data is in your own Windows account's folder, not in the PC's shared folder."),
    "ui.admin.audit.action.shared_users_changed": ("Akun Windows folder bersama diubah",
                                                   "Shared folder's Windows accounts changed"),
    "ui.admin.audit.detail.windows_users": ("akun Windows", "Windows accounts"),
    "error.windows_user_group": (
        "\u201c{name}\u201d adalah kelompok akun Windows, bukan satu orang: menyebutnya membuka "
        "folder bagi semua akun dalam kelompok itu. Tulis nama akun Windows setiap staf.",
        "\u201c{name}\u201d is a group of Windows accounts, not one person: naming it opens the "
        "folder to every account in it. Write each staff member's Windows account name."),
    "error.shared_folder_exists": (
        "Folder {folder} sudah ada. Bila itu folder lama KDRT Desk yang tidak dipakai lagi, minta "
        "admin Windows PC ini memeriksa dan menghapusnya, lalu coba lagi; atau pilih \u201cHanya "
        "akun Windows ini\u201d.",
        "The folder {folder} already exists. If it is an old KDRT Desk folder no longer in use, "
        "ask this PC's Windows administrator to check and delete it, then try again; or choose "
        "\u201cThis Windows account only\u201d."),
    "ui.admin.audit.detail.removed": ("dihapus", "removed"),
    "error.machine_seal_failed": (
        "Windows tidak dapat membuka data pendaftaran akun saat ini (kode {code}). Coba lagi "
        "sebentar lagi, atau buka dengan kode pemulihan.",
        "Windows could not open the account links just now (code {code}). Try again in a "
        "moment, or open the vault with the recovery code."),
}
