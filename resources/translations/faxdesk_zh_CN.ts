<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ApplicationDialog</name>
    <message>
        <location filename="../../faxdesk/ui/app_dialog.py" line="51"/>
        <source>New fax application</source>
        <translation>新建传真应用</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/app_dialog.py" line="52"/>
        <source>Edit fax application</source>
        <translation>编辑传真应用</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/app_dialog.py" line="57"/>
        <source>e.g. Front office</source>
        <translation>例如：前台</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/app_dialog.py" line="58"/>
        <source>Active (sends and receives faxes)</source>
        <translation>启用（收发传真）</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/app_dialog.py" line="62"/>
        <source>Lowest latency (automatic)</source>
        <translation>最低延迟（自动）</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/app_dialog.py" line="68"/>
        <location filename="../../faxdesk/ui/app_dialog.py" line="73"/>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/app_dialog.py" line="69"/>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/app_dialog.py" line="69"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/app_dialog.py" line="71"/>
        <location filename="../../faxdesk/ui/app_dialog.py" line="82"/>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/app_dialog.py" line="76"/>
        <source>From anyone</source>
        <translation>接受任何来源</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/app_dialog.py" line="77"/>
        <source>Only from my connections</source>
        <translation>仅接受我的连接</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/app_dialog.py" line="84"/>
        <source>needed to send faxes</source>
        <translation>发送传真必需</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/app_dialog.py" line="86"/>
        <source>comma-separated, e.g. office, billing</source>
        <translation>以逗号分隔，例如：office, billing</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/app_dialog.py" line="88"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/app_dialog.py" line="89"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/app_dialog.py" line="91"/>
        <source>&amp;Anchor site:</source>
        <translation>锚定站点(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/app_dialog.py" line="92"/>
        <source>&amp;Tags:</source>
        <translation>标签(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/app_dialog.py" line="94"/>
        <source>Webhooks</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/app_dialog.py" line="95"/>
        <source>&amp;Webhook URL:</source>
        <translation>Webhook 地址(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/app_dialog.py" line="96"/>
        <source>&amp;Failover URL:</source>
        <translation>备用地址(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/app_dialog.py" line="97"/>
        <source>T&amp;imeout:</source>
        <translation>超时(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/app_dialog.py" line="99"/>
        <source>Receiving</source>
        <translation>接收</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/app_dialog.py" line="100"/>
        <source>Channel &amp;limit:</source>
        <translation>通道上限(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/app_dialog.py" line="101"/>
        <source>&amp;SIP subdomain:</source>
        <translation>SIP 子域名(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/app_dialog.py" line="102"/>
        <source>Accept SIP &amp;calls:</source>
        <translation>接受 SIP 呼叫(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/app_dialog.py" line="105"/>
        <source>Sending</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/app_dialog.py" line="106"/>
        <source>Channel li&amp;mit:</source>
        <translation>通道上限(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/app_dialog.py" line="107"/>
        <source>Outbound &amp;voice profile:</source>
        <translation>出站语音配置(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/app_dialog.py" line="244"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/app_dialog.py" line="244"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>ApplicationOperations</name>
    <message>
        <location filename="../../faxdesk/ui/app_operations.py" line="56"/>
        <source>Saved application {name}.</source>
        <translation>已保存应用 {name}。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/app_operations.py" line="61"/>
        <source>Delete application</source>
        <translation>删除应用</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/app_operations.py" line="62"/>
        <source>Delete the fax application “{name}” from your Telnyx account? Numbers assigned to it stop receiving faxes.</source>
        <translation>要从您的 Telnyx 账户中删除传真应用“{name}”吗？分配给它的号码将无法再接收传真。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/app_operations.py" line="64"/>
        <source>&amp;Delete application</source>
        <translation>删除应用(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/app_operations.py" line="70"/>
        <source>Deleted {name}.</source>
        <translation>已删除 {name}。</translation>
    </message>
</context>
<context>
    <name>ApplicationsPane</name>
    <message>
        <location filename="../../faxdesk/ui/apps_pane.py" line="35"/>
        <location filename="../../faxdesk/ui/apps_pane.py" line="43"/>
        <location filename="../../faxdesk/ui/first_frame.py" line="200"/>
        <source>Fax applications</source>
        <extracomment>The selected application id, or &quot;&quot; for all applications.</extracomment>
        <translation>传真应用</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/apps_pane.py" line="47"/>
        <source>New application…</source>
        <translation>新建应用…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/apps_pane.py" line="48"/>
        <source>Edit application…</source>
        <translation>编辑应用…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/apps_pane.py" line="49"/>
        <source>Delete application…</source>
        <translation>删除应用…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/apps_pane.py" line="72"/>
        <source>All applications</source>
        <translation>全部应用</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/apps_pane.py" line="79"/>
        <source>{name} (inactive)</source>
        <translation>{name}（已停用）</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/apps_pane.py" line="82"/>
        <source>ID {id}</source>
        <translation>ID {id}</translation>
    </message>
</context>
<context>
    <name>ContactEditDialog</name>
    <message>
        <location filename="../../faxdesk/ui/contacts_dialog.py" line="53"/>
        <source>New contact</source>
        <translation>新建联系人</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/contacts_dialog.py" line="53"/>
        <source>Edit contact</source>
        <translation>编辑联系人</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/contacts_dialog.py" line="57"/>
        <source>e.g. +1 312 555 0100</source>
        <translation>例如：+86 10 5555 0100</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/contacts_dialog.py" line="67"/>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/contacts_dialog.py" line="68"/>
        <source>Fax number:</source>
        <translation>传真号码：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/contacts_dialog.py" line="69"/>
        <source>Company:</source>
        <translation>公司：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/contacts_dialog.py" line="70"/>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
</context>
<context>
    <name>ContactsDialog</name>
    <message>
        <location filename="../../faxdesk/ui/contacts_dialog.py" line="102"/>
        <location filename="../../faxdesk/ui/contacts_dialog.py" line="122"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/contacts_dialog.py" line="108"/>
        <source>Search names, companies and numbers</source>
        <translation>搜索姓名、公司和号码</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/contacts_dialog.py" line="110"/>
        <source>Search contacts</source>
        <translation>搜索联系人</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/contacts_dialog.py" line="113"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/contacts_dialog.py" line="113"/>
        <source>Fax number</source>
        <translation>传真号码</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/contacts_dialog.py" line="113"/>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/contacts_dialog.py" line="113"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/contacts_dialog.py" line="134"/>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/contacts_dialog.py" line="136"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/contacts_dialog.py" line="138"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/contacts_dialog.py" line="140"/>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/contacts_dialog.py" line="142"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/contacts_dialog.py" line="144"/>
        <source>Add as recipient</source>
        <translation>添加为收件人</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/contacts_dialog.py" line="202"/>
        <source>No contacts yet. Add one, or import a CSV file.</source>
        <translation>还没有联系人。请添加一个，或导入 CSV 文件。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/contacts_dialog.py" line="203"/>
        <source>No contacts</source>
        <translation>没有联系人</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/contacts_dialog.py" line="263"/>
        <source>Delete contact</source>
        <translation>删除联系人</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/contacts_dialog.py" line="264"/>
        <source>Delete {name} from your contacts?</source>
        <translation>要从联系人中删除 {name} 吗？</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/contacts_dialog.py" line="266"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/contacts_dialog.py" line="280"/>
        <source>Import contacts</source>
        <translation>导入联系人</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/contacts_dialog.py" line="281"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/contacts_dialog.py" line="288"/>
        <source>Nothing was imported: {error}</source>
        <translation>未导入任何内容：{error}</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/contacts_dialog.py" line="291"/>
        <source>Imported {added} new and updated {updated} contact(s).</source>
        <translation>已导入 {added} 个新联系人，更新 {updated} 个联系人。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/contacts_dialog.py" line="294"/>
        <source>line {line}: {reason}</source>
        <translation>第 {line} 行：{reason}</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/contacts_dialog.py" line="296"/>
        <source>Skipped {n}: {lines}</source>
        <translation>跳过 {n} 行：{lines}</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/contacts_dialog.py" line="303"/>
        <source>Export contacts</source>
        <translation>导出联系人</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/contacts_dialog.py" line="304"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../faxdesk/ui/contacts_dialog.py" line="311"/>
        <source>Exported %n contact(s) to {path}.</source>
        <translation>
            <numerusform>已将 %n 个联系人导出到 {path}。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cover</name>
    <message>
        <location filename="../../faxdesk/core/words.py" line="438"/>
        <source>FAX</source>
        <extracomment>Every text of the cover page (faxdesk.core.documents.cover.CoverWords), in the &quot;Cover&quot; context. The cover has its own language (the sender chooses it), so the window translates these with a translator for that language, not necessarily its own.</extracomment>
        <translation>传真</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="439"/>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="440"/>
        <source>From</source>
        <translation>发件人</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="441"/>
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="442"/>
        <source>Fax</source>
        <translation>传真号码</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="443"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="444"/>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="445"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="446"/>
        <source>Message</source>
        <translation>留言</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="447"/>
        <source>{total} (including this cover)</source>
        <translation>{total}（含本封面）</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="448"/>
        <source>If you received this fax in error, please tell the sender and destroy it.</source>
        <translation>如果您误收了这份传真，请告知发件人并将其销毁。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="450"/>
        <source>Page 1 of {total}</source>
        <translation>第 1 页，共 {total} 页</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="452"/>
        <source>{month_name} {day}, {year}</source>
        <translation>{year}年{month_name}{day}日</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="455"/>
        <source>January</source>
        <translation>1月</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="455"/>
        <source>February</source>
        <translation>2月</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="456"/>
        <source>March</source>
        <translation>3月</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="456"/>
        <source>April</source>
        <translation>4月</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="457"/>
        <source>May</source>
        <translation>5月</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="457"/>
        <source>June</source>
        <translation>6月</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="458"/>
        <source>July</source>
        <translation>7月</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="458"/>
        <source>August</source>
        <translation>8月</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="459"/>
        <source>September</source>
        <translation>9月</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="459"/>
        <source>October</source>
        <translation>10月</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="460"/>
        <source>November</source>
        <translation>11月</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="460"/>
        <source>December</source>
        <translation>12月</translation>
    </message>
</context>
<context>
    <name>CoverForm</name>
    <message>
        <location filename="../../faxdesk/ui/send_forms.py" line="46"/>
        <location filename="../../faxdesk/ui/send_forms.py" line="90"/>
        <source>Add a cover page</source>
        <translation>添加封面页</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_forms.py" line="51"/>
        <location filename="../../faxdesk/ui/send_forms.py" line="53"/>
        <source>From the contact when empty</source>
        <translation>留空时取自联系人</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_forms.py" line="61"/>
        <source>PNG or JPEG (optional)</source>
        <translation>PNG 或 JPEG（可选）</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_forms.py" line="62"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_forms.py" line="74"/>
        <source>The language of the cover page&apos;s labels and date; the window&apos;s language by default</source>
        <translation>封面上标签和日期所用的语言；默认与窗口语言相同</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_forms.py" line="77"/>
        <source>To:</source>
        <translation>收件人：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_forms.py" line="78"/>
        <source>Their company:</source>
        <translation>对方公司：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_forms.py" line="79"/>
        <source>From:</source>
        <translation>发件人：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_forms.py" line="80"/>
        <source>Your company:</source>
        <translation>您的公司：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_forms.py" line="81"/>
        <source>Subject:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_forms.py" line="82"/>
        <source>Message:</source>
        <translation>留言：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_forms.py" line="83"/>
        <source>Logo:</source>
        <translation>标志：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_forms.py" line="84"/>
        <source>Cover language:</source>
        <translation>封面语言：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_forms.py" line="88"/>
        <source>Logo file</source>
        <translation>徽标文件</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_forms.py" line="89"/>
        <source>Choose the logo file</source>
        <translation>选择徽标文件</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_forms.py" line="130"/>
        <source>Choose a logo</source>
        <translation>选择标志图片</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_forms.py" line="131"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>Direction</name>
    <message>
        <location filename="../../faxdesk/ui/first_frame.py" line="170"/>
        <location filename="../../faxdesk/ui/texts.py" line="24"/>
        <source>Received</source>
        <translation>收到</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/first_frame.py" line="171"/>
        <location filename="../../faxdesk/ui/texts.py" line="25"/>
        <source>Sent</source>
        <translation>发出</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <location filename="../../faxdesk/ui/send_documents.py" line="139"/>
        <source>Documents to send, in order</source>
        <translation>要发送的文档（按顺序）</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_documents.py" line="144"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_documents.py" line="146"/>
        <source>Add PDF documents or images</source>
        <translation>添加 PDF 文档或图片</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_documents.py" line="149"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_documents.py" line="152"/>
        <location filename="../../faxdesk/ui/send_documents.py" line="153"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_documents.py" line="156"/>
        <location filename="../../faxdesk/ui/send_documents.py" line="157"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_documents.py" line="159"/>
        <source>Remove the selected documents</source>
        <translation>移除所选文档</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_documents.py" line="160"/>
        <source>Make smaller</source>
        <translation>压缩</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_documents.py" line="162"/>
        <source>Re-render the selected scan at fax resolution (200 dpi) so it fits Telnyx&apos;s limit</source>
        <translation>以传真分辨率（200 dpi）重新渲染所选扫描件，使其符合 Telnyx 的大小限制</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_documents.py" line="193"/>
        <source>FaxDesk is closing; the file was not checked.</source>
        <translation>FaxDesk 正在关闭，未检查该文件。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_documents.py" line="147"/>
        <location filename="../../faxdesk/ui/send_documents.py" line="220"/>
        <source>Add documents</source>
        <translation>添加文档</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_documents.py" line="221"/>
        <source>Documents and images ({patterns})</source>
        <translation>文档和图片 ({patterns})</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_documents.py" line="284"/>
        <source>It could not be made smaller: {error}</source>
        <translation>无法压缩：{error}</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_documents.py" line="333"/>
        <source>making it smaller…</source>
        <translation>正在压缩…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_documents.py" line="335"/>
        <source>checking…</source>
        <translation>正在检查…</translation>
    </message>
</context>
<context>
    <name>DropZone</name>
    <message>
        <location filename="../../faxdesk/ui/dropzone.py" line="48"/>
        <source> and {n} more</source>
        <extracomment>File types Telnyx accepts (fax-api.md: PDF, TIFF, JPEG, PNG) and the intake converts.</extracomment>
        <translation> 及另外 {n} 个文件</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/dropzone.py" line="49"/>
        <source>{names} cannot be faxed: FaxDesk sends PDF documents and PNG, JPEG or TIFF images.</source>
        <translation>{names} 无法传真：FaxDesk 只能发送 PDF 文档以及 PNG、JPEG 或 TIFF 图片。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../faxdesk/core/words.py" line="139"/>
        <source>Application name</source>
        <extracomment>Telnyx&apos;s request fields as a person knows them (an error&apos;s `source.pointer`).</extracomment>
        <translation>应用名称</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="140"/>
        <location filename="../../faxdesk/core/words.py" line="165"/>
        <source>Webhook address</source>
        <translation>Webhook 地址</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="141"/>
        <source>Backup webhook address</source>
        <translation>备用 Webhook 地址</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="142"/>
        <source>Webhook timeout</source>
        <translation>Webhook 超时</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="143"/>
        <source>Media region</source>
        <translation>媒体区域</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="144"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="145"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="146"/>
        <source>Fax-to-email address</source>
        <translation>传真转电子邮件地址</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="147"/>
        <source>Outbound settings</source>
        <translation>外呼设置</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="148"/>
        <source>Outbound voice profile</source>
        <translation>外呼语音配置</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="149"/>
        <source>Outbound channel limit</source>
        <translation>外呼通道上限</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="150"/>
        <source>Inbound settings</source>
        <translation>呼入设置</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="151"/>
        <source>Inbound channel limit</source>
        <translation>呼入通道上限</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="152"/>
        <source>Recipient&apos;s fax number</source>
        <translation>收件人传真号码</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="153"/>
        <source>Sending number</source>
        <translation>发送号码</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="154"/>
        <source>Fax application</source>
        <translation>传真应用</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="155"/>
        <location filename="../../faxdesk/core/words.py" line="158"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="156"/>
        <source>Document link</source>
        <translation>文档链接</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="157"/>
        <source>Document name</source>
        <translation>文档名称</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="159"/>
        <source>How long Telnyx keeps the document</source>
        <translation>Telnyx 保留文档的时长</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="160"/>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="161"/>
        <source>Black threshold</source>
        <translation>黑色阈值</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="162"/>
        <source>Preview format</source>
        <translation>预览格式</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="163"/>
        <source>Caller name</source>
        <translation>来电显示名称</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="164"/>
        <source>FaxDesk&apos;s tracking token</source>
        <translation>FaxDesk 的跟踪标记</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="166"/>
        <source>Phone number</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="167"/>
        <source>T.38</source>
        <translation>T.38</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="168"/>
        <source>Pure black and white</source>
        <translation>纯黑白</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="173"/>
        <source>API address</source>
        <extracomment>Settings as the settings dialog names them (a setting&apos;s problem names the setting).</extracomment>
        <translation>API 地址</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="174"/>
        <source>Where the API key is kept</source>
        <translation>API 密钥的保存位置</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="175"/>
        <source>Default application</source>
        <translation>默认应用</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="176"/>
        <source>Default sending number</source>
        <translation>默认发送号码</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="177"/>
        <source>Checking while faxes are in progress</source>
        <translation>有传真进行中时的检查间隔</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="178"/>
        <source>Checking when idle</source>
        <translation>空闲时的检查间隔</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="179"/>
        <source>Webhook listener</source>
        <translation>Webhook 监听器</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="180"/>
        <source>Webhook listener address</source>
        <translation>Webhook 监听地址</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="181"/>
        <source>Webhook listener port</source>
        <translation>Webhook 监听端口</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="182"/>
        <source>Webhook public key</source>
        <translation>Webhook 公钥</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="183"/>
        <source>Default country</source>
        <translation>默认国家/地区</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="184"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="185"/>
        <source>Folder for the reports</source>
        <translation>报告文件夹</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="186"/>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="187"/>
        <source>Scan in</source>
        <translation>扫描模式</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="192"/>
        <source>“{name}” does not exist any more. Add the file again from where it is now.</source>
        <extracomment>What a document&apos;s problem (`DocumentError.refusal`) means, with what to do about it.</extracomment>
        <translation>“{name}”已不存在。请从它现在的位置重新添加该文件。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="194"/>
        <source>“{name}” is a folder. Add the documents inside it instead.</source>
        <translation>“{name}”是一个文件夹。请改为添加其中的文档。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="196"/>
        <source>“{name}” is not a regular file. Save the document as a file and add that.</source>
        <translation>“{name}”不是普通文件。请将文档另存为文件后再添加。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="198"/>
        <source>FaxDesk may not read “{name}”. Copy it to your Documents folder and add the copy.</source>
        <translation>FaxDesk 无权读取“{name}”。请将其复制到“文档”文件夹，然后添加副本。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="201"/>
        <source>“{name}” could not be read from the disk. Copy it to your Documents folder and add the copy.</source>
        <translation>无法从磁盘读取“{name}”。请将其复制到“文档”文件夹，然后添加副本。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="204"/>
        <source>“{name}” is empty (0 bytes). Save the document again and add the new file.</source>
        <translation>“{name}”是空文件（0 字节）。请重新保存文档并添加新文件。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="206"/>
        <source>“{name}” is not a PDF or an image. Save or print it as a PDF and add that.</source>
        <translation>“{name}”不是 PDF 或图片。请将其保存或打印为 PDF 后再添加。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="208"/>
        <source>“{name}” is encrypted in a way FaxDesk cannot open. Print it to a new PDF and add that.</source>
        <translation>“{name}”的加密方式 FaxDesk 无法打开。请将其打印为新的 PDF 后再添加。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="211"/>
        <source>“{name}” is protected by a password. Save a copy without the password and add that.</source>
        <translation>“{name}”受密码保护。请另存一份不带密码的副本后再添加。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="214"/>
        <source>“{name}” is damaged or incomplete. Open it in its program, save it again as a PDF and add the new file.</source>
        <translation>“{name}”已损坏或不完整。请用它的程序打开，重新保存为 PDF，然后添加新文件。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="217"/>
        <source>“{name}” has no pages to send.</source>
        <translation>“{name}”没有可发送的页面。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="218"/>
        <source>A page of “{name}” cannot be turned into a fax page. Print the document to a new PDF and add that.</source>
        <translation>“{name}”中有一页无法转换为传真页面。请将文档打印为新的 PDF 后再添加。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="254"/>
        <source>The request to Telnyx was stopped before Telnyx answered.</source>
        <translation>发往 Telnyx 的请求在 Telnyx 应答前已停止。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="257"/>
        <source>Telnyx&apos;s answer could not be read, so it may have been carried out. FaxDesk checks with Telnyx before doing it again.</source>
        <translation>无法读取 Telnyx 的应答，操作可能已经执行。FaxDesk 会先向 Telnyx 核实，再决定是否重做。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="262"/>
        <source>Telnyx did not answer in time. The request may have arrived; FaxDesk checks before repeating it. Check the internet connection.</source>
        <translation>Telnyx 未能及时应答。请求可能已经送达；FaxDesk 会先核实再重复。请检查网络连接。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="265"/>
        <source>FaxDesk could not reach Telnyx in time. Check the internet connection and try again.</source>
        <translation>FaxDesk 未能及时连上 Telnyx。请检查网络连接后重试。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="270"/>
        <source>The connection to Telnyx broke before it answered. The request may have arrived; FaxDesk checks before repeating it.</source>
        <translation>与 Telnyx 的连接在应答前中断。请求可能已经送达；FaxDesk 会先核实再重复。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="273"/>
        <source>FaxDesk could not connect to Telnyx. Check the internet connection and try again.</source>
        <translation>FaxDesk 无法连接到 Telnyx。请检查网络连接后重试。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="277"/>
        <source>FaxDesk could not talk to Telnyx. Check the internet connection and try again.</source>
        <translation>FaxDesk 无法与 Telnyx 通信。请检查网络连接后重试。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="283"/>
        <source>Telnyx did not accept the API key: it may be mistyped or revoked. Enter a current key from the Telnyx portal (API Keys) in Settings.</source>
        <translation>Telnyx 不接受此 API 密钥：它可能输错了或已被吊销。请在“设置”中输入 Telnyx 门户（API Keys）中的有效密钥。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="287"/>
        <source>This API key may not do that. Check the key&apos;s permissions in the Telnyx portal.</source>
        <translation>此 API 密钥无权执行该操作。请在 Telnyx 门户中检查密钥的权限。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="291"/>
        <source>The link to the document has expired. Refresh the fax to get a new one.</source>
        <translation>文档链接已过期。请刷新该传真以获取新链接。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="295"/>
        <source>Telnyx no longer has this item; it may have been deleted elsewhere. Refresh the list.</source>
        <translation>Telnyx 上已没有此项目，它可能已在别处被删除。请刷新列表。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="299"/>
        <source>Telnyx asked FaxDesk to slow down. Try again in a minute.</source>
        <translation>Telnyx 要求 FaxDesk 放慢请求速度。请一分钟后重试。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="302"/>
        <source>Telnyx has a temporary problem. Try again in a few minutes.</source>
        <translation>Telnyx 暂时出现问题。请几分钟后重试。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="305"/>
        <source>Telnyx sent an answer FaxDesk cannot read. Try again later.</source>
        <translation>Telnyx 返回了 FaxDesk 无法读取的应答。请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="307"/>
        <source>Telnyx did not accept the request.</source>
        <translation>Telnyx 未接受该请求。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="309"/>
        <source>Telnyx did not accept these values:</source>
        <translation>Telnyx 不接受以下值：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="328"/>
        <source>No API key yet: enter it in Settings, or try FaxDesk on the sandbox.</source>
        <extracomment>Why nothing can be asked of Telnyx yet.</extracomment>
        <translation>还没有 API 密钥：请在“设置”中输入，或在沙盒中试用 FaxDesk。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="331"/>
        <source>The received document is still being downloaded.</source>
        <extracomment>Why a received fax cannot be shown or opened yet.</extracomment>
        <translation>收到的文档仍在下载中。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="353"/>
        <source>The system keyring is locked. Unlock it (log in to the desktop, or open the keyring manager) and try again, or keep the key for this session only.</source>
        <translation>系统密钥环已锁定。请解锁（登录桌面或打开密钥环管理器）后重试，或仅在本次会话中保留密钥。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="357"/>
        <source>This computer has no keyring service to keep the API key in. Keep the key for this session only, or start a keyring (GNOME Keyring, KWallet) and try again.</source>
        <translation>这台电脑没有可保存 API 密钥的密钥环服务。请仅在本次会话中保留密钥，或启动密钥环（GNOME Keyring、KWallet）后重试。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="362"/>
        <source>The system keyring did not answer. Check that it is running and unlocked, or keep the key for this session only.</source>
        <translation>系统密钥环没有响应。请确认它正在运行且已解锁，或仅在本次会话中保留密钥。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="368"/>
        <source>The disk is full, so FaxDesk could not save {path}. Free some space and try again.</source>
        <translation>磁盘已满，FaxDesk 无法保存 {path}。请释放一些空间后重试。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="372"/>
        <source>FaxDesk may not write to {path}. Choose another folder, or check its permissions.</source>
        <translation>FaxDesk 无权写入 {path}。请选择其他文件夹，或检查其权限。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="379"/>
        <source>FaxDesk could not use the file {path}. Check that the disk is there and FaxDesk may use it.</source>
        <translation>FaxDesk 无法使用文件 {path}。请确认磁盘可用且 FaxDesk 有权使用它。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="387"/>
        <source>FaxDesk ran into an unexpected problem; nothing is lost. Try again, and report it if it keeps happening.</source>
        <translation>FaxDesk 遇到了意外问题，但没有丢失任何内容。请重试；如果问题反复出现，请报告。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="405"/>
        <source>Telnyx did not delete the fax application “{name}”.</source>
        <translation>Telnyx 没有删除传真应用“{name}”。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="410"/>
        <source>Phone numbers are still assigned to it. Assign them to another application in the Telnyx portal first, then delete it.</source>
        <translation>它仍分配有电话号码。请先在 Telnyx 门户中将这些号码分配给其他应用，然后再删除它。</translation>
    </message>
</context>
<context>
    <name>FailureReason</name>
    <message>
        <location filename="../../faxdesk/core/words.py" line="19"/>
        <source>Your Telnyx account is disabled. Check the account in the Telnyx portal.</source>
        <translation>您的 Telnyx 账户已被停用。请在 Telnyx 门户中检查账户。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="22"/>
        <source>The fax application had too many calls at once. Try again in a moment or raise its channel limit.</source>
        <translation>该传真应用同时进行的呼叫过多。请稍后重试，或提高其通道上限。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="26"/>
        <source>The fax number is not valid. Check the number and its country code.</source>
        <translation>传真号码无效。请检查号码及其国家/地区代码。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="28"/>
        <source>Faxing to this country is not allowed by your outbound voice profile&apos;s country list.</source>
        <translation>您的出站语音配置的国家/地区列表不允许向该国家/地区发送传真。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="31"/>
        <source>This destination is not part of your Telnyx service plan.</source>
        <translation>该目的地不在您的 Telnyx 服务套餐范围内。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="33"/>
        <source>The number could not be reached. Try again later.</source>
        <translation>无法接通该号码。请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="35"/>
        <source>The call was answered, but no fax machine responded. Check that the number is a fax line.</source>
        <translation>呼叫已接通，但没有传真机应答。请确认该号码是传真线路。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="39"/>
        <source>The fax machines could not agree on how to talk to each other.</source>
        <translation>双方传真机未能协商出通信方式。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="41"/>
        <source>The receiving fax machine sent an invalid error-correction response.</source>
        <translation>接收方传真机发送了无效的纠错（ECM）响应。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="43"/>
        <source>The fax application has no outbound voice profile, so it cannot send. Set one in the application&apos;s outbound settings.</source>
        <translation>该传真应用没有出站语音配置，因此无法发送。请在应用的出站设置中指定一个。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="47"/>
        <source>The outbound voice profile had too many calls at once. Try again in a moment.</source>
        <translation>出站语音配置同时进行的呼叫过多。请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="50"/>
        <source>The daily spending limit of the outbound voice profile was reached.</source>
        <translation>已达到出站语音配置的每日消费上限。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="52"/>
        <source>The receiving side hung up during the fax. Try sending it again.</source>
        <translation>接收方在传真过程中挂断。请重新发送。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="54"/>
        <source>The transmission to the receiving fax machine broke down.</source>
        <translation>向接收方传真机的传输中断。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="56"/>
        <source>The receiving side declined the call.</source>
        <translation>接收方拒绝了呼叫。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="58"/>
        <source>The number answered, but it is not a compatible fax machine.</source>
        <translation>该号码已应答，但不是兼容的传真机。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="60"/>
        <source>The carrier rejected the format of the fax number.</source>
        <translation>运营商拒绝了该传真号码的格式。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="62"/>
        <source>Nobody answered. Try again later.</source>
        <translation>无人应答。请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="64"/>
        <source>The receiving side did not respond. Try again later.</source>
        <translation>接收方没有响应。请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="66"/>
        <source>The receiving side stopped responding and the call timed out.</source>
        <translation>接收方停止响应，呼叫已超时。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="68"/>
        <source>This number is not in service.</source>
        <translation>该号码是空号。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="70"/>
        <source>The fax service was temporarily unavailable. Try again later.</source>
        <translation>传真服务暂时不可用。请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="72"/>
        <source>Your account may only fax verified numbers. Verify this number or upgrade the account.</source>
        <translation>您的账户只能向已验证的号码发送传真。请验证该号码或升级账户。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="75"/>
        <source>The sending number is not verified for this account.</source>
        <translation>发送号码尚未在此账户中验证。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="77"/>
        <source>The line was busy. Try again later.</source>
        <translation>线路忙。请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="79"/>
        <source>Your account had too many calls at once. Try again in a moment.</source>
        <translation>您的账户同时进行的呼叫过多。请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="81"/>
        <source>The sender hung up before the whole fax arrived.</source>
        <translation>发送方在传真完整送达前挂断了。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="83"/>
        <source>The fax was cancelled before it finished.</source>
        <translation>传真在完成前已被取消。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="85"/>
        <source>The phone carrier lost the call. Try sending it again.</source>
        <translation>电话运营商中断了呼叫。请重新发送。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="87"/>
        <source>The transmission from the sending fax machine broke down.</source>
        <translation>来自发送方传真机的传输中断。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="89"/>
        <source>Telnyx could not read the document. Send a PDF, TIFF, JPEG or PNG.</source>
        <translation>Telnyx 无法读取该文档。请发送 PDF、TIFF、JPEG 或 PNG 文件。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="91"/>
        <source>Telnyx could not fetch the document.</source>
        <translation>Telnyx 无法获取该文档。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="93"/>
        <source>The document is larger than the 50 MB Telnyx accepts.</source>
        <translation>文档超过了 Telnyx 允许的 50 MB 上限。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="95"/>
        <source>The document has more than the 350 pages Telnyx accepts.</source>
        <translation>文档超过了 Telnyx 允许的 350 页上限。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="97"/>
        <source>Telnyx could not convert the document into fax pages.</source>
        <translation>Telnyx 无法将该文档转换为传真页面。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/words.py" line="99"/>
        <source>The fax was rejected.</source>
        <translation>传真被拒绝。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/texts.py" line="95"/>
        <source>The fax failed ({reason}).</source>
        <translation>传真失败（{reason}）。</translation>
    </message>
</context>
<context>
    <name>FaxActions</name>
    <message>
        <location filename="../../faxdesk/ui/fax_actions.py" line="80"/>
        <source>The document arrives when the fax has been received.</source>
        <extracomment>In the order a person looks for them: the document first, then what changes the fax. Actions that work on several selected faxes at once.</extracomment>
        <translation>传真接收完成后即可查看文档。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_actions.py" line="82"/>
        <source>The document of this fax is not on this computer.</source>
        <translation>这份传真的文档不在这台电脑上。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_actions.py" line="85"/>
        <source>Telnyx can no longer stop this fax.</source>
        <translation>Telnyx 已无法停止这份传真。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_actions.py" line="87"/>
        <source>This fax was not sent from FaxDesk; its document is not here.</source>
        <translation>这份传真不是从 FaxDesk 发送的，文档不在这里。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_actions.py" line="95"/>
        <source>&amp;Delete {n} faxes…</source>
        <translation>删除 {n} 份传真(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_actions.py" line="97"/>
        <source>&amp;Discard…</source>
        <translation>丢弃(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_actions.py" line="98"/>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_actions.py" line="104"/>
        <source>&amp;Stop retrying</source>
        <translation>停止重试(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_actions.py" line="105"/>
        <source>&amp;Cancel sending</source>
        <translation>取消发送(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_actions.py" line="112"/>
        <location filename="../../faxdesk/ui/fax_actions.py" line="114"/>
        <source>Mark &amp;unread</source>
        <translation>标记为未读(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_actions.py" line="111"/>
        <location filename="../../faxdesk/ui/fax_actions.py" line="115"/>
        <source>Mark &amp;read</source>
        <translation>标记为已读(&amp;R)</translation>
    </message>
</context>
<context>
    <name>FaxDeskApp</name>
    <message>
        <location filename="../../faxdesk/ui/app.py" line="82"/>
        <source>Connected. The account has {n} fax application(s).</source>
        <translation>已连接。该账户有 {n} 个传真应用。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/sandbox_banner.py" line="28"/>
        <source> — Sandbox</source>
        <translation> — 沙盒</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/app.py" line="221"/>
        <source>Saved. The sandbox stays connected until FaxDesk restarts.</source>
        <translation>已保存。在 FaxDesk 重启之前仍保持连接沙盒。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/app.py" line="288"/>
        <source>FaxDesk&apos;s history file was damaged. It was kept as {path}, and a new one is filled again from your Telnyx account.</source>
        <translation>FaxDesk 的历史记录文件已损坏。它已保留为 {path}，并将从你的 Telnyx 账户重新填充一个新文件。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/app.py" line="396"/>
        <source>Starting the sandbox…</source>
        <translation>正在启动沙盒…</translation>
    </message>
</context>
<context>
    <name>FaxDetailPane</name>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="140"/>
        <location filename="../../faxdesk/ui/detail_pane.py" line="325"/>
        <source>No fax selected</source>
        <translation>未选择传真</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="166"/>
        <source>&amp;Cancel sending</source>
        <translation>取消发送(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="168"/>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="170"/>
        <source>&amp;Resend</source>
        <translation>重新发送(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="171"/>
        <source>&amp;Save PDF…</source>
        <translation>保存 PDF(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="172"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="173"/>
        <source>Mark &amp;read</source>
        <translation>标记为已读(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="174"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="175"/>
        <source>Transmission re&amp;port…</source>
        <translation>传输报告(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="190"/>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="196"/>
        <source>Direction:</source>
        <translation>方向：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="197"/>
        <source>From:</source>
        <translation>发件方：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="198"/>
        <source>To:</source>
        <translation>收件方：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="201"/>
        <source>Application:</source>
        <translation>应用：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="202"/>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="200"/>
        <source>Pages:</source>
        <translation>页数：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="204"/>
        <source>Call duration:</source>
        <translation>通话时长：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="205"/>
        <source>Quality:</source>
        <translation>质量：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="206"/>
        <source>Created:</source>
        <translation>创建时间：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="207"/>
        <source>Updated:</source>
        <translation>更新时间：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="65"/>
        <source>Failure code:</source>
        <translation>失败代码：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="66"/>
        <source>Internal reason:</source>
        <translation>内部原因：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="68"/>
        <source>Media name:</source>
        <translation>媒体名称：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="69"/>
        <source>Client state:</source>
        <translation>客户端状态：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="208"/>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="64"/>
        <source>Fax ID:</source>
        <extracomment>Timeline steps of a send not created on the server yet (see faxdesk.core.rows). Technical details: Telnyx&apos;s and FaxDesk&apos;s identifiers, for support and for the curious.</extracomment>
        <translation>传真 ID：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/timeline_words.py" line="32"/>
        <source>Sent from FaxDesk</source>
        <extracomment>Notes the engine writes in the timeline, in words.</extracomment>
        <translation>从 FaxDesk 发送</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/timeline_words.py" line="33"/>
        <source>Sent again from FaxDesk</source>
        <translation>从 FaxDesk 再次发送</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/timeline_words.py" line="34"/>
        <source>The link to the document was renewed</source>
        <translation>文档链接已更新</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/timeline_words.py" line="36"/>
        <source>The link to the document had expired</source>
        <translation>文档链接已过期</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="67"/>
        <source>Application ID:</source>
        <translation>应用 ID：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="70"/>
        <source>File on this computer:</source>
        <translation>本机文件：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/timeline_words.py" line="76"/>
        <source>Automatic retry {n} of {of} at {time}</source>
        <translation>第 {n} 次自动重试（共 {of} 次），时间 {time}</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/timeline_words.py" line="79"/>
        <source>Automatic retry {n} of {of} scheduled</source>
        <translation>已安排第 {n} 次自动重试（共 {of} 次）</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/timeline_words.py" line="82"/>
        <source>Attempt {n} of {of}</source>
        <translation>第 {n} 次尝试（共 {of} 次）</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="127"/>
        <source>Fax details</source>
        <extracomment>The size of a page&apos;s thumbnail: small enough for two across the narrowest pane.</extracomment>
        <translation>传真详情</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="167"/>
        <source>Retry &amp;now</source>
        <translation>立即重试(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="169"/>
        <source>Fetch a&amp;gain from Telnyx</source>
        <translation>从 Telnyx 重新获取(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="199"/>
        <source>Document:</source>
        <translation>文档：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="203"/>
        <source>Attempts:</source>
        <translation>尝试次数：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="219"/>
        <location filename="../../faxdesk/ui/detail_pane.py" line="224"/>
        <source>Status timeline</source>
        <translation>状态时间线</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="232"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="242"/>
        <source>Pages of the document</source>
        <translation>文档页面</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="260"/>
        <source>Technical details</source>
        <translation>技术详情</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="283"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="284"/>
        <source>Copy {what}</source>
        <translation>复制{what}</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="297"/>
        <source>Copy all technical details</source>
        <translation>复制全部技术详情</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="326"/>
        <source>Choose a fax in the list to see it here.</source>
        <translation>在列表中选择一份传真即可在此查看。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="336"/>
        <source>unknown number</source>
        <translation>未知号码</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="338"/>
        <source>Fax from {party}</source>
        <translation>来自 {party} 的传真</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="340"/>
        <source>Fax to {party}</source>
        <translation>发往 {party} 的传真</translation>
    </message>
    <message numerus="yes">
        <location filename="../../faxdesk/ui/detail_pane.py" line="344"/>
        <source>%n faxes selected</source>
        <translation>
            <numerusform>已选择 %n 份传真</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="362"/>
        <source>{n} s</source>
        <translation>{n} 秒</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="382"/>
        <source>The fax failed.</source>
        <translation>传真发送失败。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="384"/>
        <source>Attempt {n} failed: {reason}
FaxDesk tries again at {time}.</source>
        <translation>第 {n} 次尝试失败：{reason}
FaxDesk 将于 {time} 自动重试。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="391"/>
        <source>Failed after {n} attempts: {reason}</source>
        <translation>尝试 {n} 次后失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="421"/>
        <source>Ask Telnyx for this fax again, with a new link to its document; FaxDesk downloads the document if it is not on this computer yet.</source>
        <translation>向 Telnyx 重新获取这份传真及其文档的新链接；如果文档还不在这台电脑上，FaxDesk 会下载它。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="479"/>
        <source>Page {n}</source>
        <translation>第 {n} 页</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="483"/>
        <source>The first {n} pages are shown here; open the document to see all of them.</source>
        <translation>此处显示前 {n} 页；打开文档可查看全部页面。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="506"/>
        <source>Nothing was received, so there is no document.</source>
        <translation>未收到任何内容，因此没有文档。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="512"/>
        <source>FaxDesk&apos;s copy of the sent document is no longer on this computer.</source>
        <translation>FaxDesk 保存的已发送文档副本已不在这台电脑上。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="517"/>
        <source>The document “{name}” was not sent from FaxDesk on this computer, so it is not kept here.</source>
        <translation>文档“{name}”不是从这台电脑上的 FaxDesk 发送的，因此这里没有保存。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/detail_pane.py" line="519"/>
        <source>This fax was not sent from FaxDesk on this computer, so its document is not kept here.</source>
        <translation>这份传真不是从这台电脑上的 FaxDesk 发送的，因此这里没有保存它的文档。</translation>
    </message>
</context>
<context>
    <name>FaxListPane</name>
    <message>
        <location filename="../../faxdesk/ui/fax_list.py" line="78"/>
        <source>Show faxes sent or received</source>
        <extracomment>The date filter&apos;s choices: how many days back from today (0: today only), None for any time; &quot;range&quot; shows a From and a To date.</extracomment>
        <translation>显示发出或收到的传真</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_list.py" line="79"/>
        <source>Sent and received</source>
        <translation>已发送和已接收</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_list.py" line="80"/>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_list.py" line="81"/>
        <location filename="../../faxdesk/ui/fax_list.py" line="92"/>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_list.py" line="86"/>
        <source>Show faxes with status</source>
        <translation>按状态显示传真</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_list.py" line="88"/>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_list.py" line="89"/>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_list.py" line="90"/>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_list.py" line="91"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_list.py" line="93"/>
        <location filename="../../faxdesk/ui/main_window.py" line="920"/>
        <source>Unread</source>
        <translation>未读</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_list.py" line="100"/>
        <source>Show faxes from</source>
        <translation>显示以下时间的传真</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_list.py" line="101"/>
        <source>Any time</source>
        <translation>任何时间</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_list.py" line="101"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_list.py" line="101"/>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_list.py" line="102"/>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_list.py" line="102"/>
        <source>Last 12 months</source>
        <translation>最近 12 个月</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_list.py" line="103"/>
        <source>Between dates…</source>
        <translation>指定日期范围…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_list.py" line="114"/>
        <source>From date</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_list.py" line="117"/>
        <source>To date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_list.py" line="125"/>
        <source>Search faxes</source>
        <translation>搜索传真</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_list.py" line="127"/>
        <source>Finds a number however it is written, a contact&apos;s name, a status or a fax ID</source>
        <translation>无论号码如何书写都能找到，也可搜索联系人姓名、状态或传真 ID</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_list.py" line="129"/>
        <source>Search (Ctrl+F)</source>
        <translation>搜索 (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_list.py" line="140"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_list.py" line="154"/>
        <source>Faxes</source>
        <translation>传真</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_list.py" line="184"/>
        <source>Show all faxes</source>
        <translation>显示全部传真</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_list.py" line="345"/>
        <source>{n} faxes</source>
        <translation>{n} 份传真</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_list.py" line="347"/>
        <source>{shown} of {total} faxes</source>
        <translation>显示 {shown} / 共 {total} 份传真</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_list.py" line="362"/>
        <source>No fax matches “{text}”.</source>
        <translation>没有与“{text}”匹配的传真。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_list.py" line="364"/>
        <source>No fax matches these filters.</source>
        <translation>没有符合这些筛选条件的传真。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_list.py" line="365"/>
        <source>To see every fax again, clear the search box and choose “Sent and received”, “Any status” and “Any time”, or press “Show all faxes”.</source>
        <translation>要重新查看所有传真，请清空搜索框并选择“发送和接收”、“任何状态”和“任何时间”，或按“显示所有传真”。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/fax_list.py" line="368"/>
        <source>Choose “All applications” on the left to see the faxes of every application.</source>
        <translation>在左侧选择“全部应用”即可查看所有应用的传真。</translation>
    </message>
</context>
<context>
    <name>FaxOperations</name>
    <message>
        <location filename="../../faxdesk/ui/operations.py" line="83"/>
        <source>Cancel requested.</source>
        <translation>已请求取消。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/operations.py" line="95"/>
        <source>Delete fax</source>
        <translation>删除传真</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/operations.py" line="99"/>
        <source>Fax deleted.</source>
        <translation>传真已删除。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/operations.py" line="129"/>
        <source>This fax to {party} may already have been sent. FaxDesk asks Telnyx first and keeps it if it went out. Discard it if it did not?</source>
        <translation>发给 {party} 的传真可能已经发出。FaxDesk 会先询问 Telnyx：如果已发出，就保留它。如果没有发出，是否放弃？</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/operations.py" line="133"/>
        <source>Discard this send? Nothing has been sent to {party}.</source>
        <translation>要丢弃此次发送吗？尚未向 {party} 发送任何内容。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/operations.py" line="135"/>
        <source>Discard send</source>
        <translation>丢弃发送</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/operations.py" line="154"/>
        <source>Send discarded.</source>
        <translation>已丢弃此次发送。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/operations.py" line="156"/>
        <source>Telnyx has this fax: it was sent, so it stays.</source>
        <translation>Telnyx 已有这份传真：它已经发出，因此保留。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/operations.py" line="144"/>
        <source>Discard without checking?</source>
        <translation>不检查就放弃？</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/operations.py" line="73"/>
        <source>an unknown number</source>
        <translation>未知号码</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/operations.py" line="75"/>
        <source>the fax from {party}</source>
        <translation>来自 {party} 的传真</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/operations.py" line="76"/>
        <source>the fax to {party}</source>
        <translation>发往 {party} 的传真</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/operations.py" line="82"/>
        <source>No more automatic retries.</source>
        <translation>已停止自动重试。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/operations.py" line="89"/>
        <source>Trying again now.</source>
        <translation>正在立即重试。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/operations.py" line="96"/>
        <source>Delete {fax} from Telnyx and from this computer? This cannot be undone.</source>
        <translation>要从 Telnyx 和这台电脑上删除{fax}吗？此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/operations.py" line="97"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/operations.py" line="107"/>
        <source>Delete faxes</source>
        <translation>删除传真</translation>
    </message>
    <message numerus="yes">
        <location filename="../../faxdesk/ui/operations.py" line="108"/>
        <source>Delete these %n faxes from Telnyx and from this computer? Sends not made yet are dropped. This cannot be undone.</source>
        <translation>
            <numerusform>要从 Telnyx 和这台电脑上删除这 %n 份传真吗？尚未发出的发送将被放弃。此操作无法撤销。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../faxdesk/ui/operations.py" line="110"/>
        <source>&amp;Delete %n faxes</source>
        <translation>
            <numerusform>删除 %n 份传真(&amp;D)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../faxdesk/ui/operations.py" line="118"/>
        <source>%n fax(es) deleted.</source>
        <translation>
            <numerusform>已删除 %n 份传真。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../faxdesk/ui/operations.py" line="120"/>
        <source>%n fax(es) could not be deleted: {reason}</source>
        <translation>
            <numerusform>%n 份传真无法删除：{reason}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/operations.py" line="135"/>
        <source>&amp;Discard</source>
        <translation>放弃(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/operations.py" line="145"/>
        <source>Telnyx cannot be reached to check whether this fax went out. If you discard it and it was sent, {party} gets it anyway; if you then send it again, they get it twice. Discard it anyway?</source>
        <translation>无法连接 Telnyx 来确认这份传真是否已发出。如果放弃它而它已经发出，{party} 仍会收到；如果之后再发送一次，对方会收到两份。仍要放弃吗？</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/operations.py" line="148"/>
        <source>&amp;Discard anyway</source>
        <translation>仍然放弃(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/operations.py" line="162"/>
        <source>Fetched the fax again from Telnyx.</source>
        <translation>已从 Telnyx 重新获取这份传真。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/operations.py" line="169"/>
        <source>Sent again.</source>
        <translation>已重新发送。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/operations.py" line="197"/>
        <source>Save fax as PDF</source>
        <translation>将传真另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/operations.py" line="198"/>
        <location filename="../../faxdesk/ui/operations.py" line="237"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/operations.py" line="201"/>
        <location filename="../../faxdesk/ui/operations.py" line="218"/>
        <location filename="../../faxdesk/ui/operations.py" line="266"/>
        <source>No document is available for this fax.</source>
        <translation>这份传真没有可用的文档。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/operations.py" line="206"/>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/operations.py" line="210"/>
        <source>Fax {party}</source>
        <translation>传真 {party}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../faxdesk/ui/operations.py" line="226"/>
        <source>Printed %n page(s).</source>
        <translation>
            <numerusform>已打印 %n 页。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/operations.py" line="236"/>
        <source>Save the transmission report</source>
        <translation>保存传输报告</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/operations.py" line="270"/>
        <source>No program to open PDF files was found. Install a PDF viewer, or use Save PDF… to keep the file and open it elsewhere.</source>
        <translation>找不到可以打开 PDF 文件的程序。请安装 PDF 阅读器，或使用“保存 PDF…”保存文件后在别处打开。</translation>
    </message>
</context>
<context>
    <name>FaxPreviewDialog</name>
    <message>
        <location filename="../../faxdesk/ui/preview.py" line="60"/>
        <source>Preview of the fax</source>
        <translation>传真预览</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/preview.py" line="66"/>
        <source>Pages of the fax</source>
        <translation>传真页面</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/preview.py" line="74"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/preview.py" line="92"/>
        <source>Putting the fax together…</source>
        <translation>正在组装传真…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/preview.py" line="97"/>
        <source>{pages} to {recipient}, as it will be sent (each of the {n} recipients gets the same pages, with their own cover page).</source>
        <translation>发给 {recipient} 的 {pages}，即实际发送的样子（{n} 位收件人都会收到相同的页面，各自带有自己的封面）。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/preview.py" line="100"/>
        <source>{pages} to {recipient}, as it will be sent.</source>
        <translation>发给 {recipient} 的 {pages}，即实际发送的样子。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/preview.py" line="109"/>
        <source>Page {n}</source>
        <translation>第 {n} 页</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/preview.py" line="118"/>
        <source>The fax cannot be shown:
{error}</source>
        <translation>无法显示传真：
{error}</translation>
    </message>
</context>
<context>
    <name>FaxTableModel</name>
    <message>
        <location filename="../../faxdesk/ui/first_frame.py" line="172"/>
        <location filename="../../faxdesk/ui/models.py" line="63"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/first_frame.py" line="173"/>
        <location filename="../../faxdesk/ui/models.py" line="64"/>
        <source>Other party</source>
        <translation>对方</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/first_frame.py" line="174"/>
        <location filename="../../faxdesk/ui/models.py" line="65"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/first_frame.py" line="175"/>
        <location filename="../../faxdesk/ui/models.py" line="66"/>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/first_frame.py" line="176"/>
        <location filename="../../faxdesk/ui/models.py" line="67"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/first_frame.py" line="177"/>
        <location filename="../../faxdesk/ui/models.py" line="68"/>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../faxdesk/ui/app.py" line="390"/>
        <location filename="../../faxdesk/ui/main_window.py" line="214"/>
        <source>FaxDesk</source>
        <extracomment>How long quitting waits for the engine to stop (its network calls are aborted first). A received fax shown this long in the detail pane counts as read. Side by side needs room for the applications, the whole table and the detail pane. Below this width the toolbar shows icons only (their words are in the tooltips). The other party&apos;s column keeps at least this much before &quot;Updated&quot; makes room for it. What the other party&apos;s column keeps at the least, in the table&apos;s font: a whole number (narrower, it would show only &quot;+1 …&quot;, so the table scrolls sideways instead). Builds the send dialog for the given files (set when the window is assembled). The tray, when there is one: when it says so, closing hides instead of quitting. The address book: names the other party in the table and the detail.</extracomment>
        <translation>FaxDesk</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/main_window.py" line="343"/>
        <source>&amp;New fax…</source>
        <translation>新建传真(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/main_window.py" line="345"/>
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/main_window.py" line="346"/>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/main_window.py" line="348"/>
        <source>Export the selected faxes…</source>
        <translation>导出所选传真…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/main_window.py" line="350"/>
        <source>Se&amp;ttings…</source>
        <translation>设置(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/main_window.py" line="352"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/main_window.py" line="353"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/main_window.py" line="355"/>
        <source>&amp;Cancel sending</source>
        <translation>取消发送(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/main_window.py" line="356"/>
        <source>Retry &amp;now</source>
        <translation>立即重试(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/main_window.py" line="357"/>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/main_window.py" line="362"/>
        <source>&amp;Resend</source>
        <translation>重新发送(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/main_window.py" line="365"/>
        <source>&amp;Open document</source>
        <translation>打开文档(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/main_window.py" line="366"/>
        <source>&amp;Save PDF…</source>
        <translation>保存 PDF(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/main_window.py" line="367"/>
        <source>Mark read/&amp;unread</source>
        <translation>标记为已读/未读(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/main_window.py" line="369"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/main_window.py" line="370"/>
        <source>Transmission re&amp;port…</source>
        <translation>传输报告(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/main_window.py" line="377"/>
        <source>New &amp;application…</source>
        <translation>新建应用(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/main_window.py" line="379"/>
        <source>&amp;About FaxDesk</source>
        <translation>关于 FaxDesk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/first_frame.py" line="168"/>
        <location filename="../../faxdesk/ui/main_window.py" line="382"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/first_frame.py" line="168"/>
        <location filename="../../faxdesk/ui/main_window.py" line="386"/>
        <source>F&amp;ax</source>
        <translation>传真(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/first_frame.py" line="169"/>
        <location filename="../../faxdesk/ui/main_window.py" line="391"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/first_frame.py" line="169"/>
        <location filename="../../faxdesk/ui/main_window.py" line="393"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/main_window.py" line="396"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/main_window.py" line="979"/>
        <source>The document arrives when the fax has been received.</source>
        <translation>传真接收完成后即可查看文档。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/main_window.py" line="990"/>
        <source>No document is available.</source>
        <translation>没有可用的文档。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../faxdesk/ui/main_window.py" line="992"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n 页</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/main_window.py" line="982"/>
        <source>Loading preview…</source>
        <translation>正在加载预览…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/main_window.py" line="253"/>
        <source>Fax applications</source>
        <translation>传真应用</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/main_window.py" line="363"/>
        <source>Fetch a&amp;gain from Telnyx</source>
        <translation>从 Telnyx 重新获取(&amp;G)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../faxdesk/ui/main_window.py" line="569"/>
        <source>%n fax(es) wait for an automatic retry (the next at {time}). If you quit, they are tried when FaxDesk starts again, not before.</source>
        <translation>
            <numerusform>%n 份传真正在等待自动重试（下一次在 {time}）。如果现在退出，它们要等 FaxDesk 再次启动时才会重试。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../faxdesk/ui/main_window.py" line="573"/>
        <source>%n fax(es) are not handed to Telnyx yet. If you quit, they go when FaxDesk starts again, not before.</source>
        <translation>
            <numerusform>%n 份传真尚未交给 Telnyx。如果现在退出，它们要等 FaxDesk 再次启动时才会发出。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/main_window.py" line="575"/>
        <source>Quit FaxDesk?</source>
        <translation>退出 FaxDesk？</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/main_window.py" line="579"/>
        <source>&amp;Quit anyway</source>
        <translation>仍然退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/main_window.py" line="580"/>
        <source>&amp;Keep FaxDesk running</source>
        <translation>保持 FaxDesk 运行(&amp;K)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../faxdesk/ui/main_window.py" line="919"/>
        <source>Unread (%n)</source>
        <translation>
            <numerusform>未读（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../faxdesk/ui/main_window.py" line="927"/>
        <source>{title} — %n unread</source>
        <translation>
            <numerusform>{title} — %n 份未读</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/main_window.py" line="996"/>
        <source>Preview unavailable: {error}</source>
        <translation>无法预览：{error}</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/main_window.py" line="1114"/>
        <source>&amp;Continue</source>
        <translation>继续(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/main_window.py" line="1139"/>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/main_window.py" line="1165"/>
        <source>Export faxes</source>
        <translation>导出传真</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/main_window.py" line="1166"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/main_window.py" line="1174"/>
        <source>Exported {n} faxes.</source>
        <translation>已导出 {n} 份传真。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/main_window.py" line="1194"/>
        <source>Settings are not available in this mode.</source>
        <translation>此模式下无法使用设置。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/main_window.py" line="1239"/>
        <source>Sending from the window comes with the send dialog.</source>
        <translation>从主窗口发送需要发送对话框。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../faxdesk/ui/main_window.py" line="1262"/>
        <source>%n fax(es) queued for sending.</source>
        <translation>
            <numerusform>%n 份传真已排队等待发送。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/main_window.py" line="1278"/>
        <source>About FaxDesk</source>
        <translation>关于 FaxDesk</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/main_window.py" line="1279"/>
        <source>FaxDesk {version}
Send and receive faxes through Telnyx.</source>
        <translation>FaxDesk {version}
通过 Telnyx 收发传真。</translation>
    </message>
</context>
<context>
    <name>Numbers</name>
    <message>
        <location filename="../../faxdesk/core/numbers.py" line="83"/>
        <source>The fax number is empty. Enter a fax number or a SIP address.</source>
        <translation>传真号码为空。请输入传真号码或 SIP 地址。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/numbers.py" line="87"/>
        <source>&quot;{number}&quot; is not a SIP address a fax can go to: it must look like sip:user@host (or sips:user@host).</source>
        <translation>“{number}”不是可以接收传真的 SIP 地址：格式应为 sip:user@host（或 sips:user@host）。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/numbers.py" line="95"/>
        <source>&quot;{number}&quot; is an emergency number. Call emergency services by phone; a fax cannot reach them.</source>
        <translation>“{number}”是紧急号码。请用电话联系紧急服务；传真无法送达。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/numbers.py" line="99"/>
        <source>&quot;{number}&quot; is not a fax number: it has no digits. Enter the number with its area code.</source>
        <translation>“{number}”不是传真号码：其中没有数字。请输入带区号的号码。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/numbers.py" line="111"/>
        <source>&quot;{number}&quot; is a local number without its area code. Add the area code.</source>
        <translation>“{number}”是没有区号的本地号码。请加上区号。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/numbers.py" line="122"/>
        <location filename="../../faxdesk/core/numbers.py" line="202"/>
        <source>&quot;{number}&quot; is too short for a number in {country}. Check for missing digits.</source>
        <translation>“{number}”作为{country}的号码太短。请检查是否漏了数字。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/numbers.py" line="124"/>
        <location filename="../../faxdesk/core/numbers.py" line="204"/>
        <source>&quot;{number}&quot; is too short for a number with the country code +{code}. Check for missing digits.</source>
        <translation>“{number}”作为国家代码 +{code} 的号码太短。请检查是否漏了数字。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/numbers.py" line="129"/>
        <source>This number has the right length but is not a known valid number in {country}; check it before sending.</source>
        <translation>此号码长度正确，但不是{country}已知的有效号码；发送前请检查。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/numbers.py" line="131"/>
        <source>This number has the right length but is not a known valid number with the country code +{code}; check it before sending.</source>
        <translation>此号码长度正确，但不是国家代码 +{code} 下已知的有效号码；发送前请检查。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/numbers.py" line="135"/>
        <source>The extension {extension} cannot be dialled by fax; the fax goes to the main number. Make sure the main number answers with a fax machine.</source>
        <translation>传真无法拨打分机 {extension}；传真将发送到总机号码。请确认总机号码由传真机应答。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/numbers.py" line="140"/>
        <source>The extension {extension} is unusually long.</source>
        <translation>分机 {extension} 异常地长。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/numbers.py" line="144"/>
        <source>Letters were read as keypad digits; check the number.</source>
        <translation>字母已按键盘数字读取；请检查号码。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/numbers.py" line="148"/>
        <source>This is a premium-rate number; sending to it may cost extra.</source>
        <translation>这是付费号码；向其发送可能产生额外费用。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/numbers.py" line="182"/>
        <source>&quot;{number}&quot; is too short. Enter the full number with its area code.</source>
        <translation>“{number}”太短。请输入带区号的完整号码。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/numbers.py" line="185"/>
        <source>&quot;{number}&quot; is too long to be a phone number.</source>
        <translation>“{number}”太长，不可能是电话号码。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/numbers.py" line="186"/>
        <source>&quot;{number}&quot; does not look like a phone number. Use digits, spaces, + ( ) and - only.</source>
        <translation>“{number}”看起来不像电话号码。请只使用数字、空格、+ ( ) 和 -。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/numbers.py" line="190"/>
        <source>The country code of &quot;{number}&quot; is not known. Start with + and a valid country code, e.g. +44.</source>
        <translation>“{number}”的国家代码未知。请以 + 和有效的国家代码开头，例如 +44。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/numbers.py" line="209"/>
        <source>&quot;{number}&quot; is too long for a number in {country}. Check for extra digits.</source>
        <translation>“{number}”作为{country}的号码太长。请检查是否多了数字。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/numbers.py" line="211"/>
        <source>&quot;{number}&quot; is too long for a number with the country code +{code}. Check for extra digits.</source>
        <translation>“{number}”作为国家代码 +{code} 的号码太长。请检查是否多了数字。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/numbers.py" line="215"/>
        <source>&quot;{number}&quot; does not have the length of a number in {country}. Check the digits.</source>
        <translation>“{number}”的长度不符合{country}的号码。请检查数字。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/numbers.py" line="217"/>
        <source>&quot;{number}&quot; does not have the length of a number with the country code +{code}. Check the digits.</source>
        <translation>“{number}”的长度不符合国家代码 +{code} 的号码。请检查数字。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/numbers.py" line="240"/>
        <source>the United States</source>
        <extracomment>The countries a message can name (other numbers are named by their country code).</extracomment>
        <translation>美国</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/numbers.py" line="241"/>
        <source>the United Kingdom</source>
        <translation>英国</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/numbers.py" line="242"/>
        <source>Germany</source>
        <translation>德国</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/numbers.py" line="243"/>
        <source>France</source>
        <translation>法国</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/numbers.py" line="244"/>
        <source>Australia</source>
        <translation>澳大利亚</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/numbers.py" line="245"/>
        <source>Japan</source>
        <translation>日本</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/numbers.py" line="246"/>
        <source>Canada</source>
        <translation>加拿大</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/numbers.py" line="247"/>
        <source>the Netherlands</source>
        <translation>荷兰</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/numbers.py" line="248"/>
        <source>Italy</source>
        <translation>意大利</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/numbers.py" line="249"/>
        <source>Spain</source>
        <translation>西班牙</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/numbers.py" line="250"/>
        <source>Switzerland</source>
        <translation>瑞士</translation>
    </message>
</context>
<context>
    <name>OptionsForm</name>
    <message>
        <location filename="../../faxdesk/ui/send_forms.py" line="146"/>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_forms.py" line="146"/>
        <source>High (recommended)</source>
        <translation>高（推荐）</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_forms.py" line="146"/>
        <source>Very high</source>
        <translation>很高</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_forms.py" line="147"/>
        <source>Ultra light (for photos and images)</source>
        <translation>超浅（适合照片和图片）</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_forms.py" line="148"/>
        <source>Ultra dark (for faint text)</source>
        <translation>超深（适合浅淡文字）</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_forms.py" line="153"/>
        <source>Use T.38 (recommended)</source>
        <translation>使用 T.38（推荐）</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_forms.py" line="154"/>
        <source>Use T.38 (recommended; turn off if faxes to this machine keep failing)</source>
        <translation>使用 T.38（推荐；如果发往该传真机的传真总是失败，请关闭）</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_forms.py" line="157"/>
        <source>Pure black and white</source>
        <translation>纯黑白</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_forms.py" line="164"/>
        <source>Keep a preview on Telnyx (for 10 minutes)</source>
        <translation>在 Telnyx 上保留预览（10 分钟）</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_forms.py" line="171"/>
        <source>Your fax number when empty</source>
        <translation>留空时使用您的传真号码</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_forms.py" line="175"/>
        <source>Quality:</source>
        <translation>质量：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_forms.py" line="178"/>
        <source>Black threshold:</source>
        <translation>黑色阈值：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_forms.py" line="180"/>
        <source>Preview format:</source>
        <translation>预览格式：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_forms.py" line="181"/>
        <source>Caller name:</source>
        <translation>主叫名称：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_forms.py" line="182"/>
        <source>Black threshold</source>
        <translation>黑色阈值</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_forms.py" line="183"/>
        <source>Preview format</source>
        <translation>预览格式</translation>
    </message>
</context>
<context>
    <name>PendingSend</name>
    <message>
        <location filename="../../faxdesk/ui/models.py" line="151"/>
        <location filename="../../faxdesk/core/timeline_words.py" line="21"/>
        <source>Preparing</source>
        <extracomment>Steps of a send before Telnyx has the fax.</extracomment>
        <translation>准备中</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/models.py" line="153"/>
        <location filename="../../faxdesk/core/timeline_words.py" line="22"/>
        <source>Uploading</source>
        <translation>上传中</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/models.py" line="155"/>
        <location filename="../../faxdesk/core/timeline_words.py" line="23"/>
        <source>Waiting for the network</source>
        <translation>等待网络连接</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/models.py" line="157"/>
        <location filename="../../faxdesk/core/timeline_words.py" line="24"/>
        <source>Waiting for a valid API key</source>
        <translation>等待有效的 API 密钥</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/timeline_words.py" line="25"/>
        <source>Automatic retry scheduled</source>
        <translation>已安排自动重试</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/models.py" line="159"/>
        <location filename="../../faxdesk/core/timeline_words.py" line="26"/>
        <source>May have been sent; checking with Telnyx</source>
        <translation>可能已发出；正在向 Telnyx 确认</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/models.py" line="167"/>
        <location filename="../../faxdesk/core/timeline_words.py" line="27"/>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/models.py" line="162"/>
        <source>Retry at {time}</source>
        <translation>将于 {time} 重试</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/models.py" line="168"/>
        <source>Rejected: {reason}</source>
        <translation>已拒绝：{reason}</translation>
    </message>
</context>
<context>
    <name>PrintIntake</name>
    <message>
        <location filename="../../faxdesk/ui/print_intake.py" line="125"/>
        <source>plain text</source>
        <translation>纯文本</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/print_intake.py" line="126"/>
        <source>a job already made for one printer model (PCL)</source>
        <translation>已为某一型号打印机生成的作业（PCL）</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/print_intake.py" line="127"/>
        <source>an empty job</source>
        <translation>空作业</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/print_intake.py" line="128"/>
        <source>data FaxDesk does not recognise</source>
        <translation>FaxDesk 无法识别的数据</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/print_intake.py" line="133"/>
        <source>“{title}” was printed to FaxDesk as PostScript, which could not be turned into a PDF ({detail}). Try printing it again, or save it as a PDF and add that file.</source>
        <translation>“{title}”以 PostScript 格式打印到 FaxDesk，但无法转换为 PDF（{detail}）。请重新打印，或将其另存为 PDF 后添加该文件。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/print_intake.py" line="137"/>
        <source>“{title}” was printed to FaxDesk but is not a document FaxDesk can fax ({detail}). Print it from a program that prints pages, such as a word processor or a PDF viewer.</source>
        <translation>“{title}”已打印到 FaxDesk，但它不是 FaxDesk 可以传真的文档（{detail}）。请从能打印页面的程序（例如文字处理软件或 PDF 阅读器）中打印。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/print_intake.py" line="177"/>
        <source>“{title}” was printed to FaxDesk; it waits until faxes can be sent.</source>
        <translation>“{title}”已打印到 FaxDesk，将在可以发送传真时打开。</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../faxdesk/ui/printing.py" line="40"/>
        <source>The pages chosen are not in this fax ({count} pages).</source>
        <translation>所选页面不在此传真中（共 {count} 页）。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/printing.py" line="45"/>
        <source>The printer “{name}” could not be started. Check that it is switched on and connected.</source>
        <translation>无法启动打印机“{name}”。请检查它是否已开机并已连接。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/printing.py" line="55"/>
        <source>The printer stopped taking pages after page {page}.</source>
        <translation>打印机在第 {page} 页之后停止接收页面。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/printing.py" line="92"/>
        <source>Print fax</source>
        <translation>打印传真</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/printing.py" line="127"/>
        <source>The fax could not be printed. Check the printer and try again.</source>
        <translation>无法打印传真。请检查打印机后重试。</translation>
    </message>
</context>
<context>
    <name>Quality</name>
    <message>
        <location filename="../../faxdesk/ui/texts.py" line="30"/>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/texts.py" line="31"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/texts.py" line="32"/>
        <source>Very high</source>
        <translation>很高</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/texts.py" line="33"/>
        <source>Ultra light</source>
        <translation>超浅</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/texts.py" line="34"/>
        <source>Ultra dark</source>
        <translation>超深</translation>
    </message>
</context>
<context>
    <name>RecipientsWidget</name>
    <message>
        <location filename="../../faxdesk/ui/send_recipients.py" line="91"/>
        <source>Fax number or contact name</source>
        <translation>传真号码或联系人姓名</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_recipients.py" line="92"/>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_recipients.py" line="104"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_recipients.py" line="105"/>
        <source>Add the recipient</source>
        <translation>添加收件人</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_recipients.py" line="109"/>
        <source>&amp;Recent</source>
        <translation>最近(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_recipients.py" line="111"/>
        <source>Numbers you faxed lately</source>
        <translation>最近发送过传真的号码</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_recipients.py" line="112"/>
        <source>Recent numbers</source>
        <translation>最近的号码</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_recipients.py" line="120"/>
        <source>Recipients</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_recipients.py" line="126"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_recipients.py" line="127"/>
        <source>Remove the selected recipients</source>
        <translation>移除所选收件人</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_recipients.py" line="227"/>
        <source>{number} is already a recipient.</source>
        <translation>{number} 已在收件人列表中。</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../faxdesk/ui/report_words.py" line="15"/>
        <source>{minutes} min {seconds:02d} s</source>
        <translation>{minutes} 分 {seconds:02d} 秒</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/report_words.py" line="17"/>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/report_words.py" line="23"/>
        <source>Fax transmission report</source>
        <translation>传真发送报告</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/report_words.py" line="24"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/report_words.py" line="25"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/report_words.py" line="26"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/report_words.py" line="27"/>
        <source>From</source>
        <translation>发件人</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/report_words.py" line="28"/>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/report_words.py" line="29"/>
        <source>Fax application</source>
        <translation>传真应用</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/report_words.py" line="30"/>
        <source>Queued</source>
        <translation>排队时间</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/report_words.py" line="31"/>
        <source>Sending started</source>
        <translation>开始发送</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/report_words.py" line="32"/>
        <source>Receiving started</source>
        <translation>开始接收</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/report_words.py" line="33"/>
        <source>Finished</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/report_words.py" line="34"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/report_words.py" line="35"/>
        <source>{duration} (from the status times)</source>
        <translation>{duration}（根据状态时间计算）</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/report_words.py" line="36"/>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/report_words.py" line="37"/>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/report_words.py" line="38"/>
        <source>Fax ID</source>
        <translation>传真 ID</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/report_words.py" line="39"/>
        <source>FaxDesk journal</source>
        <translation>FaxDesk 日志编号</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/report_words.py" line="40"/>
        <source>First page</source>
        <translation>第一页</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/report_words.py" line="41"/>
        <source>The document is not on this computer.</source>
        <translation>此电脑上没有该文档。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/report_words.py" line="43"/>
        <source>Made by FaxDesk {version} on {time}</source>
        <translation>由 FaxDesk {version} 于 {time} 生成</translation>
    </message>
</context>
<context>
    <name>SandboxBanner</name>
    <message>
        <location filename="../../faxdesk/ui/sandbox_banner.py" line="36"/>
        <source>&lt;b&gt;Sandbox&lt;/b&gt; — practice only: faxes here are simulated and never reach anyone, and nothing is charged. To send real faxes, close this window and open FaxDesk itself, not its sandbox.</source>
        <translation>&lt;b&gt;沙盒&lt;/b&gt; — 仅供练习：这里的传真都是模拟的，不会送达任何人，也不会产生费用。要发送真实传真，请关闭此窗口，打开 FaxDesk 本身（而不是它的沙盒）。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/sandbox_banner.py" line="45"/>
        <source>Sandbox</source>
        <translation>沙盒</translation>
    </message>
</context>
<context>
    <name>ScanDialog</name>
    <message>
        <location filename="../../faxdesk/ui/scan_dialog.py" line="71"/>
        <location filename="../../faxdesk/ui/scan_dialog.py" line="109"/>
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/scan_dialog.py" line="75"/>
        <source>Scanner</source>
        <translation>扫描仪</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/scan_dialog.py" line="77"/>
        <source>Look again</source>
        <translation>重新查找</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/scan_dialog.py" line="83"/>
        <source>Black and white (text)</source>
        <translation>黑白（文字）</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/scan_dialog.py" line="84"/>
        <source>Grey (photos)</source>
        <translation>灰度（照片）</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/scan_dialog.py" line="93"/>
        <source>Every page in the document feeder</source>
        <translation>进纸器中的全部页面</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/scan_dialog.py" line="97"/>
        <source>Scanner:</source>
        <translation>扫描仪：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/scan_dialog.py" line="98"/>
        <source>Colour:</source>
        <translation>颜色：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/scan_dialog.py" line="113"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/scan_dialog.py" line="139"/>
        <source>Looking for scanners…</source>
        <translation>正在查找扫描仪…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/scan_dialog.py" line="163"/>
        <source>No scanner found. Connect a scanner and switch it on, then click Look again.</source>
        <translation>未找到扫描仪。请连接扫描仪并开机，然后点击“重新查找”。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/scan_dialog.py" line="165"/>
        <source>Put the page on the glass, or the pages in the feeder, and click Scan.</source>
        <translation>请将页面放在玻璃板上，或将多页放入进纸器，然后点击“扫描”。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/scan_dialog.py" line="218"/>
        <source>Scan {time}.pdf</source>
        <translation>扫描 {time}.pdf</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/scan_dialog.py" line="222"/>
        <source>Starting the scanner…</source>
        <translation>正在启动扫描仪…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/scan_dialog.py" line="247"/>
        <source>Scanning page {page}… {percent} %</source>
        <translation>正在扫描第 {page} 页… {percent}%</translation>
    </message>
    <message numerus="yes">
        <location filename="../../faxdesk/ui/scan_dialog.py" line="263"/>
        <source>%n page(s) scanned.</source>
        <translation>
            <numerusform>已扫描 %n 页。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/scan_dialog.py" line="264"/>
        <source>Add the scanned pages</source>
        <translation>添加已扫描的页面</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/scan_dialog.py" line="278"/>
        <source>The scan was cancelled.</source>
        <translation>扫描已取消。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/scan_dialog.py" line="290"/>
        <source>The scanner could not be used. Check it and try again.</source>
        <translation>无法使用扫描仪。请检查后重试。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/scan_dialog.py" line="305"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="134"/>
        <source>Send a fax</source>
        <extracomment>The documents and recipients column is never narrower than this (px). Where the cover page sender details are remembered (None: not remembered).</extracomment>
        <translation>发送传真</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="143"/>
        <source>Loading your fax applications…</source>
        <translation>正在加载您的传真应用…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="158"/>
        <source>Drop PDFs or images here. Drag rows to change the order.</source>
        <extracomment>Problems are shown in red only once the person has done something (added a file or a recipient, typed, pressed Send): a fresh dialog says what to do, calmly. The application shown was chosen (settings, last fax, the only one), not guessed.</extracomment>
        <translation>将 PDF 或图片拖放到此处。拖动行可调整顺序。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="161"/>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="165"/>
        <source>Scan…</source>
        <translation>扫描…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="170"/>
        <source>Scan pages into this fax</source>
        <translation>将页面扫描到这份传真中</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="186"/>
        <source>Contacts…</source>
        <translation>联系人…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="189"/>
        <source>Recipients (one fax each)</source>
        <translation>收件人（每人一份传真）</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="201"/>
        <source>Choose the fax application…</source>
        <translation>选择传真应用…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="212"/>
        <source>Send from</source>
        <translation>发送方</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="214"/>
        <source>Fax application:</source>
        <translation>传真应用：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="215"/>
        <source>Number:</source>
        <translation>号码：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="233"/>
        <location filename="../../faxdesk/ui/send_dialog.py" line="234"/>
        <source>Cover page</source>
        <translation>封面页</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="235"/>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="252"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="256"/>
        <source>Send the fax (Ctrl+Enter)</source>
        <translation>发送传真（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="257"/>
        <source>Pre&amp;view…</source>
        <translation>预览(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="261"/>
        <source>See every page as it will be sent, cover page included</source>
        <translation>查看将要发送的每一页，包括封面</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="353"/>
        <source>{name} (inactive)</source>
        <translation>{name}（已停用）</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="366"/>
        <source>Your account has no fax application. Create one in the main window first.</source>
        <translation>您的账户还没有传真应用。请先在主窗口中创建一个。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="377"/>
        <source>Could not load your fax applications: {error}</source>
        <translation>无法加载您的传真应用：{error}</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="393"/>
        <source>Loading the application&apos;s numbers…</source>
        <translation>正在加载该应用的号码…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="420"/>
        <source>“{name}” has no phone number to send from. Assign a number to it in the Telnyx portal, or choose another application.</source>
        <translation>“{name}”没有可用于发送的电话号码。请在 Telnyx 门户中为它分配号码，或选择其他应用。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="428"/>
        <source>Could not load the numbers: {error}</source>
        <translation>无法加载号码：{error}</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="484"/>
        <source>Add a document: a PDF or an image (PNG, JPEG, TIFF). You can also drop files here.</source>
        <translation>添加文档：PDF 或图片（PNG、JPEG、TIFF）。也可以把文件拖放到这里。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="497"/>
        <source>Type the recipient&apos;s fax number or a contact&apos;s name.</source>
        <translation>输入收件人的传真号码或联系人姓名。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="501"/>
        <source>Choose the fax application and the number to send from.</source>
        <translation>选择用于发送的传真应用和号码。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="543"/>
        <source>To {who}, from {number} ({app}).</source>
        <translation>发给 {who}，从 {number}（{app}）发送。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="546"/>
        <source>To {who}.</source>
        <translation>发给 {who}。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="548"/>
        <source>To {n} recipients, one fax each, from {number} ({app}).</source>
        <translation>发给 {n} 个收件人，每人一份传真，从 {number}（{app}）发送。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="551"/>
        <source>To {n} recipients, one fax each.</source>
        <translation>发给 {n} 个收件人，每人一份传真。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="570"/>
        <source>Sending from “{name}”, one of your {n} fax applications. Choose another above if this fax belongs to it; FaxDesk keeps your choice for the next fax.</source>
        <translation>将从“{name}”发送，它是您的 {n} 个传真应用之一。如果这份传真属于其他应用，请在上方选择；FaxDesk 会为下一份传真记住您的选择。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="627"/>
        <location filename="../../faxdesk/ui/send_dialog.py" line="628"/>
        <source>Cover page and options</source>
        <translation>封面和选项</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="629"/>
        <source>What will be sent</source>
        <translation>将要发送的内容</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="630"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="631"/>
        <source>What to do next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="632"/>
        <source>Ctrl+Enter sends from anywhere in the dialog</source>
        <translation>在对话框中任意位置按 Ctrl+Enter 即可发送</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="742"/>
        <source>Nothing was sent:
{error}</source>
        <translation>没有发送任何内容：
{error}</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="781"/>
        <source>%n fax(es) queued for sending; the list shows how it goes.</source>
        <translation>已有 %n 份传真排队等待发送；列表中会显示进展。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="491"/>
        <source>Checking the documents…</source>
        <translation>正在检查文档…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="505"/>
        <source>The logo file {path} does not exist.</source>
        <translation>标志文件 {path} 不存在。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="523"/>
        <source>Nothing to send yet.</source>
        <translation>还没有要发送的内容。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="525"/>
        <source>{pages} from {name}.</source>
        <translation>{pages}，来自 {name}。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="528"/>
        <source>1 document</source>
        <translation>1 个文档</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="529"/>
        <source>{n} documents</source>
        <translation>{n} 个文档</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="531"/>
        <source>{pages}: a cover page and {doc_pages} from {docs}.</source>
        <translation>{pages}：封面页 1 页，另有来自 {docs} 的 {doc_pages}。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="534"/>
        <source>{pages} from {docs}, in the order shown.</source>
        <translation>{pages}，来自 {docs}，按所示顺序。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="554"/>
        <source>“{text}” will be added as a recipient when you press Send.</source>
        <translation>按“发送”时，“{text}”将被添加为收件人。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../faxdesk/ui/send_dialog.py" line="714"/>
        <source>Preparing and queueing %n fax(es)…</source>
        <translation>
            <numerusform>正在准备 %n 份传真并加入队列…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_dialog.py" line="720"/>
        <source>FaxDesk is closing; nothing was sent.</source>
        <translation>FaxDesk 正在关闭，未发送任何内容。</translation>
    </message>
</context>
<context>
    <name>SendDocuments</name>
    <message>
        <location filename="../../faxdesk/ui/send_documents.py" line="111"/>
        <source>{n} KB</source>
        <translation>{n} KB</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_documents.py" line="113"/>
        <source>{n:.1f} MB</source>
        <translation>{n:.1f} MB</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_documents.py" line="118"/>
        <source>1 page</source>
        <translation>1 页</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_documents.py" line="119"/>
        <source>{n} pages</source>
        <translation>{n} 页</translation>
    </message>
</context>
<context>
    <name>SendSetup</name>
    <message>
        <location filename="../../faxdesk/ui/send_setup.py" line="66"/>
        <source>&amp;Contacts…</source>
        <translation>联系人(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/send_setup.py" line="105"/>
        <source>The address book cannot be opened; see the log.</source>
        <translation>无法打开通讯录，请查看日志。</translation>
    </message>
</context>
<context>
    <name>Sending</name>
    <message>
        <location filename="../../faxdesk/core/sending.py" line="118"/>
        <source>The caller name may only use letters, digits, spaces and - _ ~ ! . + (at most 128 characters).</source>
        <translation>主叫名称只能使用字母、数字、空格和 - _ ~ ! . +（最多 128 个字符）。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/sending.py" line="271"/>
        <source>Add at least one document: a PDF or an image (PNG, JPEG, TIFF).</source>
        <extracomment>The documents&apos; own refusal words, grouped into the kinds a front door acts on.</extracomment>
        <translation>请至少添加一份文档：PDF 或图片（PNG、JPEG、TIFF）。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/sending.py" line="281"/>
        <source>Together the documents have {total} pages; Telnyx sends at most {max} pages in one fax. Remove some, or send them as separate faxes.</source>
        <translation>这些文档共有 {total} 页；Telnyx 一份传真最多发送 {max} 页。请移除一些，或分成多份传真发送。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/sending.py" line="287"/>
        <source>Together the documents are {size} MB; at most {max} MB can be uploaded for one fax. Remove some, or send them as separate faxes.</source>
        <translation>这些文档共 {size} MB；一份传真最多可上传 {max} MB。请移除一些，或分成多份传真发送。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/sending.py" line="296"/>
        <source>Choose the fax application and the number to send from.</source>
        <translation>请选择发送所用的传真应用和号码。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/sending.py" line="317"/>
        <source>Add at least one recipient.</source>
        <translation>请至少添加一个收件人。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/sending.py" line="329"/>
        <source>The logo file {path} does not exist.</source>
        <translation>标志文件 {path} 不存在。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="123"/>
        <source>FaxDesk settings</source>
        <extracomment>The store for a `key_storage` value (&quot;keyring&quot; / &quot;session&quot;). Tries a key against a base URL; returns a short success text or raises. Persists the new settings. Applications and numbers for the default pickers (may be empty when offline). The sandbox&apos;s API address while FaxDesk runs on the sandbox (&quot;&quot; on an account): the dialog then says so instead of showing the account&apos;s key and address as if in use.</extracomment>
        <translation>FaxDesk 设置</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="129"/>
        <source>&amp;Account</source>
        <translation>账户(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="130"/>
        <source>&amp;Sending</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="132"/>
        <source>&amp;Print and scan</source>
        <translation>打印和扫描(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="133"/>
        <source>Ad&amp;vanced</source>
        <translation>高级(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="178"/>
        <source>KEY… from the Telnyx portal (API Keys)</source>
        <translation>KEY…，来自 Telnyx 门户（API Keys）</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="179"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="188"/>
        <source>API &amp;key:</source>
        <translation>API 密钥(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="213"/>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="229"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="234"/>
        <source>Default &amp;application:</source>
        <translation>默认应用(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="239"/>
        <source>Default &amp;sending number:</source>
        <translation>默认发送号码(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="249"/>
        <source>Default &amp;country:</source>
        <translation>默认国家/地区(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="251"/>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="253"/>
        <source>When a fax is &amp;delivered</source>
        <translation>传真送达时(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="254"/>
        <source>When a fax &amp;fails</source>
        <translation>传真失败时(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="255"/>
        <source>When a fax is &amp;received</source>
        <translation>收到传真时(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="131"/>
        <source>Status &amp;checks</source>
        <translation>状态检查(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="193"/>
        <source>Keep the key for this session only (forgotten when FaxDesk closes)</source>
        <translation>仅在本次会话中保留密钥（FaxDesk 关闭后即被清除）</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="206"/>
        <source>FaxDesk runs on the built-in sandbox now: it needs no API key, and nothing is sent for real. A key saved here is used when FaxDesk starts with your account.</source>
        <translation>FaxDesk 现在运行在内置沙盒上：不需要 API 密钥，也不会真正发送任何内容。在此保存的密钥会在 FaxDesk 以您的账户启动时使用。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="247"/>
        <source>Numbers typed without a + and a country code are dialled in this country</source>
        <translation>输入时不带 + 和国家代码的号码将按此国家/地区拨打</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="271"/>
        <source>How often FaxDesk asks Telnyx about your faxes (polling)</source>
        <translation>FaxDesk 向 Telnyx 查询传真状态的频率（轮询）</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="273"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="276"/>
        <source>While &amp;faxes are in progress, every:</source>
        <translation>有传真进行中时，间隔(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="277"/>
        <source>When &amp;idle, every:</source>
        <translation>空闲时，间隔(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="280"/>
        <source>Webhook listener (instant updates)</source>
        <translation>Webhook 监听（即时更新）</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="282"/>
        <source>&amp;Listen for Telnyx webhooks</source>
        <translation>监听 Telnyx Webhook(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="290"/>
        <source>Paste the “Public Key” from the Telnyx portal (Keys &amp; Credentials)</source>
        <translation>粘贴 Telnyx 门户（Keys &amp; Credentials）中的“Public Key”（公钥）</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="292"/>
        <source>In the Telnyx portal, open Keys &amp; Credentials and copy the Public Key shown there. FaxDesk uses it to check that an update really comes from Telnyx.</source>
        <translation>在 Telnyx 门户中打开 Keys &amp; Credentials，复制其中显示的 Public Key（公钥）。FaxDesk 用它来确认更新确实来自 Telnyx。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="295"/>
        <source>Telnyx must be able to reach this address (for example through a tunnel). Polling carries on as a safety net.</source>
        <translation>Telnyx 必须能够访问此地址（例如通过隧道）。轮询仍会继续，作为保障。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="300"/>
        <source>Add&amp;ress:</source>
        <translation>地址(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="301"/>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="302"/>
        <source>Public &amp;key:</source>
        <translation>公钥(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="316"/>
        <source>Documents printed to the “FaxDesk” printer open the send dialog</source>
        <translation>打印到“FaxDesk”打印机的文档会打开发送对话框</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="318"/>
        <source>Print to fax:</source>
        <translation>打印为传真：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="320"/>
        <source>Black and white (text)</source>
        <translation>黑白（文字）</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="321"/>
        <source>Grey (photos)</source>
        <translation>灰度（照片）</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="323"/>
        <source>Scan in:</source>
        <translation>扫描方式：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="325"/>
        <source>Save a transmission report when a fax is delivered or fails</source>
        <translation>传真送达或失败时保存传输报告</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="328"/>
        <source>Folder for the reports</source>
        <translation>保存报告的文件夹</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="329"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="334"/>
        <source>Reports:</source>
        <translation>报告：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="336"/>
        <source>Print each received fax once, as it arrives</source>
        <translation>每份收到的传真到达时打印一次</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="341"/>
        <source>Received faxes:</source>
        <translation>收到的传真：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="342"/>
        <source>Printer:</source>
        <translation>打印机：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="355"/>
        <source>Folder for transmission reports</source>
        <translation>传输报告文件夹</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="364"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="368"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="370"/>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="397"/>
        <source>A new language is used from the next start of FaxDesk.</source>
        <translation>新的语言将在下次启动 FaxDesk 时生效。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="377"/>
        <source>API &amp;address:</source>
        <translation>API 地址(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="380"/>
        <source>Change only to use a test server; the default is https://api.telnyx.com/v2.</source>
        <translation>仅在使用测试服务器时修改；默认值为 https://api.telnyx.com/v2。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="386"/>
        <source>API address (your account):</source>
        <translation>API 地址（您的账户）：</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="389"/>
        <source>Now connected to the built-in sandbox at {url}. The address above is used when FaxDesk starts with your account.</source>
        <translation>现在已连接到位于 {url} 的内置沙盒。上面的地址会在 FaxDesk 以您的账户启动时使用。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="396"/>
        <source>Restart FaxDesk to see it in the new language: it is used from the next start.</source>
        <translation>请重新启动 FaxDesk 以使用新语言：新语言从下次启动起生效。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="420"/>
        <source>The key is kept in memory only and forgotten when FaxDesk quits.</source>
        <translation>密钥仅保存在内存中，FaxDesk 退出后即被清除。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="423"/>
        <source>The key is stored in the system keyring.</source>
        <translation>密钥保存在系统密钥环中。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="430"/>
        <source>FaxDesk can&apos;t use this computer&apos;s password storage right now, so it can&apos;t save your API key. The sandbox needs no key. To use your account&apos;s key anyway, turn on “Keep the key for this session only”: FaxDesk then holds the key until it closes, and you enter it again next time.</source>
        <translation>FaxDesk 目前无法使用这台电脑的密码存储，因此无法保存您的 API 密钥。沙盒不需要密钥。如仍要使用您账户的密钥，请勾选“仅在本次会话中保留密钥”：FaxDesk 会保留密钥直到关闭，下次启动时需要重新输入。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="447"/>
        <source>Enter an API key first.</source>
        <translation>请先输入 API 密钥。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/settings_dialog.py" line="450"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../faxdesk/core/status_words.py" line="10"/>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/status_words.py" line="11"/>
        <source>Document ready</source>
        <translation>文档已就绪</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/status_words.py" line="12"/>
        <source>Dialling</source>
        <translation>正在拨号</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/status_words.py" line="13"/>
        <source>Sending</source>
        <translation>正在发送</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/status_words.py" line="14"/>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/status_words.py" line="15"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/status_words.py" line="16"/>
        <source>Incoming call</source>
        <translation>来电中</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/status_words.py" line="17"/>
        <source>Receiving</source>
        <translation>正在接收</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/status_words.py" line="18"/>
        <source>Processing document</source>
        <translation>正在处理文档</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/status_words.py" line="19"/>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/status_words.py" line="21"/>
        <source>Handed to the outbox</source>
        <translation>已放入发件箱</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/status_words.py" line="22"/>
        <source>Cancel requested</source>
        <translation>已请求取消</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/status_words.py" line="23"/>
        <source>Automatic retry scheduled</source>
        <translation>已安排自动重试</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/status_words.py" line="24"/>
        <source>Document link refreshed</source>
        <translation>文档链接已刷新</translation>
    </message>
    <message>
        <location filename="../../faxdesk/core/status_words.py" line="25"/>
        <source>Document saved on this computer</source>
        <translation>文档已保存到本机</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/texts.py" line="45"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>StatusArea</name>
    <message>
        <location filename="../../faxdesk/ui/first_frame.py" line="215"/>
        <location filename="../../faxdesk/ui/status_area.py" line="46"/>
        <source>Connecting…</source>
        <extracomment>How long a passing message (&quot;Fax deleted.&quot;) stays in the status bar. How long a failed action&apos;s words stay (a lasting problem stays until its cause is gone). The fixing action a problem can name: the window knows how to run each. The person clicked the fixing action of a problem (FIX_SETTINGS, FIX_SYNC).</extracomment>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/status_area.py" line="52"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/status_area.py" line="107"/>
        <source>Open Settings…</source>
        <translation>打开设置…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/status_area.py" line="107"/>
        <source>Try again now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/status_area.py" line="118"/>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/status_area.py" line="119"/>
        <source>Offline — will retry</source>
        <translation>离线 — 将自动重试</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/status_area.py" line="120"/>
        <source>API key not accepted</source>
        <translation>API 密钥未被接受</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/status_area.py" line="121"/>
        <source>Slowing down (Telnyx rate limit)</source>
        <translation>正在减速（Telnyx 速率限制）</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/status_area.py" line="122"/>
        <source>Syncing paused</source>
        <translation>同步已暂停</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/status_area.py" line="123"/>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/status_area.py" line="145"/>
        <source>{n} in progress</source>
        <translation>{n} 份进行中</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/first_frame.py" line="216"/>
        <location filename="../../faxdesk/ui/main_window.py" line="442"/>
        <location filename="../../faxdesk/ui/status_area.py" line="132"/>
        <source>Last sync {time}</source>
        <translation>上次同步 {time}</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <location filename="../../faxdesk/ui/tray.py" line="233"/>
        <source>No unread faxes</source>
        <translation>没有未读传真</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/tray.py" line="235"/>
        <source>1 unread fax</source>
        <translation>1 份未读传真</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/tray.py" line="236"/>
        <source>{n} unread faxes</source>
        <translation>{n} 份未读传真</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/tray.py" line="240"/>
        <source>No faxes in progress</source>
        <translation>没有进行中的传真</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/tray.py" line="242"/>
        <source>1 fax in progress</source>
        <translation>1 份传真进行中</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/tray.py" line="243"/>
        <source>{n} faxes in progress</source>
        <translation>{n} 份传真进行中</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/tray.py" line="250"/>
        <source>Open FaxDesk</source>
        <translation>打开 FaxDesk</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/tray.py" line="252"/>
        <source>Send a fax…</source>
        <translation>发送传真…</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/tray.py" line="260"/>
        <source>Pause syncing</source>
        <translation>暂停同步</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/tray.py" line="265"/>
        <source>Quit FaxDesk</source>
        <translation>退出 FaxDesk</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/tray.py" line="285"/>
        <source>FaxDesk — Sandbox</source>
        <translation>FaxDesk — 沙盒</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/tray.py" line="290"/>
        <source>Syncing paused</source>
        <translation>同步已暂停</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/tray.py" line="374"/>
        <source>1 page delivered to {to}.</source>
        <translation>1 页已送达 {to}。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/tray.py" line="376"/>
        <source>{pages} pages delivered to {to}.</source>
        <translation>{pages} 页已送达 {to}。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/tray.py" line="378"/>
        <source>Delivered to {to}.</source>
        <translation>已送达 {to}。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/tray.py" line="379"/>
        <source>Fax delivered</source>
        <translation>传真已送达</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/tray.py" line="387"/>
        <source>No reason was given.</source>
        <translation>未提供原因。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/tray.py" line="388"/>
        <source>The fax to {to} failed: {reason}</source>
        <translation>发往 {to} 的传真失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/tray.py" line="389"/>
        <source>Fax failed</source>
        <translation>传真失败</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/tray.py" line="395"/>
        <source>1 page from {sender}.</source>
        <translation>来自 {sender} 的 1 页。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/tray.py" line="397"/>
        <source>{pages} pages from {sender}.</source>
        <translation>来自 {sender} 的 {pages} 页。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/tray.py" line="399"/>
        <source>From {sender}.</source>
        <translation>来自 {sender}。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/tray.py" line="400"/>
        <source>Fax received</source>
        <translation>收到传真</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/tray.py" line="406"/>
        <source>Sandbox: {title}</source>
        <translation>沙盒：{title}</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/tray.py" line="472"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/tray.py" line="473"/>
        <source>FaxDesk Sandbox</source>
        <translation>FaxDesk 沙盒</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../faxdesk/ui/welcome.py" line="16"/>
        <source>Welcome to FaxDesk</source>
        <translation>欢迎使用 FaxDesk</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/welcome.py" line="18"/>
        <source>&lt;h2&gt;Welcome to FaxDesk&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;欢迎使用 FaxDesk&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/welcome.py" line="20"/>
        <source>FaxDesk sends and receives faxes through your Telnyx account. You can look around first with the built-in sandbox: a pretend Telnyx on this computer, with sample faxes and no costs.</source>
        <translation>FaxDesk 通过您的 Telnyx 账户收发传真。您可以先用内置沙盒体验一下：它在本机模拟 Telnyx，带有示例传真，不产生任何费用。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/welcome.py" line="26"/>
        <source>Try the sandbox</source>
        <translation>试用沙盒</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/welcome.py" line="27"/>
        <source>Explore with demo data. Nothing is sent for real.</source>
        <translation>使用演示数据体验。不会真正发送任何内容。</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/welcome.py" line="31"/>
        <source>Enter your API key</source>
        <translation>输入您的 API 密钥</translation>
    </message>
    <message>
        <location filename="../../faxdesk/ui/welcome.py" line="32"/>
        <source>Connect to your Telnyx account (Telnyx portal → API Keys).</source>
        <translation>连接到您的 Telnyx 账户（Telnyx 门户 → API Keys）。</translation>
    </message>
</context>
</TS>
