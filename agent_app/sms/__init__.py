"""Text messages to and from patients through a GSM/4G USB modem or the hospital's SMS platform
(Qt-free)."""
