#!/bin/sh
# Adds Proposal Planner to your desktop's application menu (for this user only), pointing the
# menu entry at the unpacked folder this script sits in. Run it again after moving the folder.
# Nothing else is installed: remove ~/.local/share/applications/proposal-planner.desktop to undo.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$data/applications" "$data/icons/hicolor/256x256/apps"
cp "$here/proposal-planner.png" "$data/icons/hicolor/256x256/apps/proposal-planner.png"
sed -e "s|^Exec=planner|Exec=\"$here/planner/planner\"|" -e "s|^TryExec=planner|TryExec=$here/planner/planner|" \
  "$here/proposal-planner.desktop" > "$data/applications/proposal-planner.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications" || true
echo "Proposal Planner added to the application menu ($data/applications/proposal-planner.desktop)"
