"""A data folder on a network share is refused: mountinfo parsing and UNC paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent_app.store import network_share
from agent_app.store.desk_store import open_desk_store
from agent_app.store.health_errors import HealthCode, NetworkStoreError
from agent_app.store.network_share import (
    is_unc_path,
    mount_of,
    network_filesystem,
    parse_mountinfo,
)

# A desktop's /proc/self/mountinfo with shares of every common kind (proc(5) format).
SAMPLE = r"""22 1 8:2 / / rw,relatime shared:1 - ext4 /dev/sda2 rw,errors=remount-ro
23 22 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw
24 22 0:22 / /home rw,relatime shared:2 - xfs /dev/sda3 rw,attr2
40 24 0:45 / /home/nurse/.local/share rw,relatime shared:30 - nfs4 fs1:/profiles/nurse rw,vers=4.2
41 22 0:46 / /mnt/his\040share rw,relatime shared:31 - cifs //his/share rw,vers=3.1.1
42 22 0:47 / /mnt/laptop rw,nosuid,nodev,relatime shared:32 - fuse.sshfs me@laptop:/data rw
43 22 0:48 / /mnt/host rw,relatime - 9p hostshare rw,trans=virtio
44 41 0:49 / /mnt/his\040share/local rw,relatime - tmpfs tmpfs rw
45 22 0:50 / /srv/old rw,relatime - nfs old:/srv rw
46 22 8:5 / /srv/old rw,relatime - ext4 /dev/sda5 rw
"""


def test_mountinfo_lines_are_parsed_with_escapes_and_optional_fields() -> None:
    entries = parse_mountinfo(SAMPLE + "garbage line without separator\n")
    assert len(entries) == 10
    cifs = entries[4]
    assert (cifs.mount_point, cifs.fstype, cifs.source) == ("/mnt/his share", "cifs", "//his/share")
    assert entries[0].fstype == "ext4" and entries[0].mount_point == "/"


@pytest.mark.parametrize(
    ("folder", "expected"),
    [
        ("/home/nurse/.local/share/agent-app", "nfs4"),  # a redirected profile
        ("/mnt/his share/desk", "cifs"),
        ("/mnt/laptop/agent-app", "fuse.sshfs"),
        ("/mnt/host/agent-app", "9p"),
        ("/home/nurse/agent-app", None),  # xfs, local
        ("/home/nurse/.local/shared", None),  # a sibling name is not below the mount point
        ("/var/lib/agent-app", None),  # ext4 root
        ("/mnt/his share/local/agent-app", None),  # a local mount on top of the share
        ("/srv/old/agent-app", None),  # the later mount hides the nfs one below it
    ],
)
def test_the_filesystem_of_a_folder_is_judged_by_its_nearest_mount(
    folder: str, expected: str | None
) -> None:
    assert network_filesystem(folder, SAMPLE) == expected


def test_a_path_outside_every_mount_has_none() -> None:
    assert mount_of("/x", parse_mountinfo("")) is None
    assert network_filesystem("/x", "") is None


@pytest.mark.parametrize(
    ("path", "unc"),
    [
        (r"\\fileserver\profiles\nurse\agent-app", True),
        ("//fileserver/profiles/agent-app", True),
        (r"\\?\UNC\fileserver\profiles", True),
        (r"\\?\C:\Users\nurse\AppData\Local\agent-app", False),
        (r"\\.\PhysicalDrive0", False),
        (r"C:\Users\nurse\AppData\Local\agent-app", False),
    ],
)
def test_windows_unc_paths_are_recognised(path: str, unc: bool) -> None:
    assert is_unc_path(path) is unc


def test_a_store_folder_on_nfs_is_refused_before_anything_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    share = f"22 1 8:2 / / rw - ext4 /dev/sda2 rw\n40 22 0:45 / {folder} rw - nfs4 fs1:/p rw\n"
    monkeypatch.setattr(network_share, "read_mountinfo", lambda: share)
    with pytest.raises(NetworkStoreError) as caught:
        open_desk_store(folder / "store.sqlite3")
    assert caught.value.code is HealthCode.STORE_ON_NETWORK
    assert caught.value.params == {"folder": str(folder), "fstype": "nfs4"}
    assert list(folder.iterdir()) == []  # no store, no lock file


def test_the_real_mount_table_is_read_on_linux() -> None:
    text = network_share.read_mountinfo()
    assert text is not None and parse_mountinfo(text)
