<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ContactsDialog</name>
    <message numerus="yes">
        <location filename="../../faxdesk/ui/contacts_dialog.py" line="311"/>
        <source>Exported %n contact(s) to {path}.</source>
        <translation>
            <numerusform>Exported %n contact to {path}.</numerusform>
            <numerusform>Exported %n contacts to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FaxDetailPane</name>
    <message numerus="yes">
        <location filename="../../faxdesk/ui/detail_pane.py" line="344"/>
        <source>%n faxes selected</source>
        <translation>
            <numerusform>%n fax selected</numerusform>
            <numerusform>%n faxes selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FaxOperations</name>
    <message numerus="yes">
        <location filename="../../faxdesk/ui/operations.py" line="108"/>
        <source>Delete these %n faxes from Telnyx and from this computer? Sends not made yet are dropped. This cannot be undone.</source>
        <translation>
            <numerusform>Delete this fax from Telnyx and from this computer? Sends not made yet are dropped. This cannot be undone.</numerusform>
            <numerusform>Delete these %n faxes from Telnyx and from this computer? Sends not made yet are dropped. This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../faxdesk/ui/operations.py" line="110"/>
        <source>&amp;Delete %n faxes</source>
        <translation>
            <numerusform>&amp;Delete %n fax</numerusform>
            <numerusform>&amp;Delete %n faxes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../faxdesk/ui/operations.py" line="118"/>
        <source>%n fax(es) deleted.</source>
        <translation>
            <numerusform>%n fax deleted.</numerusform>
            <numerusform>%n faxes deleted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../faxdesk/ui/operations.py" line="120"/>
        <source>%n fax(es) could not be deleted: {reason}</source>
        <translation>
            <numerusform>%n fax could not be deleted: {reason}</numerusform>
            <numerusform>%n faxes could not be deleted: {reason}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../faxdesk/ui/operations.py" line="226"/>
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
        <location filename="../../faxdesk/ui/main_window.py" line="569"/>
        <source>%n fax(es) wait for an automatic retry (the next at {time}). If you quit, they are tried when FaxDesk starts again, not before.</source>
        <translation>
            <numerusform>%n fax waits for an automatic retry (at {time}). If you quit, it is tried when FaxDesk starts again, not before.</numerusform>
            <numerusform>%n faxes wait for an automatic retry (the next at {time}). If you quit, they are tried when FaxDesk starts again, not before.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../faxdesk/ui/main_window.py" line="573"/>
        <source>%n fax(es) are not handed to Telnyx yet. If you quit, they go when FaxDesk starts again, not before.</source>
        <translation>
            <numerusform>%n fax is not handed to Telnyx yet. If you quit, it goes when FaxDesk starts again, not before.</numerusform>
            <numerusform>%n faxes are not handed to Telnyx yet. If you quit, they go when FaxDesk starts again, not before.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../faxdesk/ui/main_window.py" line="919"/>
        <source>Unread (%n)</source>
        <translation>
            <numerusform>Unread (%n)</numerusform>
            <numerusform>Unread (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../faxdesk/ui/main_window.py" line="927"/>
        <source>{title} — %n unread</source>
        <translation>
            <numerusform>{title} — %n unread</numerusform>
            <numerusform>{title} — %n unread</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../faxdesk/ui/main_window.py" line="992"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../faxdesk/ui/main_window.py" line="1262"/>
        <source>%n fax(es) queued for sending.</source>
        <translation>
            <numerusform>%n fax queued for sending.</numerusform>
            <numerusform>%n faxes queued for sending.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScanDialog</name>
    <message numerus="yes">
        <location filename="../../faxdesk/ui/scan_dialog.py" line="263"/>
        <source>%n page(s) scanned.</source>
        <translation>
            <numerusform>%n page scanned.</numerusform>
            <numerusform>%n pages scanned.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message numerus="yes">
        <location filename="../../faxdesk/ui/send_dialog.py" line="714"/>
        <source>Preparing and queueing %n fax(es)…</source>
        <translation>
            <numerusform>Preparing and queueing %n fax…</numerusform>
            <numerusform>Preparing and queueing %n faxes…</numerusform>
        </translation>
    </message>
</context>
</TS>
