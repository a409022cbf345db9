"""The red-flag inbox: the doctor's desk and the supervisor's alerts."""
