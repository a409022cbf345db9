#!/usr/bin/env bash
# Package the Linux desk bundle as a .deb for Debian, Ubuntu, UOS and Kylin (amd64).
#   scripts/build_deb.sh [DIST_DIR]      (default dist; builds DIST_DIR/agent-app first if missing)
# Writes DIST_DIR/agent-app_<version>_amd64.deb: the bundle under /opt/agent-app, the command
# /usr/bin/agent-app, a menu entry, hicolor icons and a man page. Users' stores and settings
# live in their home folders, so removing or upgrading the package never touches them.
set -euo pipefail
cd "$(dirname "$0")/.."
dist="${1:-dist}"
[ -x "$dist/agent-app/agent-app" ] || bash scripts/build_bundle.sh "$dist"
version="$(.venv/bin/python -c 'import sys; sys.path.insert(0, "installer")
import bundle_data, pathlib; print(bundle_data.project_version(pathlib.Path(".")))')"

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
root="$stage/root"
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
  "$root/usr/share/man/man1" "$root/usr/share/doc/agent-app" \
  "$root/usr/share/icons/hicolor/scalable/apps"
cp -a "$dist/agent-app" "$root/opt/agent-app"
# Read-only for users: files 0644, programs and folders 0755 (the build ran with umask 077).
chmod -R u+rwX,go+rX,go-w "$root/opt/agent-app"

cat > "$root/usr/bin/agent-app" <<'WRAPPER'
#!/bin/sh
# The follow-up desk, installed under /opt/agent-app.
exec /opt/agent-app/agent-app "$@"
WRAPPER
chmod 0755 "$root/usr/bin/agent-app"

install -m 0644 installer/agent-app.desktop "$root/usr/share/applications/agent-app.desktop"
install -m 0644 installer/agent-app.svg "$root/usr/share/icons/hicolor/scalable/apps/agent-app.svg"
icons="$stage/icons"
.venv/bin/python installer/render_icons.py "$icons"
for png in "$icons"/*x*/agent-app.png; do
  size="$(basename "$(dirname "$png")")"
  install -D -m 0644 "$png" "$root/usr/share/icons/hicolor/$size/apps/agent-app.png"
done
gzip -9n -c installer/agent-app.1 > "$root/usr/share/man/man1/agent-app.1.gz"
chmod 0644 "$root/usr/share/man/man1/agent-app.1.gz"
cat > "$root/usr/share/doc/agent-app/copyright" <<'COPYRIGHT'
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: agent-app
License: GPL-2.0-or-later
Comment: Bundles Python, Qt for Python (LGPL-3.0), pjsua2 (GPL-2.0), SQLCipher (BSD-3-Clause)
 and WenQuanYi Zen Hei (GPL-2.0 with font exception); see /usr/share/common-licenses/GPL-2.
COPYRIGHT
chmod 0644 "$root/usr/share/doc/agent-app/copyright"

# The newest C library symbol any bundled file needs: PyInstaller copies the build machine's
# libraries, so the package installs only where that glibc (or newer) is.
glibc="$(find "$root/opt/agent-app" -type f \( -name '*.so*' -o -name agent-app \) \
  -exec objdump -T {} + 2>/dev/null | grep -o 'GLIBC_[0-9.]*' | sort -u -V | tail -1)"
depends="libc6 (>= ${glibc#GLIBC_}), $(.venv/bin/python -c 'import sys; sys.path.insert(0, "installer")
import bundle_data; print(", ".join(bundle_data.DEB_DEPENDS))')"
cat > "$root/DEBIAN/control" <<CONTROL
Package: agent-app
Version: $version
Architecture: amd64
Maintainer: Follow-up desk team <desk@localhost>
Installed-Size: $(du -sk "$root" | cut -f1)
Depends: $depends
Recommends: fonts-wqy-zenhei | fonts-noto-cjk, gnome-keyring | kwalletmanager
Section: misc
Priority: optional
Description: Hospital patient follow-up call desk
 The agent's desktop for following up discharged patients by telephone: task
 queue, patient card, questionnaires and call scripts, SIP headset or analogue
 phone-line box, supervision, an encrypted local store synchronised with the
 hospital's central server.
CONTROL
# Refresh the menu and icon caches where the tools exist; never fail the install for them.
cat > "$root/DEBIAN/postinst" <<'HOOK'
#!/bin/sh
set -e
command -v update-desktop-database >/dev/null && update-desktop-database -q || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
exit 0
HOOK
cp "$root/DEBIAN/postinst" "$root/DEBIAN/postrm"
chmod 0755 "$root/DEBIAN/postinst" "$root/DEBIAN/postrm"

deb="$dist/agent-app_${version}_amd64.deb"
# gzip, not xz or zstd: xz takes minutes on this size and older dpkg (UOS, Kylin) lacks zstd.
dpkg-deb --root-owner-group -Zgzip -z6 --build "$root" "$deb" >/dev/null
echo "Built $deb ($(du -h "$deb" | cut -f1))"
