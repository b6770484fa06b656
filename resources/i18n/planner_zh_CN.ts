<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BatchWindow</name>
    <message>
        <source>Workspace</source>
        <translation>工作区</translation>
    </message>
    <message>
        <source>No workspace open</source>
        <translation>未打开工作区</translation>
    </message>
    <message>
        <source>Set status of selected</source>
        <translation>设置所选申报书的状态</translation>
    </message>
    <message>
        <source>Export summary…</source>
        <translation>导出汇总表…</translation>
    </message>
    <message>
        <source>Export all…</source>
        <translation>全部导出…</translation>
    </message>
    <message>
        <source>Export selected…</source>
        <translation>导出所选…</translation>
    </message>
    <message>
        <source>Pack for submission…</source>
        <translation>打包提交…</translation>
    </message>
    <message>
        <source>One .zip with every valid proposal as .docx and summary.xlsx/.csv</source>
        <translation>一个 .zip：每份有效申报书的 .docx 与 summary.xlsx/.csv</translation>
    </message>
    <message>
        <source>Reviewer note…</source>
        <translation>审阅备注…</translation>
    </message>
    <message>
        <source>A note kept by the workspace, not in the applicant&apos;s file; in the summary</source>
        <translation>备注由工作区保存，不写入申请人的文件；会出现在汇总表中</translation>
    </message>
    <message>
        <source>New proposals from a sheet…</source>
        <translation>从名单表新建申报书…</translation>
    </message>
    <message>
        <source>One pre-filled proposal per applicant in an .xlsx or .csv sheet (columns such as 姓名, 单位, 课题, 方向), made in this workspace</source>
        <translation>按 .xlsx 或 .csv 名单表（列名如 姓名、单位、课题、方向）为每位申请人在本工作区新建一份预填的申报书</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Workspace — {folder}</source>
        <translation>工作区 — {folder}</translation>
    </message>
    <message numerus="yes">
        <source>{folder}: %n proposals, {invalid} invalid</source>
        <translation>
            <numerusform>{folder}：%n 份申报书，{invalid} 份无效</numerusform>
        </translation>
    </message>
    <message>
        <source>Exports fill {name}</source>
        <translation>导出填入模板 {name}</translation>
    </message>
    <message>
        <source>Export the selected proposals to</source>
        <translation>将所选申报书导出到</translation>
    </message>
    <message>
        <source>Pack for submission</source>
        <translation>打包提交</translation>
    </message>
    <message>
        <source>Zip files (*.zip)</source>
        <translation>Zip 文件 (*.zip)</translation>
    </message>
    <message>
        <source>Open {folder}</source>
        <translation>打开 {folder}</translation>
    </message>
    <message>
        <source>Summary written: {xlsx} and {csv}</source>
        <translation>汇总表已写入：{xlsx} 和 {csv}</translation>
    </message>
    <message numerus="yes">
        <source>Export cancelled: %n proposals exported.</source>
        <translation>
            <numerusform>导出已取消：已导出 %n 份申报书。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n proposals.</source>
        <translation>
            <numerusform>已导出 %n 份申报书。</numerusform>
        </translation>
    </message>
    <message>
        <source>Exports use the built-in look</source>
        <translation>导出使用内置样式</translation>
    </message>
    <message>
        <source>Choose it in the planner window: File → Export Template</source>
        <translation>在主窗口中选择：文件 → 导出模板</translation>
    </message>
    <message>
        <source>Export all proposals to</source>
        <translation>将全部申报书导出到</translation>
    </message>
    <message>
        <source>No valid proposal to export.</source>
        <translation>没有可导出的有效申报书。</translation>
    </message>
    <message>
        <source>Write summary.xlsx and .csv to</source>
        <translation>将 summary.xlsx 和 .csv 写入</translation>
    </message>
    <message>
        <source>Summary not written</source>
        <translation>未写入汇总表</translation>
    </message>
</context>
<context>
    <name>CallImportDialog</name>
    <message>
        <source>Import call</source>
        <translation>导入申报指南</translation>
    </message>
    <message>
        <source>{file}: {areas}, {topics}, {directions}.</source>
        <translation>{file}：{areas}，{topics}，{directions}。</translation>
    </message>
    <message numerus="yes">
        <source>%n areas</source>
        <translation>
            <numerusform>%n 个领域</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n topics</source>
        <translation>
            <numerusform>%n 个课题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n directions</source>
        <translation>
            <numerusform>%n 个研究方向</numerusform>
        </translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>课题</translation>
    </message>
    <message>
        <source>Directions</source>
        <translation>研究方向</translation>
    </message>
    <message>
        <source>The document&apos;s own title; proposals name the call by its id</source>
        <translation>文档自身的标题；申报书以编号指明所属申报指南</translation>
    </message>
    <message>
        <source>Call id:</source>
        <translation>指南编号：</translation>
    </message>
    <message>
        <source>Call title:</source>
        <translation>指南标题：</translation>
    </message>
    <message>
        <source>Not in the call (check that nothing needed is among them):</source>
        <translation>未纳入申报指南的内容（请确认其中没有需要的部分）：</translation>
    </message>
    <message>
        <source>Every topic of the text was placed.</source>
        <translation>文本中的所有课题均已识别。</translation>
    </message>
    <message>
        <source>Every part of the text was placed.</source>
        <translation>文本的每一部分都已识别。</translation>
    </message>
    <message>
        <source>The call may be incomplete: these parts could not be placed. Fix them in the source file and open it again, or use the call as it is.</source>
        <translation>指南可能不完整：以下部分无法识别。请在源文件中修正后重新打开，或直接使用当前结果。</translation>
    </message>
    <message>
        <source>Save call as…</source>
        <translation>申报指南另存为…</translation>
    </message>
    <message>
        <source>Write the call file to hand out to applicants</source>
        <translation>写出申报指南文件，分发给申请人</translation>
    </message>
    <message>
        <source>Use this call</source>
        <translation>使用此指南</translation>
    </message>
    <message>
        <source>Save call as</source>
        <translation>申报指南另存为</translation>
    </message>
    <message>
        <source>Call files (*.yaml)</source>
        <translation>申报指南文件 (*.yaml)</translation>
    </message>
    <message>
        <source>Call not saved</source>
        <translation>申报指南未保存</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Paragraph {n}</source>
        <translation>第 {n} 段</translation>
    </message>
    <message>
        <source>Line {n}</source>
        <translation>第 {n} 行</translation>
    </message>
</context>
<context>
    <name>CallSwitcher</name>
    <message>
        <source>The call used last time cannot be opened:
{error}

The built-in call is used instead; open the other call again with File → Open Call….</source>
        <translation>上次使用的申报指南无法打开：
{error}

已改用内置申报指南；可通过“文件 → 打开申报指南…”重新打开其他指南。</translation>
    </message>
    <message>
        <source>built-in call</source>
        <translation>内置申报指南</translation>
    </message>
    <message>
        <source>Built-in Call</source>
        <translation>内置申报指南</translation>
    </message>
    <message>
        <source>Open call</source>
        <translation>打开申报指南</translation>
    </message>
    <message>
        <source>Call loaded: {title} ({count} topics)</source>
        <translation>已载入申报指南：{title}（{count} 个课题）</translation>
    </message>
    <message>
        <source>{file} was written for the call “{wanted}”, but the loaded call is “{id}” ({title}).</source>
        <translation>{file} 是针对申报指南“{wanted}”撰写的，但当前载入的是“{id}”（{title}）。</translation>
    </message>
    <message>
        <source>Switch to the call “{title}” ({file})?</source>
        <translation>是否切换到申报指南“{title}”（{file}）？</translation>
    </message>
    <message>
        <source>No call with the id “{id}” was opened before. Open its call file now?</source>
        <translation>此前未打开过标识为“{id}”的申报指南。现在打开它的指南文件吗？</translation>
    </message>
    <message>
        <source>Proposal for another call</source>
        <translation>申报书属于其他申报指南</translation>
    </message>
    <message>
        <source>If you do not switch, the proposal opens with the loaded call.</source>
        <translation>如不切换，申报书将按当前载入的指南打开。</translation>
    </message>
</context>
<context>
    <name>CitationDialog</name>
    <message>
        <source>Cite references</source>
        <translation>引用参考文献</translation>
    </message>
    <message>
        <source>&amp;References of this proposal (select one or more):</source>
        <translation>本申报书的参考文献（可选一条或多条）(&amp;R)：</translation>
    </message>
    <message>
        <source>References of this proposal</source>
        <translation>本申报书的参考文献</translation>
    </message>
    <message>
        <source>&amp;New reference…</source>
        <translation>新建参考文献(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Import .bib / .ris…</source>
        <translation>导入 .bib / .ris(&amp;I)…</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Select a topic on the left to read it here.</source>
        <translation>在左侧选择一个课题，即可在此阅读详情。</translation>
    </message>
    <message>
        <source>Use this topic</source>
        <translation>选用此课题</translation>
    </message>
    <message>
        <source>Write my proposal for this topic (or double-click it)</source>
        <translation>为此课题撰写申报书（也可双击该课题）</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>课题背景</translation>
    </message>
    <message>
        <source>What the topic team offers</source>
        <translation>课题组可提供的资源</translation>
    </message>
    <message>
        <source>Suggested research directions</source>
        <translation>建议研究方向</translation>
    </message>
    <message>
        <source>My own directions</source>
        <translation>自拟研究方向</translation>
    </message>
    <message>
        <source>Describe a direction of your own…</source>
        <translation>描述您自拟的研究方向…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Direction {number}: {text}</source>
        <translation>研究方向 {number}：{text}</translation>
    </message>
    <message>
        <source>Topic {id} · {area}</source>
        <translation>课题 {id} · {area}</translation>
    </message>
    <message>
        <source>Chosen for my proposal</source>
        <translation>已纳入我的申报书</translation>
    </message>
    <message>
        <source>Include in my proposal</source>
        <translation>纳入我的申报书</translation>
    </message>
    <message>
        <source>Tick the directions to include in your proposal.</source>
        <translation>勾选要纳入申报书的研究方向。</translation>
    </message>
    <message>
        <source>This topic suggests no directions: add your own below.</source>
        <translation>此课题未给出建议研究方向，请在下方添加自拟方向。</translation>
    </message>
</context>
<context>
    <name>DirectionsBox</name>
    <message>
        <source>Topic and directions</source>
        <translation>课题与研究方向</translation>
    </message>
    <message>
        <source>My own directions (double-click to edit):</source>
        <translation>自拟研究方向（双击可编辑）：</translation>
    </message>
    <message>
        <source>Add own direction</source>
        <translation>添加自拟方向</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>No topic chosen yet: select one on the left and press “Use this topic”.</source>
        <translation>尚未选择课题：请在左侧选择一个课题，然后点击“选用此课题”。</translation>
    </message>
    <message>
        <source>Topic {id} is not in this call.</source>
        <translation>课题 {id} 不在本指南中。</translation>
    </message>
</context>
<context>
    <name>DiskWatch</name>
    <message>
        <source>{file} was removed from disk</source>
        <translation>{file} 已从磁盘上删除</translation>
    </message>
    <message>
        <source>{file} was changed on disk by another program.</source>
        <translation>{file} 已被其他程序在磁盘上修改。</translation>
    </message>
    <message>
        <source>Reload it? Your unsaved text is kept as a recovery copy, offered at the next start.</source>
        <translation>重新载入吗？您未保存的内容会保留为恢复副本，下次启动时提供恢复。</translation>
    </message>
    <message>
        <source>Reload it?</source>
        <translation>重新载入吗？</translation>
    </message>
    <message>
        <source>File changed on disk</source>
        <translation>文件已在磁盘上更改</translation>
    </message>
    <message>
        <source>Reloaded {file}</source>
        <translation>已重新载入 {file}</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <source>Built-in look (no template)</source>
        <translation>内置样式（不使用模板）</translation>
    </message>
    <message>
        <source>Template: {name}</source>
        <translation>模板：{name}</translation>
    </message>
    <message>
        <source>Export template: {name}</source>
        <translation>导出模板：{name}</translation>
    </message>
    <message>
        <source>Choose the institution&apos;s Word template</source>
        <translation>选择本单位的 Word 模板</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>proposal</source>
        <translation>申报书</translation>
    </message>
    <message>
        <source>Export .docx</source>
        <translation>导出 .docx</translation>
    </message>
    <message>
        <source>The export fills the template {path} (File → Export Template).</source>
        <translation>导出时套用模板 {path}（文件 → 导出模板）。</translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation>已导出 {path}</translation>
    </message>
    <message>
        <source>Exported with missing pictures</source>
        <translation>已导出，但有图片缺失</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>ExportReport</name>
    <message numerus="yes">
        <source>%n invalid proposals skipped (fix them to export them).</source>
        <translation>
            <numerusform>已跳过 %n 份无效申报书（修正后即可导出）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Packed for submission: {zip}</source>
        <translation>已打包提交：{zip}</translation>
    </message>
</context>
<context>
    <name>ExportRun</name>
    <message numerus="yes">
        <source>Exporting %n proposals…</source>
        <translation>
            <numerusform>正在导出 %n 份申报书…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export all</source>
        <translation>全部导出</translation>
    </message>
    <message>
        <source>Exported {done} of {total}: {file}</source>
        <translation>已导出 {done}/{total}：{file}</translation>
    </message>
</context>
<context>
    <name>FileCommands</name>
    <message>
        <source>the untitled proposal</source>
        <translation>未命名申报书</translation>
    </message>
    <message>
        <source>Open proposal</source>
        <translation>打开申报书</translation>
    </message>
    <message>
        <source>Cannot open proposal</source>
        <translation>无法打开申报书</translation>
    </message>
    <message>
        <source>Opened {path}</source>
        <translation>已打开 {path}</translation>
    </message>
    <message>
        <source>Save proposal as</source>
        <translation>申报书另存为</translation>
    </message>
    <message>
        <source>Cannot save proposal</source>
        <translation>无法保存申报书</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>an untitled proposal</source>
        <translation>未命名申报书</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>{path} is open in another window</source>
        <translation>{path} 已在另一个窗口中打开</translation>
    </message>
    <message>
        <source>Reopened {path}</source>
        <translation>已重新打开 {path}</translation>
    </message>
    <message>
        <source>{title} — {folder}</source>
        <translation>{title} — {folder}</translation>
    </message>
    <message>
        <source>proposal</source>
        <translation>申报书</translation>
    </message>
    <message>
        <source>Proposals (*{suffix});;All files (*)</source>
        <translation>申报书 (*{suffix});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Proposals (*{suffix} *.docx);;All files (*)</source>
        <translation>申报书 (*{suffix} *.docx);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Filter by applicant, topic, title…</source>
        <translation>按申请人、课题、标题筛选…</translation>
    </message>
    <message>
        <source>All proposals</source>
        <translation>全部申报书</translation>
    </message>
    <message>
        <source>Valid only</source>
        <translation>仅有效</translation>
    </message>
    <message>
        <source>Invalid only</source>
        <translation>仅无效</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <source>Any topic</source>
        <translation>任意课题</translation>
    </message>
    <message>
        <source>Any institution</source>
        <translation>任意单位</translation>
    </message>
    <message>
        <source>{shown} of {total} shown</source>
        <translation>显示 {shown} / {total}</translation>
    </message>
</context>
<context>
    <name>FindReplaceDialog</name>
    <message>
        <source>Find and replace in the proposal</source>
        <translation>在申报书中查找和替换</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>查找(&amp;F)：</translation>
    </message>
    <message>
        <source>Replace &amp;with:</source>
        <translation>替换为(&amp;W)：</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>替换为</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>替换(&amp;R)</translation>
    </message>
    <message>
        <source>Replace &amp;all</source>
        <translation>全部替换(&amp;A)</translation>
    </message>
    <message>
        <source>“{text}” is not in the proposal.</source>
        <translation>申报书中没有“{text}”。</translation>
    </message>
    <message numerus="yes">
        <source>%n replaced.</source>
        <translation>
            <numerusform>已替换 %n 处。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FormatBar</name>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>加粗</translation>
    </message>
    <message>
        <source>I</source>
        <translation>I</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>倾斜</translation>
    </message>
    <message>
        <source>x²</source>
        <translation>x²</translation>
    </message>
    <message>
        <source>Superscript</source>
        <translation>上标</translation>
    </message>
    <message>
        <source>x₂</source>
        <translation>x₂</translation>
    </message>
    <message>
        <source>Subscript</source>
        <translation>下标</translation>
    </message>
    <message>
        <source>• List</source>
        <translation>• 列表</translation>
    </message>
    <message>
        <source>Bulleted list</source>
        <translation>项目符号列表</translation>
    </message>
    <message>
        <source>1. List</source>
        <translation>1. 列表</translation>
    </message>
    <message>
        <source>Numbered list</source>
        <translation>编号列表</translation>
    </message>
    <message>
        <source>⇤</source>
        <translation>⇤</translation>
    </message>
    <message>
        <source>Outdent the list item</source>
        <translation>减少列表缩进</translation>
    </message>
    <message>
        <source>⇥</source>
        <translation>⇥</translation>
    </message>
    <message>
        <source>Indent the list item</source>
        <translation>增加列表缩进</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除格式</translation>
    </message>
    <message>
        <source>Clear formatting</source>
        <translation>清除格式</translation>
    </message>
    <message>
        <source>Body text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Heading 1</source>
        <translation>标题 1</translation>
    </message>
    <message>
        <source>Heading 2</source>
        <translation>标题 2</translation>
    </message>
    <message>
        <source>Heading 3</source>
        <translation>标题 3</translation>
    </message>
    <message>
        <source>Sub-heading level (Ctrl+1, Ctrl+2, Ctrl+3; Ctrl+0)</source>
        <translation>小标题级别（Ctrl+1、Ctrl+2、Ctrl+3；Ctrl+0 为正文）</translation>
    </message>
    <message>
        <source>Paragraph style</source>
        <translation>段落样式</translation>
    </message>
    <message>
        <source>Table…</source>
        <translation>表格…</translation>
    </message>
    <message>
        <source>Insert a table (rows × columns)</source>
        <translation>插入表格（行 × 列）</translation>
    </message>
    <message>
        <source>Insert row above</source>
        <translation>在上方插入行</translation>
    </message>
    <message>
        <source>Insert row below</source>
        <translation>在下方插入行</translation>
    </message>
    <message>
        <source>Insert column left</source>
        <translation>在左侧插入列</translation>
    </message>
    <message>
        <source>Insert column right</source>
        <translation>在右侧插入列</translation>
    </message>
    <message>
        <source>Delete row</source>
        <translation>删除行</translation>
    </message>
    <message>
        <source>Delete column</source>
        <translation>删除列</translation>
    </message>
    <message>
        <source>Figure…</source>
        <translation>图片…</translation>
    </message>
    <message>
        <source>Insert a picture (you can also paste one or drop a picture file)</source>
        <translation>插入图片（也可以粘贴图片或拖入图片文件）</translation>
    </message>
    <message>
        <source>Cite…</source>
        <translation>引用…</translation>
    </message>
    <message>
        <source>Cite a reference: shown as [n], listed at the end</source>
        <translation>引用参考文献：正文显示为 [n]，文末列出</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Untitled proposal</source>
        <translation>未命名申报书</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
</context>
<context>
    <name>MatchDialog</name>
    <message>
        <source>Find Topics for My Research</source>
        <translation>为我的研究查找课题</translation>
    </message>
    <message>
        <source>Paste a paragraph about your research, in Chinese or English. The call&apos;s topics are ranked by how close their title, background and directions are to your text.</source>
        <translation>粘贴一段介绍您研究工作的文字（中文或英文均可）。指南中的课题将按其标题、背景和研究方向与这段文字的相近程度排序。</translation>
    </message>
    <message>
        <source>For example: the abstract of a recent paper or project of yours…</source>
        <translation>例如：您近期一篇论文或一个项目的摘要……</translation>
    </message>
    <message>
        <source>&amp;Go to Topic</source>
        <translation>转到课题(&amp;G)</translation>
    </message>
    <message>
        <source>Open the selected topic in the planner</source>
        <translation>在主窗口中打开所选课题</translation>
    </message>
    <message>
        <source>Loading the dictionary…</source>
        <translation>正在加载词典…</translation>
    </message>
    <message>
        <source>Paste or type a paragraph to see the closest topics.</source>
        <translation>粘贴或输入一段文字，即可看到最相近的课题。</translation>
    </message>
    <message>
        <source>No topic shares any words with your text.</source>
        <translation>没有课题与这段文字有共同的词语。</translation>
    </message>
    <message>
        <source>No topic fits your text well: the closest ones below share only a few words with it.</source>
        <translation>没有课题与这段文字很契合：下面最相近的课题也只与它有少数共同词语。</translation>
    </message>
    <message>
        <source>Topics sharing words with your text: {count}, best first; the shared words of the selected one are marked in your text. Double-click a topic to open it.</source>
        <translation>与这段文字有共同词语的课题：{count} 个，最相近的在前；所选课题的共同词语已在文字中标出。双击课题即可打开。</translation>
    </message>
</context>
<context>
    <name>MatchResultModel</name>
    <message>
        <source>Topic</source>
        <translation>课题</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>契合度</translation>
    </message>
    <message>
        <source>Shared words</source>
        <translation>共同词语</translation>
    </message>
    <message>
        <source>Direction {number}:
{text}</source>
        <translation>方向 {number}：
{text}</translation>
    </message>
    <message>
        <source>close match</source>
        <translation>高度契合</translation>
    </message>
    <message>
        <source>partial match</source>
        <translation>部分契合</translation>
    </message>
    <message>
        <source>weak match</source>
        <translation>契合度低</translation>
    </message>
    <message>
        <source>(open topic: any direction within its area)</source>
        <translation>（开放课题：本领域内方向不限）</translation>
    </message>
    <message>
        <source>Best direction</source>
        <translation>最匹配的研究方向</translation>
    </message>
</context>
<context>
    <name>MergeAction</name>
    <message>
        <source>New proposals from an applicants sheet</source>
        <translation>从申请人名单表新建申报书</translation>
    </message>
    <message>
        <source>Applicant sheets (*.xlsx *.csv)</source>
        <translation>申请人名单表 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>No proposals made</source>
        <translation>未新建申报书</translation>
    </message>
    <message>
        <source>Not every proposal was made</source>
        <translation>部分申报书未能新建</translation>
    </message>
    <message>
        <source>New proposals from {sheet}: {count}</source>
        <translation>根据 {sheet} 新建的申报书：{count} 份</translation>
    </message>
    <message>
        <source>Row {row}: {file} exists and was left as it is.</source>
        <translation>第 {row} 行：{file} 已存在，保持原样。</translation>
    </message>
</context>
<context>
    <name>OpenCall</name>
    <message>
        <source>Calls</source>
        <translation>申报指南</translation>
    </message>
    <message>
        <source>Call files</source>
        <translation>指南文件</translation>
    </message>
    <message>
        <source>Topic lists to import</source>
        <translation>待导入的课题列表</translation>
    </message>
    <message>
        <source>Cannot open the call</source>
        <translation>无法打开申报指南</translation>
    </message>
</context>
<context>
    <name>OutlinePane</name>
    <message>
        <source>Outline of the proposal</source>
        <translation>申报书大纲</translation>
    </message>
    <message numerus="yes">
        <source>%n characters</source>
        <translation>
            <numerusform>%n 字</numerusform>
        </translation>
    </message>
    <message>
        <source>{count} / {limit}</source>
        <translation>{count} / {limit}</translation>
    </message>
</context>
<context>
    <name>PagePreview</name>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Sections: click one to see its page</source>
        <translation>章节：单击以查看所在页</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>p. {page} · {heading}</source>
        <translation>第 {page} 页 · {heading}</translation>
    </message>
</context>
<context>
    <name>PagesController</name>
    <message>
        <source>Page Pre&amp;view</source>
        <translation>页面预览(&amp;V)</translation>
    </message>
    <message>
        <source>See the pages as the PDF and the printout show them</source>
        <translation>按 PDF 和打印的样子查看各页</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>导出 &amp;PDF…</translation>
    </message>
    <message>
        <source>Export the proposal as a PDF (no other program needed)</source>
        <translation>将申报书导出为 PDF（无需其他软件）</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Print Pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <source>Page Preview</source>
        <translation>页面预览</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>{pages} of {limit} allowed</source>
        <translation>{pages}，限 {limit} 页</translation>
    </message>
    <message>
        <source>The PDF was written with a framed placeholder for:
{figures}</source>
        <translation>PDF 已写出，以下图片以方框占位：
{figures}</translation>
    </message>
    <message>
        <source>Exported {path} ({pages})</source>
        <translation>已导出 {path}（{pages}）</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Some figures could not be shown</source>
        <translation>部分图片无法显示</translation>
    </message>
</context>
<context>
    <name>ProblemsDock</name>
    <message>
        <source>Problems (shown once you start)</source>
        <translation>问题（开始填写后显示）</translation>
    </message>
    <message>
        <source>Problems ({errors}, {warnings})</source>
        <translation>问题（{errors}，{warnings}）</translation>
    </message>
    <message numerus="yes">
        <source>%n errors</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warnings</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemsPane</name>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>ProposalChanges</name>
    <message>
        <source>Topic {id} chosen</source>
        <translation>已选择课题 {id}</translation>
    </message>
    <message>
        <source>Tick direction {n}</source>
        <translation>勾选研究方向 {n}</translation>
    </message>
    <message>
        <source>Untick direction {n}</source>
        <translation>取消勾选研究方向 {n}</translation>
    </message>
    <message>
        <source>Add own direction</source>
        <translation>添加自拟方向</translation>
    </message>
    <message>
        <source>Change own directions</source>
        <translation>修改自拟方向</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>修改状态</translation>
    </message>
    <message>
        <source>Status changed from the workspace: save to keep it</source>
        <translation>工作区已更改状态：保存后生效</translation>
    </message>
    <message>
        <source>Add references</source>
        <translation>添加参考文献</translation>
    </message>
    <message>
        <source>Delete reference {key}</source>
        <translation>删除参考文献 {key}</translation>
    </message>
</context>
<context>
    <name>ProposalEditor</name>
    <message>
        <source>Proposal</source>
        <translation>申报书</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>The title of your proposal</source>
        <translation>您的申报书标题</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>Academic title:</source>
        <translation>职称：</translation>
    </message>
    <message>
        <source>&amp;Institution:</source>
        <translation>单位(&amp;I)：</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>院系：</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>电子邮箱：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>Proposal form</source>
        <translation>申报书正文</translation>
    </message>
    <message>
        <source>Complete: {percent}%</source>
        <translation>完成度：{percent}%</translation>
    </message>
</context>
<context>
    <name>ReferenceEdit</name>
    <message>
        <source>Edit reference {key}</source>
        <translation>编辑参考文献 {key}</translation>
    </message>
</context>
<context>
    <name>ReferenceForm</name>
    <message>
        <source>New reference</source>
        <translation>新建参考文献</translation>
    </message>
    <message>
        <source>Edit reference</source>
        <translation>编辑参考文献</translation>
    </message>
    <message>
        <source>Journal article [J]</source>
        <translation>期刊论文 [J]</translation>
    </message>
    <message>
        <source>Book [M]</source>
        <translation>专著 [M]</translation>
    </message>
    <message>
        <source>Conference paper [C]</source>
        <translation>会议论文 [C]</translation>
    </message>
    <message>
        <source>Thesis [D]</source>
        <translation>学位论文 [D]</translation>
    </message>
    <message>
        <source>Report [R]</source>
        <translation>报告 [R]</translation>
    </message>
    <message>
        <source>Web page [EB/OL]</source>
        <translation>网页 [EB/OL]</translation>
    </message>
    <message>
        <source>张三; 李四 or Huang, Dan; Liu, Qi</source>
        <translation>张三; 李四 或 Huang, Dan; Liu, Qi</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Key (cited as [@key]):</source>
        <translation>键名（引用写作 [@键名]）(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Authors:</source>
        <translation>作者(&amp;A)：</translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation>题名(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Journal, book or publisher:</source>
        <translation>期刊、书名或出版者(&amp;J)：</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>年份(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Volume (issue):</source>
        <translation>卷（期）(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Pages:</source>
        <translation>页码(&amp;P)：</translation>
    </message>
    <message>
        <source>A key is one word without spaces, e.g. zhang2020.</source>
        <translation>键名是一个不含空格的词，例如 zhang2020。</translation>
    </message>
    <message>
        <source>The proposal has a reference with this key already.</source>
        <translation>申报书中已有使用此键名的参考文献。</translation>
    </message>
    <message>
        <source>A reference needs its title.</source>
        <translation>参考文献需要题名。</translation>
    </message>
</context>
<context>
    <name>ReferencesPane</name>
    <message>
        <source>As the document prints them (GB/T 7714-2015), in order of first citation.</source>
        <translation>按文档打印的样式（GB/T 7714-2015），以首次引用的顺序排列。</translation>
    </message>
    <message>
        <source>References</source>
        <translation>参考文献</translation>
    </message>
    <message>
        <source>&amp;New reference…</source>
        <translation>新建参考文献(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Import .bib / .ris…</source>
        <translation>导入 .bib / .ris(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>(not cited: [@{key}]) {text}</source>
        <translation>（未引用：[@{key}]）{text}</translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message>
        <source>{file}: unreadable, fix the file first</source>
        <translation>{file}：无法读取，请先修正该文件</translation>
    </message>
    <message>
        <source>{file}: open in another planner ({holder}); not changed</source>
        <translation>{file}：正在另一个规划器中打开（{holder}），未更改</translation>
    </message>
    <message numerus="yes">
        <source>Status set to “{status}” for %n proposals.</source>
        <translation>
            <numerusform>已将 %n 份申报书的状态设为“{status}”。</numerusform>
        </translation>
    </message>
    <message>
        <source>Reviewer note</source>
        <translation>审阅备注</translation>
    </message>
    <message>
        <source>Note on {file} (kept by the workspace, not sent):</source>
        <translation>{file} 的备注（由工作区保存，不发给申请人）：</translation>
    </message>
</context>
<context>
    <name>SectionEditor</name>
    <message>
        <source>Save the proposal first: its pictures are kept in a folder beside its file.</source>
        <translation>请先保存申报书：图片保存在申报书文件旁的文件夹中。</translation>
    </message>
    <message>
        <source>This picture cannot be inserted: {file}</source>
        <translation>无法插入此图片：{file}</translation>
    </message>
    <message>
        <source>Picture not inserted</source>
        <translation>未插入图片</translation>
    </message>
    <message numerus="yes">
        <source>%n characters</source>
        <translation>
            <numerusform>%n 字</numerusform>
        </translation>
    </message>
    <message>
        <source>{count} / {limit} characters</source>
        <translation>{count} / {limit} 字</translation>
    </message>
    <message>
        <source>{text} — over the limit by {over}</source>
        <translation>{text} — 超出字数限制 {over} 字</translation>
    </message>
</context>
<context>
    <name>SectionTools</name>
    <message>
        <source>Insert picture</source>
        <translation>插入图片</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.gif *.bmp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.gif *.bmp)</translation>
    </message>
    <message>
        <source>Import references</source>
        <translation>导入参考文献</translation>
    </message>
    <message>
        <source>Reference files ({patterns})</source>
        <translation>参考文献文件 ({patterns})</translation>
    </message>
    <message>
        <source>References not imported</source>
        <translation>未导入参考文献</translation>
    </message>
    <message>
        <source>{added} references added, {skipped} already in the proposal.</source>
        <translation>已添加 {added} 条参考文献，{skipped} 条已在申报书中。</translation>
    </message>
    <message>
        <source>References imported</source>
        <translation>已导入参考文献</translation>
    </message>
</context>
<context>
    <name>StateLabel</name>
    <message>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
</context>
<context>
    <name>TopicTreePane</name>
    <message>
        <source>Search topics (title, background, directions; English words too)</source>
        <translation>搜索课题（名称、背景、方向；也可输入英文词）</translation>
    </message>
    <message>
        <source>Filter as you type; Esc clears</source>
        <translation>输入即筛选；按 Esc 清除</translation>
    </message>
    <message numerus="yes">
        <source>No topic contains these words; %n closest topics shown</source>
        <translation>
            <numerusform>没有课题包含这些词；显示最相近的 %n 个课题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n topics of {total} match</source>
        <translation>
            <numerusform>{total} 个课题中有 %n 个匹配</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n topics</source>
        <translation>
            <numerusform>共 %n 个课题</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Recent Ca&amp;lls</source>
        <translation>最近的申报指南(&amp;L)</translation>
    </message>
    <message>
        <source>Export &amp;Template</source>
        <translation>导出模板(&amp;T)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>&amp;New Proposal</source>
        <translation>新建申报书(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Export .docx…</source>
        <translation>导出 .docx(&amp;E)…</translation>
    </message>
    <message>
        <source>Open &amp;Call…</source>
        <translation>打开申报指南(&amp;C)…</translation>
    </message>
    <message>
        <source>Open &amp;Workspace…</source>
        <translation>打开工作区(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Choose Template…</source>
        <translation>选择模板(&amp;C)…</translation>
    </message>
    <message>
        <source>Use the &amp;Built-in Look</source>
        <translation>使用内置样式(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Find Topics</source>
        <translation>查找课题(&amp;F)</translation>
    </message>
    <message>
        <source>Find topics for my research…</source>
        <translation>为我的研究查找课题…</translation>
    </message>
    <message>
        <source>&amp;Problems</source>
        <translation>问题(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;About Proposal Planner</source>
        <translation>关于 Proposal Planner(&amp;A)</translation>
    </message>
    <message>
        <source>Export the proposal as a Word document</source>
        <translation>将申报书导出为 Word 文档</translation>
    </message>
    <message>
        <source>Check, export and summarise a folder of proposals (for research offices)</source>
        <translation>检查、导出并汇总一个文件夹中的申报书（供科研管理部门使用）</translation>
    </message>
    <message>
        <source>Plan against another call: a call file, or a topic list to import</source>
        <translation>按另一份申报指南规划：打开指南文件，或导入课题列表</translation>
    </message>
    <message>
        <source>Export into your institution&apos;s Word template (styles, page setup, logo)</source>
        <translation>套用本单位的 Word 模板导出（样式、页面设置、徽标）</translation>
    </message>
</context>
<context>
    <name>WorkspaceController</name>
    <message>
        <source>Open a folder of proposals</source>
        <translation>打开申报书文件夹</translation>
    </message>
</context>
<context>
    <name>WorkspaceModel</name>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>课题</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>完成度</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Reviewer note</source>
        <translation>审阅备注</translation>
    </message>
    <message>
        <source>{name} (from Word)</source>
        <translation>{name}（来自 Word）</translation>
    </message>
    <message>
        <source>⚠ same applicant as {files}</source>
        <translation>⚠ 与 {files} 为同一申请人</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>没有问题</translation>
    </message>
</context>
<context>
    <name>WritingController</name>
    <message>
        <source>&amp;Focus on This Section</source>
        <translation>专注于本节(&amp;F)</translation>
    </message>
    <message>
        <source>One section full-window, with its guidance (F11)</source>
        <translation>整个窗口只显示一节及其填写说明（F11）</translation>
    </message>
    <message>
        <source>&amp;Outline</source>
        <translation>大纲(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;References</source>
        <translation>参考文献(&amp;R)</translation>
    </message>
    <message>
        <source>Find and &amp;Replace…</source>
        <translation>查找和替换(&amp;R)…</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>大纲</translation>
    </message>
    <message>
        <source>References</source>
        <translation>参考文献</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <source>Proposal Planner ran into an internal error.</source>
        <translation>Proposal Planner 遇到了内部错误。</translation>
    </message>
    <message>
        <source>Your unsaved changes were written to a recovery copy: unless you save them, the next start offers to restore them. Save the proposal now if you can.</source>
        <translation>您未保存的更改已写入恢复副本：只要没有保存，下次启动时就会提示恢复。如有可能，请立即保存申报书。</translation>
    </message>
    <message>
        <source>The open proposal has no unsaved changes.</source>
        <translation>当前申报书没有未保存的更改。</translation>
    </message>
    <message>
        <source>The details were written to {path}: send that file with a report.</source>
        <translation>详细信息已写入 {path}：报告问题时请附上该文件。</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <source>Insert table</source>
        <translation>插入表格</translation>
    </message>
    <message>
        <source>Rows below the header</source>
        <translation>表头下的行数</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列数</translation>
    </message>
    <message>
        <source>&amp;Rows (below the header row):</source>
        <translation>行数（表头行以下）(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Columns:</source>
        <translation>列数(&amp;C)：</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>Call not found</source>
        <translation>找不到申报指南</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Save the changes to {name} first?</source>
        <translation>是否先保存对“{name}”的更改？</translation>
    </message>
    <message>
        <source>{path} is already open in another window or another copy of Proposal Planner ({holder}).

Open it read-only?</source>
        <translation>{path} 已在另一个窗口或另一个 Proposal Planner 实例中打开（{holder}）。

是否以只读方式打开？</translation>
    </message>
    <message>
        <source>Your proposal has directions ticked for topic {old}. Switching to topic {new} clears them. Switch?</source>
        <translation>您的申报书已勾选课题 {old} 的研究方向。切换到课题 {new} 将清除这些勾选。是否切换？</translation>
    </message>
    <message>
        <source>When this file was opened, these parts of it could not be read:

{parts}

Saving writes the proposal as the planner shows it, without them. The file as it is now is kept as {backup}.

Save anyway?</source>
        <translation>打开此文件时，以下部分无法读取：

{parts}

保存将按本程序显示的内容写入申报书，不包含这些部分。文件的当前版本将保留为 {backup}。

仍要保存吗？</translation>
    </message>
    <message>
        <source>Proposal Planner did not close properly last time. An unsaved copy was kept:

{copy}

Restore it?</source>
        <translation>Proposal Planner 上次未正常关闭，保留了一份未保存的副本：

{copy}

是否恢复？</translation>
    </message>
    <message>
        <source>Export with errors?</source>
        <translation>有错误，仍要导出吗？</translation>
    </message>
    <message>
        <source>This proposal has errors:

{errors}

The document would show them as they are. Export anyway?</source>
        <translation>此申报书有以下错误：

{errors}

导出的文档会原样保留这些问题。仍要导出吗？</translation>
    </message>
    <message>
        <source>Saved {path}.

Open it now?</source>
        <translation>已保存 {path}。

是否立即打开？</translation>
    </message>
    <message>
        <source>Call: {title}</source>
        <translation>申报指南：{title}</translation>
    </message>
    <message>
        <source>Call id: {id}</source>
        <translation>指南标识：{id}</translation>
    </message>
    <message>
        <source>From: {source}</source>
        <translation>来源：{source}</translation>
    </message>
    <message>
        <source>Released under the {licence} licence.</source>
        <translation>以 {licence} 许可证发布。</translation>
    </message>
    <message>
        <source>Proposal already open</source>
        <translation>申报书已被打开</translation>
    </message>
    <message>
        <source>Change topic</source>
        <translation>更换课题</translation>
    </message>
    <message>
        <source>Save without the unreadable parts?</source>
        <translation>不保留无法读取的部分并保存？</translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation>恢复未保存的内容？</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <source>Plan a research proposal against a call for proposals.</source>
        <translation>对照申报指南规划和撰写科研项目申报书。</translation>
    </message>
    <message>
        <source>About Proposal Planner</source>
        <translation>关于 Proposal Planner</translation>
    </message>
</context>
<context>
    <name>import_report</name>
    <message>
        <source>Sections read: {count} ({controls} by their content control, {headings} by heading).</source>
        <translation>读取的部分：{count} 个（{controls} 个按内容控件，{headings} 个按标题）。</translation>
    </message>
    <message>
        <source>Tracked changes read as if accepted: {count}.</source>
        <translation>按接受后的内容读取的修订：{count} 处。</translation>
    </message>
    <message>
        <source>Comments in the document, not imported: {count}.</source>
        <translation>文档中的批注（未导入）：{count} 条。</translation>
    </message>
    <message>
        <source>Figures saved beside the Word file: {count}.</source>
        <translation>保存在 Word 文件旁的图片：{count} 张。</translation>
    </message>
    <message>
        <source>Parts that could not be placed: {count} (see the details).</source>
        <translation>无法归入申报书的内容：{count} 处（请查看详细信息）。</translation>
    </message>
    <message>
        <source>Everything in the document was placed.</source>
        <translation>文档中的全部内容均已归入申报书。</translation>
    </message>
    <message>
        <source>Imported from Word</source>
        <translation>从 Word 导入</translation>
    </message>
    <message>
        <source>{file} was read into a new proposal, not saved yet.</source>
        <translation>已将 {file} 读入一份新的申报书，尚未保存。</translation>
    </message>
</context>
<context>
    <name>open_word</name>
    <message>
        <source>Cannot read the Word file</source>
        <translation>无法读取 Word 文件</translation>
    </message>
</context>
</TS>
