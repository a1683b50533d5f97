; Inno Setup 6 script for KDRT Desk: one setup file that an office admin installs without an
; administrator password, in Indonesian (default) or English.
;
;   iscc /DAppVersion=0.1.0 "/DSourceDir=C:\src\kdrt-desk\dist\KDRT Desk" installer\kdrt-desk.iss
;
; Defines (all optional, given as /DName=value on the ISCC command line):
;   AppVersion    the package version; without it the script reads __version__ from
;                 kdrt_desk\__init__.py, so the version stays defined once (build.ps1 passes it).
;   SourceDir     the PyInstaller one-folder build (default ..\dist\KDRT Desk beside this file).
;   OutputDir     where KDRT-Desk-Setup-<version>.exe is written (default ..\dist).
;   SignToolName  the name of a Sign Tool defined with ISCC's /S<name>=<command>: Setup and its
;                 uninstaller are then signed. Without it nothing is signed and nothing fails.
;   WineTestDir   only for the install test under wine (scripts/compile_installer.sh): wine 8
;                 has no per-user Program Files folder, so {autopf} cannot be expanded there.
;
; Where things live (per user, no administrator rights):
;   program  {autopf}\KDRT Desk = %LOCALAPPDATA%\Programs\KDRT Desk (emptied on every upgrade)
;   data     %LOCALAPPDATA%\KDRT Desk\KDRT Desk (vault, backups, logs): never touched here; the
;            uninstaller leaves it and says where it is.

#define AppName "KDRT Desk"
#define AppExeName "KDRT Desk.exe"
#ifndef AppPublisher
  #define AppPublisher "KDRT Desk"
#endif

; ---- The version: /DAppVersion=x.y.z, else kdrt_desk\__init__.py's __version__ ----------------
#ifndef AppVersion
  #define VersionFile AddBackslash(SourcePath) + "..\kdrt_desk\__init__.py"
  #define VersionHandle FileOpen(VersionFile)
  #if !VersionHandle
    #error Cannot read kdrt_desk\__init__.py: pass /DAppVersion=x.y.z
  #endif
  #define VersionLine ""
  #define ScanLine ""
  #sub ReadVersionLine
    #define public ScanLine FileRead(VersionHandle)
    #if Pos("__version__", ScanLine) == 1
      #define public VersionLine ScanLine
    #endif
  #endsub
  #for {0; VersionLine == "" && !FileEof(VersionHandle); 0} ReadVersionLine
  #expr FileClose(VersionHandle)
  #if VersionLine == ""
    #error No __version__ line in kdrt_desk\__init__.py: pass /DAppVersion=x.y.z
  #endif
  #define VersionRest Copy(VersionLine, Pos('"', VersionLine) + 1)
  #define AppVersion Copy(VersionRest, 1, Pos('"', VersionRest) - 1)
#endif
#if AppVersion == ""
  #error AppVersion is empty
#endif
; The Windows file version must be numbers and dots: "0.2.0rc1" gives 0.2.0.
#define NumericLength 0
#for {NumericLength = 0; NumericLength < Len(AppVersion) && Pos(Copy(AppVersion, NumericLength + 1, 1), "0123456789.") > 0; NumericLength++} 0
#define NumericVersion Copy(AppVersion, 1, NumericLength)
#if NumericVersion == "" || Copy(NumericVersion, Len(NumericVersion), 1) == "."
  #error AppVersion must start with numbers such as 1.2.3
#endif

; ---- The payload: the one-folder build -------------------------------------------------------
#ifndef SourceDir
  #define SourceDir AddBackslash(SourcePath) + "..\dist\KDRT Desk"
#endif
#if Pos(":", SourceDir) == 0 && Copy(SourceDir, 1, 2) != "\\"
  #define SourceDir AddBackslash(SourcePath) + SourceDir
#endif
#if !FileExists(AddBackslash(SourceDir) + AppExeName)
  #error The build has no "KDRT Desk.exe": run pyinstaller installer\kdrt-desk.spec first, or pass /DSourceDir=<the dist\KDRT Desk folder>
#endif
#ifndef OutputDir
  #define OutputDir AddBackslash(SourcePath) + "..\dist"
#endif
#define IconFile AddBackslash(SourcePath) + "..\resources\kdrt-desk.ico"

[Setup]
; Never change the AppId: Windows knows the installed program (and upgrades it) by it.
AppId={{6A1C2FF2-8668-4677-825C-0F2F1EB75508}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher={#AppPublisher}
AppCopyright=(c) {#AppPublisher}
VersionInfoVersion={#NumericVersion}
VersionInfoProductVersion={#NumericVersion}
VersionInfoTextVersion={#AppVersion}
VersionInfoProductTextVersion={#AppVersion}
VersionInfoDescription={#AppName} Setup
; Per user, no administrator rights, no way to ask for them: {autopf} is then the user's own
; Programs folder (%LOCALAPPDATA%\Programs) and {autoprograms}/{autodesktop} the user's own menus.
PrivilegesRequired=lowest
#ifdef WineTestDir
; Only for scripts/compile_installer.sh --try-install: wine cannot expand {autopf} per user.
DefaultDirName={#WineTestDir}
#else
DefaultDirName={autopf}\{#AppName}
#endif
DisableDirPage=yes
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; PySide6 6.x runs on Windows 10 and later only.
MinVersion=10.0
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
OutputDir={#OutputDir}
OutputBaseFilename=KDRT-Desk-Setup-{#AppVersion}
#if FileExists(IconFile)
SetupIconFile={#IconFile}
#endif
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
; A running KDRT Desk holds its files (and the vault lock): close it through the Restart Manager
; before the program folder is replaced, and do not start it again behind the user's back.
CloseApplications=yes
RestartApplications=no
; A log in %TEMP% ("Setup Log <date> #NNN.txt") for whoever helps the office over the phone.
SetupLogging=yes
; Indonesian first and preselected whatever the Windows display language; English on request.
ShowLanguageDialog=yes
LanguageDetectionMethod=none
#ifdef SignToolName
SignTool={#SignToolName}
SignedUninstaller=yes
#endif

[Languages]
Name: "id"; MessagesFile: "languages\Indonesian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Messages]
id.ConfirmUninstall=Yakin ingin menghapus program %1?%n%nData Anda (brankas dan cadangannya) tidak ikut dihapus: data itu tetap tersimpan di folder data Anda.
en.ConfirmUninstall=Are you sure you want to remove the %1 program?%n%nYour data (the vault and its backups) is not removed: it stays in your data folder.

[CustomMessages]
id.AppComment=Administrasi program pemberdayaan penyintas KDRT
en.AppComment=Administration of a programme for survivors of domestic violence
id.DataKept=Program %1 sudah dihapus, tetapi data Anda TIDAK ikut dihapus.%n%nBrankas (data yang terenkripsi) dan cadangannya tetap tersimpan di:%n%2%n%nBila %1 dipasang lagi, data ini dapat dibuka kembali. Jangan hapus folder ini kecuali Anda yakin datanya tidak diperlukan lagi.
en.DataKept=The %1 program has been removed, but your data has NOT been removed.%n%nThe vault (the encrypted data) and its backups are still in:%n%2%n%nIf %1 is installed again, this data can be opened again. Do not delete this folder unless you are sure the data is no longer needed.
id.DataKeptShared=Folder data bersama komputer ini juga tidak disentuh:%n%1
en.DataKeptShared=This PC's shared data folder was not touched either:%n%1
id.DirIsDataFolder=%1 tidak dapat dipasang di folder ini:%n%2%n%nFolder ini adalah, atau berisi, folder data (brankas dan cadangan). Pemasangan mengosongkan folder program, jadi pilih folder lain.
en.DirIsDataFolder=%1 cannot be installed in this folder:%n%2%n%nIt is, or holds, the data folder (vault and backups). Setup empties the program folder, so choose another folder.
id.DirNotOurs=Folder ini sudah berisi berkas lain dan bukan folder %1:%n%2%n%nPemasangan mengosongkan folder program, jadi pilih folder kosong atau folder %1 yang lama.
en.DirNotOurs=This folder already holds other files and is not a %1 folder:%n%2%n%nSetup empties the program folder, so choose an empty folder or the old %1 folder.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade starts from an empty program folder, so no file of an older version is left behind.
; {app} is only the program folder (PrepareToInstall below refuses a folder that is or holds the
; data folder, or that holds anything but an earlier KDRT Desk).
Type: filesandordirs; Name: "{app}\*"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
{ The data folder is platformdirs' user_data_dir("KDRT Desk", "KDRT Desk", roaming=False);
  its parent and a shared folder under ProgramData are guarded as well. }
function DataFolder: String;
begin
  Result := ExpandConstant('{localappdata}\{#AppName}\{#AppName}');
end;

function DataRoot: String;
begin
  Result := ExpandConstant('{localappdata}\{#AppName}');
end;

function SharedDataFolder: String;
begin
  Result := ExpandConstant('{commonappdata}\{#AppName}');
end;

function NormalDir(const Path: String): String;
begin
  Result := Lowercase(AddBackslash(ExpandFileName(Path)));
end;

{ True when one folder is the other or lies inside it. }
function Overlaps(const A, B: String): Boolean;
var
  NA, NB: String;
begin
  NA := NormalDir(A);
  NB := NormalDir(B);
  Result := (Pos(NA, NB) = 1) or (Pos(NB, NA) = 1);
end;

{ True for a folder with something in it that is not an earlier KDRT Desk: emptying it on
  upgrade would delete someone's files. }
function HoldsForeignFiles(const Dir: String): Boolean;
var
  FindRec: TFindRec;
begin
  Result := False;
  if not DirExists(Dir) then
    exit;
  if FileExists(AddBackslash(Dir) + '{#AppExeName}') or FileExists(AddBackslash(Dir) + 'unins000.exe') then
    exit;
  if FindFirst(AddBackslash(Dir) + '*', FindRec) then
  begin
    try
      repeat
        if (FindRec.Name <> '.') and (FindRec.Name <> '..') then
          Result := True;
      until Result or not FindNext(FindRec);
    finally
      FindClose(FindRec);
    end;
  end;
end;

{ A vault's own files beside the program would go with the [InstallDelete] wipe. }
function HoldsVault(const Dir: String): Boolean;
begin
  Result := FileExists(AddBackslash(Dir) + 'kdrt.db') or FileExists(AddBackslash(Dir) + 'kdrt.keys');
end;

function PrepareToInstall(var NeedsRestart: Boolean): String;
var
  AppDir: String;
begin
  Result := '';
  AppDir := ExpandConstant('{app}');
  if Overlaps(AppDir, DataRoot) or Overlaps(AppDir, SharedDataFolder) or HoldsVault(AppDir) then
    Result := FmtMessage(CustomMessage('DirIsDataFolder'), ['{#AppName}', AppDir])
  else if HoldsForeignFiles(AppDir) then
    Result := FmtMessage(CustomMessage('DirNotOurs'), ['{#AppName}', AppDir]);
  if Result <> '' then
    Log('Refusing to install into ' + AppDir);
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Text: String;
begin
  if CurUninstallStep <> usPostUninstall then
    exit;
  Log('The data folder is left in place: ' + DataFolder);
  if UninstallSilent then
    exit;
  Text := FmtMessage(CustomMessage('DataKept'), ['{#AppName}', DataFolder]);
  if DirExists(SharedDataFolder) then
    Text := Text + #13#10#13#10 + FmtMessage(CustomMessage('DataKeptShared'), [SharedDataFolder]);
  MsgBox(Text, mbInformation, MB_OK);
end;
