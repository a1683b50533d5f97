; *** Inno Setup version 6.4.0+ Indonesian messages (Bahasa Indonesia) ***
;
; Written for KDRT Desk from Inno Setup's Default.isl (6.4.0+): every message
; key of Default.isl is here, in the same order, so ISCC reports no missing
; message. Plain Indonesian for office staff; ASCII only, so the file reads
; the same with or without a byte-order mark.
;
; Note: messages that Inno Setup ends with a period itself carry none here.

[LangOptions]
LanguageName=Bahasa Indonesia
LanguageID=$0421
LanguageCodePage=0

[Messages]

; *** Application titles
SetupAppTitle=Pemasangan
SetupWindowTitle=Pemasangan - %1
UninstallAppTitle=Penghapusan
UninstallAppFullTitle=Penghapusan %1

; *** Misc. common
InformationTitle=Informasi
ConfirmTitle=Konfirmasi
ErrorTitle=Kesalahan

; *** SetupLdr messages
SetupLdrStartupMessage=Program ini akan memasang %1. Lanjutkan?
LdrCannotCreateTemp=Berkas sementara tidak dapat dibuat. Pemasangan dibatalkan
LdrCannotExecTemp=Berkas di folder sementara tidak dapat dijalankan. Pemasangan dibatalkan
HelpTextNote=

; *** Startup error messages
LastErrorMessage=%1.%n%nKesalahan %2: %3
SetupFileMissing=Berkas %1 tidak ada di folder pemasangan. Perbaiki masalah ini atau minta salinan baru program ini.
SetupFileCorrupt=Berkas pemasangan rusak. Mintalah salinan baru program ini.
SetupFileCorruptOrWrongVer=Berkas pemasangan rusak atau tidak cocok dengan versi pemasang ini. Perbaiki masalah ini atau minta salinan baru program ini.
InvalidParameter=Ada parameter yang tidak sah pada baris perintah:%n%n%1
SetupAlreadyRunning=Pemasangan sudah berjalan.
WindowsVersionNotSupported=Program ini tidak mendukung versi Windows di komputer Anda.
WindowsServicePackRequired=Program ini memerlukan %1 Service Pack %2 atau yang lebih baru.
NotOnThisPlatform=Program ini tidak dapat berjalan di %1.
OnlyOnThisPlatform=Program ini harus dijalankan di %1.
OnlyOnTheseArchitectures=Program ini hanya dapat dipasang di versi Windows untuk arsitektur prosesor berikut:%n%n%1
WinVersionTooLowError=Program ini memerlukan %1 versi %2 atau yang lebih baru.
WinVersionTooHighError=Program ini tidak dapat dipasang di %1 versi %2 atau yang lebih baru.
AdminPrivilegesRequired=Anda harus masuk sebagai administrator untuk memasang program ini.
PowerUserPrivilegesRequired=Anda harus masuk sebagai administrator atau anggota grup Power Users untuk memasang program ini.
SetupAppRunningError=%1 sedang berjalan.%n%nTutup semua jendelanya sekarang, lalu klik OK untuk melanjutkan, atau Batal untuk keluar.
UninstallAppRunningError=%1 sedang berjalan.%n%nTutup semua jendelanya sekarang, lalu klik OK untuk melanjutkan, atau Batal untuk keluar.

; *** Startup questions
PrivilegesRequiredOverrideTitle=Pilih Cara Pemasangan
PrivilegesRequiredOverrideInstruction=Pilih cara pemasangan
PrivilegesRequiredOverrideText1=%1 dapat dipasang untuk semua pengguna (memerlukan hak administrator), atau hanya untuk Anda.
PrivilegesRequiredOverrideText2=%1 dapat dipasang hanya untuk Anda, atau untuk semua pengguna (memerlukan hak administrator).
PrivilegesRequiredOverrideAllUsers=Pasang untuk &semua pengguna
PrivilegesRequiredOverrideAllUsersRecommended=Pasang untuk &semua pengguna (disarankan)
PrivilegesRequiredOverrideCurrentUser=Pasang hanya untuk &saya
PrivilegesRequiredOverrideCurrentUserRecommended=Pasang hanya untuk &saya (disarankan)

; *** Misc. errors
ErrorCreatingDir=Folder "%1" tidak dapat dibuat
ErrorTooManyFilesInDir=Berkas tidak dapat dibuat di folder "%1" karena isinya sudah terlalu banyak

; *** Setup common messages
ExitSetupTitle=Keluar dari Pemasangan
ExitSetupMessage=Pemasangan belum selesai. Bila Anda keluar sekarang, program tidak akan terpasang.%n%nAnda dapat menjalankan pemasangan lagi lain waktu untuk menyelesaikannya.%n%nKeluar dari pemasangan?
AboutSetupMenuItem=&Tentang Pemasangan...
AboutSetupTitle=Tentang Pemasangan
AboutSetupMessage=%1 versi %2%n%3%n%nSitus %1:%n%4
AboutSetupNote=
TranslatorNote=

; *** Buttons
ButtonBack=< &Kembali
ButtonNext=&Lanjut >
ButtonInstall=&Pasang
ButtonOK=OK
ButtonCancel=Batal
ButtonYes=&Ya
ButtonYesToAll=Ya untuk &Semua
ButtonNo=&Tidak
ButtonNoToAll=T&idak untuk Semua
ButtonFinish=&Selesai
ButtonBrowse=&Telusuri...
ButtonWizardBrowse=T&elusuri...
ButtonNewFolder=&Buat Folder Baru

; *** "Select Language" dialog messages
SelectLanguageTitle=Pilih Bahasa Pemasangan
SelectLanguageLabel=Pilih bahasa yang dipakai selama pemasangan.

; *** Common wizard text
ClickNext=Klik Lanjut untuk meneruskan, atau Batal untuk keluar dari pemasangan.
BeveledLabel=
BrowseDialogTitle=Telusuri Folder
BrowseDialogLabel=Pilih folder dari daftar di bawah ini, lalu klik OK.
NewFolderName=Folder Baru

; *** "Welcome" wizard page
WelcomeLabel1=Selamat datang di Pemasangan [name]
WelcomeLabel2=Program ini akan memasang [name/ver] di komputer Anda.%n%nSebaiknya tutup dulu aplikasi lain sebelum melanjutkan.

; *** "Password" wizard page
WizardPassword=Kata Sandi
PasswordLabel1=Pemasangan ini dilindungi kata sandi.
PasswordLabel3=Masukkan kata sandi, lalu klik Lanjut. Huruf besar dan kecil dibedakan.
PasswordEditLabel=&Kata sandi:
IncorrectPassword=Kata sandi yang Anda masukkan salah. Silakan coba lagi.

; *** "License Agreement" wizard page
WizardLicense=Perjanjian Lisensi
LicenseLabel=Bacalah informasi penting berikut sebelum melanjutkan.
LicenseLabel3=Bacalah Perjanjian Lisensi berikut. Anda harus menyetujuinya sebelum pemasangan dapat dilanjutkan.
LicenseAccepted=Saya &setuju dengan perjanjian ini
LicenseNotAccepted=Saya &tidak setuju dengan perjanjian ini

; *** "Information" wizard pages
WizardInfoBefore=Informasi
InfoBeforeLabel=Bacalah informasi penting berikut sebelum melanjutkan.
InfoBeforeClickLabel=Bila Anda siap melanjutkan pemasangan, klik Lanjut.
WizardInfoAfter=Informasi
InfoAfterLabel=Bacalah informasi penting berikut sebelum melanjutkan.
InfoAfterClickLabel=Bila Anda siap melanjutkan pemasangan, klik Lanjut.

; *** "User Information" wizard page
WizardUserInfo=Informasi Pengguna
UserInfoDesc=Masukkan informasi Anda.
UserInfoName=&Nama pengguna:
UserInfoOrg=&Organisasi:
UserInfoSerial=Nomor &seri:
UserInfoNameRequired=Nama harus diisi.

; *** "Select Destination Location" wizard page
WizardSelectDir=Pilih Lokasi Tujuan
SelectDirDesc=Di mana [name] akan dipasang?
SelectDirLabel3=[name] akan dipasang di folder berikut.
SelectDirBrowseLabel=Klik Lanjut untuk meneruskan. Bila ingin memilih folder lain, klik Telusuri.
DiskSpaceGBLabel=Diperlukan ruang kosong sedikitnya [gb] GB.
DiskSpaceMBLabel=Diperlukan ruang kosong sedikitnya [mb] MB.
CannotInstallToNetworkDrive=Program tidak dapat dipasang di drive jaringan.
CannotInstallToUNCPath=Program tidak dapat dipasang di jalur UNC.
InvalidPath=Masukkan jalur lengkap dengan huruf drive, misalnya:%n%nC:\APP%n%natau jalur UNC dengan bentuk:%n%n\\server\share
InvalidDrive=Drive atau folder bersama UNC yang Anda pilih tidak ada atau tidak dapat dibuka. Silakan pilih yang lain.
DiskSpaceWarningTitle=Ruang Disk Tidak Cukup
DiskSpaceWarning=Pemasangan memerlukan ruang kosong sedikitnya %1 KB, tetapi drive yang dipilih hanya memiliki %2 KB.%n%nTetap lanjutkan?
DirNameTooLong=Nama folder atau jalurnya terlalu panjang.
InvalidDirName=Nama folder tidak sah.
BadDirName32=Nama folder tidak boleh memuat karakter berikut:%n%n%1
DirExistsTitle=Folder Sudah Ada
DirExists=Folder:%n%n%1%n%nsudah ada. Tetap pasang di folder itu?
DirDoesntExistTitle=Folder Belum Ada
DirDoesntExist=Folder:%n%n%1%n%nbelum ada. Buat folder itu?

; *** "Select Components" wizard page
WizardSelectComponents=Pilih Komponen
SelectComponentsDesc=Komponen mana yang akan dipasang?
SelectComponentsLabel2=Centang komponen yang ingin dipasang dan hapus centang yang tidak. Klik Lanjut bila sudah siap.
FullInstallation=Pemasangan lengkap
; if possible don't translate 'Compact' as 'Minimal' (I mean 'Minimal' in your language)
CompactInstallation=Pemasangan ringkas
CustomInstallation=Pemasangan pilihan
NoUninstallWarningTitle=Komponen Sudah Ada
NoUninstallWarning=Komponen berikut sudah terpasang di komputer Anda:%n%n%1%n%nMenghapus centangnya tidak akan menghapus komponen tersebut.%n%nTetap lanjutkan?
ComponentSize1=%1 KB
ComponentSize2=%1 MB
ComponentsDiskSpaceGBLabel=Pilihan ini memerlukan ruang disk sedikitnya [gb] GB.
ComponentsDiskSpaceMBLabel=Pilihan ini memerlukan ruang disk sedikitnya [mb] MB.

; *** "Select Additional Tasks" wizard page
WizardSelectTasks=Pilih Tugas Tambahan
SelectTasksDesc=Tugas tambahan apa yang perlu dilakukan?
SelectTasksLabel2=Pilih tugas tambahan yang perlu dilakukan saat memasang [name], lalu klik Lanjut.

; *** "Select Start Menu Folder" wizard page
WizardSelectProgramGroup=Pilih Folder Menu Start
SelectStartMenuFolderDesc=Di mana pintasan program akan diletakkan?
SelectStartMenuFolderLabel3=Pintasan program akan dibuat di folder Menu Start berikut.
SelectStartMenuFolderBrowseLabel=Klik Lanjut untuk meneruskan. Bila ingin memilih folder lain, klik Telusuri.
MustEnterGroupName=Nama folder harus diisi.
GroupNameTooLong=Nama folder atau jalurnya terlalu panjang.
InvalidGroupName=Nama folder tidak sah.
BadGroupName=Nama folder tidak boleh memuat karakter berikut:%n%n%1
NoProgramGroupCheck2=&Jangan buat folder Menu Start

; *** "Ready to Install" wizard page
WizardReady=Siap Dipasang
ReadyLabel1=[name] siap dipasang di komputer Anda.
ReadyLabel2a=Klik Pasang untuk mulai memasang, atau klik Kembali bila ingin memeriksa atau mengubah pengaturan.
ReadyLabel2b=Klik Pasang untuk mulai memasang.
ReadyMemoUserInfo=Informasi pengguna:
ReadyMemoDir=Lokasi tujuan:
ReadyMemoType=Jenis pemasangan:
ReadyMemoComponents=Komponen yang dipilih:
ReadyMemoGroup=Folder Menu Start:
ReadyMemoTasks=Tugas tambahan:

; *** TDownloadWizardPage wizard page and DownloadTemporaryFile
DownloadingLabel=Mengunduh berkas tambahan...
ButtonStopDownload=&Hentikan unduhan
StopDownload=Yakin ingin menghentikan unduhan?
ErrorDownloadAborted=Unduhan dibatalkan
ErrorDownloadFailed=Unduhan gagal: %1 %2
ErrorDownloadSizeFailed=Ukuran berkas tidak dapat diketahui: %1 %2
ErrorFileHash1=Hash berkas gagal dihitung: %1
ErrorFileHash2=Hash berkas tidak cocok: seharusnya %1, ternyata %2
ErrorProgress=Kemajuan tidak sah: %1 dari %2
ErrorFileSize=Ukuran berkas tidak cocok: seharusnya %1, ternyata %2

; *** TExtractionWizardPage wizard page and Extract7ZipArchive
ExtractionLabel=Mengekstrak berkas tambahan...
ButtonStopExtraction=&Hentikan ekstraksi
StopExtraction=Yakin ingin menghentikan ekstraksi?
ErrorExtractionAborted=Ekstraksi dibatalkan
ErrorExtractionFailed=Ekstraksi gagal: %1

; *** "Preparing to Install" wizard page
WizardPreparing=Bersiap Memasang
PreparingDesc=Sedang bersiap memasang [name] di komputer Anda.
PreviousInstallNotCompleted=Pemasangan atau penghapusan program sebelumnya belum selesai. Komputer perlu dinyalakan ulang untuk menyelesaikannya.%n%nSetelah komputer dinyalakan ulang, jalankan pemasangan ini lagi untuk memasang [name].
CannotContinue=Pemasangan tidak dapat dilanjutkan. Klik Batal untuk keluar.
ApplicationsFound=Aplikasi berikut sedang memakai berkas yang perlu diperbarui. Sebaiknya izinkan pemasangan menutup aplikasi tersebut secara otomatis.
ApplicationsFound2=Aplikasi berikut sedang memakai berkas yang perlu diperbarui. Sebaiknya izinkan pemasangan menutup aplikasi tersebut secara otomatis. Setelah pemasangan selesai, aplikasi tersebut akan dicoba dijalankan lagi.
CloseApplications=&Tutup aplikasi secara otomatis
DontCloseApplications=&Jangan tutup aplikasi
ErrorCloseApplications=Tidak semua aplikasi dapat ditutup secara otomatis. Sebaiknya tutup dulu semua aplikasi yang memakai berkas yang perlu diperbarui sebelum melanjutkan.
PrepareToInstallNeedsRestart=Komputer perlu dinyalakan ulang. Setelah itu, jalankan pemasangan ini lagi untuk menyelesaikan pemasangan [name].%n%nNyalakan ulang sekarang?

; *** "Installing" wizard page
WizardInstalling=Memasang
InstallingLabel=Mohon tunggu, [name] sedang dipasang di komputer Anda.

; *** "Setup Completed" wizard page
FinishedHeadingLabel=Pemasangan [name] Selesai
FinishedLabelNoIcons=[name] sudah terpasang di komputer Anda.
FinishedLabel=[name] sudah terpasang di komputer Anda. Program dapat dibuka lewat pintasan yang sudah dibuat.
ClickFinish=Klik Selesai untuk menutup pemasangan.
FinishedRestartLabel=Untuk menyelesaikan pemasangan [name], komputer perlu dinyalakan ulang. Nyalakan ulang sekarang?
FinishedRestartMessage=Untuk menyelesaikan pemasangan [name], komputer perlu dinyalakan ulang.%n%nNyalakan ulang sekarang?
ShowReadmeCheck=Ya, saya ingin membaca berkas README
YesRadio=&Ya, nyalakan ulang komputer sekarang
NoRadio=&Tidak, saya akan menyalakan ulang nanti
; used for example as 'Run MyProg.exe'
RunEntryExec=Jalankan %1
; used for example as 'View Readme.txt'
RunEntryShellExec=Buka %1

; *** "Setup Needs the Next Disk" stuff
ChangeDiskTitle=Perlu Disk Berikutnya
SelectDiskLabel2=Masukkan Disk %1 lalu klik OK.%n%nBila berkas di disk ini ada di folder lain dari yang tertera di bawah, masukkan jalur yang benar atau klik Telusuri.
PathLabel=&Jalur:
FileNotInDir2=Berkas "%1" tidak ditemukan di "%2". Masukkan disk yang benar atau pilih folder lain.
SelectDirectoryLabel=Tentukan lokasi disk berikutnya.

; *** Installation phase messages
SetupAborted=Pemasangan tidak selesai.%n%nPerbaiki masalahnya lalu jalankan pemasangan lagi.
AbortRetryIgnoreSelectAction=Pilih tindakan
AbortRetryIgnoreRetry=&Coba lagi
AbortRetryIgnoreIgnore=&Abaikan kesalahan dan lanjutkan
AbortRetryIgnoreCancel=Batalkan pemasangan

; *** Installation status messages
StatusClosingApplications=Menutup aplikasi...
StatusCreateDirs=Membuat folder...
StatusExtractFiles=Mengekstrak berkas...
StatusCreateIcons=Membuat pintasan...
StatusCreateIniEntries=Membuat entri INI...
StatusCreateRegistryEntries=Membuat entri registri...
StatusRegisterFiles=Mendaftarkan berkas...
StatusSavingUninstall=Menyimpan informasi penghapusan...
StatusRunProgram=Menyelesaikan pemasangan...
StatusRestartingApplications=Menjalankan ulang aplikasi...
StatusRollback=Membatalkan perubahan...

; *** Misc. errors
ErrorInternal2=Kesalahan internal: %1
ErrorFunctionFailedNoCode=%1 gagal
ErrorFunctionFailed=%1 gagal; kode %2
ErrorFunctionFailedWithMessage=%1 gagal; kode %2.%n%3
ErrorExecutingProgram=Berkas tidak dapat dijalankan:%n%1

; *** Registry errors
ErrorRegOpenKey=Kunci registri tidak dapat dibuka:%n%1\%2
ErrorRegCreateKey=Kunci registri tidak dapat dibuat:%n%1\%2
ErrorRegWriteKey=Kunci registri tidak dapat ditulis:%n%1\%2

; *** INI errors
ErrorIniEntry=Entri INI di berkas "%1" tidak dapat dibuat.

; *** File copying errors
FileAbortRetryIgnoreSkipNotRecommended=&Lewati berkas ini (tidak disarankan)
FileAbortRetryIgnoreIgnoreNotRecommended=&Abaikan kesalahan dan lanjutkan (tidak disarankan)
SourceIsCorrupted=Berkas sumber rusak
SourceDoesntExist=Berkas sumber "%1" tidak ada
ExistingFileReadOnly2=Berkas yang ada tidak dapat diganti karena bertanda hanya-baca.
ExistingFileReadOnlyRetry=&Hapus tanda hanya-baca lalu coba lagi
ExistingFileReadOnlyKeepExisting=&Biarkan berkas yang ada
ErrorReadingExistingDest=Terjadi kesalahan saat membaca berkas yang ada:
FileExistsSelectAction=Pilih tindakan
FileExists2=Berkas ini sudah ada.
FileExistsOverwriteExisting=&Timpa berkas yang ada
FileExistsKeepExisting=&Biarkan berkas yang ada
FileExistsOverwriteOrKeepAll=&Lakukan hal yang sama untuk berikutnya
ExistingFileNewerSelectAction=Pilih tindakan
ExistingFileNewer2=Berkas yang ada lebih baru daripada yang akan dipasang.
ExistingFileNewerOverwriteExisting=&Timpa berkas yang ada
ExistingFileNewerKeepExisting=&Biarkan berkas yang ada (disarankan)
ExistingFileNewerOverwriteOrKeepAll=&Lakukan hal yang sama untuk berikutnya
ErrorChangingAttr=Terjadi kesalahan saat mengubah atribut berkas yang ada:
ErrorCreatingTemp=Terjadi kesalahan saat membuat berkas di folder tujuan:
ErrorReadingSource=Terjadi kesalahan saat membaca berkas sumber:
ErrorCopying=Terjadi kesalahan saat menyalin berkas:
ErrorReplacingExistingFile=Terjadi kesalahan saat mengganti berkas yang ada:
ErrorRestartReplace=RestartReplace gagal:
ErrorRenamingTemp=Terjadi kesalahan saat mengganti nama berkas di folder tujuan:
ErrorRegisterServer=DLL/OCX tidak dapat didaftarkan: %1
ErrorRegSvr32Failed=RegSvr32 gagal dengan kode keluar %1
ErrorRegisterTypeLib=Type library tidak dapat didaftarkan: %1

; *** Uninstall display name markings
; used for example as 'My Program (32-bit)'
UninstallDisplayNameMark=%1 (%2)
; used for example as 'My Program (32-bit, All users)'
UninstallDisplayNameMarks=%1 (%2, %3)
UninstallDisplayNameMark32Bit=32-bit
UninstallDisplayNameMark64Bit=64-bit
UninstallDisplayNameMarkAllUsers=Semua pengguna
UninstallDisplayNameMarkCurrentUser=Pengguna ini

; *** Post-installation errors
ErrorOpeningReadme=Terjadi kesalahan saat membuka berkas README.
ErrorRestartingComputer=Komputer tidak dapat dinyalakan ulang secara otomatis. Silakan nyalakan ulang sendiri.

; *** Uninstaller messages
UninstallNotFound=Berkas "%1" tidak ada. Penghapusan tidak dapat dilakukan.
UninstallOpenError=Berkas "%1" tidak dapat dibuka. Penghapusan tidak dapat dilakukan
UninstallUnsupportedVer=Format catatan penghapusan "%1" tidak dikenali oleh versi penghapus ini. Penghapusan tidak dapat dilakukan
UninstallUnknownEntry=Ada entri tak dikenal (%1) di catatan penghapusan
ConfirmUninstall=Yakin ingin menghapus %1 beserta semua komponennya?
UninstallOnlyOnWin64=Program ini hanya dapat dihapus di Windows 64-bit.
OnlyAdminCanUninstall=Program ini hanya dapat dihapus oleh pengguna dengan hak administrator.
UninstallStatusLabel=Mohon tunggu, %1 sedang dihapus dari komputer Anda.
UninstalledAll=%1 sudah dihapus dari komputer Anda.
UninstalledMost=Penghapusan %1 selesai.%n%nAda bagian yang tidak dapat dihapus. Bagian itu dapat dihapus sendiri.
UninstalledAndNeedsRestart=Untuk menyelesaikan penghapusan %1, komputer perlu dinyalakan ulang.%n%nNyalakan ulang sekarang?
UninstallDataCorrupted=Berkas "%1" rusak. Penghapusan tidak dapat dilakukan

; *** Uninstallation phase messages
ConfirmDeleteSharedFileTitle=Hapus Berkas Bersama?
ConfirmDeleteSharedFile2=Menurut sistem, berkas bersama berikut tidak lagi dipakai oleh program mana pun. Hapus berkas bersama ini?%n%nBila masih ada program yang memakainya, program itu mungkin tidak berjalan dengan baik. Bila ragu, pilih Tidak. Membiarkan berkas ini tidak akan merugikan.
SharedFileNameLabel=Nama berkas:
SharedFileLocationLabel=Lokasi:
WizardUninstalling=Status Penghapusan
StatusUninstalling=Menghapus %1...

; *** Shutdown block reasons
ShutdownBlockReasonInstallingApp=Sedang memasang %1.
ShutdownBlockReasonUninstallingApp=Sedang menghapus %1.

; The custom messages below aren't used by Setup itself, but if you make
; use of them in your scripts, you'll want to translate them.

[CustomMessages]

NameAndVersion=%1 versi %2
AdditionalIcons=Pintasan tambahan:
CreateDesktopIcon=Buat pintasan di &desktop
CreateQuickLaunchIcon=Buat pintasan &Quick Launch
ProgramOnTheWeb=%1 di Web
UninstallProgram=Hapus %1
LaunchProgram=Jalankan %1
AssocFileExtension=&Kaitkan %1 dengan ekstensi berkas %2
AssocingFileExtension=Mengaitkan %1 dengan ekstensi berkas %2...
AutoStartProgramGroupDescription=Mulai otomatis:
AutoStartProgram=Jalankan %1 secara otomatis
AddonHostProgramNotFound=%1 tidak ditemukan di folder yang Anda pilih.%n%nTetap lanjutkan?
