"""Noticing that the desk slept or that its network changed, without Qt or OS services.

``sleep_gap`` tells a resume from a jump between the wall clock and the monotonic clock (or a
long silence of a steady timer), ``routes`` reads which local address reaches the desk's
servers, and ``link_watch`` polls both on a thread of its own and reports ``LinkEvent``s. ui/
relays them to the phone line (register again) and the sync worker (a cycle at once).
"""
