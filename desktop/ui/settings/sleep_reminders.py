"""Settings' Sleep & reminders tab: sleep times and the melatonin reminder, the pain
check-ins, and how often a reminder not answered comes back. The sleep and check-in rows
are the first-run set-up's too."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QVBoxLayout, QWidget

from desktop.ui.settings.fields import SettingFields, align_labels, form_layout


def add_sleep_rows(fields: SettingFields, form: QFormLayout) -> None:
    tr = fields.tr
    fields.line(form, "wake_time", tr("&Wake-up time, weekdays"), tip=tr("24-hour clock, such as 07:00"))
    fields.line(form, "bedtime", tr("Be&dtime, weekdays"), tip=tr("24-hour clock, such as 23:00"))
    fields.line(form, "wake_time_weekend", tr("Wake-up time, wee&kends"), tip=tr("Saturday and Sunday"))
    fields.line(form, "bedtime_weekend", tr("Bedt&ime, weekends"), tip=tr("Friday and Saturday nights"))
    fields.line(
        form,
        "melatonin_lead_min",
        tr("&Melatonin reminder"),
        suffix=tr("minutes before bedtime"),
        tip=tr("0–240; 0 reminds you at bedtime"),
    )


def add_checkin_rows(fields: SettingFields, form: QFormLayout) -> None:
    tr = fields.tr
    fields.line(
        form,
        "checkin_times",
        tr("Pain &check-in times"),
        chars=22,
        suffix=tr("separated by commas"),
        tip=tr("Up to 12 times a day, such as 09:00, 14:00, 20:00; empty for none"),
    )
    fields.line(
        form,
        "followups_min",
        tr("Fo&llow-ups after a dose"),
        chars=22,
        suffix=tr("minutes after, separated by commas"),
        tip=tr("How is the pain after a dose? Up to 6 values, 5–720 minutes; empty for none"),
    )


class SleepRemindersTab(QWidget):
    """Three groups of setting fields whose labels line up."""

    def __init__(self, fields: SettingFields, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        groups = (self._sleep(fields), self._checkins(fields), self._repeat(fields))
        for group in groups:
            layout.addWidget(group)
        align_labels(*groups)
        layout.addStretch(1)

    def _sleep(self, fields: SettingFields) -> QGroupBox:
        sleep = QGroupBox(self.tr("Sleep"))
        form = form_layout()
        fields.choice(
            form,
            "bedtime_mode",
            self.tr("&Use bedtimes from"),
            [("fixed", self.tr("the times below")), ("diary", self.tr("my sleep diary (recent nights)"))],
        )
        add_sleep_rows(fields, form)
        sleep.setLayout(form)
        return sleep

    def _checkins(self, fields: SettingFields) -> QGroupBox:
        checkins = QGroupBox(self.tr("Pain check-ins"))
        form = form_layout()
        add_checkin_rows(fields, form)
        checkins.setLayout(form)
        return checkins

    def _repeat(self, fields: SettingFields) -> QGroupBox:
        repeat = QGroupBox(self.tr("Reminders you have not answered"))
        form = form_layout()
        fields.line(
            form,
            "repeat_every_min",
            self.tr("Repeat e&very"),
            suffix=self.tr("minutes (0 = do not repeat)"),
            tip=self.tr("0–120 minutes"),
        )
        fields.line(form, "repeat_max", self.tr("Repeat at m&ost"), suffix=self.tr("times"), tip="0–10")
        repeat.setLayout(form)
        return repeat
