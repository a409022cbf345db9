"""Pick the phone line the settings ask for; backends are imported only when chosen."""

from __future__ import annotations

from agent_app.config import LineKind, Profile, Settings
from agent_app.credentials import remembered_password, sip_account_key
from agent_app.dialer.errors import LineUnavailableError
from agent_app.dialer.phone import Phone


def opens_on_any_thread(settings: Settings) -> bool:
    """Whether ``open_phone`` may run on a worker thread. The serial box (whose opening waits
    for the modem's answers) and the simulated line may; a SIP line may not: pjsua2 belongs
    to the thread that pumps it, and its opening waits for nothing (registration is sent,
    its answer arrives later as an event)."""
    if settings.profile is Profile.DEMO or settings.line is LineKind.FAKE:
        return True
    return settings.line is not LineKind.SIP


def open_phone(settings: Settings) -> Phone:
    """The simulated line in the demo, else the configured SIP account or phone-line box.

    Raises LineUnavailableError with a plain sentence when the backend or device is missing.
    """
    if settings.profile is Profile.DEMO or settings.line is LineKind.FAKE:
        from agent_app.dialer.fake import FakePhone

        return FakePhone(
            voice_cache=settings.data_dir / "voices", missed_after=settings.inbound_ring_timeout
        )
    if settings.line is LineKind.SIP:
        return _sip_phone(settings)
    return _modem_phone(settings)


def _sip_phone(settings: Settings) -> Phone:
    from agent_app.dialer.sip import SipPhone
    from agent_app.dialer.sip_config import SipLineConfig

    sip = settings.sip
    if not sip.user:
        raise LineUnavailableError(
            "No SIP account is set up: put the user (extension) under [sip] in the settings file."
        )
    config = SipLineConfig.from_settings(sip, settings.inbound_ring_timeout)
    password = ""
    if config.registrar:
        key = sip_account_key(sip.user, config.dial_domain)
        password = remembered_password(key) or ""
        if not password:
            raise LineUnavailableError(
                f"The password of SIP account {key} is not in this computer's keyring; "
                f"store it with: python -m keyring set agent-app {key}"
            )
    return SipPhone(config, password)


def _modem_phone(settings: Settings) -> Phone:
    from agent_app.dialer.modem import ModemPhone
    from agent_app.dialer.modem_transfer import FlashTransfer

    modem = settings.modem
    if not modem.port:
        raise LineUnavailableError(
            "No phone-line box is set up: put its port (e.g. /dev/ttyACM0 or COM3) under "
            "[modem] in the settings file."
        )
    extra = [cmd.strip() for cmd in modem.init.split(";") if cmd.strip()]
    return ModemPhone(
        modem.port,
        baudrate=modem.baudrate,
        extra_init=extra,
        missed_after=settings.inbound_ring_timeout,
        flash=FlashTransfer(modem.flash, modem.transfer_dial),
    )
