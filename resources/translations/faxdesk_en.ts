<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ContactsDialog</name>
    <message numerus="yes">
        <location filename="../../faxdesk/ui/contacts_dialog.py" line="273"/>
        <source>Exported %n contact(s) to {path}.</source>
        <translation>
            <numerusform>Exported %n contact to {path}.</numerusform>
            <numerusform>Exported %n contacts to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FaxOperations</name>
    <message numerus="yes">
        <location filename="../../faxdesk/ui/operations.py" line="155"/>
        <source>Printed %n page(s).</source>
        <translation>
            <numerusform>Printed %n page.</numerusform>
            <numerusform>Printed %n pages.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../faxdesk/ui/main_window.py" line="554"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message numerus="yes">
        <location filename="../../faxdesk/ui/send_dialog.py" line="856"/>
        <source>Preparing and queueing %n fax(es)…</source>
        <translation>
            <numerusform>Preparing and queueing %n fax…</numerusform>
            <numerusform>Preparing and queueing %n faxes…</numerusform>
        </translation>
    </message>
</context>
</TS>
