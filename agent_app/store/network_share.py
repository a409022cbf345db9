"""Refuse a data folder on a network share.

SQLite's WAL keeps its index in shared memory that only processes on one computer can share,
and network filesystems (NFS, SMB/CIFS, sshfs, 9p, ...) do not carry SQLite's or this desk's
locks reliably: two PCs opening one store there corrupt it without any error. The desk refuses
such a folder rather than warning, because the damage would be silent and would reach patient
records; the fix (a local data_dir) is one setting.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from agent_app.store.health_errors import NetworkStoreError

# Filesystem types (the mountinfo field after " - ") that reach another computer.
NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "ncpfs",
        "afs",
        "9p",
        "ceph",
        "glusterfs",
        "lustre",
        "gpfs",
        "coda",
        "davfs",
        "sshfs",
        "vboxsf",  # VirtualBox shared folders: no working byte-range locks
        "prl_fs",  # Parallels shared folders
        "fuse.sshfs",
        "fuse.glusterfs",
        "fuse.cephfs",
        "fuse.s3fs",
        "fuse.rclone",
        "fuse.davfs",
        "fuse.gcsfuse",
        "fuse.smbnetfs",
        "fuse.vmhgfs-fuse",  # VMware shared folders
    }
)

_ESCAPE = re.compile(r"\\([0-7]{3})")


@dataclass(frozen=True)
class MountEntry:
    """One line of /proc/self/mountinfo, as far as the desk needs it."""

    mount_point: str
    fstype: str
    source: str


def parse_mountinfo(text: str) -> list[MountEntry]:
    """The mounts of a /proc/<pid>/mountinfo text, in file order; malformed lines are skipped.

    Format (proc(5)): ``id parent major:minor root mount-point options [optional...] - fstype
    source super-options``; spaces and other specials in paths are octal escapes (``\\040``).
    """
    entries = []
    for line in text.splitlines():
        before, sep, after = line.partition(" - ")
        if not sep:
            continue
        head, tail = before.split(), after.split()
        if len(head) < 6 or not tail:
            continue
        entries.append(
            MountEntry(
                mount_point=_unescape(head[4]),
                fstype=tail[0],
                source=_unescape(tail[1]) if len(tail) > 1 else "",
            )
        )
    return entries


def _unescape(field: str) -> str:
    return _ESCAPE.sub(lambda match: chr(int(match.group(1), 8)), field)


def mount_of(path: str, entries: list[MountEntry]) -> MountEntry | None:
    """The mount that holds ``path`` (absolute, symlinks resolved): the longest mount point
    above it, and of equal ones the last mounted (it hides those below)."""
    target = PurePosixPath(path)
    best: MountEntry | None = None
    for entry in entries:
        point = PurePosixPath(entry.mount_point)
        if target.is_relative_to(point) and (
            best is None or len(point.parts) >= len(PurePosixPath(best.mount_point).parts)
        ):
            best = entry
    return best


def network_filesystem(path: str, mountinfo: str) -> str | None:
    """The network filesystem type holding ``path`` per the mountinfo text, or None if local."""
    entry = mount_of(path, parse_mountinfo(mountinfo))
    if entry is None:
        return None
    fstype = entry.fstype.lower()
    return fstype if fstype in NETWORK_FILESYSTEMS else None


def is_unc_path(path: str) -> bool:
    """A Windows UNC path (``\\\\server\\share\\...``, ``//server/share``, ``\\\\?\\UNC\\...``)."""
    text = path.replace("/", "\\")
    if text.upper().startswith("\\\\?\\UNC\\"):
        return True
    # \\?\C:\... and \\.\device are local paths in the long-path and device spellings.
    return text.startswith("\\\\") and text[2:3] not in ("?", ".", "")


def read_mountinfo() -> str | None:
    """This process's mount table, or None where there is no /proc (macOS, BSD)."""
    try:
        with open("/proc/self/mountinfo", encoding="utf-8", errors="surrogateescape") as fh:
            return fh.read()
    except OSError:
        return None


def refuse_network_folder(folder: Path) -> None:
    """Raise NetworkStoreError when ``folder`` is on a network share; otherwise return."""
    resolved = os.path.realpath(folder)
    if sys.platform == "win32":
        if is_unc_path(resolved) or _windows_drive_is_remote(resolved):
            raise NetworkStoreError(str(folder), "network drive")
        return
    mountinfo = read_mountinfo()
    if mountinfo is None:
        return  # nothing to judge by; the desk is deployed on Linux and Windows only
    fstype = network_filesystem(resolved, mountinfo)
    if fstype is not None:
        raise NetworkStoreError(str(folder), fstype)


def _windows_drive_is_remote(path: str) -> bool:
    if sys.platform != "win32":
        return False
    import ctypes

    drive = os.path.splitdrive(path)[0]
    if not drive:
        return False
    drive_remote = 4  # GetDriveTypeW: DRIVE_REMOTE, a mapped network drive
    return bool(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == drive_remote)
