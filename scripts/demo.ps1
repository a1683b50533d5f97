# Quick start 1 on Windows: set everything up, create a demo vault, open KDRT Desk on it.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
if (-not (Test-Path ".venv\Scripts\python.exe")) { py -3 -m venv .venv }
.\.venv\Scripts\python.exe -m pip install --quiet --upgrade pip
.\.venv\Scripts\python.exe -m pip install --quiet -e ".[test]"
$demo = if ($env:KDRT_DEMO_DIR) { $env:KDRT_DEMO_DIR } else { ".demo-vault" }
$env:KDRT_PASSWORD = if ($env:KDRT_DEMO_PASSWORD) { $env:KDRT_DEMO_PASSWORD } else { "demo-kdrt-2026" }
if (-not (Test-Path (Join-Path $demo "kdrt.keys"))) {
    # prints the login (the password of KDRT_PASSWORD) and the recovery code
    .\.venv\Scripts\kdrt-desk.exe demo --data-dir $demo --participants 2000
} else {
    Write-Host "Demo login: username admin (or konselor, fasilitator, staf), password $env:KDRT_PASSWORD"
}
Remove-Item Env:KDRT_PASSWORD
.\.venv\Scripts\kdrt-desk.exe --data-dir $demo
