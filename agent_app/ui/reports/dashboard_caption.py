"""The words under the dashboard's filter: which period the figures on screen are for, and
which one is being computed, so the caption never names a period the figures are not for."""

from __future__ import annotations

import datetime as dt

from agent_app.ui.language import desk_language
from agent_app.ui.qt import QCoreApplication, QDate, QLocale


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _whole_month(start: dt.date, end: dt.date) -> bool:
    after = end + dt.timedelta(days=1)
    return start.day == 1 and after.day == 1 and (after - start).days <= 31


def period_words(start: dt.date, end: dt.date) -> str:
    """ "October 2026" (2026年10月) for one whole month, else both dates."""
    if _whole_month(start, end):
        # A Qt date format: translators write the month as their language writes it.
        pattern = QCoreApplication.translate("DashboardCaption", "MMMM yyyy")
        language = QLocale.Language.English if desk_language() == "en" else QLocale.Language.Chinese
        return QLocale(language).toString(_qdate(start), pattern)
    return f"{start.isoformat()} – {end.isoformat()}"


def shown_caption(shown: tuple[dt.date, dt.date]) -> str:
    return QCoreApplication.translate("DashboardCaption", "Figures for {period}.").format(
        period=period_words(*shown)
    )


def loading_caption(
    shown: tuple[dt.date, dt.date] | None, wanted: tuple[dt.date, dt.date] | None
) -> str:
    """While the figures for ``wanted`` are being computed (None: the filter is being
    changed) and ``shown`` (None: nothing yet) stays on screen."""
    if wanted is None and shown is None:
        return QCoreApplication.translate(
            "DashboardCaption", "The statistics for the changed filter are computed next…"
        )
    if wanted is None:
        assert shown is not None
        return QCoreApplication.translate(
            "DashboardCaption", "Figures for {shown}; the changed filter is computed next…"
        ).format(shown=period_words(*shown))
    if shown is None:
        return QCoreApplication.translate(
            "DashboardCaption", "Computing the statistics for {period}…"
        ).format(period=period_words(*wanted))
    return QCoreApplication.translate(
        "DashboardCaption", "Figures for {shown}; computing {wanted}…"
    ).format(shown=period_words(*shown), wanted=period_words(*wanted))


def kept_caption(reason: str, shown: tuple[dt.date, dt.date] | None) -> str:
    """``reason`` (why new figures did not come) and which figures stay on screen."""
    if shown is None:
        return reason
    return (
        reason
        + " "
        + QCoreApplication.translate(
            "DashboardCaption", "The figures shown are for {shown}."
        ).format(shown=period_words(*shown))
    )
