"""The text message template editor for supervisors and administrators."""
