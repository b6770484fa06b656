<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
        <source>Paste or type a paragraph to see the closest topics.</source>
        <translation>粘贴或输入一段文字，即可看到最相近的课题。</translation>
    </message>
    <message>
        <source>No topic shares any words with your text.</source>
        <translation>没有课题与这段文字有共同的词语。</translation>
    </message>
    <message>
        <source>Topics sharing words with your text: %1, best first. Double-click one to open it.</source>
        <translation>与这段文字有共同词语的课题共 %1 个，按相似度从高到低排列。双击即可打开。</translation>
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
        <source>Similarity</source>
        <translation>相似度</translation>
    </message>
    <message>
        <source>Best direction</source>
        <translation>最匹配的研究方向</translation>
    </message>
    <message>
        <source>Direction %1 (similarity %2):
%3</source>
        <translation>研究方向 %1（相似度 %2）：
%3</translation>
    </message>
    <message>
        <source>(open topic: no suggested directions)</source>
        <translation>（开放命题：无建议研究方向）</translation>
    </message>
</context>
</TS>
