"""Pick the phone line the settings ask for; backends are imported only when chosen."""

from __future__ import annotations

from agent_app.config import LineKind, Profile, Settings
from agent_app.dialer.errors import LineUnavailableError
from agent_app.dialer.phone import Phone


def open_phone(settings: Settings) -> Phone:
    """The simulated line in the demo, else the configured SIP account or phone-line box.

    Raises LineUnavailableError with a plain sentence when the backend or device is missing.
    """
    if settings.profile is Profile.DEMO or settings.line is LineKind.FAKE:
        from agent_app.dialer.fake import FakePhone

        return FakePhone(voice_cache=settings.data_dir / "voices")
    raise LineUnavailableError(
        f"The {settings.line.value} line is not available in this version of the desk; "
        "use the simulated line."
    )
