<#
.SYNOPSIS
    Builds the KDRT Desk Windows installer: freeze, sign (when a certificate is configured),
    compile with Inno Setup, and smoke-test the installed program.

.DESCRIPTION
    1. Creates (or reuses) the virtual environment .venv and installs the package and PyInstaller.
    2. Freezes the app: pyinstaller installer\kdrt-desk.spec -> dist\KDRT Desk\KDRT Desk.exe.
    3. Signs KDRT Desk.exe with signtool when KDRT_SIGN_CERT (a .pfx path) and KDRT_SIGN_PASSWORD
       are both set; otherwise says it skips signing and goes on.
    4. Compiles installer\kdrt-desk.iss with ISCC (from $env:ISCC, the PATH, Inno Setup 6's usual
       folders, or installed with Chocolatey) into dist\KDRT-Desk-Setup-<version>.exe; with a
       certificate, Inno Setup signs the setup and its uninstaller through this same script.
    5. Smoke test: installs the setup silently for the current user into a temporary folder, runs
       the installed "KDRT Desk.exe --self-check" (exit 0 required), then uninstalls silently.

    The version comes from kdrt_desk.__version__ (read with the venv's Python) and is passed to
    ISCC as /DAppVersion, so it is defined once.

    Optional environment: KDRT_SIGN_CERT, KDRT_SIGN_PASSWORD, KDRT_SIGN_TIMESTAMP_URL (default
    http://timestamp.digicert.com; set to "none" to sign without a timestamp), SIGNTOOL (path to
    signtool.exe), ISCC (path to ISCC.exe).

.EXAMPLE
    powershell -ExecutionPolicy Bypass -File installer\build.ps1
.EXAMPLE
    pwsh installer\build.ps1 -SkipFreeze -SkipSmokeTest
#>
[CmdletBinding()]
param(
    # Reuse an existing dist\KDRT Desk instead of running PyInstaller again.
    [switch] $SkipFreeze,
    # Do not install/run/uninstall the setup after compiling it.
    [switch] $SkipSmokeTest,
    # Python used to create the venv when .venv does not exist yet (default: python, then py -3).
    [string] $Python = '',
    # Seconds the installed self-check may take before it counts as failed.
    [int] $SelfCheckTimeout = 600,
    # Internal: Inno Setup's Sign Tool calls this script with the file to sign.
    [string] $SignFile = ''
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 2.0

$Root = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path
$AppId = '{6A1C2FF2-8668-4677-825C-0F2F1EB75508}'   # the AppId in kdrt-desk.iss, braces single

function Write-Step([string] $Message) { Write-Host "==> $Message" -ForegroundColor Cyan }

# Runs a console program and stops the build when it fails.
function Invoke-Native {
    param([Parameter(Mandatory)] [string] $FilePath, [string[]] $Arguments = @(), [string] $What = '')
    & $FilePath @Arguments
    if ($LASTEXITCODE -ne 0) {
        if (-not $What) { $What = Split-Path $FilePath -Leaf }
        throw "$What failed with exit code $LASTEXITCODE"
    }
}

# Runs a windowed program (Setup, the uninstaller, the console=False app) and waits for it:
# PowerShell's & returns at once for those and leaves $LASTEXITCODE unset. Returns the exit code.
function Invoke-Windowed {
    param(
        [Parameter(Mandatory)] [string] $FilePath,
        [string] $Arguments = '',
        [int] $TimeoutSeconds = 600,
        [string] $StdOut = '',
        [string] $StdErr = ''
    )
    $start = @{ FilePath = $FilePath; PassThru = $true }
    if ($Arguments) { $start.ArgumentList = $Arguments }
    if ($StdOut) {
        $start.RedirectStandardOutput = $StdOut
        $start.RedirectStandardError = $StdErr
        $start.NoNewWindow = $true
    }
    $process = Start-Process @start
    $null = $process.Handle   # keeps ExitCode readable once the process has ended
    if (-not $process.WaitForExit($TimeoutSeconds * 1000)) {
        try { $process.Kill() } catch { }
        throw "$(Split-Path $FilePath -Leaf) did not finish within $TimeoutSeconds s"
    }
    $process.WaitForExit()
    return $process.ExitCode
}

function Test-SigningConfigured {
    return [bool]$env:KDRT_SIGN_CERT -and [bool]$env:KDRT_SIGN_PASSWORD
}

function Find-SignTool {
    if ($env:SIGNTOOL) {
        if (Test-Path -LiteralPath $env:SIGNTOOL) { return $env:SIGNTOOL }
        throw "SIGNTOOL is set to '$env:SIGNTOOL', which does not exist"
    }
    $command = Get-Command signtool.exe -ErrorAction SilentlyContinue
    if ($command) { return $command.Source }
    $kits = Join-Path ${env:ProgramFiles(x86)} 'Windows Kits\10\bin'
    if (Test-Path -LiteralPath $kits) {
        $found = Get-ChildItem -LiteralPath $kits -Recurse -Filter signtool.exe -ErrorAction SilentlyContinue |
            Where-Object { $_.FullName -match '\\x64\\signtool\.exe$' } |
            Sort-Object FullName -Descending | Select-Object -First 1
        if ($found) { return $found.FullName }
    }
    throw 'signtool.exe not found: install the Windows SDK signing tools or set SIGNTOOL'
}

function Invoke-Sign([string] $File) {
    if (-not (Test-Path -LiteralPath $env:KDRT_SIGN_CERT)) {
        throw "KDRT_SIGN_CERT points to '$env:KDRT_SIGN_CERT', which does not exist"
    }
    $tool = Find-SignTool
    $arguments = @('sign', '/f', $env:KDRT_SIGN_CERT, '/p', $env:KDRT_SIGN_PASSWORD, '/fd', 'sha256',
                   '/d', 'KDRT Desk')
    $timestamp = $env:KDRT_SIGN_TIMESTAMP_URL
    if (-not $timestamp) { $timestamp = 'http://timestamp.digicert.com' }
    if ($timestamp -ne 'none') { $arguments += @('/tr', $timestamp, '/td', 'sha256') }
    Write-Host "Signing $File"
    # The password is an argument of signtool only: never echoed here.
    & $tool @arguments $File
    if ($LASTEXITCODE -ne 0) { throw "signtool failed on $File with exit code $LASTEXITCODE" }
}

# ---- Sign Tool mode: ISCC runs "<this script> -SignFile <file>" for Setup and its uninstaller ----
if ($SignFile) {
    Invoke-Sign $SignFile
    exit 0
}

function Find-Iscc {
    if ($env:ISCC) {
        if (Test-Path -LiteralPath $env:ISCC) { return $env:ISCC }
        throw "ISCC is set to '$env:ISCC', which does not exist"
    }
    $command = Get-Command ISCC.exe -ErrorAction SilentlyContinue
    if ($command) { return $command.Source }
    foreach ($base in @(${env:ProgramFiles(x86)}, $env:ProgramFiles, (Join-Path $env:LOCALAPPDATA 'Programs'))) {
        if (-not $base) { continue }
        $candidate = Join-Path $base 'Inno Setup 6\ISCC.exe'
        if (Test-Path -LiteralPath $candidate) { return $candidate }
    }
    if (Get-Command choco -ErrorAction SilentlyContinue) {
        Write-Step 'Inno Setup 6 not found: installing it with Chocolatey'
        Invoke-Native choco @('install', 'innosetup', '-y', '--no-progress')
        $candidate = Join-Path ${env:ProgramFiles(x86)} 'Inno Setup 6\ISCC.exe'
        if (Test-Path -LiteralPath $candidate) { return $candidate }
    }
    throw 'ISCC.exe (Inno Setup 6) not found: install Inno Setup 6 or set ISCC to its ISCC.exe'
}

Set-Location $Root

# ---- 1. venv --------------------------------------------------------------------------------
$VenvPython = Join-Path $Root '.venv\Scripts\python.exe'
if (-not (Test-Path -LiteralPath $VenvPython)) {
    Write-Step 'Creating .venv'
    if ($Python) {
        Invoke-Native $Python @('-m', 'venv', '.venv')
    } elseif (Get-Command python -ErrorAction SilentlyContinue) {
        Invoke-Native python @('-m', 'venv', '.venv')
    } else {
        Invoke-Native py @('-3', '-m', 'venv', '.venv')
    }
}
Write-Step 'Installing KDRT Desk and PyInstaller into .venv'
Invoke-Native $VenvPython @('-m', 'pip', 'install', '--quiet', '--upgrade', 'pip')
Invoke-Native $VenvPython @('-m', 'pip', 'install', '--quiet', '-e', '.', 'pyinstaller>=6.10,<7')

$Version = (& $VenvPython -c 'import kdrt_desk; print(kdrt_desk.__version__)' | Out-String).Trim()
if ($LASTEXITCODE -ne 0 -or -not $Version) { throw 'Could not read kdrt_desk.__version__' }
Write-Step "KDRT Desk $Version"

# ---- 2. freeze ------------------------------------------------------------------------------
$DistDir = Join-Path $Root 'dist'
$AppDir = Join-Path $DistDir 'KDRT Desk'
$AppExe = Join-Path $AppDir 'KDRT Desk.exe'
if ($SkipFreeze) {
    Write-Step 'Reusing the existing build (-SkipFreeze)'
} else {
    Write-Step 'Freezing with PyInstaller'
    Invoke-Native $VenvPython @('-m', 'PyInstaller', 'installer\kdrt-desk.spec', '--noconfirm') 'PyInstaller'
}
if (-not (Test-Path -LiteralPath $AppExe)) { throw "The build has no $AppExe" }

# ---- 3. sign the program --------------------------------------------------------------------
$Signing = Test-SigningConfigured
if ($Signing) {
    Write-Step 'Signing KDRT Desk.exe'
    Invoke-Sign $AppExe
} else {
    Write-Step 'Not signing: set KDRT_SIGN_CERT (a .pfx file) and KDRT_SIGN_PASSWORD to sign'
}

# ---- 4. compile the installer ---------------------------------------------------------------
$Iscc = Find-Iscc
Write-Step "Compiling the installer with $Iscc"
$Setup = Join-Path $DistDir "KDRT-Desk-Setup-$Version.exe"
if (Test-Path -LiteralPath $Setup) { Remove-Item -LiteralPath $Setup -Force }
$isccArgs = @("/DAppVersion=$Version", "/DSourceDir=$AppDir", "/DOutputDir=$DistDir")
if ($Signing) {
    # ISCC runs this script again as its Sign Tool; $q is Inno Setup's quote and $f the quoted
    # file, so no quote has to survive PowerShell's argument passing, and no password is on
    # ISCC's command line (the child reads it from the environment).
    $shell = (Get-Process -Id $PID).Path
    $isccArgs += ('/Skdrtsign=$q' + $shell + '$q -NoProfile -ExecutionPolicy Bypass -File $q' +
                  $PSCommandPath + '$q -SignFile $f')
    $isccArgs += '/DSignToolName=kdrtsign'
}
$isccArgs += (Join-Path $Root 'installer\kdrt-desk.iss')
Invoke-Native $Iscc $isccArgs 'ISCC'
if (-not (Test-Path -LiteralPath $Setup)) { throw "ISCC reported success but $Setup is missing" }
$size = [math]::Round((Get-Item -LiteralPath $Setup).Length / 1MB, 1)
Write-Step "Setup: $Setup ($size MB)"

# ---- 5. smoke test --------------------------------------------------------------------------
if ($SkipSmokeTest) {
    Write-Step 'Skipping the smoke test (-SkipSmokeTest)'
    exit 0
}
$UninstallKey = "HKCU:\Software\Microsoft\Windows\CurrentVersion\Uninstall\${AppId}_is1"
if (Test-Path $UninstallKey) {
    # Same AppId: the test install would take over (and its uninstall remove) this user's real
    # KDRT Desk entry and Start-menu shortcut. The vault would not be touched, but do not risk it.
    throw ('KDRT Desk is installed for this Windows user: uninstall it first, or run with ' +
           '-SkipSmokeTest (the smoke test would take over its registration)')
}
$Work = Join-Path ([IO.Path]::GetTempPath()) ('kdrt-smoke-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
$InstallDir = Join-Path $Work 'KDRT Desk'
New-Item -ItemType Directory -Path $Work | Out-Null
$Shortcut = Join-Path ([Environment]::GetFolderPath('Programs')) 'KDRT Desk.lnk'
$Uninstaller = Join-Path $InstallDir 'unins000.exe'
$testError = $null
try {
    Write-Step "Installing silently into $InstallDir"
    $code = Invoke-Windowed $Setup ('/VERYSILENT /SUPPRESSMSGBOXES /NORESTART /CURRENTUSER ' +
        "/DIR=`"$InstallDir`" /LOG=`"$(Join-Path $Work 'setup.log')`"") -TimeoutSeconds 900
    if ($code -ne 0) { throw "Setup failed with exit code $code (log: $(Join-Path $Work 'setup.log'))" }
    $installedExe = Join-Path $InstallDir 'KDRT Desk.exe'
    foreach ($expected in @($installedExe, $Uninstaller, $Shortcut)) {
        if (-not (Test-Path -LiteralPath $expected)) { throw "Setup finished but $expected is missing" }
    }
    if (-not (Test-Path $UninstallKey)) { throw 'Setup finished but left no uninstall entry' }

    Write-Step 'Running the installed "KDRT Desk.exe --self-check"'
    $out = Join-Path $Work 'self-check.out.txt'
    $err = Join-Path $Work 'self-check.err.txt'
    # the windowed program may have no stdout: it also writes each line to this file
    $report = Join-Path $Work 'self-check.report.txt'
    $env:KDRT_SELF_CHECK_REPORT = $report
    try {
        $code = Invoke-Windowed $installedExe '--self-check' -TimeoutSeconds $SelfCheckTimeout -StdOut $out -StdErr $err
    } finally {
        Remove-Item Env:KDRT_SELF_CHECK_REPORT -ErrorAction SilentlyContinue
    }
    if (Test-Path -LiteralPath $report) { Get-Content -LiteralPath $report | Write-Host }
    else { Get-Content -LiteralPath $out -ErrorAction SilentlyContinue | Write-Host }
    Get-Content -LiteralPath $err -ErrorAction SilentlyContinue | Write-Host
    if ($code -ne 0) { throw "The installed self-check failed with exit code $code" }
    Write-Step 'Self-check passed'
} catch {
    $testError = $_
}

# Uninstall whatever happened above, then report the first failure.
if (Test-Path -LiteralPath $Uninstaller) {
    Write-Step 'Uninstalling silently'
    try {
        $code = Invoke-Windowed $Uninstaller ('/VERYSILENT /SUPPRESSMSGBOXES /NORESTART ' +
            "/LOG=`"$(Join-Path $Work 'uninstall.log')`"") -TimeoutSeconds 300
        # The uninstaller hands over to a copy of itself: wait until the program is gone.
        $deadline = (Get-Date).AddSeconds(120)
        while ((Test-Path -LiteralPath $Uninstaller) -and (Get-Date) -lt $deadline) { Start-Sleep -Seconds 1 }
        if ($code -ne 0) { throw "The uninstaller failed with exit code $code" }
        if (Test-Path -LiteralPath $Uninstaller) { throw 'The uninstaller left the program behind' }
        if (Test-Path -LiteralPath $Shortcut) { throw 'The uninstaller left the Start-menu shortcut' }
        if (Test-Path $UninstallKey) { throw 'The uninstaller left its uninstall entry' }
    } catch {
        if (-not $testError) { $testError = $_ }
    }
}
if ($testError) {
    foreach ($log in @('setup.log', 'uninstall.log')) {
        $path = Join-Path $Work $log
        if (Test-Path -LiteralPath $path) {
            Write-Host "---- last lines of $log"
            Get-Content -LiteralPath $path -Tail 25 | Write-Host
        }
    }
    Write-Host "Smoke test files kept in $Work"
    throw $testError
}
Remove-Item -LiteralPath $Work -Recurse -Force -ErrorAction SilentlyContinue
Write-Step "Built and smoke-tested $Setup"
