"""Qt Multimedia and print support for ui/, kept apart from qt.py so the desk does not load
them at start-up: only the recordings player and printing import this module."""

from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter

__all__ = ["QAudioOutput", "QMediaDevices", "QMediaPlayer", "QPrintDialog", "QPrinter"]
