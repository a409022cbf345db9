"""Does the desk's local store open and pass its check?

Run from the command line, it opens the store the way a desk start does (local folder, the
lock, quick_check, the key from the keyring, migrations) and keeps it open for the sign-in
check. Run inside the desk, the store is the desk's own: it is only checked again.
"""

from __future__ import annotations

from agent_app.config import ConfigError, Profile, ensure_data_dir
from agent_app.selftest.result import CheckName, CheckResult, Status
from agent_app.selftest.runner import Check, SelfTestContext
from agent_app.store.desk_store import open_desk_store
from agent_app.store.errors import StoreError
from agent_app.store.health import require_sound_store
from agent_app.store.health_errors import StoreInUseError


def check_store(context: SelfTestContext) -> CheckResult:
    """Green when the store opened and is sound; amber when a running desk holds it; red with
    the store's own coded error otherwise."""
    settings = context.settings
    try:
        if context.local is not None:  # inside the desk: its own store, checked again
            require_sound_store(context.local, settings.store_path)
        elif context.store is not None:
            require_sound_store(context.store.engine, context.store.path)
        else:
            ensure_data_dir(settings)
            if settings.profile is Profile.DEMO:
                from agent_app.demo.demo_keyring import use_demo_keys_without_a_keyring

                use_demo_keys_without_a_keyring(settings.data_dir)
            context.store = open_desk_store(settings.store_path)
            if context.store.health is None:  # large stores are checked after the sign-in
                require_sound_store(context.store.engine, context.store.path)
    except StoreInUseError as exc:
        return CheckResult.of(CheckName.STORE, Status.AMBER, "store_in_use", cause=exc)
    except (StoreError, ConfigError) as exc:
        return CheckResult.of(CheckName.STORE, Status.RED, "store_failed", detail=exc, cause=exc)
    return CheckResult.of(CheckName.STORE, Status.GREEN, "store_ok")


STORE = Check(CheckName.STORE, check_store)
