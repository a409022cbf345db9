"""Supervisor screens: recordings and QA scoring, spot-check sampling, complaints."""
