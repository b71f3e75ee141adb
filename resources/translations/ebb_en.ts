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
    <name>Charts</name>
    <message numerus="yes">
        <source>Mean pain by hour and weekday  (n = %n check-in(s))</source>
        <translation>
            <numerusform>Mean pain by hour and weekday  (n = %n check-in)</numerusform>
            <numerusform>Mean pain by hour and weekday  (n = %n check-ins)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Daily mean pain  (n = %n check-in(s))</source>
        <translation>
            <numerusform>Daily mean pain  (n = %n check-in)</numerusform>
            <numerusform>Daily mean pain  (n = %n check-ins)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Total sleep time  (n = %n night(s))</source>
        <translation>
            <numerusform>Total sleep time  (n = %n night)</numerusform>
            <numerusform>Total sleep time  (n = %n nights)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Doses per day  (n = %n dose(s))</source>
        <translation>
            <numerusform>Doses per day  (n = %n dose)</numerusform>
            <numerusform>Doses per day  (n = %n doses)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dose times  (n = %n dose(s))</source>
        <translation>
            <numerusform>Dose times  (n = %n dose)</numerusform>
            <numerusform>Dose times  (n = %n doses)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n other(s): not enough data yet</source>
        <translation>
            <numerusform>; %n other: not enough data yet</numerusform>
            <numerusform>; %n others: not enough data yet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dose(s)</source>
        <translation>
            <numerusform>%n dose</numerusform>
            <numerusform>%n doses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n check-in(s)</source>
        <translation>
            <numerusform>%n check-in</numerusform>
            <numerusform>%n check-ins</numerusform>
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
    <name>Insights</name>
    <message numerus="yes">
        <source>%n night(s) with melatonin</source>
        <translation>
            <numerusform>%n night with melatonin</numerusform>
            <numerusform>%n nights with melatonin</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n night(s) with kratom after 18:00</source>
        <translation>
            <numerusform>%n night with kratom after 18:00</numerusform>
            <numerusform>%n nights with kratom after 18:00</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n night(s) without</source>
        <translation>
            <numerusform>%n night without</numerusform>
            <numerusform>%n nights without</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dose(s) with pain logged before and after</source>
        <translation>
            <numerusform>%n dose with pain logged before and after</numerusform>
            <numerusform>%n doses with pain logged before and after</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n night(s) followed by a day with pain check-ins</source>
        <translation>
            <numerusform>%n night followed by a day with pain check-ins</numerusform>
            <numerusform>%n nights followed by a day with pain check-ins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pain check-in(s)</source>
        <translation>
            <numerusform>%n pain check-in</numerusform>
            <numerusform>%n pain check-ins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) with pain check-ins</source>
        <translation>
            <numerusform>%n day with pain check-ins</numerusform>
            <numerusform>%n days with pain check-ins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) with check-ins that follow a day with check-ins</source>
        <translation>
            <numerusform>%n day with check-ins that follow a day with check-ins</numerusform>
            <numerusform>%n days with check-ins that follow a day with check-ins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more night(s) with melatonin</source>
        <translation>
            <numerusform>%n more night with melatonin</numerusform>
            <numerusform>%n more nights with melatonin</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more night(s) with kratom after 18:00</source>
        <translation>
            <numerusform>%n more night with kratom after 18:00</numerusform>
            <numerusform>%n more nights with kratom after 18:00</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more night(s) without</source>
        <translation>
            <numerusform>%n more night without</numerusform>
            <numerusform>%n more nights without</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more dose(s) with pain logged before and after</source>
        <translation>
            <numerusform>%n more dose with pain logged before and after</numerusform>
            <numerusform>%n more doses with pain logged before and after</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more night(s) followed by a day with pain check-ins</source>
        <translation>
            <numerusform>%n more night followed by a day with pain check-ins</numerusform>
            <numerusform>%n more nights followed by a day with pain check-ins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more pain check-in(s)</source>
        <translation>
            <numerusform>%n more pain check-in</numerusform>
            <numerusform>%n more pain check-ins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more day(s) with pain check-ins</source>
        <translation>
            <numerusform>%n more day with pain check-ins</numerusform>
            <numerusform>%n more days with pain check-ins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more day(s) with check-ins that follow a day with check-ins</source>
        <translation>
            <numerusform>%n more day with check-ins that follow a day with check-ins</numerusform>
            <numerusform>%n more days with check-ins that follow a day with check-ins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{title}: after {share} % of %n dose(s) pain dropped by 30 % or more (a moderately important change; {interval} %).</source>
        <translation>
            <numerusform>{title}: after {share} % of %n dose pain dropped by 30 % or more (a moderately important change; {interval} %).</numerusform>
            <numerusform>{title}: after {share} % of %n doses pain dropped by 30 % or more (a moderately important change; {interval} %).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  {label}: {share} % of %n dose(s) ({interval} %).</source>
        <translation>
            <numerusform>  {label}: {share} % of %n dose ({interval} %).</numerusform>
            <numerusform>  {label}: {share} % of %n doses ({interval} %).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{title}: rank correlation of {what} with the next day&apos;s mean pain {rho} ({interval}; n = %n day(s)).</source>
        <translation>
            <numerusform>{title}: rank correlation of {what} with the next day&apos;s mean pain {rho} ({interval}; n = %n day).</numerusform>
            <numerusform>{title}: rank correlation of {what} with the next day&apos;s mean pain {rho} ({interval}; n = %n days).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{title}: {share} % of %n pain check-in(s) ({interval} %).</source>
        <translation>
            <numerusform>{title}: {share} % of %n pain check-in ({interval} %).</numerusform>
            <numerusform>{title}: {share} % of %n pain check-ins ({interval} %).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) of consecutive days</source>
        <translation>
            <numerusform>%n pair of consecutive days</numerusform>
            <numerusform>%n pairs of consecutive days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) with check-ins</source>
        <translation>
            <numerusform>%n day with check-ins</numerusform>
            <numerusform>%n days with check-ins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>need %n more logged dose(s) of {substance} (have {have})</source>
        <translation>
            <numerusform>need %n more logged dose of {substance} (have {have})</numerusform>
            <numerusform>need %n more logged doses of {substance} (have {have})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>need %n more pain check-in(s) between 30 min and 8 h after a dose (have {have}); the follow-up reminders after a dose collect them</source>
        <translation>
            <numerusform>need %n more pain check-in between 30 min and 8 h after a dose (have {have}); the follow-up reminders after a dose collect them</numerusform>
            <numerusform>need %n more pain check-ins between 30 min and 8 h after a dose (have {have}); the follow-up reminders after a dose collect them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n check-in(s) after them</source>
        <translation>
            <numerusform>%n check-in after them</numerusform>
            <numerusform>%n check-ins after them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dose(s), {readings}</source>
        <translation>
            <numerusform>%n dose, {readings}</numerusform>
            <numerusform>%n doses, {readings}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n check-in(s) 30 min–8 h after a dose</source>
        <translation>
            <numerusform>%n check-in 30 min–8 h after a dose</numerusform>
            <numerusform>%n check-ins 30 min–8 h after a dose</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> in the last %n day(s)</source>
        <translation>
            <numerusform> in the last %n day</numerusform>
            <numerusform> in the last %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; used on %n day(s) in a row</source>
        <translation>
            <numerusform>; used on %n day in a row</numerusform>
            <numerusform>; used on %n days in a row</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Pattern</name>
    <message numerus="yes">
        <source>not enough data yet: need %n more dose(s)</source>
        <translation>
            <numerusform>not enough data yet: need %n more dose</numerusform>
            <numerusform>not enough data yet: need %n more doses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>not enough data yet: need %n more check-in(s) from 30 min to 8 h after a dose</source>
        <translation>
            <numerusform>not enough data yet: need %n more check-in from 30 min to 8 h after a dose</numerusform>
            <numerusform>not enough data yet: need %n more check-ins from 30 min to 8 h after a dose</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>learned from %n dose(s) and {readings}</source>
        <translation>
            <numerusform>learned from %n dose and {readings}</numerusform>
            <numerusform>learned from %n doses and {readings}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n check-in(s) after them</source>
        <translation>
            <numerusform>%n check-in after them</numerusform>
            <numerusform>%n check-ins after them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dose(s), {readings}</source>
        <translation>
            <numerusform>%n dose, {readings}</numerusform>
            <numerusform>%n doses, {readings}</numerusform>
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
    <name>ReminderAnswers</name>
    <message numerus="yes">
        <source>%n dose(s), {total} {unit} in the last 24 h</source>
        <translation>
            <numerusform>%n dose, {total} {unit} in the last 24 h</numerusform>
            <numerusform>%n doses, {total} {unit} in the last 24 h</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message numerus="yes">
        <source>… and %n more note(s) (see the full journal export).</source>
        <translation>
            <numerusform>… and %n more note (see the full journal export).</numerusform>
            <numerusform>… and %n more notes (see the full journal export).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Period {start} – {end} (%n day(s)) · generated {generated}.</source>
        <translation>
            <numerusform>Period {start} – {end} (%n day) · generated {generated}.</numerusform>
            <numerusform>Period {start} – {end} (%n days) · generated {generated}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pain check-in(s)</source>
        <translation>
            <numerusform>%n pain check-in</numerusform>
            <numerusform>%n pain check-ins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dose(s)</source>
        <translation>
            <numerusform>%n dose</numerusform>
            <numerusform>%n doses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sleep diaries</source>
        <translation>
            <numerusform>%n sleep diary</numerusform>
            <numerusform>%n sleep diaries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n side effect(s)</source>
        <translation>
            <numerusform>%n side effect</numerusform>
            <numerusform>%n side effects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Check-ins with pain {level} or more: not enough data (%n check-in(s); {needed} needed).</source>
        <translation>
            <numerusform>Check-ins with pain {level} or more: not enough data (%n check-in; {needed} needed).</numerusform>
            <numerusform>Check-ins with pain {level} or more: not enough data (%n check-ins; {needed} needed).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) with check-ins</source>
        <translation>
            <numerusform>%n day with check-ins</numerusform>
            <numerusform>%n days with check-ins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n consecutive pair(s)</source>
        <translation>
            <numerusform>%n consecutive pair</numerusform>
            <numerusform>%n consecutive pairs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Day-to-day variability: mean absolute change of the daily mean pain between consecutive days {change} points (95 % CI {low}–{high}; %n day pair(s), block bootstrap).</source>
        <translation>
            <numerusform>Day-to-day variability: mean absolute change of the daily mean pain between consecutive days {change} points (95 % CI {low}–{high}; %n day pair, block bootstrap).</numerusform>
            <numerusform>Day-to-day variability: mean absolute change of the daily mean pain between consecutive days {change} points (95 % CI {low}–{high}; %n day pairs, block bootstrap).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more kind(s).</source>
        <translation>
            <numerusform>… and %n more kind.</numerusform>
            <numerusform>… and %n more kinds.</numerusform>
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
</TS>
