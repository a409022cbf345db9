; Inno Setup 6 script: the Windows installer of the follow-up desk.
; Built by scripts\build_windows.ps1 after PyInstaller made dist\agent-app from
; installer\agent-app-windows.spec; the script passes /DAppVersion from pyproject.toml.
;
; Per-machine install under Program Files, a Start-menu entry and an uninstaller. The desk's
; stores, recordings, backups and settings live in each user's profile
; (%LOCALAPPDATA%\agent-app, %APPDATA%\agent-app), which neither an upgrade nor the
; uninstaller touches.

#define AppId "agent-app"
#define AppName "Follow-up Desk"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppExe "agent-app.exe"

[Setup]
; Fixed for ever: upgrades find the installed copy by it.
AppId={{6E3C1B2A-8F4D-4C51-9A7E-2D5B0C9F1E47}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Follow-up desk team
DefaultDirName={autopf}\{#AppId}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename={#AppId}-{#AppVersion}-setup
SetupIconFile=..\build\icons\agent-app.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the program folder whole, so no module of the old version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\dist\agent-app\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
