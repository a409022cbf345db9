"""Text messages to and from patients through a GSM/4G USB modem (Qt-free)."""
