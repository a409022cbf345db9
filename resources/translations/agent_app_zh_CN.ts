<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CallBar</name>
    <message>
        <location filename="../../agent_app/ui/call_bar.py" line="+60" />
        <source>Number to call</source>
        <translation>拨打号码</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Dial</source>
        <translation>拨号</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Dial (Ctrl+D)</source>
        <translation>拨号 (Ctrl+D)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Hang up</source>
        <translation>挂断</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Hang up (Ctrl+E)</source>
        <translation>挂断 (Ctrl+E)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Hold</source>
        <translation>保持</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Pause recording</source>
        <translation>暂停录音</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Pause while the patient gives sensitive details; the pause is marked</source>
        <translation>患者提供敏感信息时暂停录音；暂停处会被标记</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Keypad</source>
        <translation>拨号盘</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location line="+24" />
        <location line="+1" />
        <source>Ringing…</source>
        <translation>振铃中…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>On hold</source>
        <translation>通话保持中</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+96" />
        <source>Connected</source>
        <translation>已接通</translation>
    </message>
    <message>
        <location line="-72" />
        <location line="+19" />
        <source>Finish the current call first.</source>
        <translation>请先结束当前通话。</translation>
    </message>
    <message>
        <location line="-16" />
        <source>Type a number to call.</source>
        <translation>请输入要拨打的号码。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Calling…</source>
        <translation>正在呼叫…</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Answering…</source>
        <translation>正在接听…</translation>
    </message>
    <message>
        <location line="+52" />
        <source>The call is not being recorded: {0}</source>
        <translation>本次通话未录音：{0}</translation>
    </message>
    <message>
        <location line="+39" />
        <source>⏸ Recording paused</source>
        <translation>⏸ 录音已暂停</translation>
    </message>
    <message>
        <location line="+2" />
        <source>● Recording</source>
        <translation>● 录音中</translation>
    </message>
</context>
<context>
    <name>CallLog</name>
    <message>
        <location filename="../../agent_app/ui/followup/call_log.py" line="+93" />
        <source>A call could not be written to the local store: {0}</source>
        <translation>通话记录无法写入本地数据库：{0}</translation>
    </message>
</context>
<context>
    <name>DeskApp</name>
    <message>
        <location filename="../../agent_app/ui/app.py" line="+51" />
        <source>Line: simulated (demo)</source>
        <translation>线路:模拟(演示)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Line: {0}</source>
        <translation>线路:{0}</translation>
    </message>
    <message>
        <location line="+86" />
        <source>Generating the demo hospital…</source>
        <translation>正在生成演示医院数据…</translation>
    </message>
    <message>
        <location line="+28" />
        <location filename="../../agent_app/ui/fatal.py" line="+27" />
        <source>Follow-up Desk</source>
        <translation>随访工作台</translation>
    </message>
</context>
<context>
    <name>DeskMenus</name>
    <message>
        <location filename="../../agent_app/ui/desk_menus.py" line="+18" />
        <source>&amp;Follow-up</source>
        <translation>随访(&amp;F)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Supervision</source>
        <translation>质控(&amp;S)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Administration</source>
        <translation>管理(&amp;A)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
</context>
<context>
    <name>DeskSync</name>
    <message>
        <location filename="../../agent_app/ui/desk_sync.py" line="+67" />
        <source>First sync with the central database</source>
        <translation>首次与中心数据库同步</translation>
    </message>
</context>
<context>
    <name>DeskTools</name>
    <message>
        <location filename="../../agent_app/ui/desk_tools.py" line="+42" />
        <source>Questionnaires and call scripts…</source>
        <translation>问卷模板与随访话术…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Discharge import and plans…</source>
        <translation>出院患者导入与随访计划…</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Discharge import</source>
        <translation>出院患者导入</translation>
    </message>
</context>
<context>
    <name>FirstSyncDialog</name>
    <message>
        <location filename="../../agent_app/ui/first_sync_dialog.py" line="+21" />
        <source>First sync</source>
        <translation>首次同步</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+2" />
        <source>departments</source>
        <translation>科室</translation>
    </message>
    <message>
        <location line="+1" />
        <source>staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>call scripts</source>
        <translation>通话话术</translation>
    </message>
    <message>
        <location line="+1" />
        <source>questionnaires</source>
        <translation>问卷</translation>
    </message>
    <message>
        <location line="+1" />
        <source>follow-up plans</source>
        <translation>随访方案</translation>
    </message>
    <message>
        <location line="+1" />
        <source>patients</source>
        <translation>患者</translation>
    </message>
    <message>
        <location line="+1" />
        <source>phone numbers</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <location line="+1" />
        <source>hospital stays</source>
        <translation>住院记录</translation>
    </message>
    <message>
        <location line="+1" />
        <source>follow-up tasks</source>
        <translation>随访任务</translation>
    </message>
    <message>
        <location line="+1" />
        <source>blocked numbers</source>
        <translation>黑名单号码</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Connecting to the central database…</source>
        <translation>正在连接中心数据库…</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Fetching {0}: {1} so far</source>
        <translation>正在获取{0}：已获取 {1} 条</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Stopping after the current page…</source>
        <translation>当前页完成后停止…</translation>
    </message>
    <message>
        <location line="+14" />
        <source>The first sync stopped: {0}
It is retried automatically.</source>
        <translation>首次同步已中断：{0}
系统将自动重试。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>FollowupView</name>
    <message>
        <location filename="../../agent_app/ui/followup/followup_view.py" line="+148" />
        <source>No phone line is open on this desk.</source>
        <translation>本工作台未连接电话线路。</translation>
    </message>
    <message>
        <location line="+59" />
        <source>Earlier answers could not be restored: {0}</source>
        <translation>之前的答案无法恢复：{0}</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Answered {0} of {1} · required {2} of {3}</source>
        <translation>已答 {0}/{1} 题 · 必答 {2}/{3} 题</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Red flag — the attending doctor is alerted when you save:</source>
        <translation>危急值提醒——保存后将通知主治医生：</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Hang up before leaving this follow-up.</source>
        <translation>离开本次随访前请先挂断电话。</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Questions left</source>
        <translation>尚有未答题目</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{0} required questions are not answered ({1}…). Save as a partial follow-up?</source>
        <translation>有 {0} 道必答题未回答（{1}…）。是否保存为部分完成的随访？</translation>
    </message>
    <message>
        <location line="+19" />
        <source>[{0}] {1}, please remember your re-visit; bring your discharge papers.</source>
        <translation>【{0}】{1}，请记得按时复诊，并携带出院小结等出院资料。</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Hang up before saving the follow-up.</source>
        <translation>保存随访前请先挂断电话。</translation>
    </message>
    <message>
        <location line="+27" />
        <source>The follow-up was not saved: {0}. Your answers are still here.</source>
        <translation>随访未能保存：{0}。您填写的答案仍保留在此。</translation>
    </message>
</context>
<context>
    <name>HisAdminWidget</name>
    <message>
        <location filename="../../agent_app/ui/his_admin.py" line="+106" />
        <source>Import discharged patients</source>
        <translation>导入出院患者</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Discharge exports (*.csv *.xlsx)</source>
        <translation>出院数据导出文件 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location line="+28" />
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+19" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="-18" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Trigger</source>
        <translation>触发方式</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rows in</source>
        <translation>读入行数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Created</source>
        <translation>新增</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unchanged</source>
        <translation>未变化</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tasks created</source>
        <translation>新建任务</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tasks updated</source>
        <translation>更新任务</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tasks cancelled</source>
        <translation>取消任务</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+6" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Visit number</source>
        <translation>就诊号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Plan</source>
        <translation>随访方案</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Questionnaire</source>
        <translation>问卷</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Days after discharge</source>
        <translation>出院后天数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Attempts</source>
        <translation>拨打次数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Retry after (min)</source>
        <translation>重拨间隔（分钟）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>SMS before call</source>
        <translation>电话前发送短信</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Calling hours</source>
        <translation>拨打时段</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Import runs</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rejected rows</source>
        <translation>被拒绝的行</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Follow-up plans</source>
        <translation>随访方案</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Import a file…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location line="+60" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0" />
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Could not load the import history: {0}</source>
        <translation>无法加载导入历史：{0}</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Importing {0}…</source>
        <translation>正在导入 {0}…</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Imported: {0} rows, {1} new, {2} corrected, {3} unchanged, {4} rejected; {5} follow-up tasks created.</source>
        <translation>导入完成：共 {0} 行，新增 {1} 行，更正 {2} 行，未变化 {3} 行，拒绝 {4} 行；已生成 {5} 个随访任务。</translation>
    </message>
    <message>
        <location line="+17" />
        <source>The import stopped: {0}</source>
        <translation>导入已中断：{0}</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../../agent_app/ui/translations.py" line="+219" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Language changed. Every window shows it from your next sign-in.</source>
        <translation>界面语言已切换，下次登录后所有窗口都将使用新语言。</translation>
    </message>
</context>
<context>
    <name>LineStatusLabel</name>
    <message>
        <location filename="../../agent_app/ui/line_status.py" line="+15" />
        <source>phone line</source>
        <translation>电话线路</translation>
    </message>
    <message>
        <location line="+18" />
        <source>The phone device was disconnected.</source>
        <translation>电话设备已断开连接。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>device disconnected</source>
        <translation>设备已断开</translation>
    </message>
    <message>
        <location line="+3" />
        <source>registered</source>
        <translation>已注册</translation>
    </message>
    <message>
        <location line="+1" />
        <source>registering…</source>
        <translation>正在注册…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>not registered</source>
        <translation>未注册</translation>
    </message>
    <message>
        <location line="+1" />
        <source>registration failed</source>
        <translation>注册失败</translation>
    </message>
    <message>
        <location line="+1" />
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Line: {0} — {1}</source>
        <translation>线路：{0} — {1}</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../agent_app/ui/lock_screen.py" line="+78" />
        <source>The desk is locked</source>
        <translation>工作台已锁定</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Signed in: {0}</source>
        <translation>当前登录：{0}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Type your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Wrong password.</source>
        <translation>密码错误。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The password could not be checked: {0}</source>
        <translation>无法验证密码：{0}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../agent_app/ui/login_dialog.py" line="+42" />
        <source>Follow-up Desk — Sign in</source>
        <translation>随访工作台 — 登录</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remember me on this computer</source>
        <translation>在此电脑上记住密码</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;User</source>
        <translation>用户(&amp;U)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Patient follow-up desk</source>
        <translation>患者随访工作台</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Follow-up agent</source>
        <translation>随访员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Quality</source>
        <translation>质控员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Type your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <location line="+12" />
        <source>This computer has no keyring; the password was not remembered.</source>
        <translation>此电脑没有可用的密钥环，密码未被记住。</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Unknown user or wrong password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Sign-in failed: {0}</source>
        <translation>登录失败：{0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../agent_app/ui/main_window.py" line="+99" />
        <source>Follow-up Desk — {0}</source>
        <translation>随访工作台 — {0}</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Due in 7 days</source>
        <translation>7 天内到期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>All open</source>
        <translation>全部待办</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Queue</source>
        <translation>随访队列</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Show: </source>
        <translation>显示：</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Next follow-up</source>
        <translation>下一个随访(&amp;N)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Open the first due follow-up (Ctrl+N)</source>
        <translation>打开第一个到期的随访 (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Switch user</source>
        <translation>切换用户(&amp;S)</translation>
    </message>
    <message>
        <location line="+15" />
        <source>&amp;Lock the desk</source>
        <translation>锁定工作台(&amp;L)</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+13" />
        <source>{0} · {1} · {2}</source>
        <translation>{0} · {1} · {2}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Central database: not configured (local store only)</source>
        <translation>中心数据库：未配置（仅使用本地数据）</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Central database: connecting…</source>
        <translation>中心数据库：正在连接…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Central database: online</source>
        <translation>中心数据库：在线</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Central database: offline</source>
        <translation>中心数据库：离线</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Caller</source>
        <translation>来电人</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Simulate a patient calling back</source>
        <translation>模拟患者回电</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Follow-up of the caller selected.</source>
        <translation>已选中来电人的随访任务。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The caller has no open follow-up in your queue.</source>
        <translation>您的队列中没有该来电人的待办随访。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Follow-up agent</source>
        <translation>随访员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Quality</source>
        <translation>质控员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location line="+24" />
        <source>{0} follow-ups</source>
        <translation>{0} 个随访</translation>
    </message>
    <message>
        <location line="+24" />
        <source>No follow-up is due.</source>
        <translation>当前没有到期的随访。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Finish or leave the follow-up on screen first.</source>
        <translation>请先完成或暂离当前随访。</translation>
    </message>
    <message>
        <location line="+18" />
        <source>This follow-up is already closed.</source>
        <translation>此随访已结束。</translation>
    </message>
    <message>
        <location line="+42" />
        <source>Saved. The next call is due {0}.</source>
        <translation>已保存。下次拨打时间为 {0}。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Saved. The follow-up is closed.</source>
        <translation>已保存。本次随访已结束。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The attending doctor has been alerted.</source>
        <translation>已通知主治医生。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Your unfinished follow-up was restored with every answer.</source>
        <translation>您未完成的随访已恢复，所有答案均已保留。</translation>
    </message>
</context>
<context>
    <name>PatientPanel</name>
    <message>
        <location filename="../../agent_app/ui/followup/patient_panel.py" line="+38" />
        <source>Phone numbers</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Calls so far</source>
        <translation>通话记录</translation>
    </message>
    <message>
        <location line="+11" />
        <source>{0} · {1} · {2} years</source>
        <translation>{0} · {1} · {2}岁</translation>
    </message>
    <message>
        <location line="+4" />
        <source>MRN</source>
        <translation>病案号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Stay</source>
        <translation>住院时间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Doctor</source>
        <translation>主治医生</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Nurse</source>
        <translation>责任护士</translation>
    </message>
    <message>
        <location line="+17" />
        <source>No calls yet.</source>
        <translation>暂无通话记录。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Dial</source>
        <translation>拨号</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Dial this number (Alt+{0})</source>
        <translation>拨打此号码 (Alt+{0})</translation>
    </message>
</context>
<context>
    <name>PopCard</name>
    <message>
        <location filename="../../agent_app/ui/pop_card.py" line="+71" />
        <source>Answer</source>
        <translation>接听</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Reject</source>
        <translation>拒接</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Open follow-up</source>
        <translation>打开随访</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Several patients share this number. Who is it?</source>
        <translation>多位患者使用此号码，请确认来电的是哪一位？</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Search patient by name, MRN or phone</source>
        <translation>按姓名、病案号或电话搜索患者</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Caller's name</source>
        <translation>来电人姓名</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Create contact for patient…</source>
        <translation>为患者新建联系人…</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Incoming call · {0}{1} · {2}</source>
        <translation>来电 · {0}{1} · {2}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ringing…</source>
        <translation>振铃中…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Blacklisted number: {0}</source>
        <translation>黑名单号码：{0}</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The caller's number is not available (out of area).</source>
        <translation>无法获取来电号码（区域外）。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The caller withheld their number. Ask who is calling.</source>
        <translation>来电隐藏了号码，请询问对方身份。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Unknown caller: no patient or family contact has this number.</source>
        <translation>未知来电：没有患者或家属联系人使用此号码。</translation>
    </message>
    <message>
        <location line="+28" />
        <source>No patient found.</source>
        <translation>未找到患者。</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Connected</source>
        <translation>已接通</translation>
    </message>
    <message>
        <location line="+10" />
        <source>{0} ({1}) · {2} open follow-ups · discharged {3}</source>
        <translation>{0}（{1}）· {2} 个待办随访 · 出院日期 {3}</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Search for the patient and select them first.</source>
        <translation>请先搜索并选择患者。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Type the caller's name first.</source>
        <translation>请先输入来电人姓名。</translation>
    </message>
    <message>
        <location line="+12" />
        <source>the patient</source>
        <translation>患者本人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>spouse</source>
        <translation>配偶</translation>
    </message>
    <message>
        <location line="+1" />
        <source>son</source>
        <translation>儿子</translation>
    </message>
    <message>
        <location line="+1" />
        <source>daughter</source>
        <translation>女儿</translation>
    </message>
    <message>
        <location line="+1" />
        <source>parent</source>
        <translation>父母</translation>
    </message>
    <message>
        <location line="+1" />
        <source>sibling</source>
        <translation>兄弟姐妹</translation>
    </message>
    <message>
        <location line="+1" />
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+6" />
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <location line="+1" />
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <location line="+1" />
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+7" />
        <source>{0}, {1} of {2}</source>
        <translation>{0}，{2}的{1}</translation>
    </message>
    <message>
        <location line="+8" />
        <source>&lt;p&gt;A patient of &lt;b&gt;{0}&lt;/b&gt;. You may not see this patient's details: transfer the call to that department.&lt;/p&gt;</source>
        <translation>&lt;p&gt;该患者属于&lt;b&gt;{0}&lt;/b&gt;。您无权查看此患者的详细信息，请将电话转接至该科室。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+7" />
        <source>another department</source>
        <translation>其他科室</translation>
    </message>
    <message>
        <location line="+6" />
        <source>{0} · {1} years · MRN {2} · ID {3}</source>
        <translation>{0} · {1}岁 · 病案号 {2} · 身份证号 {3}</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Caller: {0}</source>
        <translation>来电人：{0}</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Discharged {0} · {1} ({2}) · {3} {4}</source>
        <translation>出院日期 {0} · {1}（{2}）· {3} {4}</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Attending doctor: {0} · nurse: {1}</source>
        <translation>主治医生：{0} · 责任护士：{1}</translation>
    </message>
    <message>
        <location line="+8" />
        <source>&lt;b&gt;Open follow-up:&lt;/b&gt; {0} · L{1} · due {2} · attempt {3}/{4}</source>
        <translation>&lt;b&gt;待办随访：&lt;/b&gt;{0} · L{1} · 应随访 {2} · 第 {3}/{4} 次拨打</translation>
    </message>
    <message>
        <location line="+3" />
        <source>follow-up</source>
        <translation>随访</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Questionnaire stopped at {0} of {1} questions; it continues from there.</source>
        <translation>问卷已答到第 {0} 题（共 {1} 题），将从该处继续。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>No open follow-up.</source>
        <translation>没有待办的随访。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Last call: {0} · {1} · {2} · {3}</source>
        <translation>最近通话：{0} · {1} · {2} · {3}</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Last result: {0} · {1} · satisfaction {2}</source>
        <translation>最近随访结果：{0} · {1} · 满意度 {2}</translation>
    </message>
</context>
<context>
    <name>QuestionBox</name>
    <message>
        <location filename="../../agent_app/ui/followup/question_box.py" line="+57" />
        <source>Unable to answer</source>
        <translation>无法回答</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Refused</source>
        <translation>拒绝回答</translation>
    </message>
</context>
<context>
    <name>QueueFilterBar</name>
    <message>
        <location filename="../../agent_app/ui/queue_filters.py" line="+43" />
        <source>Search name, MRN or phone (Ctrl+F)</source>
        <translation>搜索姓名、病案号或电话 (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pending</source>
        <translation>待随访</translation>
    </message>
    <message>
        <location line="+1" />
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location line="+2" />
        <source>All levels</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <location line="+1" />
        <source>L1 own follow-ups</source>
        <translation>L1 本人随访</translation>
    </message>
    <message>
        <location line="+1" />
        <source>L2 department spot-checks</source>
        <translation>L2 科室抽查</translation>
    </message>
    <message>
        <location line="+1" />
        <source>L3 hospital spot-checks</source>
        <translation>L3 全院抽查</translation>
    </message>
    <message>
        <location line="+2" />
        <source>All departments</source>
        <translation>全部科室</translation>
    </message>
</context>
<context>
    <name>ScreenPop</name>
    <message>
        <location filename="../../agent_app/ui/screen_pop.py" line="+89" />
        <location line="+187" />
        <source>Incoming call</source>
        <translation>来电</translation>
    </message>
    <message>
        <location line="-144" />
        <source>Rejected a call from a blacklisted number ({0}).</source>
        <translation>已拒接黑名单号码的来电（{0}）。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The caller could not be looked up: {0}</source>
        <translation>无法查询来电人：{0}</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Missed call: the caller hung up.</source>
        <translation>未接来电：对方已挂断。</translation>
    </message>
    <message>
        <location line="+61" />
        <source>There is no caller number to save.</source>
        <translation>没有可保存的来电号码。</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Saved {0} as a contact of the patient.</source>
        <translation>已将 {0} 保存为患者的联系人。</translation>
    </message>
    <message>
        <location line="+88" />
        <source>The patient could not be looked up: {0}</source>
        <translation>无法查询患者：{0}</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Could not save the call record: {0}</source>
        <translation>无法保存通话记录：{0}</translation>
    </message>
</context>
<context>
    <name>ScriptPanel</name>
    <message>
        <location filename="../../agent_app/ui/followup/script_panel.py" line="+27" />
        <source>This follow-up plan has no call script.</source>
        <translation>此随访方案没有通话话术。</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Not known for this patient: {0}</source>
        <translation>该患者缺少以下信息：{0}</translation>
    </message>
</context>
<context>
    <name>ScriptTab</name>
    <message>
        <location filename="../../agent_app/ui/admin/script_tab.py" line="+70" />
        <location line="+34" />
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="-34" />
        <location line="+35" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="-35" />
        <source>Plans</source>
        <translation>随访计划</translation>
    </message>
    <message>
        <location line="+3" />
        <source>New scrip&amp;t</source>
        <translation>新建话术(&amp;T)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Insert a placeholder…</source>
        <translation>插入占位符…</translation>
    </message>
    <message>
        <location line="+12" />
        <source>&amp;Save script</source>
        <translation>保存话术(&amp;S)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Preview with sample values</source>
        <translation>使用示例值预览</translation>
    </message>
    <message>
        <location line="+42" />
        <location line="+19" />
        <source>Discard changes?</source>
        <translation>放弃修改？</translation>
    </message>
    <message>
        <location line="-18" />
        <source>The script in the editor is not saved. Discard it and open {0}?</source>
        <translation>编辑器中的话术尚未保存。是否放弃修改并打开 {0}？</translation>
    </message>
    <message>
        <location line="+19" />
        <source>The script in the editor is not saved. Discard it?</source>
        <translation>编辑器中的话术尚未保存。是否放弃修改？</translation>
    </message>
    <message>
        <location line="+6" />
        <source>New call script</source>
        <translation>新建通话话术</translation>
    </message>
    <message>
        <location line="+29" />
        <source>OK — {0} sections, {1} placeholders</source>
        <translation>检查通过 — 共 {0} 节，{1} 个占位符</translation>
    </message>
    <message>
        <location line="+17" />
        <location line="+36" />
        <source>Not saved: {0}</source>
        <translation>未保存：{0}</translation>
    </message>
    <message>
        <location line="-16" />
        <source>Created script '{0}'.</source>
        <translation>已创建话术“{0}”。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Saved script '{0}'; the previous text is kept in the audit log.</source>
        <translation>已保存话术“{0}”；修改前的内容已保留在审计日志中。</translation>
    </message>
    <message>
        <location line="+13" />
        <source>the store could not be written ({0})</source>
        <translation>无法写入数据库（{0}）</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The scripts could not be read: {0}</source>
        <translation>无法读取话术：{0}</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../../agent_app/ui/sync_status.py" line="+32" />
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Send saved work and fetch changes now</source>
        <translation>立即上传已保存的工作并获取最新变更</translation>
    </message>
    <message>
        <location line="+13" />
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location line="+9" />
        <source>syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>not yet synced</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location line="+2" />
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location line="+2" />
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Sync: {0}</source>
        <translation>同步：{0}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{0} pending</source>
        <translation>{0} 条待上传</translation>
    </message>
    <message>
        <location line="+1" />
        <source>last {0}</source>
        <translation>上次 {0}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{0} refused</source>
        <translation>{0} 条被拒绝</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Last complete sync: {0}</source>
        <translation>上次完整同步：{0}</translation>
    </message>
</context>
<context>
    <name>TaskQueueModel</name>
    <message>
        <location filename="../../agent_app/ui/task_queue_model.py" line="+51" />
        <source>Due</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location line="+1" />
        <source>MRN</source>
        <translation>病案号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Plan</source>
        <translation>随访方案</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Attempts</source>
        <translation>拨打次数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Pending</source>
        <translation>待随访</translation>
    </message>
    <message>
        <location line="+1" />
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <location filename="../../agent_app/ui/template_editor.py" line="+46" />
        <source>Import a questionnaire template</source>
        <translation>导入问卷模板</translation>
    </message>
    <message>
        <location line="+2" />
        <source>JSON (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Questionnaire templates and call scripts</source>
        <translation>问卷模板与通话话术</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Questionnaire &amp;templates</source>
        <translation>问卷模板(&amp;T)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Call &amp;scripts</source>
        <translation>通话话术(&amp;S)</translation>
    </message>
</context>
<context>
    <name>TemplatePreview</name>
    <message>
        <location filename="../../agent_app/ui/admin/template_preview.py" line="+18" />
        <source>Preview (try the answers; nothing is saved)</source>
        <translation>预览（可试填答案，不会保存）</translation>
    </message>
</context>
<context>
    <name>TemplateTab</name>
    <message>
        <location filename="../../agent_app/ui/admin/template_tab.py" line="+84" />
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Specialty</source>
        <translation>专科</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Plans</source>
        <translation>随访计划</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;New template</source>
        <translation>新建模板(&amp;N)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Import from file…</source>
        <translation>从文件导入(&amp;I)…</translation>
    </message>
    <message>
        <location line="+12" />
        <source>&amp;Retire the previous version and move its plans to the new one</source>
        <translation>停用旧版本，并将其随访方案改用新版本(&amp;R)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Save as new version</source>
        <translation>另存为新版本(&amp;S)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <location line="+45" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0" />
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+40" />
        <location line="+32" />
        <source>Discard changes?</source>
        <translation>放弃修改？</translation>
    </message>
    <message>
        <location line="-31" />
        <source>The template in the editor is not saved. Discard it and open {0}?</source>
        <translation>编辑器中的模板尚未保存。是否放弃修改并打开 {0}？</translation>
    </message>
    <message>
        <location line="+22" />
        <source>New version {2} of '{0}', copied from version {1}. Saving adds it; version {1} and the results answered with it stay as they are.</source>
        <translation>“{0}”的新版本 {2}，复制自版本 {1}。保存后将新增此版本；版本 {1} 及用它填写的随访结果保持不变。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The template in the editor is not saved. Discard it?</source>
        <translation>编辑器中的模板尚未保存。是否放弃修改？</translation>
    </message>
    <message>
        <location line="+5" />
        <source>A new template: give it its own code; it is saved as version 1.</source>
        <translation>新模板：请为其设置唯一编码；保存后为版本 1。</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Imported from {0}; check it, then save it as a new version.</source>
        <translation>已从 {0} 导入；请检查后另存为新版本。</translation>
    </message>
    <message>
        <location line="+23" />
        <source>OK — {0} questions, {1} red-flag rules</source>
        <translation>检查通过 — 共 {0} 道题，{1} 条危急值预警规则</translation>
    </message>
    <message>
        <location line="+17" />
        <location line="+59" />
        <source>Not saved: {0}</source>
        <translation>未保存：{0}</translation>
    </message>
    <message>
        <location line="-44" />
        <source>Removed: {0}</source>
        <translation>已删除：{0}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Answers stored under version {0} may not fit version {1}:

{2}

Those results keep pointing at version {0}. Save version {1} anyway?</source>
        <translation>按版本 {0} 保存的答案可能与版本 {1} 不兼容：

{2}

这些随访结果仍关联版本 {0}。仍要保存版本 {1} 吗？</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Incompatible with stored answers</source>
        <translation>与已保存的答案不兼容</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Not saved.</source>
        <translation>未保存。</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Saved version {1} of '{0}'.</source>
        <translation>已保存“{0}”的版本 {1}。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{0} plans now use it.</source>
        <translation>现有 {0} 个随访方案使用此版本。</translation>
    </message>
    <message>
        <location line="+12" />
        <source>the store could not be written ({0})</source>
        <translation>无法写入数据库（{0}）</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The templates could not be read: {0}</source>
        <translation>无法读取模板：{0}</translation>
    </message>
</context>
<context>
    <name>WrapUpPanel</name>
    <message>
        <location filename="../../agent_app/ui/followup/wrapup_panel.py" line="+62" />
        <source>Wrap-up</source>
        <translation>结束处理</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Notes for the next caller and the doctor</source>
        <translation>给下一位随访员和医生的备注</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Send a re-visit reminder by SMS</source>
        <translation>发送复诊提醒短信</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save and close (Ctrl+S)</source>
        <translation>保存并结束 (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Leave for later</source>
        <translation>稍后处理</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Back to the queue; the answers stay saved here</source>
        <translation>返回队列；已填答案会保留</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Outcome</source>
        <translation>随访结果</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Call back at</source>
        <translation>回拨时间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="-42" />
        <source>Reached — follow-up done</source>
        <translation>已接通——随访完成</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Busy</source>
        <translation>占线</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Call back later</source>
        <translation>稍后回拨</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Refused the follow-up</source>
        <translation>拒绝随访</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Wrong number</source>
        <translation>号码错误</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Number does not exist</source>
        <translation>空号</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Patient deceased</source>
        <translation>患者已故</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Our line failed</source>
        <translation>本方线路故障</translation>
    </message>
</context>
</TS>
