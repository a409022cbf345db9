<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>CallBar</name>
    <message>
        <location filename="../../agent_app/ui/call_bar.py" line="+60" />
        <source>Number to call</source>
        <translation>Number to call</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Dial</source>
        <translation>Dial</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Dial (Ctrl+D)</source>
        <translation>Dial (Ctrl+D)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Hang up</source>
        <translation>Hang up</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Hang up (Ctrl+E)</source>
        <translation>Hang up (Ctrl+E)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Hold</source>
        <translation>Hold</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Mute</source>
        <translation>Mute</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Pause recording</source>
        <translation>Pause recording</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Pause while the patient gives sensitive details; the pause is marked</source>
        <translation>Pause while the patient gives sensitive details; the pause is marked</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Keypad</source>
        <translation>Keypad</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location line="+24" />
        <location line="+1" />
        <source>Ringing…</source>
        <translation>Ringing…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>On hold</source>
        <translation>On hold</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+96" />
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <location line="-72" />
        <location line="+19" />
        <source>Finish the current call first.</source>
        <translation>Finish the current call first.</translation>
    </message>
    <message>
        <location line="-16" />
        <source>Type a number to call.</source>
        <translation>Type a number to call.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Calling…</source>
        <translation>Calling…</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Answering…</source>
        <translation>Answering…</translation>
    </message>
    <message>
        <location line="+52" />
        <source>The call is not being recorded: {0}</source>
        <translation>The call is not being recorded: {0}</translation>
    </message>
    <message>
        <location line="+39" />
        <source>⏸ Recording paused</source>
        <translation>⏸ Recording paused</translation>
    </message>
    <message>
        <location line="+2" />
        <source>● Recording</source>
        <translation>● Recording</translation>
    </message>
</context>
<context>
    <name>CallLog</name>
    <message>
        <location filename="../../agent_app/ui/followup/call_log.py" line="+93" />
        <source>A call could not be written to the local store: {0}</source>
        <translation>A call could not be written to the local store: {0}</translation>
    </message>
</context>
<context>
    <name>DeskApp</name>
    <message>
        <location filename="../../agent_app/ui/app.py" line="+51" />
        <source>Line: simulated (demo)</source>
        <translation>Line: simulated (demo)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Line: {0}</source>
        <translation>Line: {0}</translation>
    </message>
    <message>
        <location line="+86" />
        <source>Generating the demo hospital…</source>
        <translation>Generating the demo hospital…</translation>
    </message>
    <message>
        <location line="+28" />
        <location filename="../../agent_app/ui/fatal.py" line="+27" />
        <source>Follow-up Desk</source>
        <translation>Follow-up Desk</translation>
    </message>
</context>
<context>
    <name>DeskMenus</name>
    <message>
        <location filename="../../agent_app/ui/desk_menus.py" line="+18" />
        <source>&amp;Follow-up</source>
        <translation>&amp;Follow-up</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Supervision</source>
        <translation>&amp;Supervision</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Administration</source>
        <translation>&amp;Administration</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
</context>
<context>
    <name>DeskSync</name>
    <message>
        <location filename="../../agent_app/ui/desk_sync.py" line="+67" />
        <source>First sync with the central database</source>
        <translation>First sync with the central database</translation>
    </message>
</context>
<context>
    <name>DeskTools</name>
    <message>
        <location filename="../../agent_app/ui/desk_tools.py" line="+42" />
        <source>Questionnaires and call scripts…</source>
        <translation>Questionnaires and call scripts…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Discharge import and plans…</source>
        <translation>Discharge import and plans…</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Discharge import</source>
        <translation>Discharge import</translation>
    </message>
</context>
<context>
    <name>FirstSyncDialog</name>
    <message>
        <location filename="../../agent_app/ui/first_sync_dialog.py" line="+21" />
        <source>First sync</source>
        <translation>First sync</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+2" />
        <source>departments</source>
        <translation>departments</translation>
    </message>
    <message>
        <location line="+1" />
        <source>staff</source>
        <translation>staff</translation>
    </message>
    <message>
        <location line="+1" />
        <source>call scripts</source>
        <translation>call scripts</translation>
    </message>
    <message>
        <location line="+1" />
        <source>questionnaires</source>
        <translation>questionnaires</translation>
    </message>
    <message>
        <location line="+1" />
        <source>follow-up plans</source>
        <translation>follow-up plans</translation>
    </message>
    <message>
        <location line="+1" />
        <source>patients</source>
        <translation>patients</translation>
    </message>
    <message>
        <location line="+1" />
        <source>phone numbers</source>
        <translation>phone numbers</translation>
    </message>
    <message>
        <location line="+1" />
        <source>hospital stays</source>
        <translation>hospital stays</translation>
    </message>
    <message>
        <location line="+1" />
        <source>follow-up tasks</source>
        <translation>follow-up tasks</translation>
    </message>
    <message>
        <location line="+1" />
        <source>blocked numbers</source>
        <translation>blocked numbers</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Connecting to the central database…</source>
        <translation>Connecting to the central database…</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Fetching {0}: {1} so far</source>
        <translation>Fetching {0}: {1} so far</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Stopping after the current page…</source>
        <translation>Stopping after the current page…</translation>
    </message>
    <message>
        <location line="+14" />
        <source>The first sync stopped: {0}
It is retried automatically.</source>
        <translation>The first sync stopped: {0}
It is retried automatically.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>FollowupView</name>
    <message>
        <location filename="../../agent_app/ui/followup/followup_view.py" line="+148" />
        <source>No phone line is open on this desk.</source>
        <translation>No phone line is open on this desk.</translation>
    </message>
    <message>
        <location line="+59" />
        <source>Earlier answers could not be restored: {0}</source>
        <translation>Earlier answers could not be restored: {0}</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Answered {0} of {1} · required {2} of {3}</source>
        <translation>Answered {0} of {1} · required {2} of {3}</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Red flag — the attending doctor is alerted when you save:</source>
        <translation>Red flag — the attending doctor is alerted when you save:</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Hang up before leaving this follow-up.</source>
        <translation>Hang up before leaving this follow-up.</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Questions left</source>
        <translation>Questions left</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{0} required questions are not answered ({1}…). Save as a partial follow-up?</source>
        <translation>{0} required questions are not answered ({1}…). Save as a partial follow-up?</translation>
    </message>
    <message>
        <location line="+19" />
        <source>[{0}] {1}, please remember your re-visit; bring your discharge papers.</source>
        <translation>[{0}] {1}, please remember your re-visit; bring your discharge papers.</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Hang up before saving the follow-up.</source>
        <translation>Hang up before saving the follow-up.</translation>
    </message>
    <message>
        <location line="+27" />
        <source>The follow-up was not saved: {0}. Your answers are still here.</source>
        <translation>The follow-up was not saved: {0}. Your answers are still here.</translation>
    </message>
</context>
<context>
    <name>HisAdminWidget</name>
    <message>
        <location filename="../../agent_app/ui/his_admin.py" line="+106" />
        <source>Import discharged patients</source>
        <translation>Import discharged patients</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Discharge exports (*.csv *.xlsx)</source>
        <translation>Discharge exports (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location line="+28" />
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+19" />
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="-18" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Trigger</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rows in</source>
        <translation>Rows in</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unchanged</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tasks created</source>
        <translation>Tasks created</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tasks updated</source>
        <translation>Tasks updated</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tasks cancelled</source>
        <translation>Tasks cancelled</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <location line="+6" />
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Visit number</source>
        <translation>Visit number</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Questionnaire</source>
        <translation>Questionnaire</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Days after discharge</source>
        <translation>Days after discharge</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Retry after (min)</source>
        <translation>Retry after (min)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>SMS before call</source>
        <translation>SMS before call</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rules</source>
        <translation>Rules</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Calling hours</source>
        <translation>Calling hours</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Import runs</source>
        <translation>Import runs</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rejected rows</source>
        <translation>Rejected rows</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Follow-up plans</source>
        <translation>Follow-up plans</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Import a file…</source>
        <translation>Import a file…</translation>
    </message>
    <message>
        <location line="+60" />
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location line="+0" />
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Could not load the import history: {0}</source>
        <translation>Could not load the import history: {0}</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Importing {0}…</source>
        <translation>Importing {0}…</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Imported: {0} rows, {1} new, {2} corrected, {3} unchanged, {4} rejected; {5} follow-up tasks created.</source>
        <translation>Imported: {0} rows, {1} new, {2} corrected, {3} unchanged, {4} rejected; {5} follow-up tasks created.</translation>
    </message>
    <message>
        <location line="+17" />
        <source>The import stopped: {0}</source>
        <translation>The import stopped: {0}</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../../agent_app/ui/translations.py" line="+219" />
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Language changed. Every window shows it from your next sign-in.</source>
        <translation>Language changed. Every window shows it from your next sign-in.</translation>
    </message>
</context>
<context>
    <name>LineStatusLabel</name>
    <message>
        <location filename="../../agent_app/ui/line_status.py" line="+15" />
        <source>phone line</source>
        <translation>phone line</translation>
    </message>
    <message>
        <location line="+18" />
        <source>The phone device was disconnected.</source>
        <translation>The phone device was disconnected.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>device disconnected</source>
        <translation>device disconnected</translation>
    </message>
    <message>
        <location line="+3" />
        <source>registered</source>
        <translation>registered</translation>
    </message>
    <message>
        <location line="+1" />
        <source>registering…</source>
        <translation>registering…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>not registered</source>
        <translation>not registered</translation>
    </message>
    <message>
        <location line="+1" />
        <source>registration failed</source>
        <translation>registration failed</translation>
    </message>
    <message>
        <location line="+1" />
        <source>ready</source>
        <translation>ready</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Line: {0} — {1}</source>
        <translation>Line: {0} — {1}</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../agent_app/ui/lock_screen.py" line="+78" />
        <source>The desk is locked</source>
        <translation>The desk is locked</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Signed in: {0}</source>
        <translation>Signed in: {0}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Switch user</source>
        <translation>Switch user</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Type your password.</source>
        <translation>Type your password.</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Wrong password.</source>
        <translation>Wrong password.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The password could not be checked: {0}</source>
        <translation>The password could not be checked: {0}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../agent_app/ui/login_dialog.py" line="+42" />
        <source>Follow-up Desk — Sign in</source>
        <translation>Follow-up Desk — Sign in</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remember me on this computer</source>
        <translation>Remember me on this computer</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;User</source>
        <translation>&amp;User</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Patient follow-up desk</source>
        <translation>Patient follow-up desk</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Follow-up agent</source>
        <translation>Follow-up agent</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Quality</source>
        <translation>Quality</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Type your password.</source>
        <translation>Type your password.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location line="+12" />
        <source>This computer has no keyring; the password was not remembered.</source>
        <translation>This computer has no keyring; the password was not remembered.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Unknown user or wrong password.</source>
        <translation>Unknown user or wrong password.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Sign-in failed: {0}</source>
        <translation>Sign-in failed: {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../agent_app/ui/main_window.py" line="+99" />
        <source>Follow-up Desk — {0}</source>
        <translation>Follow-up Desk — {0}</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Due today</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Due in 7 days</source>
        <translation>Due in 7 days</translation>
    </message>
    <message>
        <location line="+1" />
        <source>All open</source>
        <translation>All open</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Show: </source>
        <translation>Show: </translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Next follow-up</source>
        <translation>&amp;Next follow-up</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Open the first due follow-up (Ctrl+N)</source>
        <translation>Open the first due follow-up (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Switch user</source>
        <translation>&amp;Switch user</translation>
    </message>
    <message>
        <location line="+15" />
        <source>&amp;Lock the desk</source>
        <translation>&amp;Lock the desk</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+13" />
        <source>{0} · {1} · {2}</source>
        <translation>{0} · {1} · {2}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Central database: not configured (local store only)</source>
        <translation>Central database: not configured (local store only)</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Central database: connecting…</source>
        <translation>Central database: connecting…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Central database: online</source>
        <translation>Central database: online</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Central database: offline</source>
        <translation>Central database: offline</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Caller</source>
        <translation>Caller</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Simulate a patient calling back</source>
        <translation>Simulate a patient calling back</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Follow-up of the caller selected.</source>
        <translation>Follow-up of the caller selected.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The caller has no open follow-up in your queue.</source>
        <translation>The caller has no open follow-up in your queue.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Follow-up agent</source>
        <translation>Follow-up agent</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Quality</source>
        <translation>Quality</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location line="+24" />
        <source>{0} follow-ups</source>
        <translation>{0} follow-ups</translation>
    </message>
    <message>
        <location line="+24" />
        <source>No follow-up is due.</source>
        <translation>No follow-up is due.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Finish or leave the follow-up on screen first.</source>
        <translation>Finish or leave the follow-up on screen first.</translation>
    </message>
    <message>
        <location line="+18" />
        <source>This follow-up is already closed.</source>
        <translation>This follow-up is already closed.</translation>
    </message>
    <message>
        <location line="+42" />
        <source>Saved. The next call is due {0}.</source>
        <translation>Saved. The next call is due {0}.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Saved. The follow-up is closed.</source>
        <translation>Saved. The follow-up is closed.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The attending doctor has been alerted.</source>
        <translation>The attending doctor has been alerted.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Your unfinished follow-up was restored with every answer.</source>
        <translation>Your unfinished follow-up was restored with every answer.</translation>
    </message>
</context>
<context>
    <name>PatientPanel</name>
    <message>
        <location filename="../../agent_app/ui/followup/patient_panel.py" line="+38" />
        <source>Phone numbers</source>
        <translation>Phone numbers</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Calls so far</source>
        <translation>Calls so far</translation>
    </message>
    <message>
        <location line="+11" />
        <source>{0} · {1} · {2} years</source>
        <translation>{0} · {1} · {2} years</translation>
    </message>
    <message>
        <location line="+4" />
        <source>MRN</source>
        <translation>MRN</translation>
    </message>
    <message>
        <location line="+1" />
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Stay</source>
        <translation>Stay</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Diagnosis</source>
        <translation>Diagnosis</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Doctor</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Nurse</source>
        <translation>Nurse</translation>
    </message>
    <message>
        <location line="+17" />
        <source>No calls yet.</source>
        <translation>No calls yet.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Dial</source>
        <translation>Dial</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Dial this number (Alt+{0})</source>
        <translation>Dial this number (Alt+{0})</translation>
    </message>
</context>
<context>
    <name>PopCard</name>
    <message>
        <location filename="../../agent_app/ui/pop_card.py" line="+71" />
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Open follow-up</source>
        <translation>Open follow-up</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Several patients share this number. Who is it?</source>
        <translation>Several patients share this number. Who is it?</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Search patient by name, MRN or phone</source>
        <translation>Search patient by name, MRN or phone</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Caller's name</source>
        <translation>Caller's name</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Create contact for patient…</source>
        <translation>Create contact for patient…</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Incoming call · {0}{1} · {2}</source>
        <translation>Incoming call · {0}{1} · {2}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ringing…</source>
        <translation>Ringing…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Blacklisted number: {0}</source>
        <translation>Blacklisted number: {0}</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The caller's number is not available (out of area).</source>
        <translation>The caller's number is not available (out of area).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The caller withheld their number. Ask who is calling.</source>
        <translation>The caller withheld their number. Ask who is calling.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Unknown caller: no patient or family contact has this number.</source>
        <translation>Unknown caller: no patient or family contact has this number.</translation>
    </message>
    <message>
        <location line="+28" />
        <source>No patient found.</source>
        <translation>No patient found.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <location line="+10" />
        <source>{0} ({1}) · {2} open follow-ups · discharged {3}</source>
        <translation>{0} ({1}) · {2} open follow-ups · discharged {3}</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Search for the patient and select them first.</source>
        <translation>Search for the patient and select them first.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Type the caller's name first.</source>
        <translation>Type the caller's name first.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>the patient</source>
        <translation>the patient</translation>
    </message>
    <message>
        <location line="+1" />
        <source>spouse</source>
        <translation>spouse</translation>
    </message>
    <message>
        <location line="+1" />
        <source>son</source>
        <translation>son</translation>
    </message>
    <message>
        <location line="+1" />
        <source>daughter</source>
        <translation>daughter</translation>
    </message>
    <message>
        <location line="+1" />
        <source>parent</source>
        <translation>parent</translation>
    </message>
    <message>
        <location line="+1" />
        <source>sibling</source>
        <translation>sibling</translation>
    </message>
    <message>
        <location line="+1" />
        <source>other</source>
        <translation>other</translation>
    </message>
    <message>
        <location line="+6" />
        <source>male</source>
        <translation>male</translation>
    </message>
    <message>
        <location line="+1" />
        <source>female</source>
        <translation>female</translation>
    </message>
    <message>
        <location line="+1" />
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location line="+7" />
        <source>{0}, {1} of {2}</source>
        <translation>{0}, {1} of {2}</translation>
    </message>
    <message>
        <location line="+8" />
        <source>&lt;p&gt;A patient of &lt;b&gt;{0}&lt;/b&gt;. You may not see this patient's details: transfer the call to that department.&lt;/p&gt;</source>
        <translation>&lt;p&gt;A patient of &lt;b&gt;{0}&lt;/b&gt;. You may not see this patient's details: transfer the call to that department.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+7" />
        <source>another department</source>
        <translation>another department</translation>
    </message>
    <message>
        <location line="+6" />
        <source>{0} · {1} years · MRN {2} · ID {3}</source>
        <translation>{0} · {1} years · MRN {2} · ID {3}</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Caller: {0}</source>
        <translation>Caller: {0}</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Discharged {0} · {1} ({2}) · {3} {4}</source>
        <translation>Discharged {0} · {1} ({2}) · {3} {4}</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Attending doctor: {0} · nurse: {1}</source>
        <translation>Attending doctor: {0} · nurse: {1}</translation>
    </message>
    <message>
        <location line="+8" />
        <source>&lt;b&gt;Open follow-up:&lt;/b&gt; {0} · L{1} · due {2} · attempt {3}/{4}</source>
        <translation>&lt;b&gt;Open follow-up:&lt;/b&gt; {0} · L{1} · due {2} · attempt {3}/{4}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>follow-up</source>
        <translation>follow-up</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Questionnaire stopped at {0} of {1} questions; it continues from there.</source>
        <translation>Questionnaire stopped at {0} of {1} questions; it continues from there.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>No open follow-up.</source>
        <translation>No open follow-up.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Last call: {0} · {1} · {2} · {3}</source>
        <translation>Last call: {0} · {1} · {2} · {3}</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Last result: {0} · {1} · satisfaction {2}</source>
        <translation>Last result: {0} · {1} · satisfaction {2}</translation>
    </message>
</context>
<context>
    <name>QuestionBox</name>
    <message>
        <location filename="../../agent_app/ui/followup/question_box.py" line="+57" />
        <source>Unable to answer</source>
        <translation>Unable to answer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
</context>
<context>
    <name>QueueFilterBar</name>
    <message>
        <location filename="../../agent_app/ui/queue_filters.py" line="+43" />
        <source>Search name, MRN or phone (Ctrl+F)</source>
        <translation>Search name, MRN or phone (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Any status</source>
        <translation>Any status</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location line="+1" />
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location line="+2" />
        <source>All levels</source>
        <translation>All levels</translation>
    </message>
    <message>
        <location line="+1" />
        <source>L1 own follow-ups</source>
        <translation>L1 own follow-ups</translation>
    </message>
    <message>
        <location line="+1" />
        <source>L2 department spot-checks</source>
        <translation>L2 department spot-checks</translation>
    </message>
    <message>
        <location line="+1" />
        <source>L3 hospital spot-checks</source>
        <translation>L3 hospital spot-checks</translation>
    </message>
    <message>
        <location line="+2" />
        <source>All departments</source>
        <translation>All departments</translation>
    </message>
</context>
<context>
    <name>ScreenPop</name>
    <message>
        <location filename="../../agent_app/ui/screen_pop.py" line="+89" />
        <location line="+187" />
        <source>Incoming call</source>
        <translation>Incoming call</translation>
    </message>
    <message>
        <location line="-144" />
        <source>Rejected a call from a blacklisted number ({0}).</source>
        <translation>Rejected a call from a blacklisted number ({0}).</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The caller could not be looked up: {0}</source>
        <translation>The caller could not be looked up: {0}</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Missed call: the caller hung up.</source>
        <translation>Missed call: the caller hung up.</translation>
    </message>
    <message>
        <location line="+61" />
        <source>There is no caller number to save.</source>
        <translation>There is no caller number to save.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Saved {0} as a contact of the patient.</source>
        <translation>Saved {0} as a contact of the patient.</translation>
    </message>
    <message>
        <location line="+88" />
        <source>The patient could not be looked up: {0}</source>
        <translation>The patient could not be looked up: {0}</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Could not save the call record: {0}</source>
        <translation>Could not save the call record: {0}</translation>
    </message>
</context>
<context>
    <name>ScriptPanel</name>
    <message>
        <location filename="../../agent_app/ui/followup/script_panel.py" line="+27" />
        <source>This follow-up plan has no call script.</source>
        <translation>This follow-up plan has no call script.</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Not known for this patient: {0}</source>
        <translation>Not known for this patient: {0}</translation>
    </message>
</context>
<context>
    <name>ScriptTab</name>
    <message>
        <location filename="../../agent_app/ui/admin/script_tab.py" line="+70" />
        <location line="+34" />
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="-34" />
        <location line="+35" />
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="-35" />
        <source>Plans</source>
        <translation>Plans</translation>
    </message>
    <message>
        <location line="+3" />
        <source>New scrip&amp;t</source>
        <translation>New scrip&amp;t</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Insert a placeholder…</source>
        <translation>Insert a placeholder…</translation>
    </message>
    <message>
        <location line="+12" />
        <source>&amp;Save script</source>
        <translation>&amp;Save script</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Preview with sample values</source>
        <translation>Preview with sample values</translation>
    </message>
    <message>
        <location line="+42" />
        <location line="+19" />
        <source>Discard changes?</source>
        <translation>Discard changes?</translation>
    </message>
    <message>
        <location line="-18" />
        <source>The script in the editor is not saved. Discard it and open {0}?</source>
        <translation>The script in the editor is not saved. Discard it and open {0}?</translation>
    </message>
    <message>
        <location line="+19" />
        <source>The script in the editor is not saved. Discard it?</source>
        <translation>The script in the editor is not saved. Discard it?</translation>
    </message>
    <message>
        <location line="+6" />
        <source>New call script</source>
        <translation>New call script</translation>
    </message>
    <message>
        <location line="+29" />
        <source>OK — {0} sections, {1} placeholders</source>
        <translation>OK — {0} sections, {1} placeholders</translation>
    </message>
    <message>
        <location line="+17" />
        <location line="+36" />
        <source>Not saved: {0}</source>
        <translation>Not saved: {0}</translation>
    </message>
    <message>
        <location line="-16" />
        <source>Created script '{0}'.</source>
        <translation>Created script '{0}'.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Saved script '{0}'; the previous text is kept in the audit log.</source>
        <translation>Saved script '{0}'; the previous text is kept in the audit log.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>the store could not be written ({0})</source>
        <translation>the store could not be written ({0})</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The scripts could not be read: {0}</source>
        <translation>The scripts could not be read: {0}</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../../agent_app/ui/sync_status.py" line="+32" />
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Send saved work and fetch changes now</source>
        <translation>Send saved work and fetch changes now</translation>
    </message>
    <message>
        <location line="+13" />
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location line="+9" />
        <source>syncing…</source>
        <translation>syncing…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>not yet synced</source>
        <translation>not yet synced</translation>
    </message>
    <message>
        <location line="+2" />
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <location line="+2" />
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Sync: {0}</source>
        <translation>Sync: {0}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{0} pending</source>
        <translation>{0} pending</translation>
    </message>
    <message>
        <location line="+1" />
        <source>last {0}</source>
        <translation>last {0}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{0} refused</source>
        <translation>{0} refused</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Last complete sync: {0}</source>
        <translation>Last complete sync: {0}</translation>
    </message>
</context>
<context>
    <name>TaskQueueModel</name>
    <message>
        <location filename="../../agent_app/ui/task_queue_model.py" line="+51" />
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location line="+1" />
        <source>MRN</source>
        <translation>MRN</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Diagnosis</source>
        <translation>Diagnosis</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location line="+1" />
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <location filename="../../agent_app/ui/template_editor.py" line="+46" />
        <source>Import a questionnaire template</source>
        <translation>Import a questionnaire template</translation>
    </message>
    <message>
        <location line="+2" />
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Questionnaire templates and call scripts</source>
        <translation>Questionnaire templates and call scripts</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Questionnaire &amp;templates</source>
        <translation>Questionnaire &amp;templates</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Call &amp;scripts</source>
        <translation>Call &amp;scripts</translation>
    </message>
</context>
<context>
    <name>TemplatePreview</name>
    <message>
        <location filename="../../agent_app/ui/admin/template_preview.py" line="+18" />
        <source>Preview (try the answers; nothing is saved)</source>
        <translation>Preview (try the answers; nothing is saved)</translation>
    </message>
</context>
<context>
    <name>TemplateTab</name>
    <message>
        <location filename="../../agent_app/ui/admin/template_tab.py" line="+84" />
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Specialty</source>
        <translation>Specialty</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Plans</source>
        <translation>Plans</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;New template</source>
        <translation>&amp;New template</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Import from file…</source>
        <translation>&amp;Import from file…</translation>
    </message>
    <message>
        <location line="+12" />
        <source>&amp;Retire the previous version and move its plans to the new one</source>
        <translation>&amp;Retire the previous version and move its plans to the new one</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Save as new version</source>
        <translation>&amp;Save as new version</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <location line="+45" />
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location line="+0" />
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location line="+40" />
        <location line="+32" />
        <source>Discard changes?</source>
        <translation>Discard changes?</translation>
    </message>
    <message>
        <location line="-31" />
        <source>The template in the editor is not saved. Discard it and open {0}?</source>
        <translation>The template in the editor is not saved. Discard it and open {0}?</translation>
    </message>
    <message>
        <location line="+22" />
        <source>New version {2} of '{0}', copied from version {1}. Saving adds it; version {1} and the results answered with it stay as they are.</source>
        <translation>New version {2} of '{0}', copied from version {1}. Saving adds it; version {1} and the results answered with it stay as they are.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The template in the editor is not saved. Discard it?</source>
        <translation>The template in the editor is not saved. Discard it?</translation>
    </message>
    <message>
        <location line="+5" />
        <source>A new template: give it its own code; it is saved as version 1.</source>
        <translation>A new template: give it its own code; it is saved as version 1.</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Imported from {0}; check it, then save it as a new version.</source>
        <translation>Imported from {0}; check it, then save it as a new version.</translation>
    </message>
    <message>
        <location line="+23" />
        <source>OK — {0} questions, {1} red-flag rules</source>
        <translation>OK — {0} questions, {1} red-flag rules</translation>
    </message>
    <message>
        <location line="+17" />
        <location line="+59" />
        <source>Not saved: {0}</source>
        <translation>Not saved: {0}</translation>
    </message>
    <message>
        <location line="-44" />
        <source>Removed: {0}</source>
        <translation>Removed: {0}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Answers stored under version {0} may not fit version {1}:

{2}

Those results keep pointing at version {0}. Save version {1} anyway?</source>
        <translation>Answers stored under version {0} may not fit version {1}:

{2}

Those results keep pointing at version {0}. Save version {1} anyway?</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Incompatible with stored answers</source>
        <translation>Incompatible with stored answers</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Not saved.</source>
        <translation>Not saved.</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Saved version {1} of '{0}'.</source>
        <translation>Saved version {1} of '{0}'.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{0} plans now use it.</source>
        <translation>{0} plans now use it.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>the store could not be written ({0})</source>
        <translation>the store could not be written ({0})</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The templates could not be read: {0}</source>
        <translation>The templates could not be read: {0}</translation>
    </message>
</context>
<context>
    <name>WrapUpPanel</name>
    <message>
        <location filename="../../agent_app/ui/followup/wrapup_panel.py" line="+62" />
        <source>Wrap-up</source>
        <translation>Wrap-up</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Notes for the next caller and the doctor</source>
        <translation>Notes for the next caller and the doctor</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Send a re-visit reminder by SMS</source>
        <translation>Send a re-visit reminder by SMS</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save and close (Ctrl+S)</source>
        <translation>Save and close (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Leave for later</source>
        <translation>Leave for later</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Back to the queue; the answers stay saved here</source>
        <translation>Back to the queue; the answers stay saved here</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Call back at</source>
        <translation>Call back at</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="-42" />
        <source>Reached — follow-up done</source>
        <translation>Reached — follow-up done</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No answer</source>
        <translation>No answer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Busy</source>
        <translation>Busy</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Call back later</source>
        <translation>Call back later</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Refused the follow-up</source>
        <translation>Refused the follow-up</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Wrong number</source>
        <translation>Wrong number</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Number does not exist</source>
        <translation>Number does not exist</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Patient deceased</source>
        <translation>Patient deceased</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Our line failed</source>
        <translation>Our line failed</translation>
    </message>
</context>
</TS>
