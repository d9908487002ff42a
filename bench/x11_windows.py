"""Ask an X server whether a top-level window with a given title is viewable, over one connection.

Spawning `xwininfo` every few milliseconds floods Xvfb with short-lived clients and now and then
starves the very application being timed of its own connection; one long-lived connection through
libX11 (ctypes, no extra package) polls without disturbing it.
"""

from __future__ import annotations

import ctypes
import ctypes.util

IS_VIEWABLE = 2


class _WindowAttributes(ctypes.Structure):
    # Xlib's XWindowAttributes; only map_state is read, the rest keeps the layout right.
    _fields_ = [
        ("x", ctypes.c_int), ("y", ctypes.c_int), ("width", ctypes.c_int),
        ("height", ctypes.c_int), ("border_width", ctypes.c_int), ("depth", ctypes.c_int),
        ("visual", ctypes.c_void_p), ("root", ctypes.c_ulong), ("class_", ctypes.c_int),
        ("bit_gravity", ctypes.c_int), ("win_gravity", ctypes.c_int),
        ("backing_store", ctypes.c_int), ("backing_planes", ctypes.c_ulong),
        ("backing_pixel", ctypes.c_ulong), ("save_under", ctypes.c_int),
        ("colormap", ctypes.c_ulong), ("map_installed", ctypes.c_int),
        ("map_state", ctypes.c_int), ("all_event_masks", ctypes.c_long),
        ("your_event_mask", ctypes.c_long), ("do_not_propagate_mask", ctypes.c_long),
        ("override_redirect", ctypes.c_int), ("screen", ctypes.c_void_p),
    ]  # fmt: skip


class XConnection:
    """One connection to an X display, closed on exit."""

    def __init__(self, display: str) -> None:
        name = ctypes.util.find_library("X11")
        if name is None:
            raise RuntimeError("libX11 is not installed (Debian: apt-get install libx11-6)")
        self._x = ctypes.CDLL(name)
        self._x.XOpenDisplay.restype = ctypes.c_void_p
        self._x.XDefaultRootWindow.restype = ctypes.c_ulong
        self._x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self._x.XQueryTree.argtypes = [ctypes.c_void_p, ctypes.c_ulong] + [ctypes.c_void_p] * 4
        self._x.XFetchName.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_void_p]
        self._x.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_void_p]
        self._x.XFree.argtypes = [ctypes.c_void_p]
        self._display = self._x.XOpenDisplay(display.encode())
        if not self._display:
            raise RuntimeError(f"cannot open X display {display}")

    def window_viewable(self, title: str) -> bool:
        """True once a child of the root window is named `title` and mapped on screen."""
        root, parent = ctypes.c_ulong(), ctypes.c_ulong()
        children, count = ctypes.POINTER(ctypes.c_ulong)(), ctypes.c_uint()
        root_window = self._x.XDefaultRootWindow(self._display)
        if not self._x.XQueryTree(
            self._display,
            root_window,
            ctypes.byref(root),
            ctypes.byref(parent),
            ctypes.byref(children),
            ctypes.byref(count),
        ):
            return False
        try:
            return any(self._is_viewable_named(children[i], title) for i in range(count.value))
        finally:
            if children:
                self._x.XFree(children)

    def _is_viewable_named(self, window: int, title: str) -> bool:
        name = ctypes.c_char_p()
        if not self._x.XFetchName(self._display, window, ctypes.byref(name)) or not name.value:
            return False
        matches = name.value.decode(errors="replace") == title
        self._x.XFree(name)
        if not matches:
            return False
        attributes = _WindowAttributes()
        self._x.XGetWindowAttributes(self._display, window, ctypes.byref(attributes))
        return attributes.map_state == IS_VIEWABLE

    def close(self) -> None:
        self._x.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self._x.XCloseDisplay(self._display)
