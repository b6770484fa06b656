"""PyInstaller hook for PySide6.QtGui that leaves out the plugins a desktop app never loads.

It replaces PyInstaller's own hook (project hooks take precedence) and does what that hook does,
then drops plugins before PyInstaller follows their link-time dependencies: removing them here,
rather than from the finished bundle, also keeps out the libraries only they need (QtNetwork
via VNC, the EGLFS device libraries, GTK's cairo/pango stack via the gtk3 theme, QtPdf...).

Kept: the desktop platforms (xcb, wayland, windows, cocoa) plus offscreen/minimal for headless
runs, the xdg portal theme (native file dialogs through D-Bus), compose/ibus input, and the
common image formats including SVG (system icon themes are SVG).
"""

from __future__ import annotations

from pathlib import Path

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

# plugin folder -> plugin names (file name without "lib" prefix and extension); "*" = all
UNUSED_PLUGINS = {
    "egldeviceintegrations": {"*"},  # EGLFS: embedded boards without a window system
    "generic": {"*"},  # evdev/tuio input for framebuffer setups
    "platforms": {"qeglfs", "qlinuxfb", "qminimalegl", "qvkkhrdisplay", "qvnc", "qdirect2d"},
    "platformthemes": {"qgtk3"},  # would pull GTK's cairo/pango stack; the portal theme suffices
    "platforminputcontexts": {"qtvirtualkeyboardplugin"},  # needs Qt Quick
    "imageformats": {"qpdf", "qtiff", "qwebp", "qtga", "qwbmp", "qicns", "qmacheif", "qmacjp2"},
    "wayland-shell-integration": {
        "fullscreen-shell-v1",
        "ivi-shell",
        "qt-shell",
        "wl-shell-plugin",
    },
    "wayland-graphics-integration-client": {
        "dmabuf-server",
        "drm-egl-server",
        "shm-emulation-server",
        "vulkan-server",
    },
}


def _plugin_name(path: str) -> str:
    name = Path(path).name.split(".")[0]
    return name[3:] if name.startswith("lib") else name


def _is_unused(src: str) -> bool:
    unused = UNUSED_PLUGINS.get(Path(src).parent.name, set())
    return "*" in unused or _plugin_name(src) in unused


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(src, dest) for src, dest in binaries if not _is_unused(src)]
