"""Supervision (Qt-free): QA scoring of calls, spot-check sampling at levels 2 and 3, agreement
between levels, and the complaints workflow."""
