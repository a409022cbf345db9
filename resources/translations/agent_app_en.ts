<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>AccountPicker</name>
    <message>
        <location filename="../../agent_app/ui/account_picker.py" line="+53"/>
        <source>Type a name, its initials or a department</source>
        <translation>Type a name, its initials or a department</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>No account matches “{0}”. Check the spelling, or clear the search.</source>
        <translation>No account matches “{0}”. Check the spelling, or clear the search.</translation>
    </message>
</context>
<context>
    <name>AckDialog</name>
    <message>
        <location filename="../../agent_app/ui/red_flags/ack_dialog.py" line="+22"/>
        <source>Acknowledge the red flag — {0}</source>
        <translation>Acknowledge the red flag — {0}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Action taken</source>
        <translation>Action taken</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What you did or decided (up to {0} characters)</source>
        <translation>What you did or decided (up to {0} characters)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
</context>
<context>
    <name>AgreementView</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/agreement_view.py" line="+87"/>
        <source>No run: the dates below</source>
        <translation>No run: the dates below</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Level 2: department spot-check</source>
        <translation>Level 2: department spot-check</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level 3: hospital spot-check</source>
        <translation>Level 3: hospital spot-check</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Satisfaction scores this close count as agreeing.</source>
        <translation>Satisfaction scores this close count as agreeing.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;how (F5)</source>
        <translation>S&amp;how (F5)</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+162"/>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <location line="-162"/>
        <source>Compared</source>
        <translation>Compared</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Agreeing</source>
        <translation>Agreeing</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Agreement</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Past &amp;run</source>
        <translation>Past &amp;run</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Level</source>
        <translation>&amp;Level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spot-checks &amp;due</source>
        <translation>Spot-checks &amp;due</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Department</source>
        <translation>&amp;Department</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfaction &amp;tolerance</source>
        <translation>Satisfaction &amp;tolerance</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Discrepancies</source>
        <translation>Discrepancies</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only supervisors and quality staff see agreement.</source>
        <translation>Only supervisors and quality staff see agreement.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All departments</source>
        <translation>All departments</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Run {run}: L{level}, {start} – {end}, seed {seed}</source>
        <translation>Run {run}: L{level}, {start} – {end}, seed {seed}</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The period ends before it starts; swap the dates.</source>
        <translation>The period ends before it starts; swap the dates.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Comparing the levels…</source>
        <translation>Comparing the levels…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{pairs} spot-checks compared with their follow-up; {flagged} flagged with {count} discrepancies.</source>
        <translation>{pairs} spot-checks compared with their follow-up; {flagged} flagged with {count} discrepancies.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agent (L1)</source>
        <translation>Agent (L1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>L1 answer</source>
        <translation>L1 answer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L3 answer</source>
        <translation>L3 answer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>L2 answer</source>
        <translation>L2 answer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spot-check task</source>
        <translation>Spot-check task</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Knows the re-visit date</source>
        <translation>Knows the re-visit date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who answered</source>
        <translation>Who answered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Was phoned for the follow-up</source>
        <translation>Was phoned for the follow-up</translation>
    </message>
</context>
<context>
    <name>AlertToast</name>
    <message>
        <location filename="../../agent_app/ui/red_flags/alert_toast.py" line="+45"/>
        <source>Open the inbox</source>
        <translation>Open the inbox</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>New red flag: {0}</source>
        <translation>New red flag: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} new red flags, the first: {1}</source>
        <translation>{0} new red flags, the first: {1}</translation>
    </message>
</context>
<context>
    <name>AnswerPicker</name>
    <message>
        <location filename="../../agent_app/ui/reports/answer_picker.py" line="+26"/>
        <source>&amp;Questionnaire:</source>
        <translation>&amp;Questionnaire:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Q&amp;uestion:</source>
        <translation>Q&amp;uestion:</translation>
    </message>
</context>
<context>
    <name>AttemptCountdown</name>
    <message>
        <location filename="../../agent_app/ui/sign_in_wait.py" line="+35"/>
        <source>Too many wrong passwords: this account is locked until {0}.</source>
        <translation>Too many wrong passwords: this account is locked until {0}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too soon after a wrong password: wait for the countdown.</source>
        <translation>Too soon after a wrong password: wait for the countdown.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Next attempt in {0}:{1:02d}.</source>
        <translation>Next attempt in {0}:{1:02d}.</translation>
    </message>
</context>
<context>
    <name>BackupRestoreDialog</name>
    <message>
        <location filename="../../agent_app/ui/backup_restore_dialog.py" line="+48"/>
        <source>Restore a backup</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Taken</source>
        <translation>Taken</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The current data store is kept aside, not deleted.</source>
        <translation>The current data store is kept aside, not deleted.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There are no backups in {0} yet.</source>
        <translation>There are no backups in {0} yet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Restore</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{0:.1f} MB</source>
        <translation>{0:.1f} MB</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Restore the backup taken {0}? Work saved after it is no longer in the data store (the current store is kept aside), and the desk closes afterwards.</source>
        <translation>Restore the backup taken {0}? Work saved after it is no longer in the data store (the current store is kept aside), and the desk closes afterwards.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Checking and restoring the backup…</source>
        <translation>Checking and restoring the backup…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The backup was restored. The previous data store was kept as {0}. The desk will now close; start it again.</source>
        <translation>The backup was restored. The previous data store was kept as {0}. The desk will now close; start it again.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Restore a backup…</source>
        <translation>Restore a backup…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close the desk</source>
        <translation>Close the desk</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <location filename="../../agent_app/ui/admin/calendar_page.py" line="+62"/>
        <source>The national holiday data ends on {0} ({1} days left). Upgrade chinesecalendar once the State Council publishes next year&apos;s holidays; until then, add the known holidays as closure days.</source>
        <translation>The national holiday data ends on {0} ({1} days left). Upgrade chinesecalendar once the State Council publishes next year&apos;s holidays; until then, add the known holidays as closure days.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The national holiday data ended on {0}: calls now follow plain weekdays and public holidays are not skipped. Upgrade chinesecalendar, or add the holidays as closure days.</source>
        <translation>The national holiday data ended on {0}: calls now follow plain weekdays and public holidays are not skipped. Upgrade chinesecalendar, or add the holidays as closure days.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Closure day (no calls)</source>
        <translation>Closure day (no calls)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extra working day</source>
        <translation>Extra working day</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{day} already has an exception; remove it first.</source>
        <translation>{day} already has an exception; remove it first.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The reason is longer than {limit} characters.</source>
        <translation>The reason is longer than {limit} characters.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That exception is no longer in the calendar.</source>
        <translation>That exception is no longer in the calendar.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only an administrator may change the calendar.</source>
        <translation>Only an administrator may change the calendar.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The calendar could not be read or written ({0}).</source>
        <translation>The calendar could not be read or written ({0}).</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>China&apos;s public holidays and swapped working days are known for {0}–{1}. Beyond that, calls follow plain weekdays.</source>
        <translation>China&apos;s public holidays and swapped working days are known for {0}–{1}. Beyond that, calls follow plain weekdays.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+22"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reason, e.g. hospital-wide power maintenance</source>
        <translation>Reason, e.g. hospital-wide power maintenance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Add</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove selected</source>
        <translation>&amp;Remove selected</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The hospital&apos;s own exceptions</source>
        <translation>The hospital&apos;s own exceptions</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Calling calendar</source>
        <translation>Calling calendar</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Added {0}: {1}.</source>
        <translation>Added {0}: {1}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select an exception to remove.</source>
        <translation>Select an exception to remove.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Removed {0}.</source>
        <translation>Removed {0}.</translation>
    </message>
</context>
<context>
    <name>CallBar</name>
    <message>
        <location filename="../../agent_app/ui/call_bar.py" line="+99"/>
        <source>Number to call</source>
        <translation>Number to call</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dial</source>
        <translation>Dial</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+282"/>
        <source>Dial (Ctrl+D)</source>
        <translation>Dial (Ctrl+D)</translation>
    </message>
    <message>
        <location line="-280"/>
        <source>Hang up</source>
        <translation>Hang up</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hang up (Ctrl+E)</source>
        <translation>Hang up (Ctrl+E)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hold</source>
        <translation>Hold</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mute</source>
        <translation>Mute</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pause recording</source>
        <translation>Pause recording</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pause while the patient gives sensitive details; the pause is marked</source>
        <translation>Pause while the patient gives sensitive details; the pause is marked</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Transfer…</source>
        <translation>Transfer…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Transfer the call, consult first or bring someone in (Ctrl+T)</source>
        <translation>Transfer the call, consult first or bring someone in (Ctrl+T)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keypad</source>
        <translation>Keypad</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location line="+182"/>
        <location line="+1"/>
        <source>Ringing…</source>
        <translation>Ringing…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>On hold</source>
        <translation>On hold</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <location line="-132"/>
        <location line="+49"/>
        <source>Finish the current call first.</source>
        <translation>Finish the current call first.</translation>
    </message>
    <message>
        <location line="-177"/>
        <source>Type a number to call.</source>
        <translation>Type a number to call.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;{number}&quot; is not a phone number: use digits only (spaces, dashes and brackets may separate them, and a + may start it). Nothing was dialled.</source>
        <translation>&quot;{number}&quot; is not a phone number: use digits only (spaces, dashes and brackets may separate them, and a + may start it). Nothing was dialled.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{number} is not a valid phone number for this desk&apos;s region ({region}) nor an internal extension. Nothing was dialled.</source>
        <translation>{number} is not a valid phone number for this desk&apos;s region ({region}) nor an internal extension. Nothing was dialled.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only a SIP headset line can call the address {number}.</source>
        <translation>Only a SIP headset line can call the address {number}.</translation>
    </message>
    <message>
        <location line="+156"/>
        <location line="+89"/>
        <source>Calling…</source>
        <translation>Calling…</translation>
    </message>
    <message>
        <location line="-71"/>
        <location line="+72"/>
        <location line="+2"/>
        <source>Answering…</source>
        <translation>Answering…</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>The call is not being recorded: {0}</source>
        <translation>The call is not being recorded: {0}</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>⏸ Recording paused</source>
        <translation>⏸ Recording paused</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>● Recording</source>
        <translation>● Recording</translation>
    </message>
</context>
<context>
    <name>CallLog</name>
    <message>
        <location filename="../../agent_app/ui/followup/call_log.py" line="+69"/>
        <source>A call could not be written to the local store: {0}</source>
        <translation>A call could not be written to the local store: {0}</translation>
    </message>
</context>
<context>
    <name>CallTools</name>
    <message>
        <location filename="../../agent_app/ui/followup/call_tools.py" line="+30"/>
        <source>Recording of an earlier call</source>
        <translation>Recording of an earlier call</translation>
    </message>
</context>
<context>
    <name>CallTransfer</name>
    <message>
        <location filename="../../agent_app/ui/call_transfer.py" line="+78"/>
        <source>The transfer directory could not be read; try again.</source>
        <translation>The transfer directory could not be read; try again.</translation>
    </message>
</context>
<context>
    <name>ComplaintDetail</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/complaint_detail.py" line="+58"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Note for the department (optional)</source>
        <translation>Note for the department (optional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Assign</source>
        <translation>&amp;Assign</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The department&apos;s reply</source>
        <translation>The department&apos;s reply</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re&amp;ply</source>
        <translation>Re&amp;ply</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Closing note (optional)</source>
        <translation>Closing note (optional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;lose complaint</source>
        <translation>C&amp;lose complaint</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next step</source>
        <translation>Next step</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Choose a complaint in the list.</source>
        <translation>Choose a complaint in the list.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{state} · {department} · registered {when} by {who}</source>
        <translation>{state} · {department} · registered {when} by {who}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no department yet</source>
        <translation>no department yet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>closed {when}</source>
        <translation>closed {when}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from a call</source>
        <translation>from a call</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none given</source>
        <translation>none given</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Complaint</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggestion</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Praise</source>
        <translation>Praise</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <source>Assigned</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+9"/>
        <source>Replied</source>
        <translation>Replied</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+9"/>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
</context>
<context>
    <name>ComplaintForm</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/complaint_form.py" line="+46"/>
        <location line="+97"/>
        <source>No patient chosen</source>
        <translation>No patient chosen</translation>
    </message>
    <message>
        <location line="-95"/>
        <source>Name, MRN or phone number</source>
        <translation>Name, MRN or phone number</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find</source>
        <translation>Find</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Complaint</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggestion</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Praise</source>
        <translation>Praise</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Decide later</source>
        <translation>Decide later</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What the patient or family said</source>
        <translation>What the patient or family said</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find &amp;patient</source>
        <translation>Find &amp;patient</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Kind</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Department</source>
        <translation>&amp;Department</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;What was said</source>
        <translation>&amp;What was said</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The call&apos;s department</source>
        <translation>The call&apos;s department</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No patient found for “{text}”.</source>
        <translation>No patient found for “{text}”.</translation>
    </message>
</context>
<context>
    <name>ComplaintsScreen</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/complaints_screen.py" line="+78"/>
        <source>All states</source>
        <translation>All states</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All departments</source>
        <translation>All departments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New… (Ctrl+N)</source>
        <translation>&amp;New… (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re&amp;fresh (F5)</source>
        <translation>Re&amp;fresh (F5)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+16"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="-16"/>
        <location line="+18"/>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Administrators do not handle complaints.</source>
        <translation>Administrators do not handle complaints.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>{count} shown.</source>
        <translation>{count} shown.</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>ConfigTexts</name>
    <message>
        <location filename="../../agent_app/ui/config_texts.py" line="+11"/>
        <source>The [server] sslmode &apos;{sslmode}&apos; does not check the central database&apos;s certificate. Use &apos;verify-full&apos; with ca_file, or, if the hospital accepts the risk, also set allow_weak_tls = true in [server].</source>
        <translation>The [server] sslmode &apos;{sslmode}&apos; does not check the central database&apos;s certificate. Use &apos;verify-full&apos; with ca_file, or, if the hospital accepts the risk, also set allow_weak_tls = true in [server].</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The [server] ca_file {path} is not a file.</source>
        <translation>The [server] ca_file {path} is not a file.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The settings file {path} named by {variable} does not exist.</source>
        <translation>The settings file {path} named by {variable} does not exist.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In {path}, [sign_in] needs max_failures of at least 1, lockout_minutes above 0 and first_delay_seconds of 0 or more.</source>
        <translation>In {path}, [sign_in] needs max_failures of at least 1, lockout_minutes above 0 and first_delay_seconds of 0 or more.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The settings file {path} is not a valid settings file ({detail}).</source>
        <translation>The settings file {path} is not a valid settings file ({detail}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The settings file {path} is not saved as UTF-8 text.</source>
        <translation>The settings file {path} is not saved as UTF-8 text.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The settings file {path} cannot be read ({detail}).</source>
        <translation>The settings file {path} cannot be read ({detail}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In {where}, [{section}] must be a section of settings.</source>
        <translation>In {where}, [{section}] must be a section of settings.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In {where}, the setting &apos;{name}&apos; is not known.</source>
        <translation>In {where}, the setting &apos;{name}&apos; is not known.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In {where}, a password was written into the settings. Passwords belong in the system keyring only: remove it from the file.</source>
        <translation>In {where}, a password was written into the settings. Passwords belong in the system keyring only: remove it from the file.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In {where}, &apos;{value}&apos; is not one of: {allowed}.</source>
        <translation>In {where}, &apos;{value}&apos; is not one of: {allowed}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In {where}, &apos;{value}&apos; is not a valid value.</source>
        <translation>In {where}, &apos;{value}&apos; is not a valid value.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In {where}, the value has a kind the setting cannot take.</source>
        <translation>In {where}, the value has a kind the setting cannot take.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In {path}, extension_pattern &apos;{pattern}&apos; is not a valid regular expression ({detail}).</source>
        <translation>In {path}, extension_pattern &apos;{pattern}&apos; is not a valid regular expression ({detail}).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In {path}, inbound_ring_timeout must be above 0 seconds.</source>
        <translation>In {path}, inbound_ring_timeout must be above 0 seconds.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In {path}, [sip] max_calls must be between 1 and 3.</source>
        <translation>In {path}, [sip] max_calls must be between 1 and 3.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In {path}, [headset] device &apos;{value}&apos; names no headset: use auto, none, vendor:product in hex (0b0e:24c8) or a device path.</source>
        <translation>In {path}, [headset] device &apos;{value}&apos; names no headset: use auto, none, vendor:product in hex (0b0e:24c8) or a device path.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The desk cannot write to its data folder {folder} ({detail}).</source>
        <translation>The desk cannot write to its data folder {folder} ({detail}).</translation>
    </message>
</context>
<context>
    <name>DashboardCaption</name>
    <message>
        <location filename="../../agent_app/ui/reports/dashboard_caption.py" line="+25"/>
        <source>MMMM yyyy</source>
        <translation>MMMM yyyy</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Figures for {period}.</source>
        <translation>Figures for {period}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The statistics for the changed filter are computed next…</source>
        <translation>The statistics for the changed filter are computed next…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Figures for {shown}; the changed filter is computed next…</source>
        <translation>Figures for {shown}; the changed filter is computed next…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Computing the statistics for {period}…</source>
        <translation>Computing the statistics for {period}…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Figures for {shown}; computing {wanted}…</source>
        <translation>Figures for {shown}; computing {wanted}…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The figures shown are for {shown}.</source>
        <translation>The figures shown are for {shown}.</translation>
    </message>
</context>
<context>
    <name>DashboardOutputs</name>
    <message>
        <location filename="../../agent_app/ui/reports/dashboard_outputs.py" line="+78"/>
        <source>&amp;Export table…</source>
        <translation>&amp;Export table…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export &amp;all tables to XLSX…</source>
        <translation>Export &amp;all tables to XLSX…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Print…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Monthly report (PDF)…</source>
        <translation>&amp;Monthly report (PDF)…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV text (*.csv)</source>
        <translation>CSV text (*.csv)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Save the monthly report</source>
        <translation>Save the monthly report</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Monthly report</source>
        <translation>Monthly report</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The report was saved as {path}. Open it now?</source>
        <translation>The report was saved as {path}. Open it now?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Statistics</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+11"/>
        <source>There is nothing to export yet: refresh the statistics.</source>
        <translation>There is nothing to export yet: refresh the statistics.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Exported {rows} rows to {path}.</source>
        <translation>Exported {rows} rows to {path}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The export did not complete.</source>
        <translation>The export did not complete.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>There is nothing to print yet: refresh the statistics.</source>
        <translation>There is nothing to print yet: refresh the statistics.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The monthly report was not written.</source>
        <translation>The monthly report was not written.</translation>
    </message>
</context>
<context>
    <name>DeskApp</name>
    <message>
        <location filename="../../agent_app/ui/app.py" line="+151"/>
        <source>Generating the demo hospital…</source>
        <translation>Generating the demo hospital…</translation>
    </message>
    <message>
        <location line="+44"/>
        <location filename="../../agent_app/ui/backup_restore_dialog.py" line="-7"/>
        <location filename="../../agent_app/ui/fatal.py" line="+49"/>
        <source>Follow-up Desk</source>
        <translation>Follow-up Desk</translation>
    </message>
</context>
<context>
    <name>DeskInbox</name>
    <message>
        <location filename="../../agent_app/ui/red_flags/desk_inbox.py" line="+55"/>
        <source>Red-flag inbox</source>
        <translation>Red-flag inbox</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Red-flag inbox…</source>
        <translation>Red-flag inbox…</translation>
    </message>
</context>
<context>
    <name>DeskMenus</name>
    <message>
        <location filename="../../agent_app/ui/desk_menus.py" line="+18"/>
        <source>&amp;Follow-up</source>
        <translation>&amp;Follow-up</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Supervision</source>
        <translation>&amp;Supervision</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Administration</source>
        <translation>&amp;Administration</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
</context>
<context>
    <name>DeskSession</name>
    <message>
        <location filename="../../agent_app/ui/desk_session.py" line="+60"/>
        <source>Line: simulated (demo)</source>
        <translation>Line: simulated (demo)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line: {0}</source>
        <translation>Line: {0}</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>&amp;Self-test…</source>
        <translation>&amp;Self-test…</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>The phone line could not be opened: {0}</source>
        <translation>The phone line could not be opened: {0}</translation>
    </message>
</context>
<context>
    <name>DeskSync</name>
    <message>
        <location filename="../../agent_app/ui/desk_sync.py" line="+90"/>
        <source>First sync: {0} of about {1} rows</source>
        <translation>First sync: {0} of about {1} rows</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>First sync with the central database</source>
        <translation>First sync with the central database</translation>
    </message>
</context>
<context>
    <name>DeskTools</name>
    <message>
        <location filename="../../agent_app/ui/desk_tools.py" line="+76"/>
        <source>Complaints and suggestions</source>
        <translation>Complaints and suggestions</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Complaints and suggestions…</source>
        <translation>Complaints and suggestions…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>QA feedback on my calls…</source>
        <translation>QA feedback on my calls…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>QA feedback on my calls</source>
        <translation>QA feedback on my calls</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Recordings and QA scoring…</source>
        <translation>Recordings and QA scoring…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recordings and QA scoring</source>
        <translation>Recordings and QA scoring</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Statistics and reports…</source>
        <translation>Statistics and reports…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Spot-check sampling…</source>
        <translation>Spot-check sampling…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Spot-check sampling</source>
        <translation>Spot-check sampling</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Text messages to check…</source>
        <translation>Text messages to check…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Questionnaires and call scripts…</source>
        <translation>Questionnaires and call scripts…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Discharge import and plans…</source>
        <translation>Discharge import and plans…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Calling calendar</source>
        <translation>Calling calendar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Calling calendar…</source>
        <translation>Calling calendar…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Holiday data runs out</source>
        <translation>Holiday data runs out</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Knowledge base articles…</source>
        <translation>Knowledge base articles…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Text message templates…</source>
        <translation>Text message templates…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Discharge import</source>
        <translation>Discharge import</translation>
    </message>
</context>
<context>
    <name>EnumNames</name>
    <message>
        <location filename="../../agent_app/ui/enum_names.py" line="+12"/>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partly answered</source>
        <translation>Partly answered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Outgoing call</source>
        <translation>Outgoing call</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incoming call</source>
        <translation>Incoming call</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>You ended the call.</source>
        <translation>You ended the call.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The other side hung up.</source>
        <translation>The other side hung up.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The line was busy.</source>
        <translation>The line was busy.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nobody answered.</source>
        <translation>Nobody answered.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The call was declined.</source>
        <translation>The call was declined.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The number does not exist or cannot be reached.</source>
        <translation>The number does not exist or cannot be reached.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The call was cancelled before it was answered.</source>
        <translation>The call was cancelled before it was answered.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The phone line has no dial tone; check the cable.</source>
        <translation>The phone line has no dial tone; check the cable.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The phone account is not registered; calls cannot be made.</source>
        <translation>The phone account is not registered; calls cannot be made.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The connection to the other side was lost.</source>
        <translation>The connection to the other side was lost.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The phone device was disconnected during the call.</source>
        <translation>The phone device was disconnected during the call.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The call failed.</source>
        <translation>The call failed.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The call was transferred.</source>
        <translation>The call was transferred.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nobody answered the incoming call in time; it is kept as a missed call.</source>
        <translation>Nobody answered the incoming call in time; it is kept as a missed call.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The desk stopped during the call.</source>
        <translation>The desk stopped during the call.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cardiology</source>
        <translation>Cardiology</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Neurology</source>
        <translation>Neurology</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Obstetrics</source>
        <translation>Obstetrics</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oncology</source>
        <translation>Oncology</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orthopedics</source>
        <translation>Orthopedics</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quality control</source>
        <translation>Quality control</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>General surgery</source>
        <translation>General surgery</translation>
    </message>
</context>
<context>
    <name>FirstSyncDialog</name>
    <message>
        <location filename="../../agent_app/ui/first_sync_dialog.py" line="+25"/>
        <source>First sync</source>
        <translation>First sync</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>departments</source>
        <translation>departments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>staff</source>
        <translation>staff</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>call scripts</source>
        <translation>call scripts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>questionnaires</source>
        <translation>questionnaires</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>follow-up plans</source>
        <translation>follow-up plans</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>calendar exceptions</source>
        <translation>calendar exceptions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>patients</source>
        <translation>patients</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>phone numbers</source>
        <translation>phone numbers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hospital stays</source>
        <translation>hospital stays</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>follow-up tasks</source>
        <translation>follow-up tasks</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>blocked numbers</source>
        <translation>blocked numbers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>transfer directory</source>
        <translation>transfer directory</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text message templates</source>
        <translation>text message templates</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>knowledge articles</source>
        <translation>knowledge articles</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Connecting to the central database…</source>
        <translation>Connecting to the central database…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Fetching {0}: {1} so far</source>
        <translation>Fetching {0}: {1} so far</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Fetching {0}: {1} of about {2} rows</source>
        <translation>Fetching {0}: {1} of about {2} rows</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Stopping after the current page…</source>
        <translation>Stopping after the current page…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The first sync stopped: {0}
It is retried automatically.</source>
        <translation>The first sync stopped: {0}
It is retried automatically.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>FollowupView</name>
    <message>
        <location filename="../../agent_app/ui/followup/followup_view.py" line="+197"/>
        <location line="+28"/>
        <source>No phone line is open on this desk.</source>
        <translation>No phone line is open on this desk.</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Earlier answers could not be restored: {0}</source>
        <translation>Earlier answers could not be restored: {0}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Answered {0} of {1} · required {2} of {3}</source>
        <translation>Answered {0} of {1} · required {2} of {3}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Red flag — the attending doctor is alerted when you save:</source>
        <translation>Red flag — the attending doctor is alerted when you save:</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Hang up before leaving this follow-up.</source>
        <translation>Hang up before leaving this follow-up.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose how the follow-up ended under Outcome.</source>
        <translation>Choose how the follow-up ended under Outcome.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Answers typed</source>
        <translation>Answers typed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Answers were typed, but the outcome says the patient was not reached ({0}). Save it as not reached?</source>
        <translation>Answers were typed, but the outcome says the patient was not reached ({0}). Save it as not reached?</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Questions left</source>
        <translation>Questions left</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} required questions are not answered ({1}…). Save as a partial follow-up?</source>
        <translation>{0} required questions are not answered ({1}…). Save as a partial follow-up?</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Hang up before saving the follow-up.</source>
        <translation>Hang up before saving the follow-up.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The follow-up was not saved: {0}. Your answers are still here.</source>
        <translation>The follow-up was not saved: {0}. Your answers are still here.</translation>
    </message>
</context>
<context>
    <name>HeadsetBridge</name>
    <message>
        <location filename="../../agent_app/ui/headset_bridge.py" line="+41"/>
        <source>Headset lost: {name} was unplugged or stopped answering. The desk looks for it again; use the call bar meanwhile.</source>
        <translation>Headset lost: {name} was unplugged or stopped answering. The desk looks for it again; use the call bar meanwhile.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No headset with call buttons ({selector}) is plugged in; the desk keeps looking.</source>
        <translation>No headset with call buttons ({selector}) is plugged in; the desk keeps looking.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The headset {name} cannot be opened ({detail}). On Linux the desk needs access to /dev/hidraw (see the README).</source>
        <translation>The headset {name} cannot be opened ({detail}). On Linux the desk needs access to /dev/hidraw (see the README).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Headset buttons are off: the hidapi package is not installed.</source>
        <translation>Headset buttons are off: the hidapi package is not installed.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The device chosen in [headset] has no call buttons or lights; the desk does not follow it.</source>
        <translation>The device chosen in [headset] has no call buttons or lights; the desk does not follow it.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The headset describes its buttons in a way the desk cannot read ({0}); its buttons are off.</source>
        <translation>The headset describes its buttons in a way the desk cannot read ({0}); its buttons are off.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Headset connected: {0}</source>
        <translation>Headset connected: {0}</translation>
    </message>
</context>
<context>
    <name>HisAdminWidget</name>
    <message>
        <location filename="../../agent_app/ui/his_admin.py" line="+81"/>
        <source>Import discharged patients</source>
        <translation>Import discharged patients</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discharge exports (*.csv *.xlsx)</source>
        <translation>Discharge exports (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+20"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trigger</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows in</source>
        <translation>Rows in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unchanged</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tasks created</source>
        <translation>Tasks created</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tasks updated</source>
        <translation>Tasks updated</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tasks cancelled</source>
        <translation>Tasks cancelled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plans skipped</source>
        <translation>Plans skipped</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit number</source>
        <translation>Visit number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Questionnaire</source>
        <translation>Questionnaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days after discharge</source>
        <translation>Days after discharge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry after (min)</source>
        <translation>Retry after (min)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMS before call</source>
        <translation>SMS before call</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rules</source>
        <translation>Rules</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calling hours</source>
        <translation>Calling hours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import runs</source>
        <translation>Import runs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected rows</source>
        <translation>Rejected rows</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up plans</source>
        <translation>Follow-up plans</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import a file…</source>
        <translation>Import a file…</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Spot-check plan: made by sampling, never by the import</source>
        <translation>Spot-check plan: made by sampling, never by the import</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The newest import left out plans; fix them under Follow-up plans:
{0}</source>
        <translation>The newest import left out plans; fix them under Follow-up plans:
{0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not load the import history: {0}</source>
        <translation>Could not load the import history: {0}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Importing {0}…</source>
        <translation>Importing {0}…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Imported: {0} rows, {1} new, {2} corrected, {3} unchanged, {4} rejected; {5} follow-up tasks created.</source>
        <translation>Imported: {0} rows, {1} new, {2} corrected, {3} unchanged, {4} rejected; {5} follow-up tasks created.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Import finished, but plans were left out: {0}</source>
        <translation>Import finished, but plans were left out: {0}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The import stopped: {0}</source>
        <translation>The import stopped: {0}</translation>
    </message>
</context>
<context>
    <name>ImportTexts</name>
    <message>
        <location filename="../../agent_app/ui/import_texts.py" line="+17"/>
        <source>the rules must be a JSON object</source>
        <translation>the rules must be a JSON object</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it has a rule this version does not know: &quot;{rule}&quot;</source>
        <translation>it has a rule this version does not know: &quot;{rule}&quot;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;{text}&quot; is not an ICD-10 code, prefix or range</source>
        <translation>&quot;{text}&quot; is not an ICD-10 code, prefix or range</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the ICD-10 range &quot;{text}&quot; is not a range like C00-C97</source>
        <translation>the ICD-10 range &quot;{text}&quot; is not a range like C00-C97</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;{rule}&quot; must be a text or a list of texts</source>
        <translation>&quot;{rule}&quot; must be a text or a list of texts</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;{rule}&quot; must look like {{&quot;min&quot;: 18, &quot;max&quot;: 80}}</source>
        <translation>&quot;{rule}&quot; must look like {{&quot;min&quot;: 18, &quot;max&quot;: 80}}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the bounds of &quot;{rule}&quot; must be whole numbers</source>
        <translation>the bounds of &quot;{rule}&quot; must be whole numbers</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;{rule}&quot;: the minimum {low} is above the maximum {high}</source>
        <translation>&quot;{rule}&quot;: the minimum {low} is above the maximum {high}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;{rule}&quot; has a value that is not allowed: {value}</source>
        <translation>&quot;{rule}&quot; has a value that is not allowed: {value}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the follow-up days must be a list, like [3, 30]</source>
        <translation>the follow-up days must be a list, like [3, 30]</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the follow-up days must be whole days from 0 up</source>
        <translation>the follow-up days must be whole days from 0 up</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>calling window {window}: &quot;{text}&quot; is not a time like 08:30</source>
        <translation>calling window {window}: &quot;{text}&quot; is not a time like 08:30</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the calling days must be weekdays 1 (Monday) to 7 (Sunday)</source>
        <translation>the calling days must be weekdays 1 (Monday) to 7 (Sunday)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the calling hours need at least one time window</source>
        <translation>the calling hours need at least one time window</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the calling window {start}–{stop} ends before it starts</source>
        <translation>the calling window {start}–{stop} ends before it starts</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the calling windows must be in order and not overlap</source>
        <translation>the calling windows must be in order and not overlap</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;{zone}&quot; is not a time zone</source>
        <translation>&quot;{zone}&quot; is not a time zone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>calling window {window} must be a start and an end</source>
        <translation>calling window {window} must be a start and an end</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the calling windows must be a list of start and end times</source>
        <translation>the calling windows must be a list of start and end times</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;skip_holidays&quot; must be true or false</source>
        <translation>&quot;skip_holidays&quot; must be true or false</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;best_time&quot; must be true or false</source>
        <translation>&quot;best_time&quot; must be true or false</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no calling day in the next {days} days: every day is closed</source>
        <translation>no calling day in the next {days} days: every day is closed</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the plan cannot be used ({0})</source>
        <translation>the plan cannot be used ({0})</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Plan “{0}” was skipped: {1}</source>
        <translation>Plan “{0}” was skipped: {1}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no patient identifier (MRN), and the mapping names no other field to use instead</source>
        <translation>no patient identifier (MRN), and the mapping names no other field to use instead</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the HL7 message does not start with an MSH segment</source>
        <translation>the HL7 message does not start with an MSH segment</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the HL7 message declares unusable separators: {found}</source>
        <translation>the HL7 message declares unusable separators: {found}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>HL7 messages of type {kind} are not taken (only A03, A08, A13, A40)</source>
        <translation>HL7 messages of type {kind} are not taken (only A03, A08, A13, A40)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the {kind} message has no {segment} segment</source>
        <translation>the {kind} message has no {segment} segment</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no patient identifier in the message (looked in {where}); it was not imported</source>
        <translation>no patient identifier in the message (looked in {where}); it was not imported</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the {kind} message has no visit number (PV1-19)</source>
        <translation>the {kind} message has no visit number (PV1-19)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the merge message does not name the prior patient (MRG-1)</source>
        <translation>the merge message does not name the prior patient (MRG-1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the HL7 message could not be read ({error})</source>
        <translation>the HL7 message could not be read ({error})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the store could not save the HL7 message ({error}); the HIS may resend it</source>
        <translation>the store could not save the HL7 message ({error}); the HIS may resend it</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the HL7 message is not {encoding} text</source>
        <translation>the HL7 message is not {encoding} text</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>an MLLP block without its start byte</source>
        <translation>an MLLP block without its start byte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>an HL7 message larger than 1 MiB</source>
        <translation>an HL7 message larger than 1 MiB</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the {field} is missing</source>
        <translation>the {field} is missing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the {field} “{value}” is not a date</source>
        <translation>the {field} “{value}” is not a date</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no usable phone number (not a number: {numbers})</source>
        <translation>no usable phone number (not a number: {numbers})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no phone number for the patient or a contact</source>
        <translation>no phone number for the patient or a contact</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the department “{department}” is not known</source>
        <translation>the department “{department}” is not known</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the birth date is missing, and no ID number to read it from</source>
        <translation>the birth date is missing, and no ID number to read it from</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the sex “{value}” is not one of 男, 女, M, F</source>
        <translation>the sex “{value}” is not one of 男, 女, M, F</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>admitted on {admitted}, after the discharge on {discharged}</source>
        <translation>admitted on {admitted}, after the discharge on {discharged}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the re-visit on {revisit} is before the discharge on {discharged}</source>
        <translation>the re-visit on {revisit} is before the discharge on {discharged}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>born on {birth}, after the discharge on {discharged}</source>
        <translation>born on {birth}, after the discharge on {discharged}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the diagnosis code “{icd}” is not an ICD-10 code</source>
        <translation>the diagnosis code “{icd}” is not an ICD-10 code</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the discharge disposition “{value}” is not known</source>
        <translation>the discharge disposition “{value}” is not known</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the {field} is longer than {limit} characters</source>
        <translation>the {field} is longer than {limit} characters</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>visit number</source>
        <translation>visit number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>medical record number</source>
        <translation>medical record number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>patient&apos;s name</source>
        <translation>patient&apos;s name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>address</source>
        <translation>address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ward</source>
        <translation>ward</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>department</source>
        <translation>department</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>birth date</source>
        <translation>birth date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>admission date</source>
        <translation>admission date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>discharge date</source>
        <translation>discharge date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>re-visit date</source>
        <translation>re-visit date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>diagnosis</source>
        <translation>diagnosis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>diagnosis code</source>
        <translation>diagnosis code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>attending doctor</source>
        <translation>attending doctor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>responsible nurse</source>
        <translation>responsible nurse</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>finished</source>
        <translation>finished</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HIS database</source>
        <translation>HIS database</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HL7 messages</source>
        <translation>HL7 messages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>by hand</source>
        <translation>by hand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>scheduled</source>
        <translation>scheduled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on request</source>
        <translation>on request</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HIS message feed</source>
        <translation>HIS message feed</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the discharging nurse</source>
        <translation>the discharging nurse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the attending doctor</source>
        <translation>the attending doctor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the department&apos;s pool</source>
        <translation>the department&apos;s pool</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>department {0}</source>
        <translation>department {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ward {0}</source>
        <translation>ward {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>diagnosis ICD-10 {0}</source>
        <translation>diagnosis ICD-10 {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not ICD-10 {0}</source>
        <translation>not ICD-10 {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>age {0}</source>
        <translation>age {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>stay of {0} days</source>
        <translation>stay of {0} days</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>discharged as {0}</source>
        <translation>discharged as {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>only when no other plan fits</source>
        <translation>only when no other plan fits</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>assigned to {0}</source>
        <translation>assigned to {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>spot-check</source>
        <translation>spot-check</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>every discharge</source>
        <translation>every discharge</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the desk&apos;s usual hours</source>
        <translation>the desk&apos;s usual hours</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mon</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tue</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wed</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thu</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fri</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sat</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sun</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>also on public holidays</source>
        <translation>also on public holidays</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>retries at the patient&apos;s best time</source>
        <translation>retries at the patient&apos;s best time</translation>
    </message>
</context>
<context>
    <name>KnowledgeEditor</name>
    <message>
        <location filename="../../agent_app/ui/knowledge/editor.py" line="+61"/>
        <source>Import a folder of articles</source>
        <translation>Import a folder of articles</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Knowledge base articles</source>
        <translation>Knowledge base articles</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+19"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+20"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="-20"/>
        <location line="+21"/>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <location line="-20"/>
        <location line="+23"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="-23"/>
        <location line="+22"/>
        <source>Review by</source>
        <translation>Review by</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>May be read to the patient</source>
        <translation>May be read to the patient</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Short name</source>
        <translation>Short name</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import a folder…</source>
        <translation>&amp;Import a folder…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>{0} (overdue)</source>
        <translation>{0} (overdue)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>You may read this article but not change it.</source>
        <translation>You may read this article but not change it.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Imported: {0} new, {1} replaced.</source>
        <translation>Imported: {0} new, {1} replaced.</translation>
    </message>
</context>
<context>
    <name>KnowledgePanel</name>
    <message>
        <location filename="../../agent_app/ui/knowledge/search_panel.py" line="+62"/>
        <source>Knowledge base</source>
        <translation>Knowledge base</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Search approved answers (e.g. 伤口, 医保, 华法林)</source>
        <translation>Search approved answers (e.g. 伤口, 医保, 华法林)</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+14"/>
        <source>Type at least one character.</source>
        <translation>Type at least one character.</translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>%n article(s) found.</source>
        <translation>
            <numerusform>%n article(s) found.</numerusform>
            <numerusform>%n article(s) found.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No approved article holds these words.</source>
        <translation>No approved article holds these words.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The search failed: {0}</source>
        <translation>The search failed: {0}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The article could not be read: {0}</source>
        <translation>The article could not be read: {0}</translation>
    </message>
</context>
<context>
    <name>KnowledgeTexts</name>
    <message>
        <location filename="../../agent_app/ui/knowledge/texts.py" line="+14"/>
        <source>Medication</source>
        <translation>Medication</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wound care</source>
        <translation>Wound care</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diet</source>
        <translation>Diet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-visits</source>
        <translation>Re-visits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insurance and reimbursement</source>
        <translation>Insurance and reimbursement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Urgent and night care</source>
        <translation>Urgent and night care</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Symptoms at home</source>
        <translation>Symptoms at home</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daily life</source>
        <translation>Daily life</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retired</source>
        <translation>Retired</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>May be read to the patient</source>
        <translation>May be read to the patient</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Internal only: do not read to the patient</source>
        <translation>Internal only: do not read to the patient</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{0}: the file must start with a &apos;---&apos; front matter block.</source>
        <translation>{0}: the file must start with a &apos;---&apos; front matter block.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: the front matter has no closing &apos;---&apos; line.</source>
        <translation>{0}: the front matter has no closing &apos;---&apos; line.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}, line {1}: expected &apos;name: value&apos;.</source>
        <translation>{0}, line {1}: expected &apos;name: value&apos;.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: unknown front matter field &apos;{1}&apos;.</source>
        <translation>{0}: unknown front matter field &apos;{1}&apos;.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: the front matter has no &apos;{1}&apos;.</source>
        <translation>{0}: the front matter has no &apos;{1}&apos;.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: the short name {1} must be 1–60 lower-case letters, digits and &apos;-&apos;.</source>
        <translation>{0}: the short name {1} must be 1–60 lower-case letters, digits and &apos;-&apos;.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0}: the title must be 1 to 120 characters.</source>
        <translation>{0}: the title must be 1 to 120 characters.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: unknown category &apos;{1}&apos;.</source>
        <translation>{0}: unknown category &apos;{1}&apos;.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: unknown state &apos;{1}&apos;.</source>
        <translation>{0}: unknown state &apos;{1}&apos;.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}: may_read_to_patient must be yes or no, not &apos;{1}&apos;.</source>
        <translation>{0}: may_read_to_patient must be yes or no, not &apos;{1}&apos;.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: review date &apos;{1}&apos; is not a date (YYYY-MM-DD).</source>
        <translation>{0}: review date &apos;{1}&apos; is not a date (YYYY-MM-DD).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: the article has no text.</source>
        <translation>{0}: the article has no text.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: the article is longer than {1} characters.</source>
        <translation>{0}: the article is longer than {1} characters.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: the short name &apos;{1}&apos; is used by another file.</source>
        <translation>{0}: the short name &apos;{1}&apos; is used by another file.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: there is no department &apos;{1}&apos;.</source>
        <translation>{0}: there is no department &apos;{1}&apos;.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only a supervisor of the owning department or an administrator may change this article.</source>
        <translation>Only a supervisor of the owning department or an administrator may change this article.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no article &apos;{0}&apos; on this desk.</source>
        <translation>There is no article &apos;{0}&apos; on this desk.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The folder {0} holds no article files (*.md).</source>
        <translation>The folder {0} holds no article files (*.md).</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../../agent_app/ui/translations.py" line="+220"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Language changed. Every window shows it from your next sign-in.</source>
        <translation>Language changed. Every window shows it from your next sign-in.</translation>
    </message>
</context>
<context>
    <name>LineRetryButton</name>
    <message>
        <location filename="../../agent_app/ui/line_status.py" line="+112"/>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try to open the phone line again</source>
        <translation>Try to open the phone line again</translation>
    </message>
</context>
<context>
    <name>LineStatusLabel</name>
    <message>
        <location line="-93"/>
        <source>Headset {0}</source>
        <translation>Headset {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Phone-line box {0}</source>
        <translation>Phone-line box {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Simulated line</source>
        <translation>Simulated line</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>device disconnected</source>
        <translation>device disconnected</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Calls wait until the phone line is open.</source>
        <translation>Calls wait until the phone line is open.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No call can be made: the phone line could not be opened. Use Retry in the status bar once it is fixed.</source>
        <translation>No call can be made: the phone line could not be opened. Use Retry in the status bar once it is fixed.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Calls wait until the phone account is registered.</source>
        <translation>Calls wait until the phone account is registered.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No call can be made: the phone account is not registered.</source>
        <translation>No call can be made: the phone account is not registered.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No call can be made: the phone server refused or did not answer the registration.</source>
        <translation>No call can be made: the phone server refused or did not answer the registration.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No call can be made: the phone device is disconnected.</source>
        <translation>No call can be made: the phone device is disconnected.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>registered</source>
        <translation>registered</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>registering…</source>
        <translation>registering…</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>opening…</source>
        <translation>opening…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not available</source>
        <translation>not available</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not registered</source>
        <translation>not registered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>registration failed</source>
        <translation>registration failed</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>ready</source>
        <translation>ready</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Line: {0} — {1}</source>
        <translation>Line: {0} — {1}</translation>
    </message>
</context>
<context>
    <name>LinkChanges</name>
    <message>
        <location filename="../../agent_app/ui/link_changes.py" line="+46"/>
        <source>The computer woke up: reconnecting the phone line and syncing.</source>
        <translation>The computer woke up: reconnecting the phone line and syncing.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The network changed: reconnecting the phone line and syncing.</source>
        <translation>The network changed: reconnecting the phone line and syncing.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../agent_app/ui/lock_screen.py" line="+92"/>
        <source>The desk is locked</source>
        <translation>The desk is locked</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed in: {0}</source>
        <translation>Signed in: {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Switch user</source>
        <translation>Switch user</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Type your password.</source>
        <translation>Type your password.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Wrong password.</source>
        <translation>Wrong password.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The password could not be checked: {0}</source>
        <translation>The password could not be checked: {0}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../agent_app/ui/login_dialog.py" line="+75"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remember me on this computer</source>
        <translation>Remember me on this computer</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+15"/>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restore a backup…</source>
        <translation>Restore a backup…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;User</source>
        <translation>&amp;User</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Patient follow-up desk</source>
        <translation>Patient follow-up desk</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No staff accounts are on this computer yet, so nobody can sign in. They arrive with the first sync from the hospital&apos;s central server or with the discharge import; ask your administrator to set this computer up. To try the desk, start the demo (agent-app --demo).</source>
        <translation>No staff accounts are on this computer yet, so nobody can sign in. They arrive with the first sync from the hospital&apos;s central server or with the discharge import; ask your administrator to set this computer up. To try the desk, start the demo (agent-app --demo).</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Choose your account from the list.</source>
        <translation>Choose your account from the list.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type your password.</source>
        <translation>Type your password.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>This computer has no keyring; the password was not remembered.</source>
        <translation>This computer has no keyring; the password was not remembered.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unknown user or wrong password.</source>
        <translation>Unknown user or wrong password.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>You have not signed in on this computer before, and the central server cannot be reached to check your password. Connect to the hospital network and try again.</source>
        <translation>You have not signed in on this computer before, and the central server cannot be reached to check your password. Connect to the hospital network and try again.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sign-in failed: {0}</source>
        <translation>Sign-in failed: {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../agent_app/ui/main_window.py" line="+115"/>
        <source>Due today</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due in 7 days</source>
        <translation>Due in 7 days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All open</source>
        <translation>All open</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show: </source>
        <translation>Show: </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Best chance first</source>
        <translation>Best chance first</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Today&apos;s calls first by who most likely answers at this hour</source>
        <translation>Today&apos;s calls first by who most likely answers at this hour</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Next follow-up</source>
        <translation>&amp;Next follow-up</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the first due follow-up (Ctrl+N)</source>
        <translation>Open the first due follow-up (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Switch user</source>
        <translation>&amp;Switch user</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Lock the desk</source>
        <translation>&amp;Lock the desk</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Register a &amp;complaint from this follow-up…</source>
        <translation>Register a &amp;complaint from this follow-up…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{0} · {1} · {2}</source>
        <translation>{0} · {1} · {2}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Central database: not configured (local store only)</source>
        <translation>Central database: not configured (local store only)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The phone line already holds {0} calls, its limit: a caller just heard busy. Answer or end the calls that ring; if this repeats, ask IT to raise max_calls.</source>
        <translation>The phone line already holds {0} calls, its limit: a caller just heard busy. Answer or end the calls that ring; if this repeats, ask IT to raise max_calls.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Sorting the queue…</source>
        <translation>Sorting the queue…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Open a follow-up first: the complaint is registered for its patient.</source>
        <translation>Open a follow-up first: the complaint is registered for its patient.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Central database: connecting…</source>
        <translation>Central database: connecting…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Central database: online</source>
        <translation>Central database: online</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Central database: offline</source>
        <translation>Central database: offline</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Caller</source>
        <translation>Caller</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Simulate a patient calling back</source>
        <translation>Simulate a patient calling back</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Follow-up of the caller selected.</source>
        <translation>Follow-up of the caller selected.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The caller has no open follow-up in your queue.</source>
        <translation>The caller has no open follow-up in your queue.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Queue not read</source>
        <translation>Queue not read</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} follow-ups</source>
        <translation>{0} follow-ups</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No follow-up is due.</source>
        <translation>No follow-up is due.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Finish or leave the follow-up on screen first.</source>
        <translation>Finish or leave the follow-up on screen first.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This follow-up is already closed.</source>
        <translation>This follow-up is already closed.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Saved. The next call is due {0}.</source>
        <translation>Saved. The next call is due {0}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved. The follow-up is closed.</source>
        <translation>Saved. The follow-up is closed.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The attending doctor has been alerted.</source>
        <translation>The attending doctor has been alerted.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Your unfinished follow-up was restored with every answer.</source>
        <translation>Your unfinished follow-up was restored with every answer.</translation>
    </message>
</context>
<context>
    <name>MonthDialog</name>
    <message>
        <location filename="../../agent_app/ui/reports/monthly_report.py" line="+34"/>
        <source>Monthly report</source>
        <translation>Monthly report</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Month:</source>
        <translation>&amp;Month:</translation>
    </message>
</context>
<context>
    <name>MonthlyReportJob</name>
    <message>
        <location line="+37"/>
        <source>Writing the monthly report for {year}-{month:02d}…</source>
        <translation>Writing the monthly report for {year}-{month:02d}…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Monthly report</source>
        <translation>Monthly report</translation>
    </message>
</context>
<context>
    <name>MyFeedbackView</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/my_feedback.py" line="+33"/>
        <source>My QA feedback</source>
        <translation>My QA feedback</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading your feedback…</source>
        <translation>Reading your feedback…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>%n review(s) of your calls; average score {0:.0f}%.</source>
        <translation>
            <numerusform>%n review(s) of your calls; average score {0:.0f}%.</numerusform>
            <numerusform>%n review(s) of your calls; average score {0:.0f}%.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>None of your calls has been reviewed yet.</source>
        <translation>None of your calls has been reviewed yet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your feedback could not be read: {0}</source>
        <translation>Your feedback could not be read: {0}</translation>
    </message>
</context>
<context>
    <name>OverdueReviews</name>
    <message numerus="yes">
        <location filename="../../agent_app/ui/knowledge/overdue_notice.py" line="+53"/>
        <source> and %n more</source>
        <translation>
            <numerusform> and %n more</numerusform>
            <numerusform> and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n knowledge article(s) past their review date: </source>
        <translation>
            <numerusform>%n knowledge article(s) past their review date: </numerusform>
            <numerusform>%n knowledge article(s) past their review date: </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PatientPanel</name>
    <message>
        <location filename="../../agent_app/ui/followup/patient_panel.py" line="+52"/>
        <source>Phone numbers</source>
        <translation>Phone numbers</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Calls so far</source>
        <translation>Calls so far</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Earlier results</source>
        <translation>Earlier results</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No calling time in the next two days.</source>
        <translation>No calling time in the next two days.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>from this patient&apos;s calls</source>
        <translation>from this patient&apos;s calls</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from similar patients&apos; calls</source>
        <translation>from similar patients&apos; calls</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Usually answers {0}:00–{1}:00 ({2}).</source>
        <translation>Usually answers {0}:00–{1}:00 ({2}).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>today</source>
        <translation>today</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Best called {0} at {1} (chance {2}%).</source>
        <translation>Best called {0} at {1} (chance {2}%).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{0} · {1} · {2} years</source>
        <translation>{0} · {1} · {2} years</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>MRN</source>
        <translation>MRN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stay</source>
        <translation>Stay</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diagnosis</source>
        <translation>Diagnosis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Doctor</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nurse</source>
        <translation>Nurse</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Recorded: double-click or Enter to listen</source>
        <translation>Recorded: double-click or Enter to listen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No calls yet.</source>
        <translation>No calls yet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No results yet.</source>
        <translation>No results yet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>satisfaction {0}</source>
        <translation>satisfaction {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Double-click or Enter to read the answers</source>
        <translation>Double-click or Enter to read the answers</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Dial</source>
        <translation>Dial</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Dial this number (Alt+{0})</source>
        <translation>Dial this number (Alt+{0})</translation>
    </message>
</context>
<context>
    <name>PlaybackBar</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/recordings_playback.py" line="+37"/>
        <source>Play or pause (Space)</source>
        <translation>Play or pause (Space)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Position in the recording</source>
        <translation>Position in the recording</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Playback speed</source>
        <translation>Playback speed</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>No sound device is connected: the recording plays without sound.</source>
        <translation>No sound device is connected: the recording plays without sound.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play</source>
        <translation>Play</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This recording cannot be played: {0}</source>
        <translation>This recording cannot be played: {0}</translation>
    </message>
</context>
<context>
    <name>PopCard</name>
    <message>
        <location filename="../../agent_app/ui/pop_card.py" line="+76"/>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open follow-up</source>
        <translation>Open follow-up</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Several patients share this number. Who is it?</source>
        <translation>Several patients share this number. Who is it?</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Search patient by name, MRN or phone</source>
        <translation>Search patient by name, MRN or phone</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Caller&apos;s name</source>
        <translation>Caller&apos;s name</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Create contact for patient…</source>
        <translation>Create contact for patient…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Incoming call · {0}{1} · {2}</source>
        <translation>Incoming call · {0}{1} · {2}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ringing…</source>
        <translation>Ringing…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Blacklisted number: {0}</source>
        <translation>Blacklisted number: {0}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The caller&apos;s number is not available (out of area).</source>
        <translation>The caller&apos;s number is not available (out of area).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The caller withheld their number. Ask who is calling.</source>
        <translation>The caller withheld their number. Ask who is calling.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The caller&apos;s number could not be read (the line sent something that is not a number). Ask who is calling.</source>
        <translation>The caller&apos;s number could not be read (the line sent something that is not a number). Ask who is calling.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown caller: no patient or family contact has this number.</source>
        <translation>Unknown caller: no patient or family contact has this number.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>No patient found.</source>
        <translation>No patient found.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{0} ({1}) · {2} open follow-ups · discharged {3}</source>
        <translation>{0} ({1}) · {2} open follow-ups · discharged {3}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Search for the patient and select them first.</source>
        <translation>Search for the patient and select them first.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type the caller&apos;s name first.</source>
        <translation>Type the caller&apos;s name first.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>the patient</source>
        <translation>the patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>spouse</source>
        <translation>spouse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>son</source>
        <translation>son</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>daughter</source>
        <translation>daughter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>parent</source>
        <translation>parent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sibling</source>
        <translation>sibling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other</source>
        <translation>other</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>male</source>
        <translation>male</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>female</source>
        <translation>female</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{0}, {1} of {2}</source>
        <translation>{0}, {1} of {2}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;p&gt;A patient of &lt;b&gt;{0}&lt;/b&gt;. You may not see this patient&apos;s details: transfer the call to that department.&lt;/p&gt;</source>
        <translation>&lt;p&gt;A patient of &lt;b&gt;{0}&lt;/b&gt;. You may not see this patient&apos;s details: transfer the call to that department.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>another department</source>
        <translation>another department</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0} · {1} years · MRN {2} · ID {3}</source>
        <translation>{0} · {1} years · MRN {2} · ID {3}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Caller: {0}</source>
        <translation>Caller: {0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Discharged {0} · {1} ({2}) · {3} {4}</source>
        <translation>Discharged {0} · {1} ({2}) · {3} {4}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Attending doctor: {0} · nurse: {1}</source>
        <translation>Attending doctor: {0} · nurse: {1}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;Open follow-up:&lt;/b&gt; {0} · L{1} · due {2} · attempt {3}/{4}</source>
        <translation>&lt;b&gt;Open follow-up:&lt;/b&gt; {0} · L{1} · due {2} · attempt {3}/{4}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>follow-up</source>
        <translation>follow-up</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Questionnaire stopped at {0} of {1} questions; it continues from there.</source>
        <translation>Questionnaire stopped at {0} of {1} questions; it continues from there.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No open follow-up.</source>
        <translation>No open follow-up.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Last call: {0} · {1} · {2} · {3}</source>
        <translation>Last call: {0} · {1} · {2} · {3}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Last result: {0} · {1} · satisfaction {2}</source>
        <translation>Last result: {0} · {1} · satisfaction {2}</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../agent_app/ui/qt_catalog_gaps.py" line="+18"/>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>Folder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drive</source>
        <translation>Drive</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 File</source>
        <translation>%1 File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>File</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location line="-5"/>
        <source>&amp;Look in:</source>
        <translation>&amp;Look in:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of &amp;type:</source>
        <translation>Files of &amp;type:</translation>
    </message>
</context>
<context>
    <name>QaReviewForm</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/qa_review_form.py" line="+86"/>
        <source>The QA criteria cannot be used: {0}</source>
        <translation>The QA criteria cannot be used: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a call to review.</source>
        <translation>Choose a call to review.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Overall comment for the agent</source>
        <translation>Overall comment for the agent</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>L1 own follow-up</source>
        <translation>L1 own follow-up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L2 department spot-check</source>
        <translation>L2 department spot-check</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L3 hospital spot-check</source>
        <translation>L3 hospital spot-check</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save review (Ctrl+S)</source>
        <translation>Save review (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Score this call</source>
        <translation>Score this call</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Level:</source>
        <translation>Level:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reviews of this call:</source>
        <translation>Reviews of this call:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Review of the chosen call</source>
        <translation>Review of the chosen call</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The reviews of this call could not be read: {0}</source>
        <translation>The reviews of this call could not be read: {0}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Only supervisors and quality staff score calls.</source>
        <translation>Only supervisors and quality staff score calls.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Review saved: {0} / {1}.</source>
        <translation>Review saved: {0} / {1}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The review was not saved: {0}</source>
        <translation>The review was not saved: {0}</translation>
    </message>
</context>
<context>
    <name>QuestionBox</name>
    <message>
        <location filename="../../agent_app/ui/followup/question_box.py" line="+61"/>
        <source>Unable to answer</source>
        <translation>Unable to answer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
</context>
<context>
    <name>QueueFilterBar</name>
    <message>
        <location filename="../../agent_app/ui/queue_filters.py" line="+45"/>
        <source>Search name, MRN or phone (Ctrl+F)</source>
        <translation>Search name, MRN or phone (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Any status</source>
        <translation>Any status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All levels</source>
        <translation>All levels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L1 own follow-ups</source>
        <translation>L1 own follow-ups</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L2 department spot-checks</source>
        <translation>L2 department spot-checks</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L3 hospital spot-checks</source>
        <translation>L3 hospital spot-checks</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All departments</source>
        <translation>All departments</translation>
    </message>
</context>
<context>
    <name>RecordingPlayer</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/recording_player.py" line="+76"/>
        <source>Choose a recording and press Enter to play it.</source>
        <translation>Choose a recording and press Enter to play it.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Answer moments</source>
        <translation>Answer moments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click an answer to hear that moment</source>
        <translation>Click an answer to hear that moment</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Answers in this call:</source>
        <translation>Answers in this call:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{patient} ({mrn}) · {agent} · {started} · {length}</source>
        <translation>{patient} ({mrn}) · {agent} · {started} · {length}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no patient</source>
        <translation>no patient</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Press Enter or Space to play this recording.</source>
        <translation>Press Enter or Space to play this recording.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Opening the recording…</source>
        <translation>Opening the recording…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Fetched from the central server.</source>
        <translation>Fetched from the central server.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>This recording is not on this computer, and the desk is not connected to the central server to fetch it.</source>
        <translation>This recording is not on this computer, and the desk is not connected to the central server to fetch it.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This recording is no longer in the store.</source>
        <translation>This recording is no longer in the store.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This recording cannot be decrypted with this computer&apos;s key, and the central server has no copy to play instead.</source>
        <translation>This recording cannot be decrypted with this computer&apos;s key, and the central server has no copy to play instead.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The recording could not be fetched from the central server: {0}</source>
        <translation>The recording could not be fetched from the central server: {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The recording could not be saved on this computer: {0}</source>
        <translation>The recording could not be saved on this computer: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The recording could not be opened: {0}</source>
        <translation>The recording could not be opened: {0}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The loudness of this recording could not be read.</source>
        <translation>The loudness of this recording could not be read.</translation>
    </message>
</context>
<context>
    <name>RecordingsBrowser</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/recordings_browser.py" line="+69"/>
        <source>Recordings</source>
        <translation>Recordings</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+31"/>
        <source>Reading the recordings…</source>
        <translation>Reading the recordings…</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Refresh (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message numerus="yes">
        <location line="+40"/>
        <source>%n recording(s)</source>
        <translation>
            <numerusform>%n recording(s)</numerusform>
            <numerusform>%n recording(s)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No recording matches these filters.</source>
        <translation>No recording matches these filters.</translation>
    </message>
</context>
<context>
    <name>RecordingsFilterBar</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/recordings_filters.py" line="+55"/>
        <location line="+1"/>
        <source>Any</source>
        <translation>Any</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All departments</source>
        <translation>All departments</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You see the recordings of your own department.</source>
        <translation>You see the recordings of your own department.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+98"/>
        <source>All agents</source>
        <translation>All agents</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>MRN or start of the name</source>
        <translation>MRN or start of the name</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Any outcome</source>
        <translation>Any outcome</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reviewed or not</source>
        <translation>Reviewed or not</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not reviewed yet</source>
        <translation>Not reviewed yet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewed</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Newest first</source>
        <translation>Newest first</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oldest first</source>
        <translation>Oldest first</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longest first</source>
        <translation>Longest first</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shortest first</source>
        <translation>Shortest first</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By agent</source>
        <translation>By agent</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;From</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;To</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Department</source>
        <translation>&amp;Department</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A&amp;gent</source>
        <translation>A&amp;gent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Patient</source>
        <translation>&amp;Patient</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Outcome</source>
        <translation>&amp;Outcome</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length at &amp;least</source>
        <translation>Length at &amp;least</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>at &amp;most</source>
        <translation>at &amp;most</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;QA</source>
        <translation>&amp;QA</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Sort</source>
        <translation>&amp;Sort</translation>
    </message>
    <message>
        <location line="+31"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any length</source>
        <translation>Any length</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The list of agents could not be read: {0}</source>
        <translation>The list of agents could not be read: {0}</translation>
    </message>
</context>
<context>
    <name>RecordingsScreen</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/recordings_screen.py" line="+35"/>
        <source>Recordings and QA</source>
        <translation>Recordings and QA</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Review of {agent}&apos;s call to {patient} on {started}</source>
        <translation>Review of {agent}&apos;s call to {patient} on {started}</translation>
    </message>
</context>
<context>
    <name>RecordingsTableModel</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/recordings_model.py" line="+67"/>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length</source>
        <translation>Length</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MRN</source>
        <translation>MRN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QA reviews</source>
        <translation>QA reviews</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>The recordings could not be read from the store: {0}</source>
        <translation>The recordings could not be read from the store: {0}</translation>
    </message>
</context>
<context>
    <name>RedFlagInbox</name>
    <message>
        <location filename="../../agent_app/ui/red_flags/inbox_screen.py" line="+101"/>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Red flag</source>
        <translation>Red flag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raised</source>
        <translation>Raised</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raised by</source>
        <translation>Raised by</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Play the call</source>
        <translation>&amp;Play the call</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Call back</source>
        <translation>&amp;Call back</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Acknowledge…</source>
        <translation>&amp;Acknowledge…</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Open red flags: {0}</source>
        <translation>Open red flags: {0}</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>{0} · {1} · attending doctor: {2}</source>
        <translation>{0} · {1} · attending doctor: {2}</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The answers of this alert are not on this desk yet.</source>
        <translation>The answers of this alert are not on this desk yet.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>(patient unable to answer)</source>
        <translation>(patient unable to answer)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(refused to answer)</source>
        <translation>(refused to answer)</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Acknowledged. The central database keeps its own time.</source>
        <translation>Acknowledged. The central database keeps its own time.</translation>
    </message>
</context>
<context>
    <name>RedFlagTexts</name>
    <message>
        <location filename="../../agent_app/ui/red_flags/texts.py" line="+13"/>
        <source>Seen, with a note</source>
        <translation>Seen, with a note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Called the patient back</source>
        <translation>Called the patient back</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Told the patient to come in</source>
        <translation>Told the patient to come in</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Referred to the emergency department</source>
        <translation>Referred to the emergency department</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>With the doctor</source>
        <translation>With the doctor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalated to the supervisor</source>
        <translation>Escalated to the supervisor</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Escalated: on-duty phone texted</source>
        <translation>Escalated: on-duty phone texted</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Critical</source>
        <translation>Critical</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Write a note, or choose the action you took.</source>
        <translation>Write a note, or choose the action you took.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The note is longer than {0} characters.</source>
        <translation>The note is longer than {0} characters.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This alert was already acknowledged.</source>
        <translation>This alert was already acknowledged.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This alert is not one you may acknowledge.</source>
        <translation>This alert is not one you may acknowledge.</translation>
    </message>
</context>
<context>
    <name>RefusedChanges</name>
    <message>
        <location filename="../../agent_app/ui/refused_changes.py" line="+34"/>
        <source>Follow-up result</source>
        <translation>Follow-up result</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up task</source>
        <translation>Follow-up task</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call recording</source>
        <translation>Call recording</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact number</source>
        <translation>Contact number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient details</source>
        <translation>Patient details</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Red-flag alert</source>
        <translation>Red-flag alert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text message</source>
        <translation>Text message</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do-not-call entry</source>
        <translation>Do-not-call entry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quality review</source>
        <translation>Quality review</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spot-check sample</source>
        <translation>Spot-check sample</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HIS import</source>
        <translation>HIS import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HIS import row</source>
        <translation>HIS import row</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit entry</source>
        <translation>Audit entry</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Other record ({0})</source>
        <translation>Other record ({0})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The central database does not take this kind of change.</source>
        <translation>The central database does not take this kind of change.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your account may not make this change on the central database.</source>
        <translation>Your account may not make this change on the central database.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A record it belongs to is not on the central database (deleted or never sent).</source>
        <translation>A record it belongs to is not on the central database (deleted or never sent).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A value was not accepted by the central database.</source>
        <translation>A value was not accepted by the central database.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It clashes with a record already on the central database.</source>
        <translation>It clashes with a record already on the central database.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The central database refused it.</source>
        <translation>The central database refused it.</translation>
    </message>
</context>
<context>
    <name>RefusedChangesDialog</name>
    <message>
        <location line="+15"/>
        <source>Changes the central database refused</source>
        <translation>Changes the central database refused</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Made at</source>
        <translation>Made at</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server&apos;s words</source>
        <translation>The server&apos;s words</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send again</source>
        <translation>Send again</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put the selected changes back in line, once the cause has been mended</source>
        <translation>Put the selected changes back in line, once the cause has been mended</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy for IT</source>
        <translation>Copy for IT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy change ids and the server&apos;s words (no patient data) to the clipboard</source>
        <translation>Copy change ids and the server&apos;s words (no patient data) to the clipboard</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reading…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Patient {0}</source>
        <translation>Patient {0}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{0} changes were refused by the central database. They are kept on this desk; nothing is lost. Ask IT or your supervisor to mend the cause, then send them again.</source>
        <translation>{0} changes were refused by the central database. They are kept on this desk; nothing is lost. Ask IT or your supervisor to mend the cause, then send them again.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The central database has refused nothing from this desk.</source>
        <translation>The central database has refused nothing from this desk.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The refused changes could not be read from this desk&apos;s store.</source>
        <translation>The refused changes could not be read from this desk&apos;s store.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{0} changes will be sent with the next sync.</source>
        <translation>{0} changes will be sent with the next sync.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Copied {0} changes for IT.</source>
        <translation>Copied {0} changes for IT.</translation>
    </message>
</context>
<context>
    <name>RegisterComplaintDialog</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/register_complaint_dialog.py" line="+56"/>
        <source>Register a complaint or suggestion</source>
        <translation>Register a complaint or suggestion</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Patient {id}</source>
        <translation>Patient {id}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Register (Ctrl+Enter)</source>
        <translation>&amp;Register (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>ResultDialog</name>
    <message>
        <location filename="../../agent_app/ui/followup/result_dialog.py" line="+37"/>
        <source>Follow-up result — {0}, {1}</source>
        <translation>Follow-up result — {0}, {1}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Called by</source>
        <translation>Called by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check level</source>
        <translation>Check level</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The questionnaire of this result cannot be read: {0}</source>
        <translation>The questionnaire of this result cannot be read: {0}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Red flag</source>
        <translation>Red flag</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(patient unable to answer)</source>
        <translation>(patient unable to answer)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(refused to answer)</source>
        <translation>(refused to answer)</translation>
    </message>
</context>
<context>
    <name>ReviewedEditor</name>
    <message>
        <location filename="../../agent_app/ui/reviewed_editor.py" line="+76"/>
        <source>&amp;New</source>
        <extracomment>The domain&apos;s coded error for a refused item (its text comes from ``error_text``).</extracomment>
        <translation>&amp;New</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Approve</source>
        <translation>&amp;Approve</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Retire</source>
        <translation>&amp;Retire</translation>
    </message>
    <message>
        <location line="+145"/>
        <source>Saved. It reaches the other desks with the next sync.</source>
        <translation>Saved. It reaches the other desks with the next sync.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Could not save: {0}</source>
        <translation>Could not save: {0}</translation>
    </message>
</context>
<context>
    <name>ReviewsTree</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/recordings_reviews.py" line="+28"/>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reviewed</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewer</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{0} / {1} ({2:.0f}%)</source>
        <translation>{0} / {1} ({2:.0f}%)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>This call has not been reviewed yet.</source>
        <translation>This call has not been reviewed yet.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>None of your calls has been reviewed yet.</source>
        <translation>None of your calls has been reviewed yet.</translation>
    </message>
</context>
<context>
    <name>RoleNames</name>
    <message>
        <location filename="../../agent_app/ui/role_names.py" line="+13"/>
        <source>Follow-up agent</source>
        <translation>Follow-up agent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quality staff</source>
        <translation>Quality staff</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Doctor</source>
        <translation>Doctor</translation>
    </message>
</context>
<context>
    <name>SamplingDetails</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/sampling_details.py" line="+34"/>
        <source>Details (seed and task numbers)</source>
        <translation>Details (seed and task numbers)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The same seed over the same completed follow-ups picks the same tasks.</source>
        <translation>The same seed over the same completed follow-ups picks the same tasks.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New seed</source>
        <translation>New seed</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Seed</source>
        <translation>&amp;Seed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Picked follow-up tasks</source>
        <translation>Picked follow-up tasks</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+2"/>
        <source>The seed must be a whole number.</source>
        <translation>The seed must be a whole number.</translation>
    </message>
</context>
<context>
    <name>SamplingPlanForm</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/sampling_plan_form.py" line="+103"/>
        <source>Level 2: department spot-check</source>
        <translation>Level 2: department spot-check</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level 3: hospital spot-check</source>
        <translation>Level 3: hospital spot-check</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Department (own quota)</source>
        <translation>Department (own quota)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Percent</source>
        <translation>Percent</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>At least</source>
        <translation>At least</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Assign the new spot-checks to me</source>
        <translation>Assign the new spot-checks to me</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unassigned spot-checks go to the department&apos;s pool, where agents work.</source>
        <translation>Unassigned spot-checks go to the department&apos;s pool, where agents work.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>at least </source>
        <translation>at least </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Level</source>
        <translation>&amp;Level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Department</source>
        <translation>&amp;Department</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Month</source>
        <translation>&amp;Month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default &amp;quota</source>
        <translation>Default &amp;quota</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Per department</source>
        <translation>Per department</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>All departments</source>
        <translation>All departments</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Your role may not run this level of spot-check.</source>
        <translation>Your role may not run this level of spot-check.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The departments are still loading; try again.</source>
        <translation>The departments are still loading; try again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You may only spot-check your own department.</source>
        <translation>You may only spot-check your own department.</translation>
    </message>
</context>
<context>
    <name>SamplingRunsView</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/sampling_runs_view.py" line="+63"/>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made</source>
        <translation>Made</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Departments</source>
        <translation>Departments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quota</source>
        <translation>Quota</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Picked / completed / new tasks</source>
        <translation>Picked / completed / new tasks</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Draw again</source>
        <translation>&amp;Draw again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw the run again from its seed and quotas.</source>
        <translation>Draw the run again from its seed and quotas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Use in the form</source>
        <translation>&amp;Use in the form</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;fresh</source>
        <translation>Re&amp;fresh</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Details (seed and task numbers)</source>
        <translation>Details (seed and task numbers)</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Drawing run {run} again…</source>
        <translation>Drawing run {run} again…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Run {run} drawn again: the same {count} follow-ups.</source>
        <translation>Run {run} drawn again: the same {count} follow-ups.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Run {run} drawn again does not pick the follow-ups it recorded ({now} now, {was} then): the completed follow-ups of its period changed since.</source>
        <translation>Run {run} drawn again does not pick the follow-ups it recorded ({now} now, {was} then): the completed follow-ups of its period changed since.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Select a run to see its seed.</source>
        <translation>Select a run to see its seed.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seed {seed}; picked follow-up tasks: {ids}.</source>
        <translation>Seed {seed}; picked follow-up tasks: {ids}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Drawn again now: {ids}.</source>
        <translation>Drawn again now: {ids}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>L3 hospital</source>
        <translation>L3 hospital</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L2 department</source>
        <translation>L2 department</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All departments</source>
        <translation>All departments</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{percent}%, at least {minimum}</source>
        <translation>{percent}%, at least {minimum}</translation>
    </message>
</context>
<context>
    <name>SamplingScreen</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/sampling_screen.py" line="+76"/>
        <source>&amp;Preview (F5)</source>
        <translation>&amp;Preview (F5)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Create spot-check tasks (Ctrl+Enter)</source>
        <translation>&amp;Create spot-check tasks (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed follow-ups</source>
        <translation>Completed follow-ups</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Picked</source>
        <translation>Picked</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Drawing the sample to create…</source>
        <translation>Drawing the sample to create…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Nothing is created yet.</source>
        <translation>Nothing is created yet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{picked} of {population} completed follow-ups are picked: {new} new spot-check tasks.</source>
        <translation>{picked} of {population} completed follow-ups are picked: {new} new spot-check tasks.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} already have a spot-check at this level.</source>
        <translation>{count} already have a spot-check at this level.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>There is nothing to create.</source>
        <translation>There is nothing to create.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Create spot-check tasks</source>
        <translation>Create spot-check tasks</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create {count} spot-check tasks? They are added to the follow-up queue at once.</source>
        <translation>Create {count} spot-check tasks? They are added to the follow-up queue at once.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing was created.</source>
        <translation>Nothing was created.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Created {created} spot-check tasks for {picked} picked follow-ups.</source>
        <translation>Created {created} spot-check tasks for {picked} picked follow-ups.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The form shows the run&apos;s plan, and Details its seed; preview it to compare.</source>
        <translation>The form shows the run&apos;s plan, and Details its seed; preview it to compare.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Unknown department</source>
        <translation>Unknown department</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Unknown staff member</source>
        <translation>Unknown staff member</translation>
    </message>
    <message>
        <location line="-179"/>
        <source>&amp;Sample</source>
        <translation>&amp;Sample</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Past &amp;runs</source>
        <translation>Past &amp;runs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Agreement</source>
        <translation>&amp;Agreement</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Only supervisors and quality staff run spot-checks.</source>
        <translation>Only supervisors and quality staff run spot-checks.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Drawing the sample…</source>
        <translation>Drawing the sample…</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Creating the spot-check tasks…</source>
        <translation>Creating the spot-check tasks…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{count} already had a spot-check at this level.</source>
        <translation>{count} already had a spot-check at this level.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>{strata} strata, {picked} picked of {population}.</source>
        <translation>{strata} strata, {picked} picked of {population}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Whole department</source>
        <translation>Whole department</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Department pool (unassigned)</source>
        <translation>Department pool (unassigned)</translation>
    </message>
</context>
<context>
    <name>ScoreSheet</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/recordings_scoring.py" line="+71"/>
        <source>0 to {0}; empty (—) when not scored</source>
        <translation>0 to {0}; empty (—) when not scored</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment on {0}</source>
        <translation>Comment on {0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>/ {0}</source>
        <translation>/ {0}</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Total {0} / {1} ({2:.0f}%)</source>
        <translation>Total {0} / {1} ({2:.0f}%)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Total: nothing scored yet</source>
        <translation>Total: nothing scored yet</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The score for “{0}” must be between 0 and {1}; {2} was typed.</source>
        <translation>The score for “{0}” must be between 0 and {1}; {2} was typed.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give “{0}” a score, or clear its comment.</source>
        <translation>Give “{0}” a score, or clear its comment.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Score every required criterion; missing: {0}.</source>
        <translation>Score every required criterion; missing: {0}.</translation>
    </message>
</context>
<context>
    <name>ScreenPop</name>
    <message>
        <location filename="../../agent_app/ui/screen_pop.py" line="+68"/>
        <location line="+215"/>
        <source>Incoming call</source>
        <translation>Incoming call</translation>
    </message>
    <message>
        <location line="-180"/>
        <source>A call from {0} was turned away: you are on another call.</source>
        <translation>A call from {0} was turned away: you are on another call.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Rejected a call from a blacklisted number ({0}).</source>
        <translation>Rejected a call from a blacklisted number ({0}).</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The caller could not be looked up: {0}</source>
        <translation>The caller could not be looked up: {0}</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Missed call: nobody answered before the ring time ran out.</source>
        <translation>Missed call: nobody answered before the ring time ran out.</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>A second call is waiting: answer it to put the current call on hold.</source>
        <translation>A second call is waiting: answer it to put the current call on hold.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Missed call: nobody answered it in time.</source>
        <translation>Missed call: nobody answered it in time.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Missed call: the caller hung up.</source>
        <translation>Missed call: the caller hung up.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This phone line cannot hold a call, so a second caller was turned away busy instead of waiting.</source>
        <translation>This phone line cannot hold a call, so a second caller was turned away busy instead of waiting.</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>There is no caller number to save.</source>
        <translation>There is no caller number to save.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Saved {0} as a contact of the patient.</source>
        <translation>Saved {0} as a contact of the patient.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The patient could not be looked up: {0}</source>
        <translation>The patient could not be looked up: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not save the call record: {0}</source>
        <translation>Could not save the call record: {0}</translation>
    </message>
</context>
<context>
    <name>ScriptPanel</name>
    <message>
        <location filename="../../agent_app/ui/followup/script_panel.py" line="+28"/>
        <source>knowledge article (not on this desk yet)</source>
        <translation>knowledge article (not on this desk yet)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>This follow-up plan has no call script.</source>
        <translation>This follow-up plan has no call script.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Not known for this patient: {0}</source>
        <translation>Not known for this patient: {0}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>(not known: {0})</source>
        <translation>(not known: {0})</translation>
    </message>
</context>
<context>
    <name>ScriptTab</name>
    <message>
        <location filename="../../agent_app/ui/admin/script_tab.py" line="+71"/>
        <location line="+36"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="-36"/>
        <location line="+37"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Plans</source>
        <translation>Plans</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New scrip&amp;t</source>
        <translation>New scrip&amp;t</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Insert a placeholder…</source>
        <translation>Insert a placeholder…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Save script</source>
        <translation>&amp;Save script</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Preview with sample values</source>
        <translation>Preview with sample values</translation>
    </message>
    <message>
        <location line="+42"/>
        <location line="+19"/>
        <source>Discard changes?</source>
        <translation>Discard changes?</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>The script in the editor is not saved. Discard it and open {0}?</source>
        <translation>The script in the editor is not saved. Discard it and open {0}?</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The script in the editor is not saved. Discard it?</source>
        <translation>The script in the editor is not saved. Discard it?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New call script</source>
        <translation>New call script</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>OK — {0} sections, {1} placeholders</source>
        <translation>OK — {0} sections, {1} placeholders</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+36"/>
        <source>Not saved: {0}</source>
        <translation>Not saved: {0}</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Created script &apos;{0}&apos;.</source>
        <translation>Created script &apos;{0}&apos;.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved script &apos;{0}&apos;; the previous text is kept in the audit log.</source>
        <translation>Saved script &apos;{0}&apos;; the previous text is kept in the audit log.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the store could not be written ({0})</source>
        <translation>the store could not be written ({0})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The scripts could not be read: {0}</source>
        <translation>The scripts could not be read: {0}</translation>
    </message>
</context>
<context>
    <name>SelfTest</name>
    <message>
        <location filename="../../agent_app/ui/selftest_texts.py" line="+14"/>
        <source>Local data store</source>
        <translation>Local data store</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keyring</source>
        <translation>Keyring</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disk space</source>
        <translation>Disk space</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encryption library</source>
        <translation>Encryption library</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SIP library</source>
        <translation>SIP library</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Languages</source>
        <translation>Languages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Window system</source>
        <translation>Window system</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sound playback</source>
        <translation>Sound playback</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-in screen</source>
        <translation>Sign-in screen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headset</source>
        <translation>Headset</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Microphone</source>
        <translation>Microphone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speaker</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone line</source>
        <translation>Phone line</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Echo call</source>
        <translation>Echo call</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Central server</source>
        <translation>Central server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server version</source>
        <translation>Server version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clock</source>
        <translation>Clock</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Speak into the headset microphone now…</source>
        <translation>Speak into the headset microphone now…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Listen: a test tone plays in the headset now…</source>
        <translation>Listen: a test tone plays in the headset now…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The echo call is connected: speak now and listen for your voice…</source>
        <translation>The echo call is connected: speak now and listen for your voice…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The check itself failed ({detail}); ask IT.</source>
        <translation>The check itself failed ({detail}); ask IT.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The local data store opened and passed its check.</source>
        <translation>The local data store opened and passed its check.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The local data store is open in the desk that is running; run the self-test from Help → Self-test in that desk to check it.</source>
        <translation>The local data store is open in the desk that is running; run the self-test from Help → Self-test in that desk to check it.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The local data store cannot be used: {detail}</source>
        <translation>The local data store cannot be used: {detail}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The system keyring answers.</source>
        <translation>The system keyring answers.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This computer has no keyring, so the demo keeps its keys in a file; a hospital desk needs the desktop keyring: ask IT to set it up.</source>
        <translation>This computer has no keyring, so the demo keeps its keys in a file; a hospital desk needs the desktop keyring: ask IT to set it up.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This computer offers no keyring ({detail}); ask IT to set up or unlock the desktop keyring, or the desk cannot open its data.</source>
        <translation>This computer offers no keyring ({detail}); ask IT to set up or unlock the desktop keyring, or the desk cannot open its data.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{free_mb} MB free for the desk&apos;s data.</source>
        <translation>{free_mb} MB free for the desk&apos;s data.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only {free_mb} MB free in {folder}; free some space or ask IT before the next backup ({advised_mb} MB advised).</source>
        <translation>Only {free_mb} MB free in {folder}; free some space or ask IT before the next backup ({advised_mb} MB advised).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only {free_mb} MB free in {folder}; the desk may fail to save follow-ups: free space now or ask IT.</source>
        <translation>Only {free_mb} MB free in {folder}; the desk may fail to save follow-ups: free space now or ask IT.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The {module} library loads.</source>
        <translation>The {module} library loads.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The {module} library does not load ({detail}); reinstall the desk.</source>
        <translation>The {module} library does not load ({detail}); reinstall the desk.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The Chinese and English texts load.</source>
        <translation>The Chinese and English texts load.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The {language} texts do not load; reinstall the desk.</source>
        <translation>The {language} texts do not load; reinstall the desk.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The window system ({platform}) works.</source>
        <translation>The window system ({platform}) works.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The window system does not start; reinstall the desk.</source>
        <translation>The window system does not start; reinstall the desk.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sound playback (Qt Multimedia) loads.</source>
        <translation>Sound playback (Qt Multimedia) loads.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sound playback (Qt Multimedia) does not load, so recordings cannot be played; reinstall the desk or ask IT to install the sound libraries.</source>
        <translation>Sound playback (Qt Multimedia) does not load, so recordings cannot be played; reinstall the desk or ask IT to install the sound libraries.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The sign-in screen opens.</source>
        <translation>The sign-in screen opens.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The sign-in screen does not open ({detail}); ask IT.</source>
        <translation>The sign-in screen does not open ({detail}); ask IT.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The sign-in screen was not tried because the data store did not open.</source>
        <translation>The sign-in screen was not tried because the data store did not open.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Microphone &apos;{capture}&apos; and speaker &apos;{playback}&apos; are present.</source>
        <translation>Microphone &apos;{capture}&apos; and speaker &apos;{playback}&apos; are present.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+26"/>
        <source>No microphone is connected; plug in the headset and run the self-test again.</source>
        <translation>No microphone is connected; plug in the headset and run the self-test again.</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+34"/>
        <source>No speaker or earpiece is connected; plug in the headset and run the self-test again.</source>
        <translation>No speaker or earpiece is connected; plug in the headset and run the self-test again.</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>The sound devices cannot be checked without the pjsua2 library; reinstall the desk.</source>
        <translation>The sound devices cannot be checked without the pjsua2 library; reinstall the desk.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The sound device failed ({detail}); unplug and plug in the headset, then run the self-test again.</source>
        <translation>The sound device failed ({detail}); unplug and plug in the headset, then run the self-test again.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The microphone hears you (level {level} %).</source>
        <translation>The microphone hears you (level {level} %).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The microphone heard almost nothing (level {level} %); check its mute switch and that the headset is plugged in, then try again.</source>
        <translation>The microphone heard almost nothing (level {level} %); check its mute switch and that the headset is plugged in, then try again.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A test tone was played on &apos;{playback}&apos;.</source>
        <translation>A test tone was played on &apos;{playback}&apos;.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The test tone was not heard; check the headset&apos;s volume and plug, then try again.</source>
        <translation>The test tone was not heard; check the headset&apos;s volume and plug, then try again.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This desk uses the simulated line, which needs no check.</source>
        <translation>This desk uses the simulated line, which needs no check.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The SIP line is registered as {account}.</source>
        <translation>The SIP line is registered as {account}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The SIP line has no registrar and makes direct calls only; ask IT if this desk should register with the hospital&apos;s exchange.</source>
        <translation>The SIP line has no registrar and makes direct calls only; ask IT if this desk should register with the hospital&apos;s exchange.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The SIP account {account} is not registered ({detail}); ask IT to check the account, its password in the keyring and the network.</source>
        <translation>The SIP account {account} is not registered ({detail}); ask IT to check the account, its password in the keyring and the network.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The SIP line did not register within {seconds} s; check the network cable, or ask IT whether the exchange is up.</source>
        <translation>The SIP line did not register within {seconds} s; check the network cable, or ask IT whether the exchange is up.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The phone line cannot be opened: {detail}</source>
        <translation>The phone line cannot be opened: {detail}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The phone-line box on {port} answers.</source>
        <translation>The phone-line box on {port} answers.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The phone-line box on {port} does not answer; check its cable and power, then try again.</source>
        <translation>The phone-line box on {port} does not answer; check its cable and power, then try again.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The echo-test call to {number} was answered and sent your voice back (level {level} %).</source>
        <translation>The echo-test call to {number} was answered and sent your voice back (level {level} %).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The echo-test call to {number} was answered but nothing came back; ask IT to check the exchange&apos;s audio path.</source>
        <translation>The echo-test call to {number} was answered but nothing came back; ask IT to check the exchange&apos;s audio path.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The echo-test call to {number} did not connect ({detail}); ask IT.</source>
        <translation>The echo-test call to {number} did not connect ({detail}); ask IT.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No central server is set; this desk works offline only.</source>
        <translation>No central server is set; this desk works offline only.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The central server at {where} answers over a verified encrypted connection.</source>
        <translation>The central server at {where} answers over a verified encrypted connection.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{detail}</source>
        <translation>{detail}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The central server at {where} answers, but this desk does not verify its certificate (sslmode {sslmode}); ask IT to set verify-full with ca_file.</source>
        <translation>The central server at {where} answers, but this desk does not verify its certificate (sslmode {sslmode}); ask IT to set verify-full with ca_file.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not checked, because the central server was not reached.</source>
        <translation>Not checked, because the central server was not reached.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not checked before sign-in; run Help → Self-test after signing in, or give --user on the command line.</source>
        <translation>Not checked before sign-in; run Help → Self-test after signing in, or give --user on the command line.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The central server did not say its schema version to this login; sync will check it.</source>
        <translation>The central server did not say its schema version to this login; sync will check it.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The central server&apos;s schema {revision} is one this desk (version {version}) knows.</source>
        <translation>The central server&apos;s schema {revision} is one this desk (version {version}) knows.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The central server&apos;s schema {revision} is newer than this desk knows; ask IT to update this desk before syncing.</source>
        <translation>The central server&apos;s schema {revision} is newer than this desk knows; ask IT to update this desk before syncing.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This computer&apos;s clock is {offset} s off the server&apos;s, which is fine.</source>
        <translation>This computer&apos;s clock is {offset} s off the server&apos;s, which is fine.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This computer&apos;s clock is {offset} s off the server&apos;s; ask IT to turn on network time, or call times and leases will be wrong.</source>
        <translation>This computer&apos;s clock is {offset} s off the server&apos;s; ask IT to turn on network time, or call times and leases will be wrong.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This computer&apos;s clock is {offset} s off the server&apos;s; call times in the records and task leases will be wrong: ask IT to set the clock now.</source>
        <translation>This computer&apos;s clock is {offset} s off the server&apos;s; call times in the records and task leases will be wrong: ask IT to set the clock now.</translation>
    </message>
</context>
<context>
    <name>SelfTestDialog</name>
    <message>
        <location filename="../../agent_app/ui/selftest_dialog.py" line="+162"/>
        <source>Self-test</source>
        <translation>Self-test</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What to do</source>
        <translation>What to do</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Microphone level: %p %</source>
        <translation>Microphone level: %p %</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I heard the tone</source>
        <translation>I heard the tone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I heard nothing</source>
        <translation>I heard nothing</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Run again</source>
        <translation>Run again</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Did you hear the tone in the headset?</source>
        <translation>Did you hear the tone in the headset?</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{0} checks failed: fix them before the shift starts.</source>
        <translation>{0} checks failed: fix them before the shift starts.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ready, with {0} warnings.</source>
        <translation>Ready, with {0} warnings.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ready: every check passed.</source>
        <translation>Ready: every check passed.</translation>
    </message>
</context>
<context>
    <name>ServerTexts</name>
    <message>
        <location filename="../../agent_app/ui/server_texts.py" line="+18"/>
        <source>The central database at {where} offers no encrypted connection, so the desk did not connect; ask the administrator to turn on TLS on the server.</source>
        <translation>The central database at {where} offers no encrypted connection, so the desk did not connect; ask the administrator to turn on TLS on the server.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The central database at {where} presented a certificate that the configured certificate authority did not sign, so the desk did not connect; check [server] ca_file.</source>
        <translation>The central database at {where} presented a certificate that the configured certificate authority did not sign, so the desk did not connect; check [server] ca_file.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The central database at {where} presented a certificate for another server name, so the desk did not connect; check [server] host.</source>
        <translation>The central database at {where} presented a certificate for another server name, so the desk did not connect; check [server] host.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The certificate authority file for the central database at {where} cannot be read, so the desk did not connect; check [server] ca_file.</source>
        <translation>The certificate authority file for the central database at {where} cannot be read, so the desk did not connect; check [server] ca_file.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>another agent</source>
        <translation>another agent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Task {task} is being worked by {holder} until {until}; choose another task.</source>
        <translation>Task {task} is being worked by {holder} until {until}; choose another task.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Task {task} is not open any more.</source>
        <translation>Task {task} is not open any more.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Task {task} is not open or not in your queue.</source>
        <translation>Task {task} is not open or not in your queue.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Task {task} cannot be read from the server.</source>
        <translation>Task {task} cannot be read from the server.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot reach the central database at {where} ({reason}); working offline.</source>
        <translation>Cannot reach the central database at {where} ({reason}); working offline.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The central database at {where} is full: it has no free connection for this desk now. Your work is kept on this computer and sent once a connection frees up; tell IT if this lasts.</source>
        <translation>The central database at {where} is full: it has no free connection for this desk now. Your work is kept on this computer and sent once a connection frees up; tell IT if this lasts.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your account already holds every connection to the central database at {where} it may have; close the follow-up desk you left open on another computer. Your work here is kept and sent afterwards.</source>
        <translation>Your account already holds every connection to the central database at {where} it may have; close the follow-up desk you left open on another computer. Your work here is kept and sent afterwards.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The central database could not complete the sync ({reason}).</source>
        <translation>The central database could not complete the sync ({reason}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The central database gave no answer for change {change}.</source>
        <translation>The central database gave no answer for change {change}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The sync was cancelled; it continues where it stopped at the next sync.</source>
        <translation>The sync was cancelled; it continues where it stopped at the next sync.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The sync stopped on this computer: {detail}.</source>
        <translation>The sync stopped on this computer: {detail}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This recording is not on the central server, or you may not listen to it.</source>
        <translation>This recording is not on the central server, or you may not listen to it.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This recording has not been uploaded completely yet; try again later.</source>
        <translation>This recording has not been uploaded completely yet; try again later.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The recording fetched from the server does not match its checksum.</source>
        <translation>The recording fetched from the server does not match its checksum.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This desk (version {version}) is older than the central database accepts (version {min_version} or later), so it sends nothing and keeps your work on this computer until IT updates it.</source>
        <translation>This desk (version {version}) is older than the central database accepts (version {min_version} or later), so it sends nothing and keeps your work on this computer until IT updates it.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The central database runs a newer schema ({revision}) than this desk (version {version}) knows, so it sends nothing and keeps your work on this computer until IT updates it.</source>
        <translation>The central database runs a newer schema ({revision}) than this desk (version {version}) knows, so it sends nothing and keeps your work on this computer until IT updates it.</translation>
    </message>
</context>
<context>
    <name>SmsHistory</name>
    <message>
        <location filename="../../agent_app/ui/followup/sms_history.py" line="+16"/>
        <source>waiting to be sent</source>
        <translation>waiting to be sent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sending</source>
        <translation>sending</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sent, not yet confirmed</source>
        <translation>sent, not yet confirmed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>delivered to the phone</source>
        <translation>delivered to the phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not delivered</source>
        <translation>not delivered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>may not have been sent: check before sending again</source>
        <translation>may not have been sent: check before sending again</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not sent: the number does not take text messages</source>
        <translation>not sent: the number does not take text messages</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>reply</source>
        <translation>reply</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>not sent: the text message platform refused it ({0})</source>
        <translation>not sent: the text message platform refused it ({0})</translation>
    </message>
</context>
<context>
    <name>SmsHistoryBox</name>
    <message>
        <location line="+11"/>
        <source>Text messages</source>
        <translation>Text messages</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No text messages.</source>
        <translation>No text messages.</translation>
    </message>
</context>
<context>
    <name>SmsSettle</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/sms_settle_screen.py" line="+38"/>
        <source>The desk stopped while it was sending.</source>
        <translation>The desk stopped while it was sending.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The modem went away while it was sending.</source>
        <translation>The modem went away while it was sending.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The modem took it but never confirmed it.</source>
        <translation>The modem took it but never confirmed it.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only some parts of the long message were confirmed.</source>
        <translation>Only some parts of the long message were confirmed.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nobody confirmed that it was sent.</source>
        <translation>Nobody confirmed that it was sent.</translation>
    </message>
</context>
<context>
    <name>SmsSettleScreen</name>
    <message>
        <location line="+17"/>
        <source>Text messages to check</source>
        <translation>Text messages to check</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The desk could not tell whether these messages reached the network, so it will not send them again by itself. Ask the patient or check the SMS platform&apos;s log, then decide.</source>
        <translation>The desk could not tell whether these messages reached the network, so it will not send them again by itself. Ask the patient or check the SMS platform&apos;s log, then decide.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Queued</source>
        <translation>Queued</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why unknown</source>
        <translation>Why unknown</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>It was sent</source>
        <translation>It was sent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send it again…</source>
        <translation>Send it again…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do not send it</source>
        <translation>Do not send it</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>(unknown patient)</source>
        <translation>(unknown patient)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No text message needs checking.</source>
        <translation>No text message needs checking.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Send it again</source>
        <translation>Send it again</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>If the first message did reach the patient, they will get it twice. Send it again?</source>
        <translation>If the first message did reach the patient, they will get it twice. Send it again?</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Marked as sent.</source>
        <translation>Marked as sent.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queued again as a new message.</source>
        <translation>Queued again as a new message.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed as not sent.</source>
        <translation>Closed as not sent.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Someone else has already settled that message.</source>
        <translation>Someone else has already settled that message.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not settle the message: {0}</source>
        <translation>Could not settle the message: {0}</translation>
    </message>
</context>
<context>
    <name>SmsStatus</name>
    <message>
        <location filename="../../agent_app/ui/sms_status.py" line="+15"/>
        <source>the SMS modem cannot be opened</source>
        <translation>the SMS modem cannot be opened</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the SMS modem was unplugged</source>
        <translation>the SMS modem was unplugged</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the SMS modem does not answer</source>
        <translation>the SMS modem does not answer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the SMS platform cannot be reached</source>
        <translation>the SMS platform cannot be reached</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the SMS platform is busy</source>
        <translation>the SMS platform is busy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the SMS platform&apos;s signing key is not set on this computer</source>
        <translation>the SMS platform&apos;s signing key is not set on this computer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the SMS platform refuses this desk: check the account and the key</source>
        <translation>the SMS platform refuses this desk: check the account and the key</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>sending has stopped</source>
        <translation>sending has stopped</translation>
    </message>
</context>
<context>
    <name>SmsStatusLabel</name>
    <message>
        <location line="+27"/>
        <source>SMS: ready</source>
        <translation>SMS: ready</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SMS: not sending ({0})</source>
        <translation>SMS: not sending ({0})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SMS: stopped</source>
        <translation>SMS: stopped</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SMS: connecting…</source>
        <translation>SMS: connecting…</translation>
    </message>
</context>
<context>
    <name>SmsTemplateEditor</name>
    <message>
        <location filename="../../agent_app/ui/sms_templates/editor.py" line="+51"/>
        <source>Text message templates</source>
        <translation>Text message templates</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+22"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+23"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="-23"/>
        <location line="+24"/>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <location line="-24"/>
        <location line="+25"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Placeholders: {0}. At most {1} characters once filled.</source>
        <translation>Placeholders: {0}. At most {1} characters once filled.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+7"/>
        <source>Whole hospital</source>
        <translation>Whole hospital</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>You may read this template but not change it.</source>
        <translation>You may read this template but not change it.</translation>
    </message>
</context>
<context>
    <name>SmsTemplateTexts</name>
    <message>
        <location filename="../../agent_app/ui/sms_templates/texts.py" line="+12"/>
        <source>Notice before the first call</source>
        <translation>Notice before the first call</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re-visit reminder</source>
        <translation>Re-visit reminder</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Health education</source>
        <translation>Health education</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retired</source>
        <translation>Retired</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a dose is the prescriber&apos;s to give, never a text message&apos;s</source>
        <translation>a dose is the prescriber&apos;s to give, never a text message&apos;s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>raising or lowering a dose changes the prescription</source>
        <translation>raising or lowering a dose changes the prescription</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>stopping a medicine is a prescription decision</source>
        <translation>stopping a medicine is a prescription decision</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>switching or adding a medicine is a prescription</source>
        <translation>switching or adding a medicine is a prescription</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>an amount of medicine is a dose</source>
        <translation>an amount of medicine is a dose</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>how often to take a medicine is part of the prescription</source>
        <translation>how often to take a medicine is part of the prescription</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a number of tablets is a dose</source>
        <translation>a number of tablets is a dose</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a diagnosis is given by a doctor who saw the patient</source>
        <translation>a diagnosis is given by a doctor who saw the patient</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The text gives medical advice (“{0}”): {1}. Send medicine and diagnosis questions to the doctor instead.</source>
        <translation>The text gives medical advice (“{0}”): {1}. Send medicine and diagnosis questions to the doctor instead.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The code {0} must be 1–40 lower-case letters, digits and _ starting with a letter.</source>
        <translation>The code {0} must be 1–40 lower-case letters, digits and _ starting with a letter.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The title must be 1 to 120 characters.</source>
        <translation>The title must be 1 to 120 characters.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown template kind “{0}”.</source>
        <translation>Unknown template kind “{0}”.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown template state “{0}”.</source>
        <translation>Unknown template state “{0}”.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The text is empty.</source>
        <translation>The text is empty.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A lone “{0}”: write “{1}” for a brace in the text.</source>
        <translation>A lone “{0}”: write “{1}” for a brace in the text.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown placeholder “{{{0}}}”; the known ones are {1}.</source>
        <translation>Unknown placeholder “{{{0}}}”; the known ones are {1}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filled with the longest values the text has {0} characters; a message may have at most {1} ({2} parts).</source>
        <translation>Filled with the longest values the text has {0} characters; a message may have at most {1} ({2} parts).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only a supervisor of the owning department or an administrator may change this template.</source>
        <translation>Only a supervisor of the owning department or an administrator may change this template.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no template “{0}”.</source>
        <translation>There is no template “{0}”.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no department “{0}”.</source>
        <translation>There is no department “{0}”.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Template “{0}” is not approved.</source>
        <translation>Template “{0}” is not approved.</translation>
    </message>
</context>
<context>
    <name>StatsDashboard</name>
    <message>
        <location filename="../../agent_app/ui/reports/dashboard.py" line="+100"/>
        <source>Follow-up statistics</source>
        <translation>Follow-up statistics</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Computing the statistics… %p%</source>
        <translation>Computing the statistics… %p%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Follow-up rate</source>
        <translation>Follow-up rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calls per reach</source>
        <translation>Calls per reach</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workload</source>
        <translation>Workload</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfaction trend</source>
        <translation>Satisfaction trend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-visits</source>
        <translation>Re-visits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Red-flag response</source>
        <translation>Red-flag response</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answers</source>
        <translation>Answers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaints</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Survival</source>
        <translation>Survival</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Follow-up rate: done and reached within 7 and 30 days</source>
        <translation>Follow-up rate: done and reached within 7 and 30 days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calls needed to reach a patient</source>
        <translation>Calls needed to reach a patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calls per person</source>
        <translation>Calls per person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfaction scores</source>
        <translation>Satisfaction scores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean satisfaction per month</source>
        <translation>Mean satisfaction per month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer distribution</source>
        <translation>Answer distribution</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaints and suggestions</source>
        <translation>Complaints and suggestions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Survival after discharge by diagnosis (Kaplan–Meier)</source>
        <translation>Survival after discharge by diagnosis (Kaplan–Meier)</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Refresh cancelled.</source>
        <translation>Refresh cancelled.</translation>
    </message>
</context>
<context>
    <name>StatsFilterBar</name>
    <message>
        <location filename="../../agent_app/ui/reports/stats_filter_bar.py" line="+91"/>
        <source>Chosen dates</source>
        <translation>Chosen dates</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last month</source>
        <translation>Last month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 3 months</source>
        <translation>Last 3 months</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This year</source>
        <translation>This year</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>ICD-10 code start, e.g. I21</source>
        <translation>ICD-10 code start, e.g. I21</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>L1 own follow-up</source>
        <translation>L1 own follow-up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L2 department spot-check</source>
        <translation>L2 department spot-check</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L3 hospital spot-check</source>
        <translation>L3 hospital spot-check</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>By department</source>
        <translation>By department</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whole hospital</source>
        <translation>Whole hospital</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By person</source>
        <translation>By person</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Period:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Department:</source>
        <translation>&amp;Department:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;lan:</source>
        <translation>P&amp;lan:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dia&amp;gnosis:</source>
        <translation>Dia&amp;gnosis:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Le&amp;vel:</source>
        <translation>Le&amp;vel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>G&amp;roup by:</source>
        <translation>G&amp;roup by:</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>All departments</source>
        <translation>All departments</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>All plans</source>
        <translation>All plans</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The period ends before it starts; swap the two dates.</source>
        <translation>The period ends before it starts; swap the two dates.</translation>
    </message>
</context>
<context>
    <name>StoreMessages</name>
    <message>
        <location filename="../../agent_app/ui/store_messages.py" line="+50"/>
        <source>The data store {path} is damaged ({detail}). Nothing was changed in it. Restore one of its backups, or ask IT to rebuild the store from the server.</source>
        <translation>The data store {path} is damaged ({detail}). Nothing was changed in it. Restore one of its backups, or ask IT to rebuild the store from the server.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Another follow-up desk is already open on the data folder {folder}. Use that desk, or close it before starting this one.</source>
        <translation>Another follow-up desk is already open on the data folder {folder}. Use that desk, or close it before starting this one.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The data store {path} cannot be reserved for this desk ({detail}).</source>
        <translation>The data store {path} cannot be reserved for this desk ({detail}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The data folder {folder} is on a network share ({fstype}), where the data store can be damaged without warning. Ask IT to set data_dir to a folder on this computer&apos;s own disk.</source>
        <translation>The data folder {folder} is on a network share ({fstype}), where the data store can be damaged without warning. Ask IT to set data_dir to a folder on this computer&apos;s own disk.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The backup {path} is damaged ({detail}); it was not restored and the data store was not changed.</source>
        <translation>The backup {path} is damaged ({detail}); it was not restored and the data store was not changed.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The automatic backup into {folder} failed ({detail}).</source>
        <translation>The automatic backup into {folder} failed ({detail}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The backup {path} could not be restored ({detail}); the data store was not changed.</source>
        <translation>The backup {path} could not be restored ({detail}); the data store was not changed.</translation>
    </message>
</context>
<context>
    <name>StoreOpening</name>
    <message>
        <location line="-58"/>
        <source>this computer&apos;s key for it is missing from the system keyring</source>
        <translation>this computer&apos;s key for it is missing from the system keyring</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this computer&apos;s key does not open it (it was encrypted on another computer or under a lost key, or it is damaged)</source>
        <translation>this computer&apos;s key does not open it (it was encrypted on another computer or under a lost key, or it is damaged)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The local data store {path} cannot be read: {reason}. It was left as it is; restore the keyring entry, or connect the desk to the central server to rebuild it.</source>
        <translation>The local data store {path} cannot be read: {reason}. It was left as it is; restore the keyring entry, or connect the desk to the central server to rebuild it.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The local data store keeps its key in the system keyring, and this computer has none available ({detail}).</source>
        <translation>The local data store keeps its key in the system keyring, and this computer has none available ({detail}).</translation>
    </message>
    <message>
        <location filename="../../agent_app/ui/store_opening.py" line="+50"/>
        <source>The demo data store could not be read ({reason}). It was moved to {aside} and the demo hospital is generated again.</source>
        <translation>The demo data store could not be read ({reason}). It was moved to {aside} and the demo hospital is generated again.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The local data store could not be read ({reason}). It was moved to {aside} and a new one was started, which the first sync fills from the central server; changes not yet sent from the old store stay in it, readable only with its key.</source>
        <translation>The local data store could not be read ({reason}). It was moved to {aside} and a new one was started, which the first sync fills from the central server; changes not yet sent from the old store stay in it, readable only with its key.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Encrypting the local data store…</source>
        <translation>Encrypting the local data store…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Encrypting the call recordings…</source>
        <translation>Encrypting the call recordings…</translation>
    </message>
</context>
<context>
    <name>SupervisorFailure</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/sampling_access.py" line="+79"/>
        <source>The server does not allow your account to make this change.</source>
        <translation>The server does not allow your account to make this change.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The database could not be reached; try again in a moment.</source>
        <translation>The database could not be reached; try again in a moment.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database refused this; nothing was changed.</source>
        <translation>The database refused this; nothing was changed.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This did not work: {error}</source>
        <translation>This did not work: {error}</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../../agent_app/ui/sync_status.py" line="+37"/>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send saved work and fetch changes now</source>
        <translation>Send saved work and fetch changes now</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Refused changes…</source>
        <translation>Refused changes…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>See what the central database refused, and send it again once mended</source>
        <translation>See what the central database refused, and send it again once mended</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Connection to the server is not verified</source>
        <translation>Connection to the server is not verified</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The settings allow a connection to the central database without checking its certificate (allow_weak_tls); patient data may be read or changed on the way.</source>
        <translation>The settings allow a connection to the central database without checking its certificate (allow_weak_tls); patient data may be read or changed on the way.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>syncing…</source>
        <translation>syncing…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this desk needs an update</source>
        <translation>this desk needs an update</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not yet synced</source>
        <translation>not yet synced</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync: {0}</source>
        <translation>Sync: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} pending</source>
        <translation>{0} pending</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>last {0}</source>
        <translation>last {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} refused</source>
        <translation>{0} refused</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last complete sync: {0}</source>
        <translation>Last complete sync: {0}</translation>
    </message>
</context>
<context>
    <name>TaskQueueModel</name>
    <message>
        <location filename="../../agent_app/ui/task_queue_model.py" line="+105"/>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MRN</source>
        <translation>MRN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diagnosis</source>
        <translation>Diagnosis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <location filename="../../agent_app/ui/template_editor.py" line="+46"/>
        <source>Import a questionnaire template</source>
        <translation>Import a questionnaire template</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Questionnaire templates and call scripts</source>
        <translation>Questionnaire templates and call scripts</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Questionnaire &amp;templates</source>
        <translation>Questionnaire &amp;templates</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call &amp;scripts</source>
        <translation>Call &amp;scripts</translation>
    </message>
</context>
<context>
    <name>TemplatePreview</name>
    <message>
        <location filename="../../agent_app/ui/admin/template_preview.py" line="+18"/>
        <source>Preview (try the answers; nothing is saved)</source>
        <translation>Preview (try the answers; nothing is saved)</translation>
    </message>
</context>
<context>
    <name>TemplateRefusal</name>
    <message>
        <location filename="../../agent_app/ui/template_refusals.py" line="+49"/>
        <source>The template is larger than {0} MB; it cannot be checked or saved.</source>
        <translation>The template is larger than {0} MB; it cannot be checked or saved.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The template nests objects and lists more than {0} levels deep.</source>
        <translation>The template nests objects and lists more than {0} levels deep.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The template has more than {0} questions.</source>
        <translation>The template has more than {0} questions.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Question &apos;{0}&apos; in section &apos;{1}&apos; has more than {2} options.</source>
        <translation>Question &apos;{0}&apos; in section &apos;{1}&apos; has more than {2} options.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Template</source>
        <translation>Template</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Template: result_fields</source>
        <translation>Template: result_fields</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Section {section}</source>
        <translation>Section {section}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Section &apos;{section}&apos;</source>
        <translation>Section &apos;{section}&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Section &apos;{section}&apos;: show_if</source>
        <translation>Section &apos;{section}&apos;: show_if</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Question {question} in section &apos;{section}&apos;</source>
        <translation>Question {question} in section &apos;{section}&apos;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Question &apos;{question}&apos; in section &apos;{section}&apos;</source>
        <translation>Question &apos;{question}&apos; in section &apos;{section}&apos;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Question &apos;{question}&apos; in section &apos;{section}&apos;: show_if</source>
        <translation>Question &apos;{question}&apos; in section &apos;{section}&apos;: show_if</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Question &apos;{question}&apos; in section &apos;{section}&apos;: jump {jump}</source>
        <translation>Question &apos;{question}&apos; in section &apos;{section}&apos;: jump {jump}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Question &apos;{question}&apos; in section &apos;{section}&apos;: option {option}</source>
        <translation>Question &apos;{question}&apos; in section &apos;{section}&apos;: option {option}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Question &apos;{question}&apos; in section &apos;{section}&apos;: option &apos;{option}&apos;</source>
        <translation>Question &apos;{question}&apos; in section &apos;{section}&apos;: option &apos;{option}&apos;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Question &apos;{question}&apos; in section &apos;{section}&apos;: labels</source>
        <translation>Question &apos;{question}&apos; in section &apos;{section}&apos;: labels</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Red flag {flag}</source>
        <translation>Red flag {flag}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Red flag &apos;{flag}&apos;</source>
        <translation>Red flag &apos;{flag}&apos;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a list</source>
        <translation>a list</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the text {found_value}</source>
        <translation>the text {found_value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the number {found_value}</source>
        <translation>the number {found_value}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{place} must be a JSON object, not {found}.</source>
        <translation>{place} must be a JSON object, not {found}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: &apos;{key}&apos; is missing.</source>
        <translation>{place}: &apos;{key}&apos; is missing.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: &apos;{key}&apos; must be a list, not {found}.</source>
        <translation>{place}: &apos;{key}&apos; must be a list, not {found}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: &apos;{key}&apos; {value} must be 1–40 lower-case letters, digits and _ starting with a letter.</source>
        <translation>{place}: &apos;{key}&apos; {value} must be 1–40 lower-case letters, digits and _ starting with a letter.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{place}: &apos;{key}&apos; must be an object with &apos;zh_CN&apos; and &apos;en&apos; texts, not {found}.</source>
        <translation>{place}: &apos;{key}&apos; must be an object with &apos;zh_CN&apos; and &apos;en&apos; texts, not {found}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{place}: &apos;{key}&apos; needs both &apos;zh_CN&apos; and &apos;en&apos;; &apos;{language}&apos; is missing or empty.</source>
        <translation>{place}: &apos;{key}&apos; needs both &apos;zh_CN&apos; and &apos;en&apos;; &apos;{language}&apos; is missing or empty.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{place}: &apos;{key}&apos; has unknown language &apos;{language}&apos;.</source>
        <translation>{place}: &apos;{key}&apos; has unknown language &apos;{language}&apos;.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: &apos;{key}&apos; must be true or false, not {value}.</source>
        <translation>{place}: &apos;{key}&apos; must be true or false, not {value}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: &apos;{key}&apos; must be a whole number, not {value}.</source>
        <translation>{place}: &apos;{key}&apos; must be a whole number, not {value}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: &apos;{key}&apos; must be a number, not {value}.</source>
        <translation>{place}: &apos;{key}&apos; must be a number, not {value}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: unknown key &apos;{key}&apos;.</source>
        <translation>{place}: unknown key &apos;{key}&apos;.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: unknown key &apos;{key}&apos; for a {type} question.</source>
        <translation>{place}: unknown key &apos;{key}&apos; for a {type} question.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{place}: &apos;{key}&apos; must stand alone in its object.</source>
        <translation>{place}: &apos;{key}&apos; must stand alone in its object.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: &apos;{key}&apos; needs a non-empty list of conditions.</source>
        <translation>{place}: &apos;{key}&apos; needs a non-empty list of conditions.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: the condition does not say which &apos;question&apos; it tests.</source>
        <translation>{place}: the condition does not say which &apos;question&apos; it tests.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: a condition needs exactly one operator, found none.</source>
        <translation>{place}: a condition needs exactly one operator, found none.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: a condition needs exactly one operator, found {operators}.</source>
        <translation>{place}: a condition needs exactly one operator, found {operators}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{place}: unknown operator &apos;{operator}&apos;; expected one of {known}, all, any, not.</source>
        <translation>{place}: unknown operator &apos;{operator}&apos;; expected one of {known}, all, any, not.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{place}: &apos;answered&apos; takes true or false.</source>
        <translation>{place}: &apos;answered&apos; takes true or false.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: &apos;{operator}&apos; takes a number, not {value}.</source>
        <translation>{place}: &apos;{operator}&apos; takes a number, not {value}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: &apos;{operator}&apos; takes an option value or a number.</source>
        <translation>{place}: &apos;{operator}&apos; takes an option value or a number.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: &apos;contains&apos; takes one option value.</source>
        <translation>{place}: &apos;contains&apos; takes one option value.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: &apos;{operator}&apos; takes a non-empty list of option values.</source>
        <translation>{place}: &apos;{operator}&apos; takes a non-empty list of option values.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: condition refers to question &apos;{tested}&apos; that does not exist.</source>
        <translation>{place}: condition refers to question &apos;{tested}&apos; that does not exist.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{place}: operator &apos;{operator}&apos; cannot test question &apos;{tested}&apos; of type &apos;{type}&apos;.</source>
        <translation>{place}: operator &apos;{operator}&apos; cannot test question &apos;{tested}&apos; of type &apos;{type}&apos;.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{place}: question &apos;{tested}&apos; is a {type}; &apos;{operator}&apos; must compare it with a number.</source>
        <translation>{place}: question &apos;{tested}&apos; is a {type}; &apos;{operator}&apos; must compare it with a number.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{place}: &apos;{value}&apos; is not an option of question &apos;{tested}&apos;.</source>
        <translation>{place}: &apos;{value}&apos; is not an option of question &apos;{tested}&apos;.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: {value} is not a point of the scale of question &apos;{tested}&apos; ({low}–{high}).</source>
        <translation>{place}: {value} is not a point of the scale of question &apos;{tested}&apos; ({low}–{high}).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Template: &apos;version&apos; must be a whole number from 1, not {value}.</source>
        <translation>Template: &apos;version&apos; must be a whole number from 1, not {value}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Template: &apos;title&apos; is longer than 120 characters.</source>
        <translation>Template: &apos;title&apos; is longer than 120 characters.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Template: &apos;sections&apos; is empty; a template needs at least one.</source>
        <translation>Template: &apos;sections&apos; is empty; a template needs at least one.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: id &apos;end&apos; is reserved for &apos;jump to the end&apos;.</source>
        <translation>{place}: id &apos;end&apos; is reserved for &apos;jump to the end&apos;.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Section id &apos;{section}&apos; is used twice.</source>
        <translation>Section id &apos;{section}&apos; is used twice.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: &apos;questions&apos; is empty.</source>
        <translation>{place}: &apos;questions&apos; is empty.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Question id &apos;{question}&apos; is used twice (sections &apos;{first}&apos; and &apos;{section}&apos;).</source>
        <translation>Question id &apos;{question}&apos; is used twice (sections &apos;{first}&apos; and &apos;{section}&apos;).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{place}: unknown type {value}; expected one of {known}.</source>
        <translation>{place}: unknown type {value}; expected one of {known}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: scale min {low} must be below max {high}.</source>
        <translation>{place}: scale min {low} must be below max {high}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: a scale may have at most 11 points ({low}–{high}).</source>
        <translation>{place}: a scale may have at most 11 points ({low}–{high}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: number min {low} must be below max {high}.</source>
        <translation>{place}: number min {low} must be below max {high}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: date_range {value} must be one of any, past, future.</source>
        <translation>{place}: date_range {value} must be one of any, past, future.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: max_length must be from 1 to 4000, not {value}.</source>
        <translation>{place}: max_length must be from 1 to 4000, not {value}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: a {type} choice needs at least 2 options.</source>
        <translation>{place}: a {type} choice needs at least 2 options.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: option {number} value {value} must be lower-case letters, digits and _ starting with a letter.</source>
        <translation>{place}: option {number} value {value} must be lower-case letters, digits and _ starting with a letter.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{place}: option value &apos;{value}&apos; appears twice.</source>
        <translation>{place}: option value &apos;{value}&apos; appears twice.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: option &apos;{value}&apos; is exclusive, which only a multi choice may have.</source>
        <translation>{place}: option &apos;{value}&apos; is exclusive, which only a multi choice may have.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{place}: scale label key {value} is not a whole number.</source>
        <translation>{place}: scale label key {value} is not a whole number.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: scale label {point} is outside {low}–{high}.</source>
        <translation>{place}: scale label {point} is outside {low}–{high}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: &apos;to&apos; must be a section id or &apos;end&apos;.</source>
        <translation>{place}: &apos;to&apos; must be a section id or &apos;end&apos;.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: jump target &apos;{target}&apos; is not a section of this template.</source>
        <translation>{place}: jump target &apos;{target}&apos; is not a section of this template.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{place}: jump target &apos;{target}&apos; is not after section &apos;{section}&apos;; jumps may only go forward.</source>
        <translation>{place}: jump target &apos;{target}&apos; is not after section &apos;{section}&apos;; jumps may only go forward.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{place}: show_if tests the question&apos;s own answer.</source>
        <translation>{place}: show_if tests the question&apos;s own answer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Skip logic has a cycle (each is shown depending on the next): {cycle}.</source>
        <translation>Skip logic has a cycle (each is shown depending on the next): {cycle}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Skip logic has a cycle through question &apos;{question}&apos;.</source>
        <translation>Skip logic has a cycle through question &apos;{question}&apos;.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Red flag id &apos;{flag}&apos; is used twice.</source>
        <translation>Red flag id &apos;{flag}&apos; is used twice.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: severity {value} must be one of {known}.</source>
        <translation>{place}: severity {value} must be one of {known}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Template: result_fields &apos;{key}&apos; refers to question {value} that does not exist.</source>
        <translation>Template: result_fields &apos;{key}&apos; refers to question {value} that does not exist.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Template: result_fields &apos;{key}&apos; must be a {type} question; &apos;{question}&apos; is {actual}.</source>
        <translation>Template: result_fields &apos;{key}&apos; must be a {type} question; &apos;{question}&apos; is {actual}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Template: result_fields &apos;vital_status&apos; question &apos;{question}&apos; has option &apos;{value}&apos;; allowed values are alive, deceased, unknown.</source>
        <translation>Template: result_fields &apos;vital_status&apos; question &apos;{question}&apos; has option &apos;{value}&apos;; allowed values are alive, deceased, unknown.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Template &apos;{template}&apos; is not a version of &apos;{other}&apos;.</source>
        <translation>Template &apos;{template}&apos; is not a version of &apos;{other}&apos;.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Template &apos;{template}&apos;: version {version} must be higher than {previous}.</source>
        <translation>Template &apos;{template}&apos;: version {version} must be higher than {previous}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Template &apos;{template}&apos; is new, so its version must be 1, not {version}.</source>
        <translation>Template &apos;{template}&apos; is new, so its version must be 1, not {version}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Template &apos;{template}&apos;: the latest stored version is {latest}, so the new one must be version {expected}, not {version}.</source>
        <translation>Template &apos;{template}&apos;: the latest stored version is {latest}, so the new one must be version {expected}, not {version}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Someone else saved this version of the template a moment ago; reload and try again.</source>
        <translation>Someone else saved this version of the template a moment ago; reload and try again.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The stored version {version} of &apos;{template}&apos; is damaged and cannot be compared:</source>
        <translation>The stored version {version} of &apos;{template}&apos; is damaged and cannot be compared:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is no template &apos;{template}&apos; in this store.</source>
        <translation>There is no template &apos;{template}&apos; in this store.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no template &apos;{template}&apos; version {version} in this store.</source>
        <translation>There is no template &apos;{template}&apos; version {version} in this store.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only an administrator may change templates and scripts.</source>
        <translation>Only an administrator may change templates and scripts.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file &apos;{file}&apos; is not UTF-8 text.</source>
        <translation>The file &apos;{file}&apos; is not UTF-8 text.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file &apos;{file}&apos; cannot be read: {detail}.</source>
        <translation>The file &apos;{file}&apos; cannot be read: {detail}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>JSON syntax error at line {line}, column {column}: Expecting value.</source>
        <translation>JSON syntax error at line {line}, column {column}: Expecting value.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>JSON syntax error at line {line}, column {column}: Expecting &apos;,&apos; delimiter.</source>
        <translation>JSON syntax error at line {line}, column {column}: Expecting &apos;,&apos; delimiter.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>JSON syntax error at line {line}, column {column}: Expecting &apos;:&apos; delimiter.</source>
        <translation>JSON syntax error at line {line}, column {column}: Expecting &apos;:&apos; delimiter.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>JSON syntax error at line {line}, column {column}: Expecting property name enclosed in double quotes.</source>
        <translation>JSON syntax error at line {line}, column {column}: Expecting property name enclosed in double quotes.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>JSON syntax error at line {line}, column {column}: Unterminated string starting at.</source>
        <translation>JSON syntax error at line {line}, column {column}: Unterminated string starting at.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>JSON syntax error at line {line}, column {column}: Extra data.</source>
        <translation>JSON syntax error at line {line}, column {column}: Extra data.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>JSON syntax error at line {line}, column {column}: Invalid control character {character} at.</source>
        <translation>JSON syntax error at line {line}, column {column}: Invalid control character {character} at.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>JSON syntax error at line {line}, column {column}: Invalid \escape: {character}.</source>
        <translation>JSON syntax error at line {line}, column {column}: Invalid \escape: {character}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>JSON syntax error at line {line}, column {column}: Invalid \uXXXX escape.</source>
        <translation>JSON syntax error at line {line}, column {column}: Invalid \uXXXX escape.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>JSON syntax error at line {line}, column {column}: {detail}.</source>
        <translation>JSON syntax error at line {line}, column {column}: {detail}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Line {line}: unknown section &apos;[{name}]&apos;; known sections are {known}.</source>
        <translation>Line {line}: unknown section &apos;[{name}]&apos;; known sections are {known}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Line {line}: section &apos;[{name}]&apos; appears twice.</source>
        <translation>Line {line}: section &apos;[{name}]&apos; appears twice.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Line {line}: text before the first section header; start with [identity].</source>
        <translation>Line {line}: text before the first section header; start with [identity].</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The script has no [{section}] section.</source>
        <translation>The script has no [{section}] section.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Section &apos;[{section}]&apos; is empty.</source>
        <translation>Section &apos;[{section}]&apos; is empty.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Line {line} (section &apos;[{section}]&apos;): a lone &apos;{brace}&apos;; write &apos;{braces}&apos; for a literal brace.</source>
        <translation>Line {line} (section &apos;[{section}]&apos;): a lone &apos;{brace}&apos;; write &apos;{braces}&apos; for a literal brace.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Line {line} (section &apos;[{section}]&apos;): unknown placeholder &apos;{{{name}}}&apos;; known placeholders are {known}.</source>
        <translation>Line {line} (section &apos;[{section}]&apos;): unknown placeholder &apos;{{{name}}}&apos;; known placeholders are {known}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Script code {value} must be 1–40 lower-case letters, digits and _ starting with a letter.</source>
        <translation>Script code {value} must be 1–40 lower-case letters, digits and _ starting with a letter.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The script title must be 1 to 120 characters.</source>
        <translation>The script title must be 1 to 120 characters.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no call script &apos;{script}&apos; in this store.</source>
        <translation>There is no call script &apos;{script}&apos; in this store.</translation>
    </message>
</context>
<context>
    <name>TemplateTab</name>
    <message>
        <location filename="../../agent_app/ui/admin/template_tab.py" line="+86"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Specialty</source>
        <translation>Specialty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plans</source>
        <translation>Plans</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;New template</source>
        <translation>&amp;New template</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import from file…</source>
        <translation>&amp;Import from file…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Retire the previous version and move its plans to the new one</source>
        <translation>&amp;Retire the previous version and move its plans to the new one</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save as new version</source>
        <translation>&amp;Save as new version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+32"/>
        <source>Discard changes?</source>
        <translation>Discard changes?</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>The template in the editor is not saved. Discard it and open {0}?</source>
        <translation>The template in the editor is not saved. Discard it and open {0}?</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>New version {2} of &apos;{0}&apos;, copied from version {1}. Saving adds it; version {1} and the results answered with it stay as they are.</source>
        <translation>New version {2} of &apos;{0}&apos;, copied from version {1}. Saving adds it; version {1} and the results answered with it stay as they are.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The template in the editor is not saved. Discard it?</source>
        <translation>The template in the editor is not saved. Discard it?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A new template: give it its own code; it is saved as version 1.</source>
        <translation>A new template: give it its own code; it is saved as version 1.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Imported from {0}; check it, then save it as a new version.</source>
        <translation>Imported from {0}; check it, then save it as a new version.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>OK — {0} questions, {1} red-flag rules</source>
        <translation>OK — {0} questions, {1} red-flag rules</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+59"/>
        <source>Not saved: {0}</source>
        <translation>Not saved: {0}</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Removed: {0}</source>
        <translation>Removed: {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Answers stored under version {0} may not fit version {1}:

{2}

Those results keep pointing at version {0}. Save version {1} anyway?</source>
        <translation>Answers stored under version {0} may not fit version {1}:

{2}

Those results keep pointing at version {0}. Save version {1} anyway?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Incompatible with stored answers</source>
        <translation>Incompatible with stored answers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not saved.</source>
        <translation>Not saved.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Saved version {1} of &apos;{0}&apos;.</source>
        <translation>Saved version {1} of &apos;{0}&apos;.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} plans now use it.</source>
        <translation>{0} plans now use it.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the store could not be written ({0})</source>
        <translation>the store could not be written ({0})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The templates could not be read: {0}</source>
        <translation>The templates could not be read: {0}</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../agent_app/ui/transfer_dialog.py" line="+74"/>
        <source>Transfer to %1</source>
        <translation>Transfer to %1</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Transfer the call</source>
        <translation>Transfer the call</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find a department or doctor</source>
        <translation>Find a department or doctor</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Or type a number or extension</source>
        <translation>Or type a number or extension</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Transfer</source>
        <translation>&amp;Transfer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Consult first</source>
        <translation>&amp;Consult first</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Con&amp;ference</source>
        <translation>Con&amp;ference</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Where to:</source>
        <translation>&amp;Where to:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The transfer directory is empty; type a number.</source>
        <translation>The transfer directory is empty; type a number.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>doctor on duty</source>
        <translation>doctor on duty</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>follow-up line</source>
        <translation>follow-up line</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Choose where to transfer, or type a number.</source>
        <translation>Choose where to transfer, or type a number.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That is not a number that can be dialled.</source>
        <translation>That is not a number that can be dialled.</translation>
    </message>
</context>
<context>
    <name>TransferWords</name>
    <message>
        <location line="-118"/>
        <source>This line cannot transfer calls this way.</source>
        <translation>This line cannot transfer calls this way.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The phone line has no hook flash set up, so it cannot transfer calls.</source>
        <translation>The phone line has no hook flash set up, so it cannot transfer calls.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This line cannot join calls together.</source>
        <translation>This line cannot join calls together.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That number cannot be dialled on this line.</source>
        <translation>That number cannot be dialled on this line.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only an answered call can be transferred.</source>
        <translation>Only an answered call can be transferred.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose two different calls.</source>
        <translation>Choose two different calls.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This call is already being transferred.</source>
        <translation>This call is already being transferred.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Transferring… (%1)</source>
        <translation>Transferring… (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The call was transferred.</source>
        <translation>The call was transferred.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The transfer failed; the caller is still on your line.</source>
        <translation>The transfer failed; the caller is still on your line.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Conference of %1 calls.</source>
        <translation>Conference of %1 calls.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The conference has ended.</source>
        <translation>The conference has ended.</translation>
    </message>
</context>
<context>
    <name>WaveformStrip</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/waveform.py" line="+67"/>
        <source>Click to play from that moment</source>
        <translation>Click to play from that moment</translation>
    </message>
</context>
<context>
    <name>WrapUpPanel</name>
    <message>
        <location filename="../../agent_app/ui/followup/wrapup_panel.py" line="+64"/>
        <source>Wrap-up</source>
        <translation>Wrap-up</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>— choose how the follow-up ended —</source>
        <translation>— choose how the follow-up ended —</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>In the hospital&apos;s time</source>
        <translation>In the hospital&apos;s time</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notes for the next caller and the doctor</source>
        <translation>Notes for the next caller and the doctor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send a re-visit reminder by SMS</source>
        <translation>Send a re-visit reminder by SMS</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tick the texts to send the patient by SMS when the follow-up is saved</source>
        <translation>Tick the texts to send the patient by SMS when the follow-up is saved</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save and close (Ctrl+S)</source>
        <translation>Save and close (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Leave for later</source>
        <translation>Leave for later</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the queue; the answers stay saved here</source>
        <translation>Back to the queue; the answers stay saved here</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call back at</source>
        <translation>Call back at</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Health-education SMS</source>
        <translation>Health-education SMS</translation>
    </message>
    <message>
        <location filename="../../agent_app/ui/enum_names.py" line="+21"/>
        <source>Reached — follow-up done</source>
        <translation>Reached — follow-up done</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No answer</source>
        <translation>No answer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Busy</source>
        <translation>Busy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call back later</source>
        <translation>Call back later</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused the follow-up</source>
        <translation>Refused the follow-up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong number</source>
        <translation>Wrong number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number does not exist</source>
        <translation>Number does not exist</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Patient deceased</source>
        <translation>Patient deceased</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Our line failed</source>
        <translation>Our line failed</translation>
    </message>
</context>
</TS>
