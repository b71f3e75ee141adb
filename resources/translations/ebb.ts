<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name></name>
    <message>
        <source>Snooze 30 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Melatonin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evening reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} dose reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason} — until {until}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log pain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How did you sleep? Fill in the {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sleep diary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How is your pain right now, 0–10? (due {due})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>melatonin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dose reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pain check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pain follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sleep diary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>While you were away: %n reminder(s) missed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Wake-up time, weekdays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24-hour clock, such as 07:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Be&amp;dtime, weekdays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24-hour clock, such as 23:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wake-up time, wee&amp;kends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saturday and Sunday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bedt&amp;ime, weekends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Friday and Saturday nights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Melatonin reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes before bedtime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0–240; 0 reminds you at bedtime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain &amp;check-in times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to 12 times a day, such as 09:00, 14:00, 20:00; empty for none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fo&amp;llow-ups after a dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes after, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How is the pain after a dose? Up to 6 values, 5–720 minutes; empty for none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting Ebb…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log &amp;dose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pain check-in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sleep diary…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pa&amp;use reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Ebb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Insights…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What Ebb is and is not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Ebb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Ebb&lt;/b&gt; {version}&lt;p&gt;A private reminder and journal for pain and sleep.&lt;p&gt;Your journal is in {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Ebb?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your reminders stop until you start Ebb again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Don&apos;t ask again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupsTab</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies of your &amp;journal, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back &amp;up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest&amp;ore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring back the copy selected in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the whole journal as a JSON file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ebb copies the journal every day and keeps the last 7 days plus one copy a week for 4 weeks. Copies made here, and the journal as it was before a restore, are kept until you delete them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>daily</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>made by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before an update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backups yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup failed: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup written to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore this copy?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your journal will be as it was on {when}: entries and settings made since then will not be in it. The journal as it is now is kept as a backup first, so you can go back to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The copy was not restored: {reason}. Your journal is as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your journal is the copy from {when} now. The journal as it was is kept as a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export failed: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal exported to {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>Mon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sun</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Mean pain by hour and weekday  (n = %n check-in(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No pain check-ins in this period yet.
Log them with Ctrl+P or from the tray.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hour of day (blank: no check-ins)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pain 0–10</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Daily mean pain  (n = %n check-in(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No pain check-ins in this period yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{days}-day mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Total sleep time  (n = %n night(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No sleep diaries in this period yet. Fill one in each morning (Ctrl+L).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hours asleep</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Doses per day  (n = %n dose(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No doses logged in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>doses</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Dose times  (n = %n dose(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{substance}: not enough data yet — {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No doses of a pain-relief substance in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95 % interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change in pain after a dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>; %n other(s): not enough data yet</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> after them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}  (n = {doses}, {readings}{rest})</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n dose(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n check-in(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{substance} ({doses}, {readings})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 point lower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your usual pain at that time of day without a dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time after a dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change in pain (points)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Doctor</name>
    <message numerus="yes">
        <source>%n problem(s) found.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>All checks passed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DoseDialog</name>
    <message>
        <source>Log a dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ubstance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 no pain … 10 worst imaginable; type the number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pain right now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. the brand or strain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;roduct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. powder, capsule, tea</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;orm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product batch or lot, if you track it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No substances yet. Add one in Settings first, with your own limits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The substance {name} is no longer in your list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none to choose; add one in Settings first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is empty; enter the amount you took</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>less than your minimum interval of {hours} h since another dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more doses in 24 hours than your maximum of {most} ({count} in the 24 h before)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than your daily cap of {cap} {unit} in 24 hours ({amount} {unit} in the 24 h before)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This dose would be beyond your own limits:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can still log it; it will be marked as beyond your limits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Within your limits again from {time}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DoseRemindersPage</name>
    <message>
        <source>Dose reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;o dose reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At fixed &amp;times I type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When my &amp;pain pattern is known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose t&amp;imes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24-hour clock, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own times, such as 09:00, 15:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ebb learns when your pain usually rises from your pain check-ins (it needs at least 20 of them, over a week or more and at different times of day). It then times only the doses you already take: never more a day than you took lately, and never more than your own maximum. Until then there are no dose reminders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A dose reminder never names an amount, and it is held back when a dose would go beyond your own limits. You can change this later in Settings → Dose timing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Would you like reminders for your doses of {names}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type at least one time, such as 09:00, or choose no dose reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please correct the field marked above to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose reminders for {names}: at {times}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose reminders for {names}: once Ebb knows your pain pattern from your check-ins, and only for doses you already take. Until then there are none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose reminders are off; you can turn them on in Settings → Dose timing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DoseTimingTab</name>
    <message>
        <source>&amp;Choose dose times from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>my own fixed times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>my pain pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fixed dose times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own reminder times, such as 09:00, 15:00; empty for no dose reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dose reminders a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most, with timing from your pain pattern (1–12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: as many as you took a day over the last 14 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave it empty for as many as you took a day lately. Ebb never reminds you of more doses than you take, and never of more than your own maximum per 24 hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain &amp;level that counts as a rise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on the 0–10 scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pattern &amp;window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>days of check-ins (7–365)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;No dose reminders within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hours before bedtime (0–12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;omorrow with these settings (a preview; nothing is saved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reminders would be planned for tomorrow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left out of the preview until corrected: {names}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EffectDialog</name>
    <message>
        <source>Side effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose or type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 mild</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2 moderate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3 severe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys 0–3 choose the severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;verity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit side effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none chosen; choose 0 none, 1 mild, 2 moderate or 3 severe</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Entries</name>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mild</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moderate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>severe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, pain before {score}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  [beyond your limits: {which}]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pain {score}/10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>night of {night}: in bed {in_bed}, up {up}, quality {quality}/5</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>Date and time of the entry; type over the numbers or press Alt+Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without saving (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save: {reason}. Nothing was lost: your entry is still here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryTableModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>{value!r} is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is too large a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is not a finite number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is not a whole number; use a whole number {low}-{high}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is out of range; allowed {low}-{high}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is out of range; allowed {bracket} {low} up to {high}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is not allowed; an amount must be greater than 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is too large; at most {most} is allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is empty; give times such as 09:00,14:00,20:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has {count} times; at most {max_items} are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value!a} lists the same time twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has {count} values; at most 6 are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value!a} lists the same value twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value!a} is not one of: {options}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value!a} is not one of: true, false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{key!a} is not a setting; known keys: {known}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value must be text of at most 500 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} contains the bidirectional control character U+{char:04X}; remove it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} contains the control character U+{char:04X}; only printable text is allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value!r} is not text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is {count} characters long; at most {max_length} are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is empty; give a name of 1 to 60 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is {count} characters long; at most {max_length} are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name!a} is not an IANA time zone name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name!a} is not a known IANA time zone (e.g. Europe/Berlin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text!r} is not a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text} is not an ISO-8601 time such as 2026-03-08T21:30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text} is not a real calendar time ({exc})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text} is too far in the past or future</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text} has an impossible UTC offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{at} is too far in the past; the earliest allowed is 1970-01-01</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{at} is more than a day in the future; the latest allowed is {latest}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text} is not a date such as 2026-03-08</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text} is not a real calendar date ({exc})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text} is out of range; allowed 1970-01-01 to 9998-12-31</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text!r} is not a time of day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text} is not a time of day such as 21:30, 9.30 or 9pm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text} is not a time of day; with am or pm the hour is 1-12</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text} is not a time of day; allowed 00:00-23:59</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} is not a positive number of minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this reminder&apos;s window ends at {end:%H:%M}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{key!r} is not a reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot change a {old} entry into a {new}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{entry_id} is not an entry in the journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name!a} already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name!a} is not a known substance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stays {unit}: {doses} logged doses are in {unit}; add a new substance instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is not a known substance; known: {known}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{night} already has a sleep diary (entry {diary})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is in {unit} in this journal but in {file_unit} in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{values!r} is not a list of words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has {count} items; at most 20 are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is empty; write something to note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is not in the night of {value2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is before into bed ({value2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is not after trying to sleep ({value2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is before the final awakening ({value2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gives {hours:.1f} h in bed; a diary night is at most 24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} min is longer than the night ({night_min} min from trying to sleep to final awakening)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SOL {sol} + WASO {waso} min leave a negative total sleep time ({total_sleep_min:.0f} min); they must fit into the {night_min} min night</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sleep efficiency above 100 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is 0 but WASO is {waso} min; give at least 1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunController</name>
    <message>
        <source>Ebb test notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminders will look like this.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set up Ebb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sleep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your usual times on the 24-hour clock, such as 07:00 and 23:00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short check-ins build the picture of when your pain usually rises.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discreet mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For when other people can see your screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save {what}: {reason}. What is not saved yet is still here; try Finish again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Insights</name>
    <message numerus="yes">
        <source>%n night(s) with melatonin</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n night(s) with kratom after 18:00</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n night(s) without</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dose(s) with pain logged before and after</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n night(s) followed by a day with pain check-ins</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pain check-in(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) with pain check-ins</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) with check-ins that follow a day with check-ins</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more night(s) with melatonin</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more night(s) with kratom after 18:00</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more night(s) without</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more dose(s) with pain logged before and after</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more night(s) followed by a day with pain check-ins</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more pain check-in(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more day(s) with pain check-ins</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more day(s) with check-ins that follow a day with check-ins</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>95 % interval {low} to {high}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; the interval includes no difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: not enough data yet — need {more} (have {have}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On {on} you fell asleep {minutes} min faster ({interval}) than on {without}{uncertain}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On {on} you fell asleep {minutes} min slower ({interval}) than on {without}{uncertain}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You slept {minutes} min more on {on} ({interval}) than on {without}{uncertain}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You slept {minutes} min less on {on} ({interval}) than on {without}{uncertain}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sleep quality (1–5) on {on} differed by {change} ({interval}) from {without}{uncertain}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain after doses</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{title}: after {share} % of %n dose(s) pain dropped by 30 % or more (a moderately important change; {interval} %).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>  At +{minutes} min pain changed by {change} % ({interval} %, n = {n}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>  {label}: {share} % of %n dose(s) ({interval} %).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Sleep and next-day pain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>total sleep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sleep quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{title}: rank correlation of {what} with the next day&apos;s mean pain {rho} ({interval}; n = %n day(s)).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{title}: no variation to compare yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain of {level} or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{title}: {share} % of %n pain check-in(s) ({interval} %).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Day-to-day change in pain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: from one day to the next, your average pain for the day changed by {change} points on average ({interval}; {pairs}, {days}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) of consecutive days</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) with check-ins</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Pain over the 8 h after a dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{substance} over the 8 h after a dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>need %n more logged dose(s) of {substance} (have {have})</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>need %n more pain check-in(s) between 30 min and 8 h after a dose (have {have}); the follow-up reminders after a dose collect them</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>your doses were nearly always at the same times of day, so Ebb cannot yet tell the pain they relieve from the pain you would have without them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what your journal shows is still too uncertain to put in a number ({counts}); more check-ins after doses will narrow it</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n check-in(s) after them</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dose(s), {readings}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>95 % interval {a} to {b} points lower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95 % interval from {a} points lower to {b} points higher; the interval includes no difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: not enough data yet — {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n check-in(s) 30 min–8 h after a dose</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{title}: your journal shows pain no lower than your usual pain at that time of day without a dose at any time ({counts}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: your journal shows pain about {drop} points lower than your usual pain at that time of day without a dose, most at about {peak} after a dose ({interval}; {counts}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> It shows a drop of a point or more from about {start} to {end} after a dose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> It shows no drop of a full point at any time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Recent weeks count most; observational, not proof.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: no doses of a pain-relief substance are logged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> in the last %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>amount up 25 % or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gaps 25 % or more shorter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>relief after doses less often</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use over time: no doses in the last 8 weeks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{substance}: {recent} {unit}/day over the last 7 days, {baseline} {unit}/day over the 28 days before</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>; used on %n day(s) in a row</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>; median gap between doses {recent} h (was {baseline} h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>. Worth noticing: {what}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Melatonin and sleep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evening kratom and sleep</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InsightsWindow</name>
    <message>
        <source>Ebb — insights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hide substance names in the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save clinician report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PDF of 1–3 pages for this period (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;What it shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{start} to {end}: {pain} pain check-ins, {doses} doses, {nights} sleep diaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What your journal shows — your own data, not medical advice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is logged in this period yet. Log pain check-ins (Ctrl+P), doses (Ctrl+D) and a sleep diary each morning (Ctrl+L); each insight says how many more entries it needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparisons within your own entries, with how many each rests on and a 95 % interval. They are observational: they describe what happened, they do not prove cause.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save clinician report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report could not be written: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved a {pages}-page report to {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JournalWindow</name>
    <message>
        <source>Ebb — Journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sleep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter (Ctrl+F) — e.g. kratom, nausea, 2026-03</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected entry (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected entry (Del); Undo brings it back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the last delete or edit (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {total} entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No entries match “{text}”. Esc clears the filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No {kind} entries yet. Esc shows all kinds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing logged yet. Use the tray menu or `ebb log pain 5`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sleep diary, {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note “{what}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>side effect {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an entry to delete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted {what} at {when} — Ctrl+Z to undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not undo: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored {what} at {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undid the edit: {what} at {when} is back as it was</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Ebb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pain check-in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sleep diary…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side &amp;effect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit Ebb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Insights and clinician report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;What Ebb is and is not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Ebb</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated, e.g. weather, work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter saves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationTestPage</name>
    <message>
        <source>Try a reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See how Ebb&apos;s reminders look on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a &amp;test notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Ebb to the &amp;applications menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can change all of this later in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not send: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you did not see it, tick the box below to use Ebb&apos;s own reminder window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your desktop says it showed the test notification.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your desktop did not show the notification, so Ebb will use its own reminder window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A test notification was sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PainDialog</name>
    <message>
        <source>Pain check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How strong is your pain right now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 — no pain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>10 — worst pain imaginable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys 0–9 choose a score; for 10 type 1 then 0 quickly, or press T</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain s&amp;core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. lower back, left knee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wh&amp;ere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. aching, burning, stabbing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feels &amp;like</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit pain check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 no pain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>10 worst imaginable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys 0–9 choose a score, T chooses 10.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none chosen; choose 0 (no pain) to 10 (worst imaginable)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pattern</name>
    <message numerus="yes">
        <source>not enough data yet: need %n more dose(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>not enough data yet: need %n more check-in(s) from 30 min to 8 h after a dose</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>not enough data yet: your doses were nearly always at the same times of day, so Ebb cannot yet tell your pain with a dose working from the pain you would have without one (check-ins on days or at times without a dose would show it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not enough data yet: the estimate is still too uncertain</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>learned from %n dose(s) and {readings}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n check-in(s) after them</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dose(s), {readings}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>95 % interval {low} to {high}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most {points} points lower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no lower at all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: your journal shows no clear drop in pain after your doses ({most}, {interval}; {counts}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your doses of {name} usually help from about {start} to {end}, most at about {peak} (pain about {points} points lower; {interval}; {counts}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weekdays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weekend days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain pattern for {day} (from {split}, {first} to {last})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your usual pain without a dose working (estimate, 95 % interval; | marks your threshold {threshold}):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  (no check-ins in this period)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  (half hours not shown: too few check-ins then, or never seen without a dose working)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What your journal shows after your doses (observational, not proof):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <source>melatonin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pain check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pain follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sleep diary</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrivacyTab</name>
    <message>
        <source>Start Ebb when I &amp;log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting Ebb at login is not available on this system; start it from your applications menu instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes effect at your next login. Entry: {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data &amp;folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your journal and its backups stay in this folder, on this computer only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copied</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message numerus="yes">
        <source>%n more check-in(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more day(s) with check-ins</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>check-ins in %n more part(s) of the day</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>more check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until then your own dose times are used ({times})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until then your own dose times are used — none are set</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>at most %n reminder(s) a day, as you set</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at most %n reminder(s) a day, your own maximum</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at most %n reminder(s) a day: you took about {recent} a day lately</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>your journal does not show a clear drop in pain after your doses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your doses usually help after about {onset} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ebb has not learned yet whether and how your doses change your pain, so it uses your own timing (helping after {onset} min, for {hours} h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time} — {lead_min} min before your bedtime {bedtime}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time} — {lead_min} min before your usual bedtime {bedtime} (median of {nights} diary nights)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time} — {lead_min} min before your set bedtime {bedtime}; a bedtime from your diary needs {needed} nights (have {nights})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time} — your dose time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time} — your dose time; not enough data for a pain pattern yet: need {missing}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time} — your dose time; you have always dosed at about the same times, so Ebb cannot yet tell your pain without a dose from your pain with one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time} — before your pain usually rises ({rise_start}–{rise_end}, about {untreated}/10 untreated); {help}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time} — as your pain usually rises ({rise_start}–{rise_end}, about {untreated}/10 untreated); {help}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{substance}: reminders at your own dose times ({times})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{substance}: no dose reminders — you have not set any dose times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{substance}: no pattern timing yet — it needs {missing}; {fixed}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{substance}: no pattern timing yet — you have always dosed at about the same times, so Ebb cannot yet tell your pain without a dose from your pain with one (a few check-ins on days or at times without a dose would show it); {fixed}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{substance}: no dose reminders — you logged no doses in the last 14 days, and Ebb only times the doses you already take (Settings: dose reminders a day)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{substance}: no dose reminders — you took a dose on {dose_days_words} of the last 14, and Ebb does not turn doses now and then into a daily reminder (Settings: dose reminders a day)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{substance}: reminded together with {other}, which you took most lately (one rule for all your kratom products, so reminders are never doubled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{substance}: no dose reminders — your journal does not show a drop of a point or more in your pain after your doses, so there is nothing to time them by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{substance}: no dose reminders — your untreated pain stays at or below your threshold of {threshold} all day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{substance}: no dose reminders — no time within your limits would lower the pain above your threshold of {threshold} by much</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{substance}: {count_words} timed to your pain pattern ({cap_words})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time} — pain check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} min after your dose at {dose_time} — how is the pain now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sleep diary for the night of {night}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weekdays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weekend days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>days</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{readings} check-ins on {days} days, covering {blocks} of the 6 four-hour parts of the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enough data: {have}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not enough data yet ({have}); need {missing}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReminderAnswers</name>
    <message numerus="yes">
        <source>%n dose(s), {total} {unit} in the last 24 h</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Logged. Within your limits again from {time} · {used}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged · {used}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReminderWindow</name>
    <message>
        <source>Ebb reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Snooze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Ebb journal {start} – {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Substance {letters}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[product]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the substance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{footer} · page {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relief curve after a dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated from the journal&apos;s pain model: each reading is the patient&apos;s usual pain at that time of day without a dose plus the change after each earlier dose (penalised least squares, recent weeks weighted most: half-life {half_life} days; 95 % band by bootstrap over days). Observational, not controlled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The relief curve chart did not fit in this report; the sentences above give its numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the journal shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparisons within this patient&apos;s own entries, with sample sizes and 95 % intervals; observational, not controlled — they describe, they do not prove cause.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notes in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more note(s) (see the full journal export).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>night</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>morning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>afternoon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>evening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>total sleep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>efficiency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>awake after onset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quality 1–5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>substance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>doses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>days used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>beyond own limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>side effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>times logged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worst severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain, sleep and dose journal — summary for a clinician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-reported journal — entries were logged by the patient in the Ebb app and are not clinically verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Period {start} – {end} (%n day(s)) · generated {generated}.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Substance names are replaced by neutral labels in this report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limits shown are the patient&apos;s own settings; Ebb suggests no amounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n pain check-in(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dose(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sleep diaries</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n side effect(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Pain (0–10 numeric rating scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pain check-ins in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whole period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{part} ({start}–{end} h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Check-ins with pain {level} or more: not enough data (%n check-in(s); {needed} needed).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Check-ins with pain {level} or more: {share} % of {n} (95 % CI {low}–{high} %).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day-to-day variability: not enough data ({days}, {pairs}; {min_days} days and {min_pairs} pairs needed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) with check-ins</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n consecutive pair(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Day-to-day variability: mean absolute change of the daily mean pain between consecutive days {change} points (95 % CI {low}–{high}; %n day pair(s), block bootstrap).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Sleep (Consensus Sleep Diary; means per night)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sleep diaries in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doses by substance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No doses logged in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{used} of {days}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;Beyond own limits&quot;: doses the patient logged although they exceeded a limit the patient had set (minimum interval, doses or amount per 24 h).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side effects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No side effects logged in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more kind(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestoreOffer</name>
    <message>
        <source>Ebb cannot open your journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your journal cannot be read: {problem}. It was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No readable backup was found. Run &apos;ebb doctor&apos; in a terminal for details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The latest good backup is from {when}:
{path}

Restore it? Entries made after it are not in it. The unreadable file is kept beside the journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore this backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingFields</name>
    <message>
        <source>{field}: {message}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Please correct the field marked above to go on.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsWindow</name>
    <message>
        <source>Ebb settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Substances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sleep &amp;&amp; &amp;reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose &amp;timing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Privacy &amp;&amp; start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changed settings (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close; settings not applied are dropped (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved yet: press Apply (Enter).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved. Please correct: {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No changes to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save {field}: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved before that: {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rest is still here to apply again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShellViews</name>
    <message>
        <source>No system tray was found, so this window is Ebb&apos;s home. Closing it keeps Ebb running and reminding you; start Ebb again to bring the window back, or choose Log → Quit Ebb.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ebb keeps running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your reminders keep coming without the window. Start Ebb again (or run: ebb run) to bring it back; to stop Ebb, choose Log → Quit Ebb there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SleepDialog</name>
    <message>
        <source>Sleep diary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of the evening the night began</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Night of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What time did you get into bed?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Into &amp;bed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What time did you try to go to sleep?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tried to sleep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long did it take you to fall asleep?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Minutes to fall asleep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many times did you wake up, not counting your final awakening?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Awakenings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In total, how long did these awakenings last?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes awa&amp;ke in the night</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What time was your final awakening?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Final awakening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What time did you get out of bed for the day?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of be&amp;d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 very poor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2 poor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3 fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4 good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5 very good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How would you rate the quality of your sleep? Keys 1–5 choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit sleep diary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none chosen; choose 1 (very poor) to 5 (very good)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In bed {tib} · asleep {tst} · efficiency {se} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SleepRemindersTab</name>
    <message>
        <source>Sleep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use bedtimes from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the times below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>my sleep diary (recent nights)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminders you have not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat e&amp;very</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes (0 = do not repeat)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0–120 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat at m&amp;ost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>times</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SubstanceDialog</name>
    <message>
        <source>Add a substance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every amount and limit here is your own, ideally agreed with your clinician. Ebb never suggests one, and its reminders never prompt a dose beyond your limits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your own limit (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your own amount (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usual &amp;amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Minimum time between doses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ma&amp;ximum doses in 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>doses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum &amp;total in 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timing of dose reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used only to time reminders before your pain usually rises; empty means {n} minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts &amp;working after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used only to time reminders; empty means {n} hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lasts about</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy and use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name only you recognise, for discreet mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Al&amp;ias for discreet mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acti&amp;ve: remind me of it and offer it when logging</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SubstanceList</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usual amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (not active)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SubstancesPage</name>
    <message>
        <source>Your substances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add what you take, with your own limits. You can skip this for now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added s&amp;o far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dd a substance…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is saved until you press Finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name!a} is already in the list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SubstancesTab</name>
    <message>
        <source>A&amp;dd…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Your substances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every amount and limit is your own, ideally agreed with your clinician; Ebb never suggests one. A substance is saved as soon as you save its form.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>Ebb — Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doses today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your limits (last 24 hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last night&apos;s sleep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tomorrow&apos;s reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tomorrow {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Melatonin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sleep diary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} doses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{used} of {limit} doses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{used} of {cap} {unit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{used} in the last 24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your usual amount ({usual} {unit}) is above your own 24-hour cap ({cap} {unit}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Within your limits now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next dose within your limits from {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least {hours} h between doses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no usual amount set, so counted by doses and interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not during the night</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>once during the night</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} times during the night</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>very poor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>poor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>very good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening your journal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today, {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As of {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing due right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminders are paused until {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: {what} at {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No doses logged today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No limits set. You can set your own (ideally with your clinician) for each substance: minimum hours between doses, doses per 24 h, amount per 24 h.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No substances yet — add one with your own limits in Settings (Ctrl+,)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pain check-ins today — log one with Log → Pain check-in (Ctrl+P), or: ebb log pain 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sleep diary for last night — log it with Log → Sleep diary (Ctrl+L), or: ebb log sleep --night {night} …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{score}/10 at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{score} at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{asleep} of {in_bed} in bed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sleep efficiency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{percent} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{quality}/5 ({words})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fell asleep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after {minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Woke up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reminders planned for tomorrow. Set check-in times, bedtime and dose times in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Reminders paused until {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>melatonin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pain check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pain follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sleep diary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No more reminders today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s) waiting</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Ebb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ebb is a &lt;b&gt;private reminder and journal&lt;/b&gt; for your melatonin, kratom, pain and sleep. It reminds you at the times you choose, and keeps a record that you, and your clinician, can look back on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;What Ebb is not&lt;/b&gt;&lt;ul&gt;&lt;li&gt;It is not medical advice.&lt;/li&gt;&lt;li&gt;It never suggests amounts. Every amount and every limit is yours, ideally agreed with your clinician.&lt;/li&gt;&lt;li&gt;Its reminders never prompt a dose beyond the limits you set.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your data stays on this computer. Ebb never uses the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next pages set up your substances, sleep times, check-ins and reminders. You can change all of it later in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Ebb cannot write to its data folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>&amp;Discreet mode: keep substance names out of notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications, the reminder window and the tray menu then say “Reminder” instead of naming a substance, for when others can see your screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show reminders in Ebb&apos;s own &amp;window instead of desktop notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For desktops whose notifications do not appear or vanish too soon. Ebb already uses its window when no notification service answers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
