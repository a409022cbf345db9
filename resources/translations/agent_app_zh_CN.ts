<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AccountPicker</name>
    <message>
        <location filename="../../agent_app/ui/account_picker.py" line="+53"/>
        <source>Type a name, its initials or a department</source>
        <translation>输入姓名、拼音首字母或科室</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>No account matches “{0}”. Check the spelling, or clear the search.</source>
        <translation>没有与“{0}”匹配的账号。请检查输入，或清空搜索框。</translation>
    </message>
</context>
<context>
    <name>AckDialog</name>
    <message>
        <location filename="../../agent_app/ui/red_flags/ack_dialog.py" line="+22"/>
        <source>Acknowledge the red flag — {0}</source>
        <translation>确认红旗警报 — {0}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Action taken</source>
        <translation>已采取的处理</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What you did or decided (up to {0} characters)</source>
        <translation>您的处理或决定（最多 {0} 个字）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
</context>
<context>
    <name>AgreementView</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/agreement_view.py" line="+87"/>
        <source>No run: the dates below</source>
        <translation>不按批次：使用下方日期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Level 2: department spot-check</source>
        <translation>二级：科室抽查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level 3: hospital spot-check</source>
        <translation>三级：全院抽查</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Satisfaction scores this close count as agreeing.</source>
        <translation>满意度评分相差不超过此值即视为一致。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;how (F5)</source>
        <translation>显示(&amp;H) (F5)</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+162"/>
        <source>Question</source>
        <translation>题目</translation>
    </message>
    <message>
        <location line="-162"/>
        <source>Compared</source>
        <translation>比对数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Agreeing</source>
        <translation>一致数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Agreement</source>
        <translation>一致率</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Past &amp;run</source>
        <translation>历史批次(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Level</source>
        <translation>级别(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spot-checks &amp;due</source>
        <translation>抽查到期时段(&amp;D)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Department</source>
        <translation>科室(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfaction &amp;tolerance</source>
        <translation>满意度容差(&amp;T)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Discrepancies</source>
        <translation>不一致项</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only supervisors and quality staff see agreement.</source>
        <translation>仅护士长和质控员可查看一致性分析。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All departments</source>
        <translation>全部科室</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Run {run}: L{level}, {start} – {end}, seed {seed}</source>
        <translation>批次 {run}：L{level}，{start} – {end}，随机种子 {seed}</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The period ends before it starts; swap the dates.</source>
        <translation>结束日期早于开始日期，请对调两个日期。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Comparing the levels…</source>
        <translation>正在比对各级随访结果…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{pairs} spot-checks compared with their follow-up; {flagged} flagged with {count} discrepancies.</source>
        <translation>已将 {pairs} 个抽查与原随访比对；{flagged} 个被标记，共 {count} 处不一致。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agent (L1)</source>
        <translation>随访员 (L1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>L1 answer</source>
        <translation>L1 答案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L3 answer</source>
        <translation>L3 答案</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>L2 answer</source>
        <translation>L2 答案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spot-check task</source>
        <translation>抽查任务</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Knows the re-visit date</source>
        <translation>知晓复诊日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who answered</source>
        <translation>接听人身份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Was phoned for the follow-up</source>
        <translation>是否接到随访电话</translation>
    </message>
</context>
<context>
    <name>AlertToast</name>
    <message>
        <location filename="../../agent_app/ui/red_flags/alert_toast.py" line="+45"/>
        <source>Open the inbox</source>
        <translation>打开警报收件箱</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>New red flag: {0}</source>
        <translation>新红旗警报：{0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} new red flags, the first: {1}</source>
        <translation>{0} 条新红旗警报，第一条：{1}</translation>
    </message>
</context>
<context>
    <name>AnswerPicker</name>
    <message>
        <location filename="../../agent_app/ui/reports/answer_picker.py" line="+26"/>
        <source>&amp;Questionnaire:</source>
        <translation>问卷(&amp;Q)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Q&amp;uestion:</source>
        <translation>题目(&amp;U)：</translation>
    </message>
</context>
<context>
    <name>AttemptCountdown</name>
    <message>
        <location filename="../../agent_app/ui/sign_in_wait.py" line="+35"/>
        <source>Too many wrong passwords: this account is locked until {0}.</source>
        <translation>密码错误次数过多：该账号已锁定至 {0}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too soon after a wrong password: wait for the countdown.</source>
        <translation>密码错误后需稍候：请等待倒计时结束。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Next attempt in {0}:{1:02d}.</source>
        <translation>{0}:{1:02d} 后可再次尝试。</translation>
    </message>
</context>
<context>
    <name>BackupRestoreDialog</name>
    <message>
        <location filename="../../agent_app/ui/backup_restore_dialog.py" line="+48"/>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The current data store is kept aside, not deleted.</source>
        <translation>当前的数据存储会另行保留，不会被删除。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There are no backups in {0} yet.</source>
        <translation>{0} 中还没有备份。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{0:.1f} MB</source>
        <translation>{0:.1f} MB</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Restore the backup taken {0}? Work saved after it is no longer in the data store (the current store is kept aside), and the desk closes afterwards.</source>
        <translation>要恢复 {0} 的备份吗？此后保存的工作将不再在数据存储中（当前的数据存储会另行保留），恢复后工作台将关闭。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Checking and restoring the backup…</source>
        <translation>正在检查并恢复备份…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The backup was restored. The previous data store was kept as {0}. The desk will now close; start it again.</source>
        <translation>备份已恢复。原来的数据存储已保留为 {0}。工作台现在将关闭，请重新启动。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Restore a backup…</source>
        <translation>恢复备份…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close the desk</source>
        <translation>关闭工作台</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <location filename="../../agent_app/ui/admin/calendar_page.py" line="+62"/>
        <source>The national holiday data ends on {0} ({1} days left). Upgrade chinesecalendar once the State Council publishes next year&apos;s holidays; until then, add the known holidays as closure days.</source>
        <translation>国家法定节假日数据截止到 {0}（还剩 {1} 天）。国务院公布下一年放假安排后，请升级 chinesecalendar；在此之前，请把已知的节假日添加为停诊日。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The national holiday data ended on {0}: calls now follow plain weekdays and public holidays are not skipped. Upgrade chinesecalendar, or add the holidays as closure days.</source>
        <translation>国家法定节假日数据已于 {0} 截止：目前按普通工作日安排拨打，法定节假日不会被跳过。请升级 chinesecalendar，或把节假日添加为停诊日。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Closure day (no calls)</source>
        <translation>停诊日（不拨打）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extra working day</source>
        <translation>额外工作日</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{day} already has an exception; remove it first.</source>
        <translation>{day} 已有例外设置，请先删除。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The reason is longer than {limit} characters.</source>
        <translation>原因超过 {limit} 个字符。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That exception is no longer in the calendar.</source>
        <translation>该例外已不在日历中。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only an administrator may change the calendar.</source>
        <translation>只有管理员可以修改日历。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The calendar could not be read or written ({0}).</source>
        <translation>无法读取或写入日历（{0}）。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>China&apos;s public holidays and swapped working days are known for {0}–{1}. Beyond that, calls follow plain weekdays.</source>
        <translation>已知 {0}–{1} 年的国家法定节假日和调休上班日。超出此范围时按普通工作日安排拨打。</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+22"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reason, e.g. hospital-wide power maintenance</source>
        <translation>原因，例如：全院停电检修</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove selected</source>
        <translation>删除所选(&amp;R)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The hospital&apos;s own exceptions</source>
        <translation>本院例外日期</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Calling calendar</source>
        <translation>拨打日历</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Added {0}: {1}.</source>
        <translation>已添加 {0}：{1}。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select an exception to remove.</source>
        <translation>请选择要删除的例外。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Removed {0}.</source>
        <translation>已删除 {0}。</translation>
    </message>
</context>
<context>
    <name>CallBar</name>
    <message>
        <location filename="../../agent_app/ui/call_bar.py" line="+99"/>
        <source>Number to call</source>
        <translation>拨打号码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dial</source>
        <translation>拨号</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+282"/>
        <source>Dial (Ctrl+D)</source>
        <translation>拨号 (Ctrl+D)</translation>
    </message>
    <message>
        <location line="-280"/>
        <source>Hang up</source>
        <translation>挂断</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hang up (Ctrl+E)</source>
        <translation>挂断 (Ctrl+E)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hold</source>
        <translation>保持</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pause recording</source>
        <translation>暂停录音</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pause while the patient gives sensitive details; the pause is marked</source>
        <translation>患者提供敏感信息时暂停录音；暂停处会被标记</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Transfer…</source>
        <translation>转接…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Transfer the call, consult first or bring someone in (Ctrl+T)</source>
        <translation>转接通话、先咨询或邀请第三方加入（Ctrl+T）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keypad</source>
        <translation>拨号盘</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location line="+182"/>
        <location line="+1"/>
        <source>Ringing…</source>
        <translation>振铃中…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>On hold</source>
        <translation>通话保持中</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Connected</source>
        <translation>已接通</translation>
    </message>
    <message>
        <location line="-132"/>
        <location line="+49"/>
        <source>Finish the current call first.</source>
        <translation>请先结束当前通话。</translation>
    </message>
    <message>
        <location line="-177"/>
        <source>Type a number to call.</source>
        <translation>请输入要拨打的号码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;{number}&quot; is not a phone number: use digits only (spaces, dashes and brackets may separate them, and a + may start it). Nothing was dialled.</source>
        <translation>“{number}”不是电话号码：只能使用数字（可用空格、短横线和括号分隔，开头可加 +）。未拨号。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{number} is not a valid phone number for this desk&apos;s region ({region}) nor an internal extension. Nothing was dialled.</source>
        <translation>{number} 不是本台所在地区（{region}）的有效电话号码，也不是内部分机号。未拨号。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only a SIP headset line can call the address {number}.</source>
        <translation>只有 SIP 耳麦线路才能呼叫地址 {number}。</translation>
    </message>
    <message>
        <location line="+156"/>
        <location line="+89"/>
        <source>Calling…</source>
        <translation>正在呼叫…</translation>
    </message>
    <message>
        <location line="-71"/>
        <location line="+72"/>
        <location line="+2"/>
        <source>Answering…</source>
        <translation>正在接听…</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>The call is not being recorded: {0}</source>
        <translation>本次通话未录音：{0}</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>⏸ Recording paused</source>
        <translation>⏸ 录音已暂停</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>● Recording</source>
        <translation>● 录音中</translation>
    </message>
</context>
<context>
    <name>CallLog</name>
    <message>
        <location filename="../../agent_app/ui/followup/call_log.py" line="+69"/>
        <source>A call could not be written to the local store: {0}</source>
        <translation>通话记录无法写入本地数据库：{0}</translation>
    </message>
</context>
<context>
    <name>CallTools</name>
    <message>
        <location filename="../../agent_app/ui/followup/call_tools.py" line="+30"/>
        <source>Recording of an earlier call</source>
        <translation>既往通话录音</translation>
    </message>
</context>
<context>
    <name>CallTransfer</name>
    <message>
        <location filename="../../agent_app/ui/call_transfer.py" line="+78"/>
        <source>The transfer directory could not be read; try again.</source>
        <translation>转接目录未能读取，请重试。</translation>
    </message>
</context>
<context>
    <name>ComplaintDetail</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/complaint_detail.py" line="+58"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Step</source>
        <translation>处理环节</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Note for the department (optional)</source>
        <translation>给科室的说明（选填）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Assign</source>
        <translation>分派(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The department&apos;s reply</source>
        <translation>科室的回复</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re&amp;ply</source>
        <translation>回复(&amp;P)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Closing note (optional)</source>
        <translation>结案说明（选填）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;lose complaint</source>
        <translation>结案(&amp;L)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next step</source>
        <translation>下一步处理</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Choose a complaint in the list.</source>
        <translation>请在列表中选择一条记录。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{state} · {department} · registered {when} by {who}</source>
        <translation>{state} · {department} · 由 {who} 于 {when} 登记</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no department yet</source>
        <translation>尚未指定科室</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>closed {when}</source>
        <translation>{when} 结案</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from a call</source>
        <translation>来自随访通话</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none given</source>
        <translation>未指定</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Praise</source>
        <translation>表扬</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <source>Assigned</source>
        <translation>已分派</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+9"/>
        <source>Replied</source>
        <translation>已回复</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+9"/>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Registered</source>
        <translation>登记</translation>
    </message>
</context>
<context>
    <name>ComplaintForm</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/complaint_form.py" line="+46"/>
        <location line="+97"/>
        <source>No patient chosen</source>
        <translation>未选择患者</translation>
    </message>
    <message>
        <location line="-95"/>
        <source>Name, MRN or phone number</source>
        <translation>姓名、病案号或电话号码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Praise</source>
        <translation>表扬</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Decide later</source>
        <translation>稍后决定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What the patient or family said</source>
        <translation>患者或家属反映的内容</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find &amp;patient</source>
        <translation>查找患者(&amp;P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Department</source>
        <translation>科室(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;What was said</source>
        <translation>反映内容(&amp;W)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The call&apos;s department</source>
        <translation>本次通话所属科室</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No patient found for “{text}”.</source>
        <translation>未找到与“{text}”相符的患者。</translation>
    </message>
</context>
<context>
    <name>ComplaintsScreen</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/complaints_screen.py" line="+78"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All departments</source>
        <translation>全部科室</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New… (Ctrl+N)</source>
        <translation>新建(&amp;N)… (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re&amp;fresh (F5)</source>
        <translation>刷新(&amp;F) (F5)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Registered</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+16"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="-16"/>
        <location line="+18"/>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Administrators do not handle complaints.</source>
        <translation>管理员不处理投诉与建议。</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>{count} shown.</source>
        <translation>共显示 {count} 条。</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>ConfigTexts</name>
    <message>
        <location filename="../../agent_app/ui/config_texts.py" line="+11"/>
        <source>The [server] sslmode &apos;{sslmode}&apos; does not check the central database&apos;s certificate. Use &apos;verify-full&apos; with ca_file, or, if the hospital accepts the risk, also set allow_weak_tls = true in [server].</source>
        <translation>[server] 中的 sslmode “{sslmode}” 不校验中心数据库的证书。请使用 “verify-full” 并设置 ca_file；如医院接受此风险，也可在 [server] 中同时设置 allow_weak_tls = true。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The [server] ca_file {path} is not a file.</source>
        <translation>[server] 中的 ca_file {path} 不是文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The settings file {path} named by {variable} does not exist.</source>
        <translation>{variable} 指定的设置文件 {path} 不存在。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In {path}, [sign_in] needs max_failures of at least 1, lockout_minutes above 0 and first_delay_seconds of 0 or more.</source>
        <translation>{path} 中的 [sign_in] 要求 max_failures 至少为 1、lockout_minutes 大于 0、first_delay_seconds 不小于 0。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The settings file {path} is not a valid settings file ({detail}).</source>
        <translation>设置文件 {path} 格式不正确（{detail}）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The settings file {path} is not saved as UTF-8 text.</source>
        <translation>设置文件 {path} 不是以 UTF-8 编码保存的文本。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The settings file {path} cannot be read ({detail}).</source>
        <translation>无法读取设置文件 {path}（{detail}）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In {where}, [{section}] must be a section of settings.</source>
        <translation>{where} 中的 [{section}] 必须是一个设置段。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In {where}, the setting &apos;{name}&apos; is not known.</source>
        <translation>{where} 中的设置项 “{name}” 无法识别。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In {where}, a password was written into the settings. Passwords belong in the system keyring only: remove it from the file.</source>
        <translation>{where} 的设置中写入了密码。密码只能保存在系统密钥环中，请从文件中删除。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In {where}, &apos;{value}&apos; is not one of: {allowed}.</source>
        <translation>{where} 中的 “{value}” 不在可选值之内：{allowed}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In {where}, &apos;{value}&apos; is not a valid value.</source>
        <translation>{where} 中的 “{value}” 不是有效的取值。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In {where}, the value has a kind the setting cannot take.</source>
        <translation>{where} 中的取值类型不被该设置项接受。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In {path}, extension_pattern &apos;{pattern}&apos; is not a valid regular expression ({detail}).</source>
        <translation>{path} 中的 extension_pattern “{pattern}” 不是有效的正则表达式（{detail}）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In {path}, inbound_ring_timeout must be above 0 seconds.</source>
        <translation>{path} 中的 inbound_ring_timeout 必须大于 0 秒。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In {path}, [sip] max_calls must be between 1 and 3.</source>
        <translation>{path} 中的 [sip] max_calls 必须在 1 到 3 之间。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In {path}, [headset] device &apos;{value}&apos; names no headset: use auto, none, vendor:product in hex (0b0e:24c8) or a device path.</source>
        <translation>{path} 中 [headset] device 的值“{value}”不指向任何耳机：请填写 auto、none、十六进制的 厂商:产品（如 0b0e:24c8）或设备路径。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The desk cannot write to its data folder {folder} ({detail}).</source>
        <translation>工作台无法写入数据文件夹 {folder}（{detail}）。</translation>
    </message>
</context>
<context>
    <name>DashboardCaption</name>
    <message>
        <location filename="../../agent_app/ui/reports/dashboard_caption.py" line="+25"/>
        <source>MMMM yyyy</source>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Figures for {period}.</source>
        <translation>{period}的统计数据。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The statistics for the changed filter are computed next…</source>
        <translation>稍后按新的筛选条件计算统计数据…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Figures for {shown}; the changed filter is computed next…</source>
        <translation>当前显示{shown}的数据；稍后按新的筛选条件重新计算…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Computing the statistics for {period}…</source>
        <translation>正在计算{period}的统计数据…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Figures for {shown}; computing {wanted}…</source>
        <translation>当前显示{shown}的数据；正在计算{wanted}…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The figures shown are for {shown}.</source>
        <translation>当前显示的是{shown}的数据。</translation>
    </message>
</context>
<context>
    <name>DashboardOutputs</name>
    <message>
        <location filename="../../agent_app/ui/reports/dashboard_outputs.py" line="+78"/>
        <source>&amp;Export table…</source>
        <translation>导出表格(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export &amp;all tables to XLSX…</source>
        <translation>将全部表格导出为 XLSX(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Monthly report (PDF)…</source>
        <translation>月度随访分析报告 (PDF)(&amp;M)…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV text (*.csv)</source>
        <translation>CSV 文本文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Save the monthly report</source>
        <translation>保存月度随访分析报告</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Monthly report</source>
        <translation>月度随访分析报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The report was saved as {path}. Open it now?</source>
        <translation>报告已保存为 {path}。现在打开吗？</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+11"/>
        <source>There is nothing to export yet: refresh the statistics.</source>
        <translation>暂无可导出的内容，请先刷新统计数据。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Exported {rows} rows to {path}.</source>
        <translation>已将 {rows} 行导出到 {path}。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The export did not complete.</source>
        <translation>导出未完成。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>There is nothing to print yet: refresh the statistics.</source>
        <translation>暂无可打印的内容，请先刷新统计数据。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The monthly report was not written.</source>
        <translation>月度随访分析报告未能生成。</translation>
    </message>
</context>
<context>
    <name>DeskApp</name>
    <message>
        <location filename="../../agent_app/ui/app.py" line="+151"/>
        <source>Generating the demo hospital…</source>
        <translation>正在生成演示医院数据…</translation>
    </message>
    <message>
        <location line="+44"/>
        <location filename="../../agent_app/ui/backup_restore_dialog.py" line="-7"/>
        <location filename="../../agent_app/ui/fatal.py" line="+49"/>
        <source>Follow-up Desk</source>
        <translation>随访工作台</translation>
    </message>
</context>
<context>
    <name>DeskInbox</name>
    <message>
        <location filename="../../agent_app/ui/red_flags/desk_inbox.py" line="+55"/>
        <source>Red-flag inbox</source>
        <translation>红旗警报收件箱</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Red-flag inbox…</source>
        <translation>红旗警报收件箱…</translation>
    </message>
</context>
<context>
    <name>DeskMenus</name>
    <message>
        <location filename="../../agent_app/ui/desk_menus.py" line="+18"/>
        <source>&amp;Follow-up</source>
        <translation>随访(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Supervision</source>
        <translation>质控(&amp;S)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Administration</source>
        <translation>管理(&amp;A)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>DeskSession</name>
    <message>
        <location filename="../../agent_app/ui/desk_session.py" line="+60"/>
        <source>Line: simulated (demo)</source>
        <translation>线路：模拟（演示）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line: {0}</source>
        <translation>线路：{0}</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>&amp;Self-test…</source>
        <translation>自检(&amp;S)…</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>The phone line could not be opened: {0}</source>
        <translation>电话线路无法打开：{0}</translation>
    </message>
</context>
<context>
    <name>DeskSync</name>
    <message>
        <location filename="../../agent_app/ui/desk_sync.py" line="+90"/>
        <source>First sync: {0} of about {1} rows</source>
        <translation>首次同步：已获取 {0} 条，共约 {1} 条</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>First sync with the central database</source>
        <translation>首次与中心数据库同步</translation>
    </message>
</context>
<context>
    <name>DeskTools</name>
    <message>
        <location filename="../../agent_app/ui/desk_tools.py" line="+76"/>
        <source>Complaints and suggestions</source>
        <translation>投诉与建议</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Complaints and suggestions…</source>
        <translation>投诉与建议…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>QA feedback on my calls…</source>
        <translation>我的通话质控反馈…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>QA feedback on my calls</source>
        <translation>我的通话质控反馈</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Recordings and QA scoring…</source>
        <translation>录音与质控评分…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recordings and QA scoring</source>
        <translation>录音与质控评分</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Statistics and reports…</source>
        <translation>统计与报表…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Spot-check sampling…</source>
        <translation>抽样抽查…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Spot-check sampling</source>
        <translation>抽样抽查</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Text messages to check…</source>
        <translation>待确认的短信…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Questionnaires and call scripts…</source>
        <translation>问卷模板与随访话术…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Discharge import and plans…</source>
        <translation>出院患者导入与随访计划…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Calling calendar</source>
        <translation>拨打日历</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Calling calendar…</source>
        <translation>拨打日历…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Holiday data runs out</source>
        <translation>节假日数据即将或已经过期</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Knowledge base articles…</source>
        <translation>知识库文章…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Text message templates…</source>
        <translation>短信模板…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Discharge import</source>
        <translation>出院患者导入</translation>
    </message>
</context>
<context>
    <name>EnumNames</name>
    <message>
        <location filename="../../agent_app/ui/enum_names.py" line="+12"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partly answered</source>
        <translation>部分作答</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused</source>
        <translation>拒绝回答</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Outgoing call</source>
        <translation>呼出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incoming call</source>
        <translation>来电</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>You ended the call.</source>
        <translation>您已挂断电话。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The other side hung up.</source>
        <translation>对方已挂断。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The line was busy.</source>
        <translation>对方占线。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nobody answered.</source>
        <translation>无人接听。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The call was declined.</source>
        <translation>对方拒接了电话。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The number does not exist or cannot be reached.</source>
        <translation>号码不存在或无法接通。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The call was cancelled before it was answered.</source>
        <translation>电话在接听前已取消。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The phone line has no dial tone; check the cable.</source>
        <translation>电话线路没有拨号音，请检查线缆。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The phone account is not registered; calls cannot be made.</source>
        <translation>电话账号未注册，无法拨打电话。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The connection to the other side was lost.</source>
        <translation>与对方的连接已中断。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The phone device was disconnected during the call.</source>
        <translation>通话中电话设备已断开。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The call failed.</source>
        <translation>呼叫失败。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The call was transferred.</source>
        <translation>通话已转接。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nobody answered the incoming call in time; it is kept as a missed call.</source>
        <translation>来电未能及时接听，已记为未接来电。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The desk stopped during the call.</source>
        <translation>通话期间工作台已停止。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cardiology</source>
        <translation>心血管内科</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>General</source>
        <translation>通用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Neurology</source>
        <translation>神经内科</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Obstetrics</source>
        <translation>产科</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oncology</source>
        <translation>肿瘤科</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orthopedics</source>
        <translation>骨科</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quality control</source>
        <translation>质量控制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>General surgery</source>
        <translation>普外科</translation>
    </message>
</context>
<context>
    <name>FirstSyncDialog</name>
    <message>
        <location filename="../../agent_app/ui/first_sync_dialog.py" line="+25"/>
        <source>First sync</source>
        <translation>首次同步</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>departments</source>
        <translation>科室</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>call scripts</source>
        <translation>通话话术</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>questionnaires</source>
        <translation>问卷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>follow-up plans</source>
        <translation>随访方案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>calendar exceptions</source>
        <translation>日历例外</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>patients</source>
        <translation>患者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>phone numbers</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hospital stays</source>
        <translation>住院记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>follow-up tasks</source>
        <translation>随访任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>blocked numbers</source>
        <translation>黑名单号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>transfer directory</source>
        <translation>转接通讯录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text message templates</source>
        <translation>短信模板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>knowledge articles</source>
        <translation>知识库文章</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Connecting to the central database…</source>
        <translation>正在连接中心数据库…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Fetching {0}: {1} so far</source>
        <translation>正在获取{0}：已获取 {1} 条</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Fetching {0}: {1} of about {2} rows</source>
        <translation>正在获取{0}：已获取 {1} 条，共约 {2} 条</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Stopping after the current page…</source>
        <translation>当前页完成后停止…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The first sync stopped: {0}
It is retried automatically.</source>
        <translation>首次同步已中断：{0}
系统将自动重试。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>FollowupView</name>
    <message>
        <location filename="../../agent_app/ui/followup/followup_view.py" line="+197"/>
        <location line="+28"/>
        <source>No phone line is open on this desk.</source>
        <translation>本工作台未连接电话线路。</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Earlier answers could not be restored: {0}</source>
        <translation>之前的答案无法恢复：{0}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Answered {0} of {1} · required {2} of {3}</source>
        <translation>已答 {0}/{1} 题 · 必答 {2}/{3} 题</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Red flag — the attending doctor is alerted when you save:</source>
        <translation>危急值提醒——保存后将通知主治医生：</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Hang up before leaving this follow-up.</source>
        <translation>离开本次随访前请先挂断电话。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose how the follow-up ended under Outcome.</source>
        <translation>请在“随访结果”中选择本次随访的结果。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Answers typed</source>
        <translation>已填写答案</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Answers were typed, but the outcome says the patient was not reached ({0}). Save it as not reached?</source>
        <translation>已经填写了答案，但结果是未联系到患者（{0}）。确定按未联系到保存吗？</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Questions left</source>
        <translation>尚有未答题目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} required questions are not answered ({1}…). Save as a partial follow-up?</source>
        <translation>有 {0} 道必答题未回答（{1}…）。是否保存为部分完成的随访？</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Hang up before saving the follow-up.</source>
        <translation>保存随访前请先挂断电话。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The follow-up was not saved: {0}. Your answers are still here.</source>
        <translation>随访未能保存：{0}。您填写的答案仍保留在此。</translation>
    </message>
</context>
<context>
    <name>HeadsetBridge</name>
    <message>
        <location filename="../../agent_app/ui/headset_bridge.py" line="+41"/>
        <source>Headset lost: {name} was unplugged or stopped answering. The desk looks for it again; use the call bar meanwhile.</source>
        <translation>耳机已断开：{name} 被拔出或不再响应。工作台正在重新查找，在此期间请使用通话栏。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No headset with call buttons ({selector}) is plugged in; the desk keeps looking.</source>
        <translation>未插入带通话按键的耳机（{selector}）；工作台会继续查找。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The headset {name} cannot be opened ({detail}). On Linux the desk needs access to /dev/hidraw (see the README).</source>
        <translation>无法打开耳机 {name}（{detail}）。在 Linux 上，工作台需要 /dev/hidraw 的访问权限（见 README）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Headset buttons are off: the hidapi package is not installed.</source>
        <translation>耳机按键不可用：未安装 hidapi 软件包。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The device chosen in [headset] has no call buttons or lights; the desk does not follow it.</source>
        <translation>[headset] 中选定的设备没有通话按键或指示灯；工作台不会跟随它。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The headset describes its buttons in a way the desk cannot read ({0}); its buttons are off.</source>
        <translation>耳机对其按键的描述无法被工作台读取（{0}）；其按键不可用。</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Headset connected: {0}</source>
        <translation>耳机已连接：{0}</translation>
    </message>
</context>
<context>
    <name>HisAdminWidget</name>
    <message>
        <location filename="../../agent_app/ui/his_admin.py" line="+81"/>
        <source>Import discharged patients</source>
        <translation>导入出院患者</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discharge exports (*.csv *.xlsx)</source>
        <translation>出院数据导出文件 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+20"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trigger</source>
        <translation>触发方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows in</source>
        <translation>读入行数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>新增</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unchanged</source>
        <translation>未变化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tasks created</source>
        <translation>新建任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tasks updated</source>
        <translation>更新任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tasks cancelled</source>
        <translation>取消任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plans skipped</source>
        <translation>未使用的方案</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit number</source>
        <translation>就诊号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Plan</source>
        <translation>随访方案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Questionnaire</source>
        <translation>问卷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days after discharge</source>
        <translation>出院后天数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attempts</source>
        <translation>拨打次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry after (min)</source>
        <translation>重拨间隔（分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMS before call</source>
        <translation>电话前发送短信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calling hours</source>
        <translation>拨打时段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import runs</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected rows</source>
        <translation>被拒绝的行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up plans</source>
        <translation>随访方案</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import a file…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Spot-check plan: made by sampling, never by the import</source>
        <translation>质控抽查方案：由抽查生成，导入不使用</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The newest import left out plans; fix them under Follow-up plans:
{0}</source>
        <translation>最近一次导入跳过了以下方案，请在“随访方案”中修正：
{0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not load the import history: {0}</source>
        <translation>无法加载导入历史：{0}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Importing {0}…</source>
        <translation>正在导入 {0}…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Imported: {0} rows, {1} new, {2} corrected, {3} unchanged, {4} rejected; {5} follow-up tasks created.</source>
        <translation>导入完成：共 {0} 行，新增 {1} 行，更正 {2} 行，未变化 {3} 行，拒绝 {4} 行；已生成 {5} 个随访任务。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Import finished, but plans were left out: {0}</source>
        <translation>导入已完成，但跳过了方案：{0}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The import stopped: {0}</source>
        <translation>导入已中断：{0}</translation>
    </message>
</context>
<context>
    <name>ImportTexts</name>
    <message>
        <location filename="../../agent_app/ui/import_texts.py" line="+17"/>
        <source>the rules must be a JSON object</source>
        <translation>规则必须是 JSON 对象</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it has a rule this version does not know: &quot;{rule}&quot;</source>
        <translation>含有本版本不认识的规则“{rule}”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;{text}&quot; is not an ICD-10 code, prefix or range</source>
        <translation>“{text}”不是 ICD-10 编码、前缀或范围</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the ICD-10 range &quot;{text}&quot; is not a range like C00-C97</source>
        <translation>ICD-10 范围“{text}”应写成 C00-C97 这样的范围</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;{rule}&quot; must be a text or a list of texts</source>
        <translation>“{rule}”必须是文字或文字列表</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;{rule}&quot; must look like {{&quot;min&quot;: 18, &quot;max&quot;: 80}}</source>
        <translation>“{rule}”应写成 {{&quot;min&quot;: 18, &quot;max&quot;: 80}} 的形式</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the bounds of &quot;{rule}&quot; must be whole numbers</source>
        <translation>“{rule}”的上下限必须是整数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;{rule}&quot;: the minimum {low} is above the maximum {high}</source>
        <translation>“{rule}”：下限 {low} 大于上限 {high}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;{rule}&quot; has a value that is not allowed: {value}</source>
        <translation>“{rule}”的取值不允许：{value}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the follow-up days must be a list, like [3, 30]</source>
        <translation>随访天数必须是列表，例如 [3, 30]</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the follow-up days must be whole days from 0 up</source>
        <translation>随访天数必须是从 0 起的整数天</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>calling window {window}: &quot;{text}&quot; is not a time like 08:30</source>
        <translation>第 {window} 个呼叫时段：“{text}”不是 08:30 这样的时间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the calling days must be weekdays 1 (Monday) to 7 (Sunday)</source>
        <translation>呼叫日必须是星期 1（周一）到 7（周日）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the calling hours need at least one time window</source>
        <translation>呼叫时间至少需要一个时段</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the calling window {start}–{stop} ends before it starts</source>
        <translation>呼叫时段 {start}–{stop} 的结束早于开始</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the calling windows must be in order and not overlap</source>
        <translation>呼叫时段必须按顺序排列且不能重叠</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;{zone}&quot; is not a time zone</source>
        <translation>“{zone}”不是时区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>calling window {window} must be a start and an end</source>
        <translation>第 {window} 个呼叫时段必须有开始和结束时间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the calling windows must be a list of start and end times</source>
        <translation>呼叫时段必须是开始、结束时间的列表</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;skip_holidays&quot; must be true or false</source>
        <translation>“skip_holidays”必须为 true 或 false</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;best_time&quot; must be true or false</source>
        <translation>&quot;best_time&quot; 只能是 true 或 false</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no calling day in the next {days} days: every day is closed</source>
        <translation>未来 {days} 天内没有可拨打的日子：每天都已停诊</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the plan cannot be used ({0})</source>
        <translation>该方案无法使用（{0}）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Plan “{0}” was skipped: {1}</source>
        <translation>方案“{0}”已跳过：{1}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no patient identifier (MRN), and the mapping names no other field to use instead</source>
        <translation>缺少患者标识（病案号），且映射未指定可替代的字段</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the HL7 message does not start with an MSH segment</source>
        <translation>HL7 消息不是以 MSH 段开头</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the HL7 message declares unusable separators: {found}</source>
        <translation>HL7 消息声明了无法使用的分隔符：{found}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>HL7 messages of type {kind} are not taken (only A03, A08, A13, A40)</source>
        <translation>不接收 {kind} 类型的 HL7 消息（仅接收 A03、A08、A13、A40）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the {kind} message has no {segment} segment</source>
        <translation>{kind} 消息缺少 {segment} 段</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no patient identifier in the message (looked in {where}); it was not imported</source>
        <translation>消息中没有患者标识（已查找 {where}），未导入</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the {kind} message has no visit number (PV1-19)</source>
        <translation>{kind} 消息缺少住院号（PV1-19）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the merge message does not name the prior patient (MRG-1)</source>
        <translation>合并消息未指明原患者（MRG-1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the HL7 message could not be read ({error})</source>
        <translation>无法读取该 HL7 消息（{error}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the store could not save the HL7 message ({error}); the HIS may resend it</source>
        <translation>数据库未能保存该 HL7 消息（{error}），HIS 可重新发送</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the HL7 message is not {encoding} text</source>
        <translation>该 HL7 消息不是 {encoding} 文本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>an MLLP block without its start byte</source>
        <translation>缺少起始字节的 MLLP 数据块</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>an HL7 message larger than 1 MiB</source>
        <translation>超过 1 MiB 的 HL7 消息</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the {field} is missing</source>
        <translation>缺少{field}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the {field} “{value}” is not a date</source>
        <translation>{field}“{value}”不是日期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no usable phone number (not a number: {numbers})</source>
        <translation>没有可用的电话号码（不是号码：{numbers}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no phone number for the patient or a contact</source>
        <translation>患者及联系人均无电话号码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the department “{department}” is not known</source>
        <translation>科室“{department}”无法识别</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the birth date is missing, and no ID number to read it from</source>
        <translation>缺少出生日期，也没有可推算出生日期的身份证号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the sex “{value}” is not one of 男, 女, M, F</source>
        <translation>性别“{value}”不是 男、女、M、F 之一</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>admitted on {admitted}, after the discharge on {discharged}</source>
        <translation>入院日期 {admitted} 晚于出院日期 {discharged}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the re-visit on {revisit} is before the discharge on {discharged}</source>
        <translation>复诊日期 {revisit} 早于出院日期 {discharged}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>born on {birth}, after the discharge on {discharged}</source>
        <translation>出生日期 {birth} 晚于出院日期 {discharged}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the diagnosis code “{icd}” is not an ICD-10 code</source>
        <translation>诊断编码“{icd}”不是 ICD-10 编码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the discharge disposition “{value}” is not known</source>
        <translation>离院方式“{value}”无法识别</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the {field} is longer than {limit} characters</source>
        <translation>{field}超过 {limit} 个字符</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>visit number</source>
        <translation>住院号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>medical record number</source>
        <translation>病案号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>patient&apos;s name</source>
        <translation>患者姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ward</source>
        <translation>病区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>department</source>
        <translation>科室</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>admission date</source>
        <translation>入院日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>discharge date</source>
        <translation>出院日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>re-visit date</source>
        <translation>复诊日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>diagnosis code</source>
        <translation>诊断编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>attending doctor</source>
        <translation>主治医生</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>responsible nurse</source>
        <translation>责任护士</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HIS database</source>
        <translation>HIS 数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HL7 messages</source>
        <translation>HL7 消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>scheduled</source>
        <translation>定时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on request</source>
        <translation>按需</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HIS message feed</source>
        <translation>HIS 消息接口</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the discharging nurse</source>
        <translation>责任护士</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the attending doctor</source>
        <translation>主治医生</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the department&apos;s pool</source>
        <translation>科室公共队列</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>department {0}</source>
        <translation>科室 {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ward {0}</source>
        <translation>病区 {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>diagnosis ICD-10 {0}</source>
        <translation>诊断 ICD-10 {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not ICD-10 {0}</source>
        <translation>排除 ICD-10 {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>age {0}</source>
        <translation>年龄 {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>stay of {0} days</source>
        <translation>住院 {0} 天</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>discharged as {0}</source>
        <translation>离院方式 {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>only when no other plan fits</source>
        <translation>仅在没有其他方案适用时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>assigned to {0}</source>
        <translation>分配给{0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>spot-check</source>
        <translation>质控抽查</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>every discharge</source>
        <translation>所有出院患者</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the desk&apos;s usual hours</source>
        <translation>默认呼叫时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>also on public holidays</source>
        <translation>法定节假日也拨打</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>retries at the patient&apos;s best time</source>
        <translation>重拨安排在患者最易接听的时段</translation>
    </message>
</context>
<context>
    <name>KnowledgeEditor</name>
    <message>
        <location filename="../../agent_app/ui/knowledge/editor.py" line="+61"/>
        <source>Import a folder of articles</source>
        <translation>从文件夹导入知识库文章</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Knowledge base articles</source>
        <translation>知识库文章</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+19"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+20"/>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location line="-20"/>
        <location line="+21"/>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <location line="-20"/>
        <location line="+23"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="-23"/>
        <location line="+22"/>
        <source>Review by</source>
        <translation>复审日期</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>May be read to the patient</source>
        <translation>可以读给患者</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import a folder…</source>
        <translation>从文件夹导入(&amp;I)…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>{0} (overdue)</source>
        <translation>{0}（已逾期）</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>You may read this article but not change it.</source>
        <translation>您可以阅读此文章，但不能修改。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Imported: {0} new, {1} replaced.</source>
        <translation>已导入：新增 {0} 篇，替换 {1} 篇。</translation>
    </message>
</context>
<context>
    <name>KnowledgePanel</name>
    <message>
        <location filename="../../agent_app/ui/knowledge/search_panel.py" line="+62"/>
        <source>Knowledge base</source>
        <translation>知识库</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Search approved answers (e.g. 伤口, 医保, 华法林)</source>
        <translation>搜索已批准的解答（如：伤口、医保、华法林）</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+14"/>
        <source>Type at least one character.</source>
        <translation>请至少输入一个字。</translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>%n article(s) found.</source>
        <translation>
            <numerusform>已找到 %n 篇文章。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No approved article holds these words.</source>
        <translation>没有包含这些词的已批准文章。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The search failed: {0}</source>
        <translation>搜索失败：{0}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The article could not be read: {0}</source>
        <translation>无法读取该文章：{0}</translation>
    </message>
</context>
<context>
    <name>KnowledgeTexts</name>
    <message>
        <location filename="../../agent_app/ui/knowledge/texts.py" line="+14"/>
        <source>Medication</source>
        <translation>用药</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wound care</source>
        <translation>伤口护理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diet</source>
        <translation>饮食</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-visits</source>
        <translation>复诊</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insurance and reimbursement</source>
        <translation>医保与报销</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Urgent and night care</source>
        <translation>急诊与夜间就医</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Symptoms at home</source>
        <translation>居家症状</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daily life</source>
        <translation>日常生活</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>May be read to the patient</source>
        <translation>可以读给患者</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Internal only: do not read to the patient</source>
        <translation>仅供内部：不要读给患者</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{0}: the file must start with a &apos;---&apos; front matter block.</source>
        <translation>{0}：文件必须以“---”开头的文件头开始。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: the front matter has no closing &apos;---&apos; line.</source>
        <translation>{0}：文件头缺少结束的“---”行。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}, line {1}: expected &apos;name: value&apos;.</source>
        <translation>{0} 第 {1} 行：应为“名称： 值”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: unknown front matter field &apos;{1}&apos;.</source>
        <translation>{0}：未知的文件头字段“{1}”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: the front matter has no &apos;{1}&apos;.</source>
        <translation>{0}：文件头缺少“{1}”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: the short name {1} must be 1–60 lower-case letters, digits and &apos;-&apos;.</source>
        <translation>{0}：简称 {1} 须为 1–60 个小写字母、数字或“-”。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0}: the title must be 1 to 120 characters.</source>
        <translation>{0}：标题须为 1 到 120 个字。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: unknown category &apos;{1}&apos;.</source>
        <translation>{0}：未知的分类“{1}”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: unknown state &apos;{1}&apos;.</source>
        <translation>{0}：未知的状态“{1}”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}: may_read_to_patient must be yes or no, not &apos;{1}&apos;.</source>
        <translation>{0}：may_read_to_patient 须为 yes 或 no，而不是“{1}”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: review date &apos;{1}&apos; is not a date (YYYY-MM-DD).</source>
        <translation>{0}：复审日期“{1}”不是有效日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: the article has no text.</source>
        <translation>{0}：文章没有正文。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: the article is longer than {1} characters.</source>
        <translation>{0}：文章超过 {1} 个字。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: the short name &apos;{1}&apos; is used by another file.</source>
        <translation>{0}：简称“{1}”已被另一个文件使用。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: there is no department &apos;{1}&apos;.</source>
        <translation>{0}：没有科室“{1}”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only a supervisor of the owning department or an administrator may change this article.</source>
        <translation>只有所属科室的护士长或管理员可以修改此文章。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no article &apos;{0}&apos; on this desk.</source>
        <translation>本工作台没有文章“{0}”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The folder {0} holds no article files (*.md).</source>
        <translation>文件夹 {0} 中没有文章文件（*.md）。</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../../agent_app/ui/translations.py" line="+220"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Language changed. Every window shows it from your next sign-in.</source>
        <translation>界面语言已切换，下次登录后所有窗口都将使用新语言。</translation>
    </message>
</context>
<context>
    <name>LineRetryButton</name>
    <message>
        <location filename="../../agent_app/ui/line_status.py" line="+112"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try to open the phone line again</source>
        <translation>再次尝试打开电话线路</translation>
    </message>
</context>
<context>
    <name>LineStatusLabel</name>
    <message>
        <location line="-93"/>
        <source>Headset {0}</source>
        <translation>耳麦 {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Phone-line box {0}</source>
        <translation>电话线路盒 {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Simulated line</source>
        <translation>模拟线路</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>device disconnected</source>
        <translation>设备已断开</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Calls wait until the phone line is open.</source>
        <translation>电话线路打开后才能拨号。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No call can be made: the phone line could not be opened. Use Retry in the status bar once it is fixed.</source>
        <translation>无法拨号：电话线路未能打开。问题解决后，请点击状态栏中的“重试”。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Calls wait until the phone account is registered.</source>
        <translation>电话账号注册成功后才能拨号。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No call can be made: the phone account is not registered.</source>
        <translation>无法拨号：电话账号尚未注册。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No call can be made: the phone server refused or did not answer the registration.</source>
        <translation>无法拨号：电话服务器拒绝了注册或没有应答。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No call can be made: the phone device is disconnected.</source>
        <translation>无法拨号：电话设备已断开。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>registered</source>
        <translation>已注册</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>registering…</source>
        <translation>正在注册…</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>opening…</source>
        <translation>正在打开…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not available</source>
        <translation>不可用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not registered</source>
        <translation>未注册</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>registration failed</source>
        <translation>注册失败</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Line: {0} — {1}</source>
        <translation>线路：{0} — {1}</translation>
    </message>
</context>
<context>
    <name>LinkChanges</name>
    <message>
        <location filename="../../agent_app/ui/link_changes.py" line="+46"/>
        <source>The computer woke up: reconnecting the phone line and syncing.</source>
        <translation>电脑已从睡眠中唤醒：正在重新连接电话线路并同步。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The network changed: reconnecting the phone line and syncing.</source>
        <translation>网络已变化：正在重新连接电话线路并同步。</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../agent_app/ui/lock_screen.py" line="+92"/>
        <source>The desk is locked</source>
        <translation>工作台已锁定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed in: {0}</source>
        <translation>当前登录：{0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Type your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Wrong password.</source>
        <translation>密码错误。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The password could not be checked: {0}</source>
        <translation>无法验证密码：{0}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../agent_app/ui/login_dialog.py" line="+75"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remember me on this computer</source>
        <translation>在此电脑上记住密码</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+15"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restore a backup…</source>
        <translation>恢复备份…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;User</source>
        <translation>用户(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Patient follow-up desk</source>
        <translation>患者随访工作台</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No staff accounts are on this computer yet, so nobody can sign in. They arrive with the first sync from the hospital&apos;s central server or with the discharge import; ask your administrator to set this computer up. To try the desk, start the demo (agent-app --demo).</source>
        <translation>本机还没有任何员工账号，暂时无法登录。账号会在首次与医院中心服务器同步或导入出院数据时写入本机；请联系管理员为本机完成设置。如需试用，请启动演示模式（agent-app --demo）。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Choose your account from the list.</source>
        <translation>请从列表中选择您的账号。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>This computer has no keyring; the password was not remembered.</source>
        <translation>此电脑没有可用的密钥环，密码未被记住。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unknown user or wrong password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>You have not signed in on this computer before, and the central server cannot be reached to check your password. Connect to the hospital network and try again.</source>
        <translation>您尚未在这台电脑上登录过，且无法连接中心服务器核对密码。请连接医院网络后重试。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sign-in failed: {0}</source>
        <translation>登录失败：{0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../agent_app/ui/main_window.py" line="+115"/>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due in 7 days</source>
        <translation>7 天内到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All open</source>
        <translation>全部待办</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Queue</source>
        <translation>随访队列</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show: </source>
        <translation>显示：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Best chance first</source>
        <translation>接通可能大的优先</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Today&apos;s calls first by who most likely answers at this hour</source>
        <translation>今天要打的电话，按此刻最可能接听的患者排在前面</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Next follow-up</source>
        <translation>下一个随访(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the first due follow-up (Ctrl+N)</source>
        <translation>打开第一个到期的随访 (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Switch user</source>
        <translation>切换用户(&amp;S)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Lock the desk</source>
        <translation>锁定工作台(&amp;L)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Register a &amp;complaint from this follow-up…</source>
        <translation>为本次随访登记投诉(&amp;C)…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{0} · {1} · {2}</source>
        <translation>{0} · {1} · {2}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Central database: not configured (local store only)</source>
        <translation>中心数据库：未配置（仅使用本地数据）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The phone line already holds {0} calls, its limit: a caller just heard busy. Answer or end the calls that ring; if this repeats, ask IT to raise max_calls.</source>
        <translation>电话线路已有 {0} 个通话，达到上限：刚有一位来电者听到忙音。请接听或结束正在振铃的来电；如果反复出现，请联系信息科调高 max_calls。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Sorting the queue…</source>
        <translation>正在对随访队列排序…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Open a follow-up first: the complaint is registered for its patient.</source>
        <translation>请先打开一个随访：投诉将登记在该随访的患者名下。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Central database: connecting…</source>
        <translation>中心数据库：正在连接…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Central database: online</source>
        <translation>中心数据库：在线</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Central database: offline</source>
        <translation>中心数据库：离线</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Caller</source>
        <translation>来电人</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Simulate a patient calling back</source>
        <translation>模拟患者回电</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Follow-up of the caller selected.</source>
        <translation>已选中来电人的随访任务。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The caller has no open follow-up in your queue.</source>
        <translation>您的队列中没有该来电人的待办随访。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Queue not read</source>
        <translation>队列未能读取</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} follow-ups</source>
        <translation>{0} 个随访</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No follow-up is due.</source>
        <translation>当前没有到期的随访。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Finish or leave the follow-up on screen first.</source>
        <translation>请先完成或暂离当前随访。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This follow-up is already closed.</source>
        <translation>此随访已结束。</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Saved. The next call is due {0}.</source>
        <translation>已保存。下次拨打时间为 {0}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved. The follow-up is closed.</source>
        <translation>已保存。本次随访已结束。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The attending doctor has been alerted.</source>
        <translation>已通知主治医生。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Your unfinished follow-up was restored with every answer.</source>
        <translation>您未完成的随访已恢复，所有答案均已保留。</translation>
    </message>
</context>
<context>
    <name>MonthDialog</name>
    <message>
        <location filename="../../agent_app/ui/reports/monthly_report.py" line="+34"/>
        <source>Monthly report</source>
        <translation>月度随访分析报告</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Month:</source>
        <translation>月份(&amp;M)：</translation>
    </message>
</context>
<context>
    <name>MonthlyReportJob</name>
    <message>
        <location line="+37"/>
        <source>Writing the monthly report for {year}-{month:02d}…</source>
        <translation>正在生成 {year}-{month:02d} 月度随访分析报告…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Monthly report</source>
        <translation>月度随访分析报告</translation>
    </message>
</context>
<context>
    <name>MyFeedbackView</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/my_feedback.py" line="+33"/>
        <source>My QA feedback</source>
        <translation>我的质控反馈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading your feedback…</source>
        <translation>正在读取您的反馈…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh (F5)</source>
        <translation>刷新 (F5)</translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>%n review(s) of your calls; average score {0:.0f}%.</source>
        <translation>
            <numerusform>您的通话共有 %n 条评分，平均得分 {0:.0f}%。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>None of your calls has been reviewed yet.</source>
        <translation>您的通话尚未有评分。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your feedback could not be read: {0}</source>
        <translation>无法读取您的反馈：{0}</translation>
    </message>
</context>
<context>
    <name>OverdueReviews</name>
    <message numerus="yes">
        <location filename="../../agent_app/ui/knowledge/overdue_notice.py" line="+53"/>
        <source> and %n more</source>
        <translation>
            <numerusform> 等另外 %n 篇</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n knowledge article(s) past their review date: </source>
        <translation>
            <numerusform>%n 篇知识库文章已过复审日期：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PatientPanel</name>
    <message>
        <location filename="../../agent_app/ui/followup/patient_panel.py" line="+52"/>
        <source>Phone numbers</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Calls so far</source>
        <translation>通话记录</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Earlier results</source>
        <translation>既往随访结果</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No calling time in the next two days.</source>
        <translation>未来两天内没有可致电的时段。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>from this patient&apos;s calls</source>
        <translation>依据本人通话记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from similar patients&apos; calls</source>
        <translation>依据同类患者通话记录</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Usually answers {0}:00–{1}:00 ({2}).</source>
        <translation>通常在 {0}:00–{1}:00 接听({2})。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Best called {0} at {1} (chance {2}%).</source>
        <translation>建议 {0} {1} 致电（接通可能 {2}%）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{0} · {1} · {2} years</source>
        <translation>{0} · {1} · {2}岁</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>MRN</source>
        <translation>病案号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stay</source>
        <translation>住院时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Doctor</source>
        <translation>主治医生</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nurse</source>
        <translation>责任护士</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Recorded: double-click or Enter to listen</source>
        <translation>有录音：双击或按 Enter 键收听</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No calls yet.</source>
        <translation>暂无通话记录。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No results yet.</source>
        <translation>暂无随访结果。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>satisfaction {0}</source>
        <translation>满意度 {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Double-click or Enter to read the answers</source>
        <translation>双击或按 Enter 键查看答案</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Dial</source>
        <translation>拨号</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Dial this number (Alt+{0})</source>
        <translation>拨打此号码 (Alt+{0})</translation>
    </message>
</context>
<context>
    <name>PlaybackBar</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/recordings_playback.py" line="+37"/>
        <source>Play or pause (Space)</source>
        <translation>播放/暂停 (Space)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Position in the recording</source>
        <translation>录音播放位置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Playback speed</source>
        <translation>播放速度</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>No sound device is connected: the recording plays without sound.</source>
        <translation>未连接音频设备：录音将无声播放。</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This recording cannot be played: {0}</source>
        <translation>无法播放此录音：{0}</translation>
    </message>
</context>
<context>
    <name>PopCard</name>
    <message>
        <location filename="../../agent_app/ui/pop_card.py" line="+76"/>
        <source>Answer</source>
        <translation>接听</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reject</source>
        <translation>拒接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open follow-up</source>
        <translation>打开随访</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Several patients share this number. Who is it?</source>
        <translation>多位患者使用此号码，请确认来电的是哪一位？</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Search patient by name, MRN or phone</source>
        <translation>按姓名、病案号或电话搜索患者</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Caller&apos;s name</source>
        <translation>来电人姓名</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Create contact for patient…</source>
        <translation>为患者新建联系人…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Incoming call · {0}{1} · {2}</source>
        <translation>来电 · {0}{1} · {2}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ringing…</source>
        <translation>振铃中…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Blacklisted number: {0}</source>
        <translation>黑名单号码：{0}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The caller&apos;s number is not available (out of area).</source>
        <translation>无法获取来电号码（区域外）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The caller withheld their number. Ask who is calling.</source>
        <translation>来电隐藏了号码，请询问对方身份。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The caller&apos;s number could not be read (the line sent something that is not a number). Ask who is calling.</source>
        <translation>无法识别来电号码（线路传来的不是号码）。请询问对方身份。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown caller: no patient or family contact has this number.</source>
        <translation>未知来电：没有患者或家属联系人使用此号码。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>No patient found.</source>
        <translation>未找到患者。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Connected</source>
        <translation>已接通</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{0} ({1}) · {2} open follow-ups · discharged {3}</source>
        <translation>{0}（{1}）· {2} 个待办随访 · 出院日期 {3}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Search for the patient and select them first.</source>
        <translation>请先搜索并选择患者。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type the caller&apos;s name first.</source>
        <translation>请先输入来电人姓名。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>the patient</source>
        <translation>患者本人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>spouse</source>
        <translation>配偶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>son</source>
        <translation>儿子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>daughter</source>
        <translation>女儿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>parent</source>
        <translation>父母</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sibling</source>
        <translation>兄弟姐妹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{0}, {1} of {2}</source>
        <translation>{0}，{2}的{1}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;p&gt;A patient of &lt;b&gt;{0}&lt;/b&gt;. You may not see this patient&apos;s details: transfer the call to that department.&lt;/p&gt;</source>
        <translation>&lt;p&gt;该患者属于&lt;b&gt;{0}&lt;/b&gt;。您无权查看此患者的详细信息，请将电话转接至该科室。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>another department</source>
        <translation>其他科室</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0} · {1} years · MRN {2} · ID {3}</source>
        <translation>{0} · {1}岁 · 病案号 {2} · 身份证号 {3}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Caller: {0}</source>
        <translation>来电人：{0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Discharged {0} · {1} ({2}) · {3} {4}</source>
        <translation>出院日期 {0} · {1}（{2}）· {3} {4}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Attending doctor: {0} · nurse: {1}</source>
        <translation>主治医生：{0} · 责任护士：{1}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;Open follow-up:&lt;/b&gt; {0} · L{1} · due {2} · attempt {3}/{4}</source>
        <translation>&lt;b&gt;待办随访：&lt;/b&gt;{0} · L{1} · 应随访 {2} · 第 {3}/{4} 次拨打</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>follow-up</source>
        <translation>随访</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Questionnaire stopped at {0} of {1} questions; it continues from there.</source>
        <translation>问卷已答到第 {0} 题（共 {1} 题），将从该处继续。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No open follow-up.</source>
        <translation>没有待办的随访。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Last call: {0} · {1} · {2} · {3}</source>
        <translation>最近通话：{0} · {1} · {2} · {3}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Last result: {0} · {1} · satisfaction {2}</source>
        <translation>最近随访结果：{0} · {1} · 满意度 {2}</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../agent_app/ui/qt_catalog_gaps.py" line="+18"/>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 File</source>
        <translation>%1 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location line="-5"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QaReviewForm</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/qa_review_form.py" line="+86"/>
        <source>The QA criteria cannot be used: {0}</source>
        <translation>质控评分标准无法使用：{0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a call to review.</source>
        <translation>请选择要评分的通话。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Overall comment for the agent</source>
        <translation>给随访员的总体评语</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>L1 own follow-up</source>
        <translation>L1 本人随访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L2 department spot-check</source>
        <translation>L2 科室抽查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L3 hospital spot-check</source>
        <translation>L3 全院抽查</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save review (Ctrl+S)</source>
        <translation>保存评分 (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Score this call</source>
        <translation>为本次通话评分</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Level:</source>
        <translation>级别：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reviews of this call:</source>
        <translation>本次通话的评分：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Review of the chosen call</source>
        <translation>所选通话的评分</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The reviews of this call could not be read: {0}</source>
        <translation>无法读取本次通话的评分：{0}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Only supervisors and quality staff score calls.</source>
        <translation>仅护士长和质控员可为通话评分。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Review saved: {0} / {1}.</source>
        <translation>评分已保存：{0} / {1}。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The review was not saved: {0}</source>
        <translation>评分未能保存：{0}</translation>
    </message>
</context>
<context>
    <name>QuestionBox</name>
    <message>
        <location filename="../../agent_app/ui/followup/question_box.py" line="+61"/>
        <source>Unable to answer</source>
        <translation>无法回答</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused</source>
        <translation>拒绝回答</translation>
    </message>
</context>
<context>
    <name>QueueFilterBar</name>
    <message>
        <location filename="../../agent_app/ui/queue_filters.py" line="+45"/>
        <source>Search name, MRN or phone (Ctrl+F)</source>
        <translation>搜索姓名、病案号或电话 (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending</source>
        <translation>待随访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All levels</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L1 own follow-ups</source>
        <translation>L1 本人随访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L2 department spot-checks</source>
        <translation>L2 科室抽查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L3 hospital spot-checks</source>
        <translation>L3 全院抽查</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All departments</source>
        <translation>全部科室</translation>
    </message>
</context>
<context>
    <name>RecordingPlayer</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/recording_player.py" line="+76"/>
        <source>Choose a recording and press Enter to play it.</source>
        <translation>请选择一条录音，按 Enter 键播放。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Answer moments</source>
        <translation>答题时间点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click an answer to hear that moment</source>
        <translation>点击答案可收听对应时刻的录音</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Answers in this call:</source>
        <translation>本次通话中的答案：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{patient} ({mrn}) · {agent} · {started} · {length}</source>
        <translation>{patient}（{mrn}）· {agent} · {started} · {length}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no patient</source>
        <translation>无患者</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Press Enter or Space to play this recording.</source>
        <translation>按 Enter 键或空格键播放此录音。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Opening the recording…</source>
        <translation>正在打开录音…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Fetched from the central server.</source>
        <translation>已从中心服务器获取。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>This recording is not on this computer, and the desk is not connected to the central server to fetch it.</source>
        <translation>此录音不在本电脑上，且工作台未连接中心服务器，暂时无法获取。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This recording is no longer in the store.</source>
        <translation>录音库中已没有此录音。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This recording cannot be decrypted with this computer&apos;s key, and the central server has no copy to play instead.</source>
        <translation>此录音无法用本机的密钥解密，且中心服务器上没有可替代播放的副本。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The recording could not be fetched from the central server: {0}</source>
        <translation>无法从中心服务器获取录音：{0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The recording could not be saved on this computer: {0}</source>
        <translation>录音无法保存到本电脑：{0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The recording could not be opened: {0}</source>
        <translation>无法打开录音：{0}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The loudness of this recording could not be read.</source>
        <translation>无法读取此录音的音量。</translation>
    </message>
</context>
<context>
    <name>RecordingsBrowser</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/recordings_browser.py" line="+69"/>
        <source>Recordings</source>
        <translation>录音</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+31"/>
        <source>Reading the recordings…</source>
        <translation>正在读取录音…</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Refresh (F5)</source>
        <translation>刷新 (F5)</translation>
    </message>
    <message numerus="yes">
        <location line="+40"/>
        <source>%n recording(s)</source>
        <translation>
            <numerusform>%n 条录音</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No recording matches these filters.</source>
        <translation>没有符合筛选条件的录音。</translation>
    </message>
</context>
<context>
    <name>RecordingsFilterBar</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/recordings_filters.py" line="+55"/>
        <location line="+1"/>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All departments</source>
        <translation>全部科室</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You see the recordings of your own department.</source>
        <translation>您只能查看本科室的录音。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+98"/>
        <source>All agents</source>
        <translation>全部随访员</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>MRN or start of the name</source>
        <translation>病案号或姓名开头</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Any outcome</source>
        <translation>全部结果</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reviewed or not</source>
        <translation>不限评分状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not reviewed yet</source>
        <translation>未评分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewed</source>
        <translation>已评分</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Newest first</source>
        <translation>最新在前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oldest first</source>
        <translation>最早在前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longest first</source>
        <translation>时长从长到短</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shortest first</source>
        <translation>时长从短到长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By agent</source>
        <translation>按随访员</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;From</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;To</source>
        <translation>至(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Department</source>
        <translation>科室(&amp;D)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A&amp;gent</source>
        <translation>随访员(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Patient</source>
        <translation>患者(&amp;P)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Outcome</source>
        <translation>随访结果(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length at &amp;least</source>
        <translation>时长至少(&amp;L)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>at &amp;most</source>
        <translation>至多(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;QA</source>
        <translation>质控(&amp;Q)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Sort</source>
        <translation>排序(&amp;S)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any length</source>
        <translation>不限时长</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The list of agents could not be read: {0}</source>
        <translation>无法读取随访员名单：{0}</translation>
    </message>
</context>
<context>
    <name>RecordingsScreen</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/recordings_screen.py" line="+35"/>
        <source>Recordings and QA</source>
        <translation>录音与质控</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Review of {agent}&apos;s call to {patient} on {started}</source>
        <translation>{agent} 于 {started} 致电 {patient} 的通话评分</translation>
    </message>
</context>
<context>
    <name>RecordingsTableModel</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/recordings_model.py" line="+67"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agent</source>
        <translation>随访员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MRN</source>
        <translation>病案号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>随访结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QA reviews</source>
        <translation>质控评分</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>The recordings could not be read from the store: {0}</source>
        <translation>无法从数据库读取录音：{0}</translation>
    </message>
</context>
<context>
    <name>RedFlagInbox</name>
    <message>
        <location filename="../../agent_app/ui/red_flags/inbox_screen.py" line="+101"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Red flag</source>
        <translation>红旗警报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raised</source>
        <translation>发出时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stage</source>
        <translation>处理阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raised by</source>
        <translation>发出人</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Play the call</source>
        <translation>播放通话(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Call back</source>
        <translation>回电(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Acknowledge…</source>
        <translation>确认(&amp;A)…</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Open red flags: {0}</source>
        <translation>待处理红旗警报：{0}</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>{0} · {1} · attending doctor: {2}</source>
        <translation>{0} · {1} · 主治医生：{2}</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The answers of this alert are not on this desk yet.</source>
        <translation>该警报的回答尚未同步到本机。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>(patient unable to answer)</source>
        <translation>（患者无法回答）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(refused to answer)</source>
        <translation>（拒绝回答）</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Acknowledged. The central database keeps its own time.</source>
        <translation>已确认。确认时间以中心数据库的时间为准。</translation>
    </message>
</context>
<context>
    <name>RedFlagTexts</name>
    <message>
        <location filename="../../agent_app/ui/red_flags/texts.py" line="+13"/>
        <source>Seen, with a note</source>
        <translation>已阅，附说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Called the patient back</source>
        <translation>已回电患者</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Told the patient to come in</source>
        <translation>已通知患者来院</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Referred to the emergency department</source>
        <translation>已转急诊科</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>With the doctor</source>
        <translation>待医生处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalated to the supervisor</source>
        <translation>已升级至护士长</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Escalated: on-duty phone texted</source>
        <translation>已升级：已短信通知值班电话</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Critical</source>
        <translation>危急</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attention</source>
        <translation>关注</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Write a note, or choose the action you took.</source>
        <translation>请填写说明，或选择已采取的处理。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The note is longer than {0} characters.</source>
        <translation>说明超过 {0} 个字。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This alert was already acknowledged.</source>
        <translation>该警报已被确认。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This alert is not one you may acknowledge.</source>
        <translation>您无权确认该警报。</translation>
    </message>
</context>
<context>
    <name>RefusedChanges</name>
    <message>
        <location filename="../../agent_app/ui/refused_changes.py" line="+34"/>
        <source>Follow-up result</source>
        <translation>随访结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up task</source>
        <translation>随访任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call recording</source>
        <translation>通话录音</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact number</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient details</source>
        <translation>患者信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Red-flag alert</source>
        <translation>危急预警</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text message</source>
        <translation>短信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do-not-call entry</source>
        <translation>免打扰号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quality review</source>
        <translation>质控评审</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spot-check sample</source>
        <translation>抽查样本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HIS import</source>
        <translation>HIS 导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HIS import row</source>
        <translation>HIS 导入行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit entry</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Other record ({0})</source>
        <translation>其他记录({0})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The central database does not take this kind of change.</source>
        <translation>中心数据库不接受来自工作台的此类修改。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your account may not make this change on the central database.</source>
        <translation>您的账号无权在中心数据库做此修改。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A record it belongs to is not on the central database (deleted or never sent).</source>
        <translation>它所属的记录不在中心数据库中（已删除或从未上传）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A value was not accepted by the central database.</source>
        <translation>有数值未被中心数据库接受。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It clashes with a record already on the central database.</source>
        <translation>它与中心数据库中已有的记录冲突。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The central database refused it.</source>
        <translation>中心数据库拒绝了此修改。</translation>
    </message>
</context>
<context>
    <name>RefusedChangesDialog</name>
    <message>
        <location line="+15"/>
        <source>Changes the central database refused</source>
        <translation>被中心数据库拒绝的修改</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Made at</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server&apos;s words</source>
        <translation>服务器原文</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send again</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put the selected changes back in line, once the cause has been mended</source>
        <translation>原因排除后，把选中的修改重新排队发送</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy for IT</source>
        <translation>复制给信息科</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy change ids and the server&apos;s words (no patient data) to the clipboard</source>
        <translation>把修改编号和服务器原文（不含患者信息）复制到剪贴板</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Patient {0}</source>
        <translation>患者 {0}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{0} changes were refused by the central database. They are kept on this desk; nothing is lost. Ask IT or your supervisor to mend the cause, then send them again.</source>
        <translation>有 {0} 条修改被中心数据库拒绝。它们都保存在本工作台，没有丢失。请联系信息科或护士长排除原因后再重新发送。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The central database has refused nothing from this desk.</source>
        <translation>中心数据库没有拒绝本工作台的任何修改。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The refused changes could not be read from this desk&apos;s store.</source>
        <translation>无法从本工作台的数据存储读取被拒绝的修改。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{0} changes will be sent with the next sync.</source>
        <translation>{0} 条修改将在下次同步时发送。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Copied {0} changes for IT.</source>
        <translation>已复制 {0} 条修改给信息科。</translation>
    </message>
</context>
<context>
    <name>RegisterComplaintDialog</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/register_complaint_dialog.py" line="+56"/>
        <source>Register a complaint or suggestion</source>
        <translation>登记投诉或建议</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Patient {id}</source>
        <translation>患者 {id}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Register (Ctrl+Enter)</source>
        <translation>登记(&amp;R) (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>ResultDialog</name>
    <message>
        <location filename="../../agent_app/ui/followup/result_dialog.py" line="+37"/>
        <source>Follow-up result — {0}, {1}</source>
        <translation>随访结果 — {0}，{1}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Called by</source>
        <translation>拨打人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>随访结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check level</source>
        <translation>随访级别</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Question</source>
        <translation>题目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Answer</source>
        <translation>接听</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The questionnaire of this result cannot be read: {0}</source>
        <translation>无法读取此随访结果对应的问卷：{0}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Red flag</source>
        <translation>危急值预警</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(patient unable to answer)</source>
        <translation>（患者无法回答）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(refused to answer)</source>
        <translation>（拒绝回答）</translation>
    </message>
</context>
<context>
    <name>ReviewedEditor</name>
    <message>
        <location filename="../../agent_app/ui/reviewed_editor.py" line="+76"/>
        <source>&amp;New</source>
        <extracomment>The domain&apos;s coded error for a refused item (its text comes from ``error_text``).</extracomment>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Approve</source>
        <translation>批准(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Retire</source>
        <translation>停用(&amp;R)</translation>
    </message>
    <message>
        <location line="+145"/>
        <source>Saved. It reaches the other desks with the next sync.</source>
        <translation>已保存。下次同步后其他工作台即可看到。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Could not save: {0}</source>
        <translation>无法保存：{0}</translation>
    </message>
</context>
<context>
    <name>ReviewsTree</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/recordings_reviews.py" line="+28"/>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reviewed</source>
        <translation>评分时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewer</source>
        <translation>评分人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment</source>
        <translation>评语</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{0} / {1} ({2:.0f}%)</source>
        <translation>{0} / {1}（{2:.0f}%）</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>This call has not been reviewed yet.</source>
        <translation>本次通话尚未评分。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>None of your calls has been reviewed yet.</source>
        <translation>您的通话尚未有评分。</translation>
    </message>
</context>
<context>
    <name>RoleNames</name>
    <message>
        <location filename="../../agent_app/ui/role_names.py" line="+13"/>
        <source>Follow-up agent</source>
        <translation>随访员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor</source>
        <translation>护士长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quality staff</source>
        <translation>质控员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Doctor</source>
        <translation>医生</translation>
    </message>
</context>
<context>
    <name>SamplingDetails</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/sampling_details.py" line="+34"/>
        <source>Details (seed and task numbers)</source>
        <translation>详细信息（随机种子和任务编号）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The same seed over the same completed follow-ups picks the same tasks.</source>
        <translation>对同一批已完成随访使用相同的随机种子，会抽中相同的任务。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New seed</source>
        <translation>生成新种子</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Seed</source>
        <translation>随机种子(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Picked follow-up tasks</source>
        <translation>抽中的随访任务</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+2"/>
        <source>The seed must be a whole number.</source>
        <translation>随机种子必须是整数。</translation>
    </message>
</context>
<context>
    <name>SamplingPlanForm</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/sampling_plan_form.py" line="+103"/>
        <source>Level 2: department spot-check</source>
        <translation>二级：科室抽查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level 3: hospital spot-check</source>
        <translation>三级：全院抽查</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Department (own quota)</source>
        <translation>科室（单独配额）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Percent</source>
        <translation>百分比</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>At least</source>
        <translation>至少</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Assign the new spot-checks to me</source>
        <translation>将新的抽查任务分配给我</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unassigned spot-checks go to the department&apos;s pool, where agents work.</source>
        <translation>未分配的抽查任务将进入科室任务池，由随访员领取处理。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>at least </source>
        <translation>至少 </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Level</source>
        <translation>级别(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Department</source>
        <translation>科室(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Month</source>
        <translation>月份(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default &amp;quota</source>
        <translation>默认配额(&amp;Q)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Per department</source>
        <translation>各科室配额</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>All departments</source>
        <translation>全部科室</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Your role may not run this level of spot-check.</source>
        <translation>您的角色无权执行此级别的抽查。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The departments are still loading; try again.</source>
        <translation>科室列表仍在加载，请稍后再试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You may only spot-check your own department.</source>
        <translation>您只能抽查本科室。</translation>
    </message>
</context>
<context>
    <name>SamplingRunsView</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/sampling_runs_view.py" line="+63"/>
        <source>Run</source>
        <translation>批次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>创建人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>时段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Departments</source>
        <translation>科室</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quota</source>
        <translation>配额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Picked / completed / new tasks</source>
        <translation>抽中 / 已完成 / 新建任务</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Draw again</source>
        <translation>重新抽取(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw the run again from its seed and quotas.</source>
        <translation>按该批次的随机种子和配额重新抽取。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Use in the form</source>
        <translation>填入表单(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Details (seed and task numbers)</source>
        <translation>详细信息（随机种子和任务编号）</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Drawing run {run} again…</source>
        <translation>正在重新抽取批次 {run}…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Run {run} drawn again: the same {count} follow-ups.</source>
        <translation>批次 {run} 重新抽取：仍为相同的 {count} 例随访。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Run {run} drawn again does not pick the follow-ups it recorded ({now} now, {was} then): the completed follow-ups of its period changed since.</source>
        <translation>批次 {run} 重新抽取的随访与记录不一致（现在 {now} 例，当时 {was} 例）：该期间已完成的随访此后有变动。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Select a run to see its seed.</source>
        <translation>请选择一个批次以查看其随机种子。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seed {seed}; picked follow-up tasks: {ids}.</source>
        <translation>随机种子 {seed}；抽中的随访任务：{ids}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Drawn again now: {ids}.</source>
        <translation>本次重新抽取：{ids}。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>L3 hospital</source>
        <translation>L3 全院</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L2 department</source>
        <translation>L2 科室</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All departments</source>
        <translation>全部科室</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{percent}%, at least {minimum}</source>
        <translation>{percent}%，至少 {minimum} 个</translation>
    </message>
</context>
<context>
    <name>SamplingScreen</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/sampling_screen.py" line="+76"/>
        <source>&amp;Preview (F5)</source>
        <translation>预览(&amp;P) (F5)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Create spot-check tasks (Ctrl+Enter)</source>
        <translation>生成抽查任务(&amp;C) (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agent</source>
        <translation>随访员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed follow-ups</source>
        <translation>已完成随访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Picked</source>
        <translation>抽中数</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Drawing the sample to create…</source>
        <translation>正在抽取样本以创建任务…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Nothing is created yet.</source>
        <translation>尚未创建任何任务。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{picked} of {population} completed follow-ups are picked: {new} new spot-check tasks.</source>
        <translation>已完成的 {population} 例随访中抽中 {picked} 例：将新建 {new} 个抽查任务。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} already have a spot-check at this level.</source>
        <translation>其中 {count} 例已有本级抽查。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>There is nothing to create.</source>
        <translation>没有需要创建的任务。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Create spot-check tasks</source>
        <translation>创建抽查任务</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create {count} spot-check tasks? They are added to the follow-up queue at once.</source>
        <translation>确定创建 {count} 个抽查任务吗？任务将立即加入随访队列。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing was created.</source>
        <translation>未创建任何任务。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Created {created} spot-check tasks for {picked} picked follow-ups.</source>
        <translation>已为抽中的 {picked} 例随访创建 {created} 个抽查任务。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The form shows the run&apos;s plan, and Details its seed; preview it to compare.</source>
        <translation>表单已载入该批次的抽查方案，“详细信息”中为其随机种子；可先预览进行比对。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Unknown department</source>
        <translation>未知科室</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Unknown staff member</source>
        <translation>未知人员</translation>
    </message>
    <message>
        <location line="-179"/>
        <source>&amp;Sample</source>
        <translation>抽样(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Past &amp;runs</source>
        <translation>历史批次(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Agreement</source>
        <translation>一致性(&amp;A)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Only supervisors and quality staff run spot-checks.</source>
        <translation>仅护士长和质控员可执行抽查。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Drawing the sample…</source>
        <translation>正在抽样…</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Creating the spot-check tasks…</source>
        <translation>正在生成抽查任务…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{count} already had a spot-check at this level.</source>
        <translation>其中 {count} 个已有此级别的抽查。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>{strata} strata, {picked} picked of {population}.</source>
        <translation>共 {strata} 层，从 {population} 个中抽中 {picked} 个。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Whole department</source>
        <translation>全科室</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Department pool (unassigned)</source>
        <translation>科室任务池（未分配）</translation>
    </message>
</context>
<context>
    <name>ScoreSheet</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/recordings_scoring.py" line="+71"/>
        <source>0 to {0}; empty (—) when not scored</source>
        <translation>0 至 {0}；未评分时留空（—）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Comment</source>
        <translation>评语</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment on {0}</source>
        <translation>对“{0}”的评语</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>/ {0}</source>
        <translation>/ {0}</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Total {0} / {1} ({2:.0f}%)</source>
        <translation>总分 {0} / {1}（{2:.0f}%）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Total: nothing scored yet</source>
        <translation>总分：尚未评分</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The score for “{0}” must be between 0 and {1}; {2} was typed.</source>
        <translation>“{0}”的得分应在 0 到 {1} 之间，当前输入的是 {2}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give “{0}” a score, or clear its comment.</source>
        <translation>请为“{0}”评分，或清除其评语。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Score every required criterion; missing: {0}.</source>
        <translation>请为所有必评项目评分；尚未评分：{0}。</translation>
    </message>
</context>
<context>
    <name>ScreenPop</name>
    <message>
        <location filename="../../agent_app/ui/screen_pop.py" line="+68"/>
        <location line="+215"/>
        <source>Incoming call</source>
        <translation>来电</translation>
    </message>
    <message>
        <location line="-180"/>
        <source>A call from {0} was turned away: you are on another call.</source>
        <translation>来自 {0} 的来电已被拒接：您正在通话中。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Rejected a call from a blacklisted number ({0}).</source>
        <translation>已拒接黑名单号码的来电（{0}）。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The caller could not be looked up: {0}</source>
        <translation>无法查询来电人：{0}</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Missed call: nobody answered before the ring time ran out.</source>
        <translation>未接来电：振铃时间结束前无人接听。</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>A second call is waiting: answer it to put the current call on hold.</source>
        <translation>另一个来电正在等待：接听它，当前通话将被保持。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Missed call: nobody answered it in time.</source>
        <translation>未接来电：无人及时接听。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Missed call: the caller hung up.</source>
        <translation>未接来电：对方已挂断。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This phone line cannot hold a call, so a second caller was turned away busy instead of waiting.</source>
        <translation>此电话线路无法保持通话，因此第二个来电被回以忙音，未能等待。</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>There is no caller number to save.</source>
        <translation>没有可保存的来电号码。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Saved {0} as a contact of the patient.</source>
        <translation>已将 {0} 保存为患者的联系人。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The patient could not be looked up: {0}</source>
        <translation>无法查询患者：{0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not save the call record: {0}</source>
        <translation>无法保存通话记录：{0}</translation>
    </message>
</context>
<context>
    <name>ScriptPanel</name>
    <message>
        <location filename="../../agent_app/ui/followup/script_panel.py" line="+28"/>
        <source>knowledge article (not on this desk yet)</source>
        <translation>知识库文章（本工作台尚未同步）</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>This follow-up plan has no call script.</source>
        <translation>此随访方案没有通话话术。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Not known for this patient: {0}</source>
        <translation>该患者缺少以下信息：{0}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>(not known: {0})</source>
        <translation>（未知：{0}）</translation>
    </message>
</context>
<context>
    <name>ScriptTab</name>
    <message>
        <location filename="../../agent_app/ui/admin/script_tab.py" line="+71"/>
        <location line="+36"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="-36"/>
        <location line="+37"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Plans</source>
        <translation>随访计划</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New scrip&amp;t</source>
        <translation>新建话术(&amp;T)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Insert a placeholder…</source>
        <translation>插入占位符…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Save script</source>
        <translation>保存话术(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Preview with sample values</source>
        <translation>使用示例值预览</translation>
    </message>
    <message>
        <location line="+42"/>
        <location line="+19"/>
        <source>Discard changes?</source>
        <translation>放弃修改？</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>The script in the editor is not saved. Discard it and open {0}?</source>
        <translation>编辑器中的话术尚未保存。是否放弃修改并打开 {0}？</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The script in the editor is not saved. Discard it?</source>
        <translation>编辑器中的话术尚未保存。是否放弃修改？</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New call script</source>
        <translation>新建通话话术</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>OK — {0} sections, {1} placeholders</source>
        <translation>检查通过 — 共 {0} 节，{1} 个占位符</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+36"/>
        <source>Not saved: {0}</source>
        <translation>未保存：{0}</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Created script &apos;{0}&apos;.</source>
        <translation>已创建话术“{0}”。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved script &apos;{0}&apos;; the previous text is kept in the audit log.</source>
        <translation>已保存话术“{0}”；修改前的内容已保留在审计日志中。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the store could not be written ({0})</source>
        <translation>无法写入数据库（{0}）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The scripts could not be read: {0}</source>
        <translation>无法读取话术：{0}</translation>
    </message>
</context>
<context>
    <name>SelfTest</name>
    <message>
        <location filename="../../agent_app/ui/selftest_texts.py" line="+14"/>
        <source>Local data store</source>
        <translation>本地数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keyring</source>
        <translation>系统密钥环</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disk space</source>
        <translation>磁盘空间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encryption library</source>
        <translation>加密组件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SIP library</source>
        <translation>SIP 组件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Languages</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Window system</source>
        <translation>窗口系统</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sound playback</source>
        <translation>声音播放</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-in screen</source>
        <translation>登录界面</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headset</source>
        <translation>耳麦</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Microphone</source>
        <translation>麦克风</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speaker</source>
        <translation>听筒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone line</source>
        <translation>电话线路</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Echo call</source>
        <translation>回声测试呼叫</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Central server</source>
        <translation>中心服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server version</source>
        <translation>服务器版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clock</source>
        <translation>时钟</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning</source>
        <translation>注意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Speak into the headset microphone now…</source>
        <translation>请现在对着耳麦的麦克风说话…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Listen: a test tone plays in the headset now…</source>
        <translation>请听：耳麦中正在播放测试音…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The echo call is connected: speak now and listen for your voice…</source>
        <translation>回声测试呼叫已接通：请说话，并听是否能听到自己的声音…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The check itself failed ({detail}); ask IT.</source>
        <translation>该项检查本身出错（{detail}），请联系信息科。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The local data store opened and passed its check.</source>
        <translation>本地数据库已打开，检查通过。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The local data store is open in the desk that is running; run the self-test from Help → Self-test in that desk to check it.</source>
        <translation>本地数据库正由运行中的工作台使用；请在该工作台中通过“帮助 → 自检”检查它。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The local data store cannot be used: {detail}</source>
        <translation>本地数据库无法使用：{detail}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The system keyring answers.</source>
        <translation>系统密钥环工作正常。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This computer has no keyring, so the demo keeps its keys in a file; a hospital desk needs the desktop keyring: ask IT to set it up.</source>
        <translation>本机没有系统密钥环，演示模式把密钥保存在文件中；医院正式使用的工作台需要系统密钥环，请联系信息科配置。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This computer offers no keyring ({detail}); ask IT to set up or unlock the desktop keyring, or the desk cannot open its data.</source>
        <translation>本机没有可用的系统密钥环（{detail}）；请联系信息科配置或解锁系统密钥环，否则工作台无法打开数据。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{free_mb} MB free for the desk&apos;s data.</source>
        <translation>工作台数据所在磁盘剩余 {free_mb} MB。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only {free_mb} MB free in {folder}; free some space or ask IT before the next backup ({advised_mb} MB advised).</source>
        <translation>{folder} 所在磁盘仅剩 {free_mb} MB；请在下次备份前清理空间或联系信息科（建议至少 {advised_mb} MB）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only {free_mb} MB free in {folder}; the desk may fail to save follow-ups: free space now or ask IT.</source>
        <translation>{folder} 所在磁盘仅剩 {free_mb} MB，随访可能无法保存：请立即清理空间或联系信息科。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The {module} library loads.</source>
        <translation>{module} 组件加载正常。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The {module} library does not load ({detail}); reinstall the desk.</source>
        <translation>{module} 组件无法加载（{detail}），请重新安装工作台。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The Chinese and English texts load.</source>
        <translation>中文和英文界面文字加载正常。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The {language} texts do not load; reinstall the desk.</source>
        <translation>{language} 界面文字无法加载，请重新安装工作台。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The window system ({platform}) works.</source>
        <translation>窗口系统（{platform}）工作正常。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The window system does not start; reinstall the desk.</source>
        <translation>窗口系统无法启动，请重新安装工作台。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sound playback (Qt Multimedia) loads.</source>
        <translation>声音播放组件（Qt Multimedia）加载正常。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sound playback (Qt Multimedia) does not load, so recordings cannot be played; reinstall the desk or ask IT to install the sound libraries.</source>
        <translation>声音播放组件（Qt Multimedia）无法加载，录音将无法播放；请重新安装工作台，或请信息科安装声音组件。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The sign-in screen opens.</source>
        <translation>登录界面可以正常打开。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The sign-in screen does not open ({detail}); ask IT.</source>
        <translation>登录界面无法打开（{detail}），请联系信息科。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The sign-in screen was not tried because the data store did not open.</source>
        <translation>本地数据库未能打开，因此未检查登录界面。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Microphone &apos;{capture}&apos; and speaker &apos;{playback}&apos; are present.</source>
        <translation>已连接麦克风“{capture}”和听筒“{playback}”。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+26"/>
        <source>No microphone is connected; plug in the headset and run the self-test again.</source>
        <translation>未连接麦克风：请插好耳麦后重新自检。</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+34"/>
        <source>No speaker or earpiece is connected; plug in the headset and run the self-test again.</source>
        <translation>未连接听筒或扬声器：请插好耳麦后重新自检。</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>The sound devices cannot be checked without the pjsua2 library; reinstall the desk.</source>
        <translation>缺少 pjsua2 组件，无法检查声音设备，请重新安装工作台。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The sound device failed ({detail}); unplug and plug in the headset, then run the self-test again.</source>
        <translation>声音设备出错（{detail}）：请拔下耳麦再插上，然后重新自检。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The microphone hears you (level {level} %).</source>
        <translation>麦克风能听到您的声音（音量 {level}%）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The microphone heard almost nothing (level {level} %); check its mute switch and that the headset is plugged in, then try again.</source>
        <translation>麦克风几乎没有收到声音（音量 {level}%）：请检查静音开关和耳麦是否插好，然后重试。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A test tone was played on &apos;{playback}&apos;.</source>
        <translation>已在“{playback}”上播放测试音。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The test tone was not heard; check the headset&apos;s volume and plug, then try again.</source>
        <translation>没有听到测试音：请检查耳麦的音量和插头，然后重试。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This desk uses the simulated line, which needs no check.</source>
        <translation>本工作台使用模拟线路，无需检查。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The SIP line is registered as {account}.</source>
        <translation>SIP 线路已注册为 {account}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The SIP line has no registrar and makes direct calls only; ask IT if this desk should register with the hospital&apos;s exchange.</source>
        <translation>SIP 线路未配置注册服务器，只能直接呼叫；如本工作台应注册到医院交换机，请联系信息科。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The SIP account {account} is not registered ({detail}); ask IT to check the account, its password in the keyring and the network.</source>
        <translation>SIP 账号 {account} 未注册（{detail}）：请信息科检查该账号、密钥环中的密码以及网络。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The SIP line did not register within {seconds} s; check the network cable, or ask IT whether the exchange is up.</source>
        <translation>SIP 线路在 {seconds} 秒内未能注册：请检查网线，或询问信息科交换机是否正常。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The phone line cannot be opened: {detail}</source>
        <translation>电话线路无法打开：{detail}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The phone-line box on {port} answers.</source>
        <translation>{port} 上的电话线路盒应答正常。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The phone-line box on {port} does not answer; check its cable and power, then try again.</source>
        <translation>{port} 上的电话线路盒没有应答：请检查连接线和电源，然后重试。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The echo-test call to {number} was answered and sent your voice back (level {level} %).</source>
        <translation>对 {number} 的回声测试呼叫已接通，并传回了您的声音（音量 {level}%）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The echo-test call to {number} was answered but nothing came back; ask IT to check the exchange&apos;s audio path.</source>
        <translation>对 {number} 的回声测试呼叫已接通，但没有传回声音：请信息科检查交换机的语音通路。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The echo-test call to {number} did not connect ({detail}); ask IT.</source>
        <translation>对 {number} 的回声测试呼叫未接通（{detail}），请联系信息科。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No central server is set; this desk works offline only.</source>
        <translation>未配置中心服务器，本工作台仅离线工作。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The central server at {where} answers over a verified encrypted connection.</source>
        <translation>{where} 上的中心服务器通过已验证的加密连接应答正常。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{detail}</source>
        <translation>{detail}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The central server at {where} answers, but this desk does not verify its certificate (sslmode {sslmode}); ask IT to set verify-full with ca_file.</source>
        <translation>{where} 上的中心服务器有应答，但本工作台未验证其证书（sslmode {sslmode}）：请信息科改为 verify-full 并配置 ca_file。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not checked, because the central server was not reached.</source>
        <translation>未检查，因为无法连接中心服务器。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not checked before sign-in; run Help → Self-test after signing in, or give --user on the command line.</source>
        <translation>登录前无法检查：请登录后通过“帮助 → 自检”运行，或在命令行中加上 --user。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The central server did not say its schema version to this login; sync will check it.</source>
        <translation>中心服务器未向此账号提供其数据库结构版本，同步时会再检查。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The central server&apos;s schema {revision} is one this desk (version {version}) knows.</source>
        <translation>中心服务器的数据库结构 {revision} 与本工作台（版本 {version}）兼容。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The central server&apos;s schema {revision} is newer than this desk knows; ask IT to update this desk before syncing.</source>
        <translation>中心服务器的数据库结构 {revision} 比本工作台所知的更新：请信息科先更新本工作台再同步。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This computer&apos;s clock is {offset} s off the server&apos;s, which is fine.</source>
        <translation>本机时钟与服务器相差 {offset} 秒，正常。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This computer&apos;s clock is {offset} s off the server&apos;s; ask IT to turn on network time, or call times and leases will be wrong.</source>
        <translation>本机时钟与服务器相差 {offset} 秒：请信息科开启网络校时，否则通话时间和任务锁定时间会出错。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This computer&apos;s clock is {offset} s off the server&apos;s; call times in the records and task leases will be wrong: ask IT to set the clock now.</source>
        <translation>本机时钟与服务器相差 {offset} 秒，记录中的通话时间和任务锁定时间将会出错：请信息科立即校准时钟。</translation>
    </message>
</context>
<context>
    <name>SelfTestDialog</name>
    <message>
        <location filename="../../agent_app/ui/selftest_dialog.py" line="+162"/>
        <source>Self-test</source>
        <translation>自检</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What to do</source>
        <translation>处理方法</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Microphone level: %p %</source>
        <translation>麦克风音量：%p%</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I heard the tone</source>
        <translation>听到了测试音</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I heard nothing</source>
        <translation>什么也没听到</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Run again</source>
        <translation>重新自检</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Did you hear the tone in the headset?</source>
        <translation>耳麦中听到测试音了吗？</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{0} checks failed: fix them before the shift starts.</source>
        <translation>{0} 项检查未通过：请在上班前处理。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ready, with {0} warnings.</source>
        <translation>可以开始工作，有 {0} 项需要注意。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ready: every check passed.</source>
        <translation>可以开始工作：所有检查均已通过。</translation>
    </message>
</context>
<context>
    <name>ServerTexts</name>
    <message>
        <location filename="../../agent_app/ui/server_texts.py" line="+18"/>
        <source>The central database at {where} offers no encrypted connection, so the desk did not connect; ask the administrator to turn on TLS on the server.</source>
        <translation>位于 {where} 的中心数据库不提供加密连接，本台未连接；请管理员在服务器上开启 TLS。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The central database at {where} presented a certificate that the configured certificate authority did not sign, so the desk did not connect; check [server] ca_file.</source>
        <translation>位于 {where} 的中心数据库出示的证书不是配置的证书颁发机构签发的，本台未连接；请检查 [server] ca_file。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The central database at {where} presented a certificate for another server name, so the desk did not connect; check [server] host.</source>
        <translation>位于 {where} 的中心数据库出示的证书属于另一个服务器名称，本台未连接；请检查 [server] host。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The certificate authority file for the central database at {where} cannot be read, so the desk did not connect; check [server] ca_file.</source>
        <translation>无法读取位于 {where} 的中心数据库的证书颁发机构文件，本台未连接；请检查 [server] ca_file。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>another agent</source>
        <translation>另一位随访员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Task {task} is being worked by {holder} until {until}; choose another task.</source>
        <translation>随访任务 {task} 正由{holder}处理，至 {until}；请选择其他任务。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Task {task} is not open any more.</source>
        <translation>随访任务 {task} 已不再开放。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Task {task} is not open or not in your queue.</source>
        <translation>随访任务 {task} 未开放，或不在您的队列中。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Task {task} cannot be read from the server.</source>
        <translation>无法从服务器读取随访任务 {task}。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot reach the central database at {where} ({reason}); working offline.</source>
        <translation>无法连接位于 {where} 的中心数据库({reason});正在离线工作。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The central database at {where} is full: it has no free connection for this desk now. Your work is kept on this computer and sent once a connection frees up; tell IT if this lasts.</source>
        <translation>位于 {where} 的中心数据库已满：目前没有空闲连接给本台使用。您的工作已保存在本机，连接空出后会自动上传；如持续如此，请联系信息科。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your account already holds every connection to the central database at {where} it may have; close the follow-up desk you left open on another computer. Your work here is kept and sent afterwards.</source>
        <translation>您的账号已占满位于 {where} 的中心数据库允许的全部连接；请关闭您在其他电脑上未退出的随访工作台。本机的工作已保存，之后会自动上传。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The central database could not complete the sync ({reason}).</source>
        <translation>中心数据库未能完成本次同步({reason})。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The central database gave no answer for change {change}.</source>
        <translation>中心数据库没有回复变更 {change} 的结果。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The sync was cancelled; it continues where it stopped at the next sync.</source>
        <translation>同步已取消；下次同步会从中断处继续。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The sync stopped on this computer: {detail}.</source>
        <translation>同步在本机上中断：{detail}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This recording is not on the central server, or you may not listen to it.</source>
        <translation>中心服务器上没有这段录音，或您无权收听。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This recording has not been uploaded completely yet; try again later.</source>
        <translation>这段录音尚未上传完整，请稍后再试。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The recording fetched from the server does not match its checksum.</source>
        <translation>从服务器取回的录音与其校验值不符。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This desk (version {version}) is older than the central database accepts (version {min_version} or later), so it sends nothing and keeps your work on this computer until IT updates it.</source>
        <translation>本工作台（版本 {version}）低于中心数据库要求的版本（{min_version} 或更高），因此不发送任何内容，您的工作保留在本机，等待信息科更新工作台。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The central database runs a newer schema ({revision}) than this desk (version {version}) knows, so it sends nothing and keeps your work on this computer until IT updates it.</source>
        <translation>中心数据库的结构（{revision}）比本工作台（版本 {version}）所知的更新，因此不发送任何内容，您的工作保留在本机，等待信息科更新工作台。</translation>
    </message>
</context>
<context>
    <name>SmsHistory</name>
    <message>
        <location filename="../../agent_app/ui/followup/sms_history.py" line="+16"/>
        <source>waiting to be sent</source>
        <translation>等待发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sending</source>
        <translation>正在发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sent, not yet confirmed</source>
        <translation>已发出，尚未确认送达</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>delivered to the phone</source>
        <translation>已送达手机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not delivered</source>
        <translation>未送达</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>may not have been sent: check before sending again</source>
        <translation>可能未发出：请核实后再决定是否重发</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not sent: the number does not take text messages</source>
        <translation>未发送：该号码不接收短信</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>not sent: the text message platform refused it ({0})</source>
        <translation>未发出：短信平台拒收（{0}）</translation>
    </message>
</context>
<context>
    <name>SmsHistoryBox</name>
    <message>
        <location line="+11"/>
        <source>Text messages</source>
        <translation>短信</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No text messages.</source>
        <translation>暂无短信。</translation>
    </message>
</context>
<context>
    <name>SmsSettle</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/sms_settle_screen.py" line="+38"/>
        <source>The desk stopped while it was sending.</source>
        <translation>发送过程中本机停止运行。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The modem went away while it was sending.</source>
        <translation>发送过程中短信猫断开了。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The modem took it but never confirmed it.</source>
        <translation>短信猫已接收该短信，但始终没有确认发出。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only some parts of the long message were confirmed.</source>
        <translation>长短信只有部分分段确认发出。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nobody confirmed that it was sent.</source>
        <translation>没有收到发送成功的确认。</translation>
    </message>
</context>
<context>
    <name>SmsSettleScreen</name>
    <message>
        <location line="+17"/>
        <source>Text messages to check</source>
        <translation>待确认的短信</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The desk could not tell whether these messages reached the network, so it will not send them again by itself. Ask the patient or check the SMS platform&apos;s log, then decide.</source>
        <translation>本机无法确定这些短信是否已发到运营商网络，因此不会自动重发。请询问患者或查看短信平台的记录后再决定。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Queued</source>
        <translation>排队时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why unknown</source>
        <translation>无法确定的原因</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>It was sent</source>
        <translation>已发出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send it again…</source>
        <translation>重新发送…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do not send it</source>
        <translation>不再发送</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>(unknown patient)</source>
        <translation>（未知患者）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No text message needs checking.</source>
        <translation>没有需要确认的短信。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Send it again</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>If the first message did reach the patient, they will get it twice. Send it again?</source>
        <translation>如果第一条短信其实已送达，患者会收到两次。确定重新发送吗？</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Marked as sent.</source>
        <translation>已标记为已发送。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queued again as a new message.</source>
        <translation>已作为一条新短信重新排队。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed as not sent.</source>
        <translation>已关闭，不再发送。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Someone else has already settled that message.</source>
        <translation>这条短信已由其他人处理。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not settle the message: {0}</source>
        <translation>无法处理这条短信：{0}</translation>
    </message>
</context>
<context>
    <name>SmsStatus</name>
    <message>
        <location filename="../../agent_app/ui/sms_status.py" line="+15"/>
        <source>the SMS modem cannot be opened</source>
        <translation>短信猫无法打开</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the SMS modem was unplugged</source>
        <translation>短信猫已被拔出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the SMS modem does not answer</source>
        <translation>短信猫没有响应</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the SMS platform cannot be reached</source>
        <translation>无法连接短信平台</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the SMS platform is busy</source>
        <translation>短信平台繁忙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the SMS platform&apos;s signing key is not set on this computer</source>
        <translation>本机未设置短信平台的签名密钥</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the SMS platform refuses this desk: check the account and the key</source>
        <translation>短信平台拒绝本机：请检查账号和签名密钥</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>sending has stopped</source>
        <translation>发送已暂停</translation>
    </message>
</context>
<context>
    <name>SmsStatusLabel</name>
    <message>
        <location line="+27"/>
        <source>SMS: ready</source>
        <translation>短信：就绪</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SMS: not sending ({0})</source>
        <translation>短信：未在发送（{0}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SMS: stopped</source>
        <translation>短信：已停止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SMS: connecting…</source>
        <translation>短信：正在连接…</translation>
    </message>
</context>
<context>
    <name>SmsTemplateEditor</name>
    <message>
        <location filename="../../agent_app/ui/sms_templates/editor.py" line="+51"/>
        <source>Text message templates</source>
        <translation>短信模板</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+22"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+23"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="-23"/>
        <location line="+24"/>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <location line="-24"/>
        <location line="+25"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Placeholders: {0}. At most {1} characters once filled.</source>
        <translation>可用占位符:{0}。填入内容后最多 {1} 个字。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+7"/>
        <source>Whole hospital</source>
        <translation>全院</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>You may read this template but not change it.</source>
        <translation>您可以查看此模板,但不能修改。</translation>
    </message>
</context>
<context>
    <name>SmsTemplateTexts</name>
    <message>
        <location filename="../../agent_app/ui/sms_templates/texts.py" line="+12"/>
        <source>Notice before the first call</source>
        <translation>首次随访电话预告</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re-visit reminder</source>
        <translation>复诊提醒</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Health education</source>
        <translation>健康宣教</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a dose is the prescriber&apos;s to give, never a text message&apos;s</source>
        <translation>剂量只能由开处方的医生给出,不能写在短信里</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>raising or lowering a dose changes the prescription</source>
        <translation>加量或减量等于修改处方</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>stopping a medicine is a prescription decision</source>
        <translation>停药属于处方决定</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>switching or adding a medicine is a prescription</source>
        <translation>换药或加药属于处方</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>an amount of medicine is a dose</source>
        <translation>药量就是剂量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>how often to take a medicine is part of the prescription</source>
        <translation>服药次数属于医嘱</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a number of tablets is a dose</source>
        <translation>服用几片就是剂量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a diagnosis is given by a doctor who saw the patient</source>
        <translation>诊断只能由看过患者的医生给出</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The text gives medical advice (“{0}”): {1}. Send medicine and diagnosis questions to the doctor instead.</source>
        <translation>短信含有医疗建议(“{0}”):{1}。用药和诊断问题请让患者咨询医生。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The code {0} must be 1–40 lower-case letters, digits and _ starting with a letter.</source>
        <translation>代码 {0} 须为 1–40 个小写字母、数字或下划线,并以字母开头。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The title must be 1 to 120 characters.</source>
        <translation>标题须为 1 到 120 个字。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown template kind “{0}”.</source>
        <translation>未知的模板类型“{0}”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown template state “{0}”.</source>
        <translation>未知的模板状态“{0}”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The text is empty.</source>
        <translation>正文为空。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A lone “{0}”: write “{1}” for a brace in the text.</source>
        <translation>单独的“{0}”:正文中的括号请写成“{1}”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown placeholder “{{{0}}}”; the known ones are {1}.</source>
        <translation>未知的占位符“{{{0}}}”;可用的占位符有 {1}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filled with the longest values the text has {0} characters; a message may have at most {1} ({2} parts).</source>
        <translation>填入最长的内容后正文有 {0} 个字;一条短信最多 {1} 个字({2} 段)。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only a supervisor of the owning department or an administrator may change this template.</source>
        <translation>只有所属科室的护士长或管理员可以修改此模板。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no template “{0}”.</source>
        <translation>没有模板“{0}”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no department “{0}”.</source>
        <translation>没有科室“{0}”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Template “{0}” is not approved.</source>
        <translation>模板“{0}”尚未批准。</translation>
    </message>
</context>
<context>
    <name>StatsDashboard</name>
    <message>
        <location filename="../../agent_app/ui/reports/dashboard.py" line="+100"/>
        <source>Follow-up statistics</source>
        <translation>随访统计</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Computing the statistics… %p%</source>
        <translation>正在计算统计数据… %p%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Follow-up rate</source>
        <translation>随访率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calls per reach</source>
        <translation>接通所需次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workload</source>
        <translation>工作量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfaction trend</source>
        <translation>满意度趋势</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-visits</source>
        <translation>复诊</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Red-flag response</source>
        <translation>红旗警报响应</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answers</source>
        <translation>答案统计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Survival</source>
        <translation>生存分析</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Follow-up rate: done and reached within 7 and 30 days</source>
        <translation>随访率：已完成，及 7 天、30 天内接通</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calls needed to reach a patient</source>
        <translation>接通患者所需的拨打次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calls per person</source>
        <translation>每人拨打量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfaction scores</source>
        <translation>满意度评分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean satisfaction per month</source>
        <translation>月平均满意度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer distribution</source>
        <translation>答案分布</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaints and suggestions</source>
        <translation>投诉与建议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Survival after discharge by diagnosis (Kaplan–Meier)</source>
        <translation>按诊断分组的出院后生存分析（Kaplan–Meier）</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Refresh cancelled.</source>
        <translation>已取消刷新。</translation>
    </message>
</context>
<context>
    <name>StatsFilterBar</name>
    <message>
        <location filename="../../agent_app/ui/reports/stats_filter_bar.py" line="+91"/>
        <source>Chosen dates</source>
        <translation>自定义日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 30 days</source>
        <translation>最近30天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 3 months</source>
        <translation>近 3 个月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>ICD-10 code start, e.g. I21</source>
        <translation>ICD-10 编码开头，如 I21</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>L1 own follow-up</source>
        <translation>L1 本人随访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L2 department spot-check</source>
        <translation>L2 科室抽查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L3 hospital spot-check</source>
        <translation>L3 全院抽查</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>By department</source>
        <translation>按科室</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whole hospital</source>
        <translation>全院</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By person</source>
        <translation>按人员</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Period:</source>
        <translation>时段(&amp;P)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Department:</source>
        <translation>科室(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;lan:</source>
        <translation>随访方案(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dia&amp;gnosis:</source>
        <translation>诊断(&amp;G)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Le&amp;vel:</source>
        <translation>级别(&amp;V)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>G&amp;roup by:</source>
        <translation>分组方式(&amp;R)：</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>All departments</source>
        <translation>全部科室</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>All plans</source>
        <translation>全部随访方案</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The period ends before it starts; swap the two dates.</source>
        <translation>结束日期早于开始日期，请对调两个日期。</translation>
    </message>
</context>
<context>
    <name>StoreMessages</name>
    <message>
        <location filename="../../agent_app/ui/store_messages.py" line="+50"/>
        <source>The data store {path} is damaged ({detail}). Nothing was changed in it. Restore one of its backups, or ask IT to rebuild the store from the server.</source>
        <translation>数据存储 {path} 已损坏（{detail}），其中的内容未作任何改动。请恢复它的一个备份，或请信息科从服务器重建数据存储。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Another follow-up desk is already open on the data folder {folder}. Use that desk, or close it before starting this one.</source>
        <translation>另一个随访工作台已经打开了数据文件夹 {folder}。请使用那个工作台，或先将它关闭再启动本工作台。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The data store {path} cannot be reserved for this desk ({detail}).</source>
        <translation>无法为本工作台锁定数据存储 {path}（{detail}）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The data folder {folder} is on a network share ({fstype}), where the data store can be damaged without warning. Ask IT to set data_dir to a folder on this computer&apos;s own disk.</source>
        <translation>数据文件夹 {folder} 位于网络共享上（{fstype}），数据存储在那里可能在没有任何提示的情况下损坏。请信息科将 data_dir 设置为本机硬盘上的文件夹。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The backup {path} is damaged ({detail}); it was not restored and the data store was not changed.</source>
        <translation>备份 {path} 已损坏（{detail}），未予恢复，数据存储未作改动。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The automatic backup into {folder} failed ({detail}).</source>
        <translation>自动备份到 {folder} 失败（{detail}）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The backup {path} could not be restored ({detail}); the data store was not changed.</source>
        <translation>无法恢复备份 {path}（{detail}），数据存储未作改动。</translation>
    </message>
</context>
<context>
    <name>StoreOpening</name>
    <message>
        <location line="-58"/>
        <source>this computer&apos;s key for it is missing from the system keyring</source>
        <translation>本机用于它的密钥已从系统密钥环中丢失</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this computer&apos;s key does not open it (it was encrypted on another computer or under a lost key, or it is damaged)</source>
        <translation>本机的密钥无法打开它（它是在另一台电脑上或用已丢失的密钥加密的，或者文件已损坏）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The local data store {path} cannot be read: {reason}. It was left as it is; restore the keyring entry, or connect the desk to the central server to rebuild it.</source>
        <translation>无法读取本地数据库 {path}：{reason}。文件保持原样未作改动；请恢复密钥环中的条目，或将工作台连接到中心服务器以重建本地数据库。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The local data store keeps its key in the system keyring, and this computer has none available ({detail}).</source>
        <translation>本地数据库的密钥保存在系统密钥环中，而本机没有可用的密钥环（{detail}）。</translation>
    </message>
    <message>
        <location filename="../../agent_app/ui/store_opening.py" line="+50"/>
        <source>The demo data store could not be read ({reason}). It was moved to {aside} and the demo hospital is generated again.</source>
        <translation>无法读取演示数据库（{reason}）。它已被移到 {aside}，演示医院将重新生成。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The local data store could not be read ({reason}). It was moved to {aside} and a new one was started, which the first sync fills from the central server; changes not yet sent from the old store stay in it, readable only with its key.</source>
        <translation>无法读取本地数据库（{reason}）。它已被移到 {aside}，并已新建一个本地数据库，首次同步时将从中心服务器填充；旧数据库中尚未上传的更改仍留在其中，只有用原密钥才能读取。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Encrypting the local data store…</source>
        <translation>正在加密本地数据库…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Encrypting the call recordings…</source>
        <translation>正在加密通话录音…</translation>
    </message>
</context>
<context>
    <name>SupervisorFailure</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/sampling_access.py" line="+79"/>
        <source>The server does not allow your account to make this change.</source>
        <translation>服务器不允许您的账号进行此项修改。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The database could not be reached; try again in a moment.</source>
        <translation>暂时无法连接数据库，请稍后再试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database refused this; nothing was changed.</source>
        <translation>数据库拒绝了此操作，未做任何更改。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This did not work: {error}</source>
        <translation>操作未成功：{error}</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../../agent_app/ui/sync_status.py" line="+37"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send saved work and fetch changes now</source>
        <translation>立即上传已保存的工作并获取最新变更</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Refused changes…</source>
        <translation>被拒绝的修改…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>See what the central database refused, and send it again once mended</source>
        <translation>查看中心数据库拒绝了哪些修改，排除原因后可重新发送</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Connection to the server is not verified</source>
        <translation>与服务器的连接未经验证</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The settings allow a connection to the central database without checking its certificate (allow_weak_tls); patient data may be read or changed on the way.</source>
        <translation>设置允许在不校验证书的情况下连接中心数据库(allow_weak_tls);患者数据在传输途中可能被读取或篡改。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this desk needs an update</source>
        <translation>本工作台需要更新</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not yet synced</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync: {0}</source>
        <translation>同步：{0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} pending</source>
        <translation>{0} 条待上传</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>last {0}</source>
        <translation>上次 {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} refused</source>
        <translation>{0} 条被拒绝</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last complete sync: {0}</source>
        <translation>上次完整同步：{0}</translation>
    </message>
</context>
<context>
    <name>TaskQueueModel</name>
    <message>
        <location filename="../../agent_app/ui/task_queue_model.py" line="+105"/>
        <source>Due</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MRN</source>
        <translation>病案号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan</source>
        <translation>随访方案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attempts</source>
        <translation>拨打次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pending</source>
        <translation>待随访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <location filename="../../agent_app/ui/template_editor.py" line="+46"/>
        <source>Import a questionnaire template</source>
        <translation>导入问卷模板</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSON (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Questionnaire templates and call scripts</source>
        <translation>问卷模板与通话话术</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Questionnaire &amp;templates</source>
        <translation>问卷模板(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call &amp;scripts</source>
        <translation>通话话术(&amp;S)</translation>
    </message>
</context>
<context>
    <name>TemplatePreview</name>
    <message>
        <location filename="../../agent_app/ui/admin/template_preview.py" line="+18"/>
        <source>Preview (try the answers; nothing is saved)</source>
        <translation>预览（可试填答案，不会保存）</translation>
    </message>
</context>
<context>
    <name>TemplateRefusal</name>
    <message>
        <location filename="../../agent_app/ui/template_refusals.py" line="+49"/>
        <source>The template is larger than {0} MB; it cannot be checked or saved.</source>
        <translation>模板超过 {0} MB，无法检查或保存。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The template nests objects and lists more than {0} levels deep.</source>
        <translation>模板中对象和列表的嵌套超过 {0} 层。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The template has more than {0} questions.</source>
        <translation>模板的问题超过 {0} 个。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Question &apos;{0}&apos; in section &apos;{1}&apos; has more than {2} options.</source>
        <translation>部分“{1}”中的问题“{0}”的选项超过 {2} 个。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Template: result_fields</source>
        <translation>模板的 result_fields</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Section {section}</source>
        <translation>第 {section} 个分节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Section &apos;{section}&apos;</source>
        <translation>分节“{section}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Section &apos;{section}&apos;: show_if</source>
        <translation>分节“{section}”的 show_if</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Question {question} in section &apos;{section}&apos;</source>
        <translation>分节“{section}”的第 {question} 个问题</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Question &apos;{question}&apos; in section &apos;{section}&apos;</source>
        <translation>分节“{section}”中的问题“{question}”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Question &apos;{question}&apos; in section &apos;{section}&apos;: show_if</source>
        <translation>分节“{section}”中问题“{question}”的 show_if</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Question &apos;{question}&apos; in section &apos;{section}&apos;: jump {jump}</source>
        <translation>分节“{section}”中问题“{question}”的第 {jump} 个跳转</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Question &apos;{question}&apos; in section &apos;{section}&apos;: option {option}</source>
        <translation>分节“{section}”中问题“{question}”的第 {option} 个选项</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Question &apos;{question}&apos; in section &apos;{section}&apos;: option &apos;{option}&apos;</source>
        <translation>分节“{section}”中问题“{question}”的选项“{option}”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Question &apos;{question}&apos; in section &apos;{section}&apos;: labels</source>
        <translation>分节“{section}”中问题“{question}”的刻度标签（labels）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Red flag {flag}</source>
        <translation>第 {flag} 条危急值预警</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Red flag &apos;{flag}&apos;</source>
        <translation>危急值预警“{flag}”</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a list</source>
        <translation>一个列表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the text {found_value}</source>
        <translation>文本 {found_value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the number {found_value}</source>
        <translation>数字 {found_value}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{place} must be a JSON object, not {found}.</source>
        <translation>{place}必须是 JSON 对象，不能是{found}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: &apos;{key}&apos; is missing.</source>
        <translation>{place}：缺少“{key}”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: &apos;{key}&apos; must be a list, not {found}.</source>
        <translation>{place}：“{key}”必须是列表，不能是{found}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: &apos;{key}&apos; {value} must be 1–40 lower-case letters, digits and _ starting with a letter.</source>
        <translation>{place}：“{key}”的值 {value} 须为 1–40 个小写字母、数字或 _，并以字母开头。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{place}: &apos;{key}&apos; must be an object with &apos;zh_CN&apos; and &apos;en&apos; texts, not {found}.</source>
        <translation>{place}：“{key}”必须是含 &apos;zh_CN&apos; 和 &apos;en&apos; 两种文本的对象，不能是{found}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{place}: &apos;{key}&apos; needs both &apos;zh_CN&apos; and &apos;en&apos;; &apos;{language}&apos; is missing or empty.</source>
        <translation>{place}：“{key}”需要同时有 &apos;zh_CN&apos; 和 &apos;en&apos;；“{language}”缺失或为空。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{place}: &apos;{key}&apos; has unknown language &apos;{language}&apos;.</source>
        <translation>{place}：“{key}”含有未知的语言“{language}”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: &apos;{key}&apos; must be true or false, not {value}.</source>
        <translation>{place}：“{key}”必须是 true 或 false，不能是 {value}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: &apos;{key}&apos; must be a whole number, not {value}.</source>
        <translation>{place}：“{key}”必须是整数，不能是 {value}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: &apos;{key}&apos; must be a number, not {value}.</source>
        <translation>{place}：“{key}”必须是数字，不能是 {value}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: unknown key &apos;{key}&apos;.</source>
        <translation>{place}：未知的键“{key}”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: unknown key &apos;{key}&apos; for a {type} question.</source>
        <translation>{place}：{type} 类型的问题没有键“{key}”。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{place}: &apos;{key}&apos; must stand alone in its object.</source>
        <translation>{place}：“{key}”必须单独占一个对象。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: &apos;{key}&apos; needs a non-empty list of conditions.</source>
        <translation>{place}：“{key}”需要一个非空的条件列表。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: the condition does not say which &apos;question&apos; it tests.</source>
        <translation>{place}：条件没有用 &apos;question&apos; 说明它检查哪个问题。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: a condition needs exactly one operator, found none.</source>
        <translation>{place}：一个条件需要恰好一个运算符，但一个也没有。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: a condition needs exactly one operator, found {operators}.</source>
        <translation>{place}：一个条件需要恰好一个运算符，但有 {operators}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{place}: unknown operator &apos;{operator}&apos;; expected one of {known}, all, any, not.</source>
        <translation>{place}：未知的运算符“{operator}”；应为 {known}、all、any、not 之一。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{place}: &apos;answered&apos; takes true or false.</source>
        <translation>{place}：&apos;answered&apos; 只能取 true 或 false。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: &apos;{operator}&apos; takes a number, not {value}.</source>
        <translation>{place}：“{operator}”需要一个数字，不能是 {value}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: &apos;{operator}&apos; takes an option value or a number.</source>
        <translation>{place}：“{operator}”需要一个选项值或一个数字。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: &apos;contains&apos; takes one option value.</source>
        <translation>{place}：&apos;contains&apos; 需要一个选项值。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: &apos;{operator}&apos; takes a non-empty list of option values.</source>
        <translation>{place}：“{operator}”需要一个非空的选项值列表。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: condition refers to question &apos;{tested}&apos; that does not exist.</source>
        <translation>{place}：条件引用的问题“{tested}”不存在。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{place}: operator &apos;{operator}&apos; cannot test question &apos;{tested}&apos; of type &apos;{type}&apos;.</source>
        <translation>{place}：运算符“{operator}”不能检查 {type} 类型的问题“{tested}”。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{place}: question &apos;{tested}&apos; is a {type}; &apos;{operator}&apos; must compare it with a number.</source>
        <translation>{place}：问题“{tested}”是 {type} 类型；“{operator}”必须把它与数字比较。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{place}: &apos;{value}&apos; is not an option of question &apos;{tested}&apos;.</source>
        <translation>{place}：“{value}”不是问题“{tested}”的选项。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: {value} is not a point of the scale of question &apos;{tested}&apos; ({low}–{high}).</source>
        <translation>{place}：{value} 不是问题“{tested}”量表（{low}–{high}）上的分值。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Template: &apos;version&apos; must be a whole number from 1, not {value}.</source>
        <translation>模板：&apos;version&apos; 必须是从 1 起的整数，不能是 {value}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Template: &apos;title&apos; is longer than 120 characters.</source>
        <translation>模板：&apos;title&apos; 超过 120 个字符。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Template: &apos;sections&apos; is empty; a template needs at least one.</source>
        <translation>模板：&apos;sections&apos; 为空；模板至少需要一个分节。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: id &apos;end&apos; is reserved for &apos;jump to the end&apos;.</source>
        <translation>{place}：id &apos;end&apos; 已保留，表示“跳到结尾”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Section id &apos;{section}&apos; is used twice.</source>
        <translation>分节 id“{section}”用了两次。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: &apos;questions&apos; is empty.</source>
        <translation>{place}：&apos;questions&apos; 为空。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Question id &apos;{question}&apos; is used twice (sections &apos;{first}&apos; and &apos;{section}&apos;).</source>
        <translation>问题 id“{question}”用了两次（分节“{first}”和“{section}”）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{place}: unknown type {value}; expected one of {known}.</source>
        <translation>{place}：未知的类型 {value}；应为 {known} 之一。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: scale min {low} must be below max {high}.</source>
        <translation>{place}：量表的最小值 {low} 必须小于最大值 {high}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: a scale may have at most 11 points ({low}–{high}).</source>
        <translation>{place}：量表最多 11 个分值（现为 {low}–{high}）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: number min {low} must be below max {high}.</source>
        <translation>{place}：数值的最小值 {low} 必须小于最大值 {high}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: date_range {value} must be one of any, past, future.</source>
        <translation>{place}：date_range {value} 必须是 any、past、future 之一。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: max_length must be from 1 to 4000, not {value}.</source>
        <translation>{place}：max_length 必须在 1 到 4000 之间，不能是 {value}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: a {type} choice needs at least 2 options.</source>
        <translation>{place}：{type} 选择题至少需要 2 个选项。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: option {number} value {value} must be lower-case letters, digits and _ starting with a letter.</source>
        <translation>{place}：第 {number} 个选项的值 {value} 须由小写字母、数字和 _ 组成，并以字母开头。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{place}: option value &apos;{value}&apos; appears twice.</source>
        <translation>{place}：选项值“{value}”出现了两次。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: option &apos;{value}&apos; is exclusive, which only a multi choice may have.</source>
        <translation>{place}：选项“{value}”设为 exclusive（互斥），只有 multi（多选）题可以这样设。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{place}: scale label key {value} is not a whole number.</source>
        <translation>{place}：量表标签的键 {value} 不是整数。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: scale label {point} is outside {low}–{high}.</source>
        <translation>{place}：量表标签 {point} 超出 {low}–{high} 的范围。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: &apos;to&apos; must be a section id or &apos;end&apos;.</source>
        <translation>{place}：&apos;to&apos; 必须是分节 id 或 &apos;end&apos;。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: jump target &apos;{target}&apos; is not a section of this template.</source>
        <translation>{place}：跳转目标“{target}”不是本模板的分节。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{place}: jump target &apos;{target}&apos; is not after section &apos;{section}&apos;; jumps may only go forward.</source>
        <translation>{place}：跳转目标“{target}”不在分节“{section}”之后；只能跳到后面的分节。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{place}: show_if tests the question&apos;s own answer.</source>
        <translation>{place}：show_if 检查的是这个问题自己的回答。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Skip logic has a cycle (each is shown depending on the next): {cycle}.</source>
        <translation>跳题逻辑形成了循环（每一个是否显示取决于下一个）：{cycle}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Skip logic has a cycle through question &apos;{question}&apos;.</source>
        <translation>跳题逻辑形成了经过问题“{question}”的循环。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Red flag id &apos;{flag}&apos; is used twice.</source>
        <translation>危急值预警 id“{flag}”用了两次。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}: severity {value} must be one of {known}.</source>
        <translation>{place}：severity（严重程度）{value} 必须是 {known} 之一。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Template: result_fields &apos;{key}&apos; refers to question {value} that does not exist.</source>
        <translation>模板：result_fields 的“{key}”引用的问题 {value} 不存在。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Template: result_fields &apos;{key}&apos; must be a {type} question; &apos;{question}&apos; is {actual}.</source>
        <translation>模板：result_fields 的“{key}”必须是 {type} 类型的问题；“{question}”是 {actual} 类型。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Template: result_fields &apos;vital_status&apos; question &apos;{question}&apos; has option &apos;{value}&apos;; allowed values are alive, deceased, unknown.</source>
        <translation>模板：result_fields 的 &apos;vital_status&apos; 问题“{question}”有选项“{value}”；只允许 alive、deceased、unknown。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Template &apos;{template}&apos; is not a version of &apos;{other}&apos;.</source>
        <translation>模板“{template}”不是“{other}”的一个版本。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Template &apos;{template}&apos;: version {version} must be higher than {previous}.</source>
        <translation>模板“{template}”：版本 {version} 必须高于 {previous}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Template &apos;{template}&apos; is new, so its version must be 1, not {version}.</source>
        <translation>模板“{template}”是新模板，版本必须为 1，不能是 {version}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Template &apos;{template}&apos;: the latest stored version is {latest}, so the new one must be version {expected}, not {version}.</source>
        <translation>模板“{template}”：已保存的最新版本是 {latest}，新版本必须是 {expected}，不能是 {version}。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Someone else saved this version of the template a moment ago; reload and try again.</source>
        <translation>刚才已有其他人保存了该模板的这个版本；请重新加载后再试。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The stored version {version} of &apos;{template}&apos; is damaged and cannot be compared:</source>
        <translation>模板“{template}”已保存的版本 {version} 已损坏，无法比较：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is no template &apos;{template}&apos; in this store.</source>
        <translation>本数据库中没有模板“{template}”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no template &apos;{template}&apos; version {version} in this store.</source>
        <translation>本数据库中没有模板“{template}”的版本 {version}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only an administrator may change templates and scripts.</source>
        <translation>只有管理员可以修改问卷模板和话术。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file &apos;{file}&apos; is not UTF-8 text.</source>
        <translation>文件“{file}”不是 UTF-8 文本。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file &apos;{file}&apos; cannot be read: {detail}.</source>
        <translation>无法读取文件“{file}”：{detail}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>JSON syntax error at line {line}, column {column}: Expecting value.</source>
        <translation>JSON 语法错误，第 {line} 行第 {column} 列：此处应有一个值。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>JSON syntax error at line {line}, column {column}: Expecting &apos;,&apos; delimiter.</source>
        <translation>JSON 语法错误，第 {line} 行第 {column} 列：此处应有逗号 &apos;,&apos;。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>JSON syntax error at line {line}, column {column}: Expecting &apos;:&apos; delimiter.</source>
        <translation>JSON 语法错误，第 {line} 行第 {column} 列：此处应有冒号 &apos;:&apos;。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>JSON syntax error at line {line}, column {column}: Expecting property name enclosed in double quotes.</source>
        <translation>JSON 语法错误，第 {line} 行第 {column} 列：此处应有用双引号括起的属性名。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>JSON syntax error at line {line}, column {column}: Unterminated string starting at.</source>
        <translation>JSON 语法错误，第 {line} 行第 {column} 列：从这里开始的字符串没有结束。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>JSON syntax error at line {line}, column {column}: Extra data.</source>
        <translation>JSON 语法错误，第 {line} 行第 {column} 列：JSON 已结束，后面还有多余的内容。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>JSON syntax error at line {line}, column {column}: Invalid control character {character} at.</source>
        <translation>JSON 语法错误，第 {line} 行第 {column} 列：无效的控制字符 {character}。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>JSON syntax error at line {line}, column {column}: Invalid \escape: {character}.</source>
        <translation>JSON 语法错误，第 {line} 行第 {column} 列：无效的转义序列：{character}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>JSON syntax error at line {line}, column {column}: Invalid \uXXXX escape.</source>
        <translation>JSON 语法错误，第 {line} 行第 {column} 列：无效的 \uXXXX 转义。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>JSON syntax error at line {line}, column {column}: {detail}.</source>
        <translation>JSON 语法错误，第 {line} 行第 {column} 列：{detail}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Line {line}: unknown section &apos;[{name}]&apos;; known sections are {known}.</source>
        <translation>第 {line} 行：未知的分节“[{name}]”；已知的分节有 {known}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Line {line}: section &apos;[{name}]&apos; appears twice.</source>
        <translation>第 {line} 行：分节“[{name}]”出现了两次。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Line {line}: text before the first section header; start with [identity].</source>
        <translation>第 {line} 行：第一个分节标题之前有文字；请以 [identity] 开头。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The script has no [{section}] section.</source>
        <translation>话术缺少 [{section}] 分节。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Section &apos;[{section}]&apos; is empty.</source>
        <translation>分节“[{section}]”为空。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Line {line} (section &apos;[{section}]&apos;): a lone &apos;{brace}&apos;; write &apos;{braces}&apos; for a literal brace.</source>
        <translation>第 {line} 行（分节“[{section}]”）：有单独的“{brace}”；要写花括号本身，请写成“{braces}”。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Line {line} (section &apos;[{section}]&apos;): unknown placeholder &apos;{{{name}}}&apos;; known placeholders are {known}.</source>
        <translation>第 {line} 行（分节“[{section}]”）：未知的占位符“{{{name}}}”；已知的占位符有 {known}。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Script code {value} must be 1–40 lower-case letters, digits and _ starting with a letter.</source>
        <translation>话术编码 {value} 须为 1–40 个小写字母、数字或 _，并以字母开头。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The script title must be 1 to 120 characters.</source>
        <translation>话术标题须为 1 到 120 个字符。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no call script &apos;{script}&apos; in this store.</source>
        <translation>本数据库中没有话术“{script}”。</translation>
    </message>
</context>
<context>
    <name>TemplateTab</name>
    <message>
        <location filename="../../agent_app/ui/admin/template_tab.py" line="+86"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Specialty</source>
        <translation>专科</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plans</source>
        <translation>随访计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;New template</source>
        <translation>新建模板(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import from file…</source>
        <translation>从文件导入(&amp;I)…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Retire the previous version and move its plans to the new one</source>
        <translation>停用旧版本，并将其随访方案改用新版本(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save as new version</source>
        <translation>另存为新版本(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+32"/>
        <source>Discard changes?</source>
        <translation>放弃修改？</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>The template in the editor is not saved. Discard it and open {0}?</source>
        <translation>编辑器中的模板尚未保存。是否放弃修改并打开 {0}？</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>New version {2} of &apos;{0}&apos;, copied from version {1}. Saving adds it; version {1} and the results answered with it stay as they are.</source>
        <translation>“{0}”的新版本 {2}，复制自版本 {1}。保存后将新增此版本；版本 {1} 及用它填写的随访结果保持不变。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The template in the editor is not saved. Discard it?</source>
        <translation>编辑器中的模板尚未保存。是否放弃修改？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A new template: give it its own code; it is saved as version 1.</source>
        <translation>新模板：请为其设置唯一编码；保存后为版本 1。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Imported from {0}; check it, then save it as a new version.</source>
        <translation>已从 {0} 导入；请检查后另存为新版本。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>OK — {0} questions, {1} red-flag rules</source>
        <translation>检查通过 — 共 {0} 道题，{1} 条危急值预警规则</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+59"/>
        <source>Not saved: {0}</source>
        <translation>未保存：{0}</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Removed: {0}</source>
        <translation>已删除：{0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Answers stored under version {0} may not fit version {1}:

{2}

Those results keep pointing at version {0}. Save version {1} anyway?</source>
        <translation>按版本 {0} 保存的答案可能与版本 {1} 不兼容：

{2}

这些随访结果仍关联版本 {0}。仍要保存版本 {1} 吗？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Incompatible with stored answers</source>
        <translation>与已保存的答案不兼容</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not saved.</source>
        <translation>未保存。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Saved version {1} of &apos;{0}&apos;.</source>
        <translation>已保存“{0}”的版本 {1}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} plans now use it.</source>
        <translation>现有 {0} 个随访方案使用此版本。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the store could not be written ({0})</source>
        <translation>无法写入数据库（{0}）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The templates could not be read: {0}</source>
        <translation>无法读取模板：{0}</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../agent_app/ui/transfer_dialog.py" line="+74"/>
        <source>Transfer to %1</source>
        <translation>转接至%1</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Transfer the call</source>
        <translation>转接通话</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find a department or doctor</source>
        <translation>查找科室或医生</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Or type a number or extension</source>
        <translation>或输入号码、分机号</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Transfer</source>
        <translation>转接(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Consult first</source>
        <translation>先咨询(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Con&amp;ference</source>
        <translation>三方通话(&amp;F)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Where to:</source>
        <translation>转接至(&amp;W)：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The transfer directory is empty; type a number.</source>
        <translation>转接通讯录为空，请输入号码。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>doctor on duty</source>
        <translation>值班医生</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>follow-up line</source>
        <translation>随访专线</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Choose where to transfer, or type a number.</source>
        <translation>请选择转接对象，或输入号码。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That is not a number that can be dialled.</source>
        <translation>该号码无法拨打。</translation>
    </message>
</context>
<context>
    <name>TransferWords</name>
    <message>
        <location line="-118"/>
        <source>This line cannot transfer calls this way.</source>
        <translation>此线路无法以这种方式转接通话。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The phone line has no hook flash set up, so it cannot transfer calls.</source>
        <translation>电话线路未设置拍叉簧，无法转接通话。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This line cannot join calls together.</source>
        <translation>此线路无法合并通话。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That number cannot be dialled on this line.</source>
        <translation>此线路无法拨打该号码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only an answered call can be transferred.</source>
        <translation>只有已接通的通话才能转接。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose two different calls.</source>
        <translation>请选择两个不同的通话。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This call is already being transferred.</source>
        <translation>此通话正在转接中。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Transferring… (%1)</source>
        <translation>正在转接…（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The call was transferred.</source>
        <translation>通话已转接。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The transfer failed; the caller is still on your line.</source>
        <translation>转接失败，来电方仍在您的线路上。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Conference of %1 calls.</source>
        <translation>已合并%1路通话。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The conference has ended.</source>
        <translation>多方通话已结束。</translation>
    </message>
</context>
<context>
    <name>WaveformStrip</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/waveform.py" line="+67"/>
        <source>Click to play from that moment</source>
        <translation>点击从该时刻开始播放</translation>
    </message>
</context>
<context>
    <name>WrapUpPanel</name>
    <message>
        <location filename="../../agent_app/ui/followup/wrapup_panel.py" line="+64"/>
        <source>Wrap-up</source>
        <translation>结束处理</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>— choose how the follow-up ended —</source>
        <translation>— 请选择随访结果 —</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>In the hospital&apos;s time</source>
        <translation>按医院所在地时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notes for the next caller and the doctor</source>
        <translation>给下一位随访员和医生的备注</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send a re-visit reminder by SMS</source>
        <translation>发送复诊提醒短信</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tick the texts to send the patient by SMS when the follow-up is saved</source>
        <translation>勾选要在保存随访时以短信发给患者的内容</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save and close (Ctrl+S)</source>
        <translation>保存并结束 (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Leave for later</source>
        <translation>稍后处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the queue; the answers stay saved here</source>
        <translation>返回队列；已填答案会保留</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Outcome</source>
        <translation>随访结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call back at</source>
        <translation>回拨时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Health-education SMS</source>
        <translation>健康宣教短信</translation>
    </message>
    <message>
        <location filename="../../agent_app/ui/enum_names.py" line="+21"/>
        <source>Reached — follow-up done</source>
        <translation>已接通——随访完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Busy</source>
        <translation>占线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call back later</source>
        <translation>稍后回拨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused the follow-up</source>
        <translation>拒绝随访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong number</source>
        <translation>号码错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number does not exist</source>
        <translation>空号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Patient deceased</source>
        <translation>患者已故</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Our line failed</source>
        <translation>本方线路故障</translation>
    </message>
</context>
</TS>
