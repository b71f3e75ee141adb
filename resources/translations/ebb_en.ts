<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name></name>
    <message numerus="yes">
        <source>While you were away: %n reminder(s) missed</source>
        <translation>
            <numerusform>While you were away: %n reminder missed</numerusform>
            <numerusform>While you were away: %n reminders missed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Doctor</name>
    <message numerus="yes">
        <source>%n problem(s) found.</source>
        <translation>
            <numerusform>%n problem found.</numerusform>
            <numerusform>%n problems found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message numerus="yes">
        <source>%n more check-in(s)</source>
        <translation>
            <numerusform>%n more check-in</numerusform>
            <numerusform>%n more check-ins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more day(s) with check-ins</source>
        <translation>
            <numerusform>%n more day with check-ins</numerusform>
            <numerusform>%n more days with check-ins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>check-ins in %n more part(s) of the day</source>
        <translation>
            <numerusform>check-ins in %n more part of the day</numerusform>
            <numerusform>check-ins in %n more parts of the day</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at most %n reminder(s) a day, as you set</source>
        <translation>
            <numerusform>at most %n reminder a day, as you set</numerusform>
            <numerusform>at most %n reminders a day, as you set</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at most %n reminder(s) a day, your own maximum</source>
        <translation>
            <numerusform>at most %n reminder a day, your own maximum</numerusform>
            <numerusform>at most %n reminders a day, your own maximum</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at most %n reminder(s) a day: you took about {recent} a day lately</source>
        <translation>
            <numerusform>at most %n reminder a day: you took about {recent} a day lately</numerusform>
            <numerusform>at most %n reminders a day: you took about {recent} a day lately</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s)</source>
        <translation>
            <numerusform>%n reminder</numerusform>
            <numerusform>%n reminders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message numerus="yes">
        <source>%n reminder(s) waiting</source>
        <translation>
            <numerusform>%n reminder waiting</numerusform>
            <numerusform>%n reminders waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>self.app</name>
    <message numerus="yes">
        <source>%n dose(s), {total} {unit} in the last 24 h</source>
        <translation>
            <numerusform>%n dose, {total} {unit} in the last 24 h</numerusform>
            <numerusform>%n doses, {total} {unit} in the last 24 h</numerusform>
        </translation>
    </message>
</context>
</TS>
