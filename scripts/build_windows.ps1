# Build the Windows desk: the PyInstaller folder, then the Inno Setup installer.
#   powershell -ExecutionPolicy Bypass -File scripts\build_windows.ps1 [-CjkFont PATH]
# Needs: Python 3.11 x64 (py launcher), Inno Setup 6 (ISCC.exe), and wqy-zenhei.ttc (Debian's
# fonts-wqy-zenhei) for the PDF reports, by default at installer\fonts\wqy-zenhei.ttc.
# Writes dist\agent-app\ and dist\agent-app-<version>-setup.exe.
param(
    [string]$CjkFont = "installer\fonts\wqy-zenhei.ttc",
    [string]$Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe"
)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")

function Invoke-Step([string]$Program, [string[]]$Arguments) {
    & $Program @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Program $Arguments failed ($LASTEXITCODE)" }
}

if (-not (Test-Path ".venv\Scripts\python.exe")) { Invoke-Step "py" @("-3.11", "-m", "venv", ".venv") }
$python = ".venv\Scripts\python.exe"
Invoke-Step $python @("-m", "pip", "install", "-q", "--upgrade", "pip")
# pjsua2-python and sqlcipher3 come as win_amd64 wheels: no compiler needed.
Invoke-Step $python @("-m", "pip", "install", "-q", "-e", ".[bundle]")
$catalogs = (Get-ChildItem "resources\translations\*.ts").FullName
Invoke-Step ".venv\Scripts\pyside6-lrelease.exe" (@("-silent") + $catalogs)
Invoke-Step $python @("installer\render_icons.py", "build\icons")

$env:AGENT_APP_CJK_FONT = (Resolve-Path $CjkFont).Path
$env:PYTHONPATH = (Get-Location).Path
Invoke-Step $python @("-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
    "--distpath", "dist", "--workpath", "build\pyinstaller", "installer\agent-app-windows.spec")
Invoke-Step "dist\agent-app\agent-app-cli.exe" @("--version")

$version = & $python -c "import sys, pathlib; sys.path.insert(0, 'installer'); import bundle_data; print(bundle_data.project_version(pathlib.Path('.')))"
Invoke-Step $Iscc @("/Q", "/DAppVersion=$version", "installer\agent-app.iss")
Write-Host "Built dist\agent-app-$version-setup.exe"
