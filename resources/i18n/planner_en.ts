<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BatchWindow</name>
    <message numerus="yes">
        <source>{folder}: %n proposals, {invalid} invalid</source>
        <translation>
            <numerusform>{folder}: %n proposal, {invalid} invalid</numerusform>
            <numerusform>{folder}: %n proposals, {invalid} invalid</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Export cancelled: %n proposals exported.</source>
        <translation>
            <numerusform>Export cancelled: %n proposal exported.</numerusform>
            <numerusform>Export cancelled: %n proposals exported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n proposals.</source>
        <translation>
            <numerusform>Exported %n proposal.</numerusform>
            <numerusform>Exported %n proposals.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CallImportDialog</name>
    <message numerus="yes">
        <source>%n areas</source>
        <translation>
            <numerusform>%n area</numerusform>
            <numerusform>%n areas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n topics</source>
        <translation>
            <numerusform>%n topic</numerusform>
            <numerusform>%n topics</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n directions</source>
        <translation>
            <numerusform>%n direction</numerusform>
            <numerusform>%n directions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportReport</name>
    <message numerus="yes">
        <source>%n invalid proposals skipped (fix them to export them).</source>
        <translation>
            <numerusform>%n invalid proposal skipped (fix it to export it).</numerusform>
            <numerusform>%n invalid proposals skipped (fix them to export them).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportRun</name>
    <message numerus="yes">
        <source>Exporting %n proposals…</source>
        <translation>
            <numerusform>Exporting %n proposal…</numerusform>
            <numerusform>Exporting %n proposals…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindReplaceDialog</name>
    <message numerus="yes">
        <source>%n replaced.</source>
        <translation>
            <numerusform>%n replaced.</numerusform>
            <numerusform>%n replaced.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutlinePane</name>
    <message numerus="yes">
        <source>%n characters</source>
        <translation>
            <numerusform>%n character</numerusform>
            <numerusform>%n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PagePreview</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PagesController</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemsDock</name>
    <message numerus="yes">
        <source>%n errors</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warnings</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message numerus="yes">
        <source>Status set to “{status}” for %n proposals.</source>
        <translation>
            <numerusform>Status set to “{status}” for %n proposal.</numerusform>
            <numerusform>Status set to “{status}” for %n proposals.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SectionEditor</name>
    <message numerus="yes">
        <source>%n characters</source>
        <translation>
            <numerusform>%n character</numerusform>
            <numerusform>%n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TopicTreePane</name>
    <message numerus="yes">
        <source>No topic contains these words; %n closest topics shown</source>
        <translation>
            <numerusform>No topic contains these words; %n closest topic shown</numerusform>
            <numerusform>No topic contains these words; %n closest topics shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n topics of {total} match</source>
        <translation>
            <numerusform>%n topic of {total} matches</numerusform>
            <numerusform>%n topics of {total} match</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n topics</source>
        <translation>
            <numerusform>%n topic</numerusform>
            <numerusform>%n topics</numerusform>
        </translation>
    </message>
</context>
</TS>
